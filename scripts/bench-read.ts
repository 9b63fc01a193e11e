// scripts/bench-read.ts (npm run bench:read): times reading every corpus dump with an ohm-js grammar of the
// Show format (recognition only) and with readDump, the hand-written scanner; medians of warm runs.
// usage: tsx scripts/bench-read.ts [--ohm-runs N] [--runs N] [--no-ohm] [DUMPS_DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ohm from 'ohm-js';
import { readDump } from '../ir/core/read';
import { CompileError } from '../ir/shared/diagnostic';

/** The whole Show syntax of a dump as an ohm grammar: what the issue asked to measure first. */
const showGrammar = ohm.grammar(String.raw`
CoreShow {
  Module = Value end
  Value = Term+
  Term = ident "{" ListOf<Field, ","> "}"  -- record
       | "(" ListOf<Value, ","> ")"        -- paren
       | "[" ListOf<Value, ","> "]"        -- list
       | string | char | number | ident
  Field = ident "=" Value
  ident = letter (alnum | "_" | "'" | ".")*
  string = "\"" strChar* "\""
  strChar = "\\" any          -- escape
          | ~"\"" ~"\\" any   -- plain
  char = "'" charBody "'"
  charBody = "\\" (~"'" any)+ -- escape
           | ~"'" any         -- plain
  number = "-"? digit+ ("." digit+)? (("e" | "E") "-"? digit+)?
}`);

/** The budget from the issue: the largest dump must read in this many milliseconds, warm. */
const budgetMs = 100;
const largest = '50_HealthAgent.core';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(runs: number, f: () => void): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function main(argv: string[]): number {
  let ohmRuns = 3;
  let runs = 15;
  let dir = new URL('../../shared/lune-corpus/dumps', import.meta.url).pathname;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--ohm-runs') ohmRuns = Number(argv[++i]);
    else if (a === '--runs') runs = Math.max(10, Number(argv[++i]));
    else if (a === '--no-ohm') ohmRuns = 0;
    else dir = a;
  }
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.core')).sort();
  } catch (e) {
    console.error(`bench-read: cannot list ${dir}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
  // Warm both readers up on every file before measuring anything.
  for (let i = 0; i < 3; i++) for (const [k, t] of texts.entries()) tryRead(t, files[k]!);
  if (ohmRuns > 0) showGrammar.match(texts[0]!);

  console.log(`${'file'.padEnd(30)} ${'size'.padStart(9)} ${'ohm ms'.padStart(9)} ${'scanner ms'.padStart(11)}  result`);
  let bytes = 0;
  let ohmTotal = 0;
  let scanTotal = 0;
  let largestMs = NaN;
  for (const [k, f] of files.entries()) {
    const text = texts[k]!;
    const outcome = tryRead(text, f);
    const ohmMatched = ohmRuns > 0 ? showGrammar.match(text).succeeded() : true;
    const ohmMs = ohmRuns > 0 ? time(ohmRuns, () => showGrammar.match(text)) : NaN;
    const scanMs = time(runs, () => tryRead(text, f));
    bytes += text.length;
    ohmTotal += ohmMs;
    scanTotal += scanMs;
    if (f === largest) largestMs = scanMs;
    const ohmCol = ohmRuns > 0 ? ohmMs.toFixed(1) : '-';
    const ohmNote = ohmMatched ? '' : ' (the ohm grammar does not match it)';
    console.log(`${f.padEnd(30)} ${String(text.length).padStart(9)} ${ohmCol.padStart(9)} ${scanMs.toFixed(2).padStart(11)}  ${outcome}${ohmNote}`);
  }
  const kbps = (ms: number): string => (ms > 0 ? `${Math.round(bytes / 1024 / (ms / 1000))} KB/s` : '-');
  console.log(`total ${files.length} files, ${bytes} bytes: ohm ${ohmRuns > 0 ? ohmTotal.toFixed(0) + ' ms (' + kbps(ohmTotal) + ')' : 'skipped'}, ` +
    `scanner ${scanTotal.toFixed(1)} ms (${kbps(scanTotal)}); medians of ${ohmRuns} ohm / ${runs} scanner warm runs`);
  if (Number.isNaN(largestMs)) return 0;
  const ok = largestMs <= budgetMs;
  console.log(`budget: ${largest} read in ${largestMs.toFixed(1)} ms (limit ${budgetMs} ms): ${ok ? 'ok' : 'OVER BUDGET'}`);
  return ok ? 0 : 1;
}

/** `read N decls`, `refused (frontend error)` or the error; a dump that fails to read is reported, not fatal. */
function tryRead(text: string, file: string): string {
  try {
    return `read ${readDump(text, file).decls.length} decls`;
  } catch (e) {
    if (e instanceof CompileError) return e.message.startsWith('this file is a Lune frontend error report') ? 'refused (frontend error)' : `error: ${e.message}`;
    throw e;
  }
}

process.exit(main(process.argv.slice(2)));
