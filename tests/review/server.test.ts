// The review server over real HTTP: who may ask (token, Host, origin), what can be reached (nothing by path), and
// what a save does (summary and PDF beside it; a session folder rebuilt so `verify` stays green; conflicts refused).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive/buildArchive.js';
import { verifyArchive } from '../../src/archive/verifyArchive.js';
import { runBatch } from '../../src/pipeline/runBatch.js';
import { loadReviewSet } from '../../src/review/reviewSet.js';
import { type ReviewServer, reviewApp, startReviewServer } from '../../src/review/server.js';
import type { ErrorCode } from '../../src/errors.js';
import type { BriefingSummary } from '../../src/summary/schema.js';
import { pageCount } from '../helpers/pdfTools.js';

function pagesOf(pdf: Buffer): number {
  const file = join(mkdtempSync(join(tmpdir(), 'briefing-preview-')), 'preview.pdf');
  writeFileSync(file, pdf);
  return pageCount(file);
}
import { REPORTS_DIR, SAMPLES } from '../helpers/samples.js';

interface Answer {
  status: number;
  body: string;
  json: () => any;
}

/** One raw HTTP request (node:http lets a test send any Host header and any path, as an attacker's page would). */
function send(
  server: ReviewServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const call = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, body: text, json: () => JSON.parse(text) });
        });
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}

const api = (server: ReviewServer, path: string, body?: unknown): Promise<Answer> =>
  send(server, path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'X-Briefing-Token': server.token },
    body,
  });

function editOf(
  document: { summary: BriefingSummary; version: string },
  change: (summary: BriefingSummary) => void = () => undefined,
) {
  const summary = structuredClone(document.summary);
  change(summary);
  return { summary, origins: summary.figures.map((_, index) => index), version: document.version };
}

