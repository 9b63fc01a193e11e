// ir/core/eval/ioloop-fixture.ts: run by eval.test.ts in a child Node with a small heap cap: an IO loop of
// N binds (argv[2]) must finish there, which it cannot if each iteration leaves something behind.
import { program, runSource } from './testing';

const n = Number(process.argv[2] ?? '1000000');
const r = await runSource(program(String.raw`
Main.loop = \n -> case prim_eqInt n 0 of {
    Lune.Prelude.True -> Main.say "end";
    Lune.Prelude.False -> Main.bind (prim_ioPure n) (\_ -> Main.loop (prim_subInt n 1)) }
Main.main = Main.loop ${n}`));
process.stdout.write(r.stdout);
