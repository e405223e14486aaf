// startTracing follows the standard environment: nothing installed without
// OTEL_EXPORTER_OTLP_ENDPOINT; with it, spans go over OTLP/HTTP to <endpoint>/v1/traces under
// OTEL_SERVICE_NAME or the process's default name, and log lines carry the active span's ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SpanKind, trace } from '@opentelemetry/api';
import { pinoLog } from './log.ts';
import { inSpan, startTracing } from './tracing.ts';

test('startTracing: off without an endpoint; with one, spans exported to it over OTLP/HTTP as the default service, log lines carrying their ids', async () => {
  const saved = { ...process.env };
  const posts: { path: string; body: string }[] = [];
  const collector = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); }).on('end', () => { posts.push({ path: req.url ?? '', body }); res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'); });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  try {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    delete process.env.OTEL_SERVICE_NAME;
    assert.equal(startTracing('spellgrid-worker'), undefined);
    await inSpan('untraced', { kind: SpanKind.INTERNAL }, async () => assert.equal(trace.getActiveSpan()?.isRecording() ?? false, false));

    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const tracing = startTracing('spellgrid-worker')!;
    const lines: Record<string, unknown>[] = [];
    const log = pinoLog('worker', { destination: new Writable({ write(chunk: Buffer, _, done) { lines.push(JSON.parse(chunk.toString())); done(); } }) });
    let ids: { traceId: string; spanId: string } | undefined;
    await inSpan('process sim.jobs', { kind: SpanKind.CONSUMER }, async (span) => {
      ids = span.spanContext();
      log({ msg: 'inside' });
    });
    await tracing.shutdown(); // flushes the batch
    await new Promise((r) => setImmediate(r));
    assert.deepEqual([lines[0]!.trace_id, lines[0]!.span_id], [ids!.traceId, ids!.spanId]);
    assert.equal(posts.length, 1);
    assert.equal(posts[0]!.path, '/v1/traces');
    assert.match(posts[0]!.body, /spellgrid-worker/);
    assert.match(posts[0]!.body, /process sim\.jobs/);
  } finally {
    process.env = saved;
    collector.close();
  }
});
