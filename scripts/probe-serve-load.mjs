#!/usr/bin/env node
// `briefing serve` under load, as a runaway page or a hostile local client would load it: 300 concurrent preview
// requests, then a 1 GB request body (streamed, no Content-Length, and announced by Content-Length). Measures the
// server's resident memory (peak, from /proc) and whether other requests are still answered meanwhile, and how fast.
// Usage: npm run probe:serve-load
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { briefing, SAMPLES, scratch } from './probe-lib.mjs';

const PREVIEWS = Number(process.env.PROBE_PREVIEWS ?? 300);
let ready;
const listening = new Promise((resolve) => (ready = resolve));
const run = briefing(['serve', SAMPLES[4], '--port', '0', '-o', scratch('serve-out')], { onStdout: (text) => text.includes('\n') && ready(text.trim()) });
const url = new URL(await listening);
const token = url.searchParams.get('token');
const pid = run.child.pid;
const memory = () => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)[1]) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
};
const api = (path, body) => fetch(new URL(path, url), { method: body ? 'POST' : 'GET', headers: { 'X-Briefing-Token': token, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
const { regions } = await (await api('/api/regions')).json();
const document = await (await api(`/api/regions/${regions[0].id}`)).json();
const edit = { summary: document.summary, origins: document.summary.figures.map((_, index) => index) };
await api(`/api/regions/${regions[0].id}/preview`, edit); // warm: fonts parsed
const idle = memory();
console.log(`serve idle after one preview: RSS ${idle.rss.toFixed(0)} MB`);

/** GET /api/regions every 250 ms while `work` runs: how long each took, and whether any failed. */
async function whileProbing(work) {
  const latencies = [];
  let failures = 0;
  let peak = 0;
  let running = true;
  const prober = (async () => {
    while (running) {
      const started = performance.now();
      try {
        if (!(await api('/api/regions')).ok) failures += 1;
      } catch {
        failures += 1;
      }
      latencies.push(performance.now() - started);
      peak = Math.max(peak, memory().rss);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  running = false;
  await prober;
  latencies.sort((a, b) => a - b);
  return { result, elapsed, probes: latencies.length, failures, median: latencies[latencies.length >> 1], max: latencies.at(-1), peak };
}

const flood = await whileProbing(async () => {
  const answers = await Promise.all(Array.from({ length: PREVIEWS }, () => api(`/api/regions/${regions[0].id}/preview`, edit).then(async (response) => (await response.json(), response.status), () => 'error')));
  const counts = {};
  for (const status of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
});
console.log(
  `${PREVIEWS} concurrent previews: answers ${JSON.stringify(flood.result)} in ${(flood.elapsed / 1000).toFixed(1)} s; RSS peak ${flood.peak.toFixed(0)} MB; ` +
    `meanwhile ${flood.probes} GET /api/regions, ${flood.failures} failed, median ${flood.median.toFixed(0)} ms, max ${flood.max.toFixed(0)} ms`,
);

/** Sends `bytes` of body to the preview route; resolves with the status, the bytes the client got to send, and the time. */
function bigBody(bytes, announce) {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(1 << 20, 0x20);
    let sent = 0;
    const started = performance.now();
    const headers = { 'X-Briefing-Token': token, 'Content-Type': 'application/json', Host: url.host, ...(announce ? { 'Content-Length': String(bytes) } : {}) };
    const call = request({ host: url.hostname, port: url.port, path: `/api/regions/${regions[0].id}/preview`, method: 'POST', headers }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode, sent, ms: performance.now() - started }));
    });
    call.on('error', (error) => resolve({ status: `connection ${error.code ?? error.message}`, sent, ms: performance.now() - started }));
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!call.write(chunk)) return call.once('drain', write);
      }
      call.end();
    };
    write();
  });
}

for (const announce of [false, true]) {
  const body = await whileProbing(() => bigBody(1024 ** 3, announce));
  console.log(
    `1 GB body ${announce ? 'with Content-Length' : 'chunked'}: ${body.result.status} after ${(body.result.sent / 1024 ** 2).toFixed(0)} MB sent, ${body.result.ms.toFixed(0)} ms; RSS peak ${body.peak.toFixed(0)} MB; ` +
      `meanwhile ${body.probes} GET /api/regions, ${body.failures} failed, max ${body.max.toFixed(0)} ms`,
  );
}
const after = memory();
console.log(`serve afterwards: RSS ${after.rss.toFixed(0)} MB (process peak ${after.peak.toFixed(0)} MB), still answering: ${(await api('/api/regions')).status}`);
run.child.kill('SIGTERM');
await run;