describe('briefing serve: security', () => {
  let server: ReviewServer;
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefing-serve-'));
    server = await startReviewServer({
      set: await loadReviewSet({ inputs: [SAMPLES[4]!.path], outDir: out }),
      port: 0,
    });
  });
  afterAll(() => server.close());

  it('refuses every request without the token, or with a wrong one (403)', async () => {
    for (const path of ['/', '/api/regions', '/assets/app.js', '/api/regions/140521'])
      expect((await send(server, path)).status, path).toBe(403);
    expect(
      (
        await send(server, '/api/regions', {
          headers: { 'X-Briefing-Token': `${server.token.slice(0, -1)}${server.token.endsWith('x') ? 'y' : 'x'}` },
        })
      ).status,
    ).toBe(403);
    expect((await send(server, `/api/regions?token=${server.token}`)).status).toBe(200);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const answer = await send(server, `/api/regions?token=${server.token}`, {
      headers: { Host: `evil.example:${server.port}` },
    });
    expect(answer.status).toBe(403);
    expect(answer.json().error.message).toMatch(/Host/);
    expect(
      (await send(server, `/api/regions?token=${server.token}`, { headers: { Host: `localhost:${server.port}` } }))
        .status,
    ).toBe(200);
  });

  it('takes POSTs only with the token in the header, as JSON, from its own origin', async () => {
    const body = { summary: {}, origins: [] };
    expect(
      (await send(server, `/api/regions/140521/preview?token=${server.token}`, { method: 'POST', body })).status,
    ).toBe(403);
    expect(
      (
        await send(server, '/api/regions/140521/preview', {
          method: 'POST',
          body,
          headers: { 'X-Briefing-Token': server.token, Origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await send(server, '/api/regions/140521/preview', {
          method: 'POST',
          headers: { 'X-Briefing-Token': server.token, 'Content-Type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
  });

  it('reaches no file by path: traversal and unknown assets are 404', async () => {
    for (const path of [
      '/assets/..%2f..%2fpackage.json',
      '/assets/../../package.json',
      '/../../etc/passwd',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/api/regions/..%2f..%2fetc%2fpasswd',
    ]) {
      const answer = await send(server, `${path}?token=${server.token}`, {
        headers: { 'X-Briefing-Token': server.token },
      });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toMatch(/"name": "briefing"|root:/);
    }
  });

  it('sends the page under a strict content security policy, never cached and without referrers', async () => {
    const answer = await new Promise<{ headers: Record<string, unknown>; body: string }>((resolve) =>
      request({ host: '127.0.0.1', port: server.port, path: `/?token=${server.token}` }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ headers: response.headers, body }));
      }).end(),
    );
    expect(answer.headers).toMatchObject({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    expect(String(answer.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(answer.body).toContain(`/assets/app.js?token=${server.token}`);
  });
});

describe('briefing serve: preview and save', () => {
  let server: ReviewServer;
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'briefing-serve-'));
    server = await startReviewServer({
      set: await loadReviewSet({ inputs: [SAMPLES[4]!.path], outDir: out }),
      port: 0,
      reviewer: '王芳',
    });
  });
  afterAll(() => server.close());

  it('lists the region with its status and serves its source with placed quotes', async () => {
    const { regions } = (await api(server, '/api/regions')).json();
    expect(regions).toEqual([
      expect.objectContaining({
        id: '140521',
        name: '沁水县',
        reviewed: null,
        edited: false,
        saved: false,
        hasSource: true,
      }),
    ]);
    const document = (await api(server, '/api/regions/140521')).json();
    expect(document.source.marks.length).toBe(document.summary.figures.length);
    expect(document.candidates.highlights.length).toBeGreaterThan(0);
  });

  it('previews an edit as a one-page PDF, and answers an invalid field with its JSON path (422)', async () => {
    const document = (await api(server, '/api/regions/140521')).json();
    const preview = await api(
      server,
      '/api/regions/140521/preview',
      editOf(document, (summary) => (summary.figures[0]!.value = 4242)),
    );
    expect(preview.status).toBe(200);
    expect(pagesOf(Buffer.from(preview.json().pdf, 'base64'))).toBe(1);
    const invalid = await api(
      server,
      '/api/regions/140521/preview',
      editOf(document, (summary) => (summary.figures[1]!.year = 1800)),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.json().issues).toEqual([expect.objectContaining({ path: '$.figures[1].year' })]);
  });

  it('refuses previews beyond 16 waiting (503 BUSY), and still answers other requests', async () => {
    // In memory (Hono's app.request), so all 24 arrive at once, as from a runaway client.
    const app = reviewApp({
      set: await loadReviewSet({ inputs: [SAMPLES[4]!.path], outDir: out }),
      token: 't',
      allowedHosts: () => ['h:1'],
    });
    const call = (path: string, body?: unknown) =>
      app.request(`http://h:1${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { Host: 'h:1', 'X-Briefing-Token': 't', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const document = await (await call('/api/regions/140521')).json();
    const previews = Array.from({ length: 24 }, () => call('/api/regions/140521/preview', editOf(document)));
    expect((await call('/api/regions')).status).toBe(200);
    const answers = await Promise.all(previews);
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(16).fill(200), ...Array(8).fill(503)]);
    expect((await answers.find((answer) => answer.status === 503)!.json()).error.code).toBe('BUSY');
  });

  it('saves the summary (corrections marked reviewed) and its PDF; a stale version or a file changed on disk is a conflict (409)', async () => {
    const document = (await api(server, '/api/regions/140521')).json();
    const saved = await api(
      server,
      '/api/regions/140521/save',
      editOf(document, (summary) => (summary.figures[0]!.value = 4242)),
    );
    expect(saved.status).toBe(200);
    const file = join(out, '140521-沁水县.summary.json');
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as BriefingSummary;
    expect(onDisk.figures[0]).toMatchObject({
      value: 4242,
      quote: document.summary.figures[0].quote,
      reviewed: { by: '王芳', extracted: { value: document.summary.figures[0].value } },
    });
    expect(pageCount(join(out, '140521-沁水县.pdf'))).toBe(1);
    expect(saved.json().status).toMatchObject({ edited: true, saved: true, reviewed: { by: '王芳' } });

    const stale = await api(server, '/api/regions/140521/save', editOf(document));
    expect(stale.status).toBe(409);
    const current = saved.json();
    writeFileSync(file, `${JSON.stringify({ ...onDisk, title: '改过的标题' }, null, 2)}\n`);
    expect((await api(server, '/api/regions/140521/save', editOf(current))).status).toBe(409);
    expect(JSON.parse(readFileSync(file, 'utf8')).title).toBe('改过的标题');
    const reloaded = (await api(server, '/api/regions/140521/reload', {})).json();
    expect(reloaded.summary.title).toBe('改过的标题');
    expect((await api(server, '/api/regions/140521/save', editOf(reloaded))).status).toBe(200);
  });
});

describe('briefing serve, then build', () => {
  it('build keeps the summary a person saved on the review page, and prints it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefing-serve-build-'));
    const server = await startReviewServer({
      set: await loadReviewSet({ inputs: [SAMPLES[4]!.path], outDir: out }),
      port: 0,
    });
    try {
      const document = (await api(server, '/api/regions/140521')).json();
      expect(
        (
          await api(
            server,
            '/api/regions/140521/save',
            editOf(document, (summary) => (summary.figures[0]!.value = 4242)),
          )
        ).status,
      ).toBe(200);
    } finally {
      await server.close();
    }
    const [result] = await runBatch({ mode: 'build', files: [SAMPLES[4]!.path], outDir: out, workers: 1 });
    expect(result!.warnings.join('\n')).toMatch(/kept .*edited by hand/);
    expect(JSON.parse(readFileSync(join(out, '140521-沁水县.summary.json'), 'utf8')).figures[0]).toMatchObject({
      value: 4242,
      reviewed: expect.any(Object),
    });
  });
});

describe('briefing serve: a session folder', () => {
  it('saves into the folder by rebuilding PDF, book and manifest; verify stays green and the region is marked reviewed', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-serve-archive-'));
    const archived = await buildArchive({
      files: [SAMPLES[3]!.path, SAMPLES[4]!.path],
      session: '测试会议',
      date: '2026-01-17',
      outDir,
    });
    const folder = archived.folder!;
    const bookBefore = readFileSync(join(folder, 'book.pdf'));
    const server = await startReviewServer({
      set: await loadReviewSet({ inputs: [folder], outDir: join(outDir, 'unused') }),
      port: 0,
    });
    try {
      const { regions } = (await api(server, '/api/regions')).json();
      expect(regions.map((region: { session: boolean }) => region.session)).toEqual([true, true]);
      const id = regions[1].id;
      const document = (await api(server, `/api/regions/${id}`)).json();
      // The session folder does not hold the reports: the page lists the quotes themselves, marked the same way.
      expect(document.source).toMatchObject({ fromQuotes: true, unplaced: [] });
      expect(document.source.marks).toHaveLength(document.summary.figures.length);
      const saved = await api(
        server,
        `/api/regions/${id}/save`,
        editOf(document, (summary) => (summary.figures[0]!.hidden = true)),
      );
      expect(saved.status).toBe(200);
      expect(verifyArchive(folder)).toMatchObject({ ok: true });
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
      expect(manifest.regions.map((region: { reviewed?: boolean }) => region.reviewed ?? false)).toEqual([false, true]);
      expect(readFileSync(join(folder, 'book.pdf')).equals(bookBefore)).toBe(false);
      const stale = await api(server, `/api/regions/${id}/save`, editOf(document));
      expect(stale.status).toBe(409);
      // The archive cannot move a briefing to another region: the page is told so on the region field.
      const current = (await api(server, `/api/regions/${id}`)).json();
      const moved = await api(
        server,
        `/api/regions/${id}/save`,
        editOf(current, (summary) => (summary.region.code = '140400')),
      );
      expect(moved.status).toBe(422);
      expect(moved.json().issues).toEqual([
        expect.objectContaining({
          path: '$.region',
          message: expect.stringMatching(/session folder cannot be changed/),
        }),
      ]);
    } finally {
      await server.close();
    }
    // Given the folder the reports are in, the page shows each report, checked by sha256.
    const withReports = await loadReviewSet({
      inputs: [folder],
      outDir: join(outDir, 'unused'),
      reportFolders: [REPORTS_DIR],
    });
    expect(withReports.documents.map((document) => document.report?.file)).toEqual([
      SAMPLES[3]!.path,
      SAMPLES[4]!.path,
    ]);
  });
});

describe('briefing serve: the region', () => {
  let server: ReviewServer;
  let reports: string;
  beforeAll(async () => {
    reports = mkdtempSync(join(tmpdir(), 'briefing-serve-region-'));
    writeFileSync(
      join(reports, 'cooperation.txt'),
      '沁源县与襄垣县签署合作协议。沁源县、襄垣县共建园区，总投资12亿元，增长8%。',
    );
    server = await startReviewServer({
      set: await loadReviewSet({
        inputs: [SAMPLES[4]!.path, join(reports, 'cooperation.txt')],
        outDir: join(reports, 'out'),
      }),
      port: 0,
      reviewer: '王芳',
    });
  });
  afterAll(() => server.close());

  it('searches the gazetteer by name, short name or code, only with the token', async () => {
    expect((await send(server, `/api/divisions?q=${encodeURIComponent('东营')}`)).status).toBe(403);
    const search = async (query: string) =>
      (await api(server, `/api/divisions?q=${encodeURIComponent(query)}`)).json().divisions;
    expect((await search('东营市'))[0]).toEqual({
      code: '370500',
      name: '东营市',
      parent: '山东省',
      level: 'city',
      province: '山东省',
    });
    expect((await search('沁源'))[0].code).toBe('140431');
    expect((await search('140431'))[0].name).toBe('沁源县');
    expect((await search('东营')).length).toBeLessThanOrEqual(12);
    expect(await search('')).toEqual([]);
  });

  it('lists a refused report with its candidates; picking one makes it a region, saved under that region', async () => {
    const listed = (await api(server, '/api/regions')).json();
    expect(listed.regions.map((region: { name: string }) => region.name)).toEqual(['沁水县']);
    expect(listed.unsettled).toEqual([
      expect.objectContaining({
        file: 'cooperation.txt',
        reason: 'REGION_AMBIGUOUS',
        candidates: expect.arrayContaining([
          expect.objectContaining({ code: '140431' }),
          expect.objectContaining({ code: '140423' }),
        ]),
      }),
    ]);
    const { id } = listed.unsettled[0];
    const opened = (await api(server, `/api/unsettled/${id}`)).json();
    expect(opened.source.text).toContain('共建园区');

    const picked = await api(server, `/api/unsettled/${id}/region`, { code: '140431' });
    expect(picked.status).toBe(200);
    const document = picked.json();
    expect(document.status).toMatchObject({ id: '140431', name: '沁源县', edited: true, saved: false });
    expect(document.summary.region).toMatchObject({ source: 'user', reviewed: { by: '王芳' } });
    expect((await api(server, '/api/regions')).json().unsettled).toEqual([]);
    expect((await api(server, `/api/unsettled/${id}/region`, { code: '140431' })).status).toBe(404);

    expect((await api(server, '/api/regions/140431/save', editOf(document))).status).toBe(200);
    const onDisk = JSON.parse(readFileSync(join(reports, 'out', '140431-沁源县.summary.json'), 'utf8'));
    expect(onDisk.region).toEqual({
      name: '沁源县',
      code: '140431',
      parent: '长治市',
      level: 'county',
      source: 'user',
      reviewed: { at: expect.any(String), by: '王芳' },
    });
  });
});

describe('briefing serve: error answers', () => {
  it('carry a code of ErrorCode in the shape of BriefingError, whatever refused the request', async () => {
    const server = await startReviewServer({
      set: await loadReviewSet({ inputs: [SAMPLES[4]!.path], outDir: mkdtempSync(join(tmpdir(), 'briefing-serve-')) }),
      port: 0,
    });
    try {
      const known: ErrorCode[] = ['FORBIDDEN', 'USAGE', 'INPUT_NOT_FOUND', 'USAGE'];
      const answers = [
        await send(server, '/api/regions'),
        await send(server, '/api/regions/140521/preview', {
          method: 'POST',
          headers: { 'X-Briefing-Token': server.token, 'Content-Type': 'text/plain' },
        }),
        await send(server, `/assets/nothing.js?token=${server.token}`),
        await api(server, '/api/regions/140521/preview', { summary: {}, origins: 'x' }),
      ];
      expect(answers.map((answer) => answer.json().error.code)).toEqual(known);
      for (const answer of answers)
        expect(Object.keys(answer.json().error).sort()).toEqual(['code', 'field', 'file', 'hint', 'message']);
    } finally {
      await server.close();
    }
  });
});
