// scripts/load.test.ts: the pure parts of the load script: nearest-rank percentiles, the report format, the
// echo messages and the HTTP route mix (the servers themselves are exercised by `npm run load`).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { echoMessage, formatPart, httpMix, percentile } from './load';

test('percentile: nearest rank over sorted values', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
  assert.is(percentile(xs, 50), 50);
  assert.is(percentile(xs, 99), 99);
  assert.is(percentile(xs, 100), 100);
  assert.is(percentile(xs, 0), 1);
  assert.is(percentile([7], 50), 7);
  assert.is(percentile([7], 99), 7);
  assert.is(percentile([1, 2, 3], 50), 2);
  assert.is(percentile([1, 2, 3, 4], 50), 2);
  assert.is(percentile([1, 2, 3, 4], 51), 3);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('formatPart: the exact report lines', () => {
  const lines = formatPart({
    title: 'echo: x', connections: 2, unit: 'messages', attempted: 4, failures: 1, latenciesMs: [3, 1, 2],
    elapsedMs: 1500, peakRssKiB: 10240, serverCpuMs: 750, clientCpuMs: 1500, reasons: ['client 1 message 0: timed out'],
  });
  assert.equal(lines, [
    'echo: x',
    '  connections     2',
    '  messages        4',
    '  failures        1',
    '  latency         p50 2.00 ms, p99 3.00 ms, max 3.00 ms',
    '  throughput      2 messages/s (1.50 s)',
    '  server peak RSS 10.0 MiB (VmHWM)',
    '  server CPU      0.75 s (50% of one core)',
    '  client CPU      1.50 s (100% of one core)',
    '  failed: client 1 message 0: timed out',
  ]);
});

test('formatPart: nothing measured', () => {
  const lines = formatPart({
    title: 'http: y', connections: 1, unit: 'requests', attempted: 1, failures: 1, latenciesMs: [],
    elapsedMs: 0, peakRssKiB: undefined, serverCpuMs: undefined, clientCpuMs: 0, reasons: [],
  });
  assert.equal(lines.slice(4), [
    '  latency         p50 -, p99 -, max -',
    '  throughput      0 requests/s (0.00 s)',
    '  server peak RSS unknown',
    '  server CPU      unknown',
    '  client CPU      0.00 s (0% of one core)',
  ]);
});

test('echoMessage: distinct, multi-byte, fits one 4096-byte recv with its echo', () => {
  const seen = new Set<string>();
  for (let c = 0; c < 50; c++) for (let i = 0; i < 100; i++) seen.add(echoMessage(c, i));
  assert.is(seen.size, 5000);
  assert.is(echoMessage(3, 4), `client 3 message 4 héllo wörld ✓ ${'x'.repeat(73)}`);
  for (const m of seen) assert.ok(Buffer.byteLength(`Echo: ${m}`) < 4096);
});

test('httpMix: four routes, each request written whole with a correct Content-Length', () => {
  assert.equal(httpMix.map((x) => x.request.split('\r\n')[0]), ['GET /health HTTP/1.1', 'GET /users/123 HTTP/1.1', 'POST /users HTTP/1.1', 'GET /nowhere HTTP/1.1']);
  const post = httpMix[2]!.request;
  const body = post.slice(post.indexOf('\r\n\r\n') + 4);
  assert.ok(post.includes(`Content-Length: ${Buffer.byteLength(body)}\r\n`));
});

test.run();
