/**
 * The review page's server (`briefing serve`): a Hono app on Node's http server. It is a local tool that can write
 * files, so every request must prove it comes from the person who started it:
 * - it listens on loopback unless told otherwise;
 * - a random token, printed in the URL (as Jupyter does), is required on every request: in the query for the page and
 *   its assets, in the X-Briefing-Token header for the API (a header other sites cannot send without a CORS
 *   preflight, which is never granted), and POSTs must be JSON from this origin;
 * - the Host header must name this server (a DNS-rebinding page's requests carry its own host name);
 * - nothing is addressed by path: regions by id, assets from a fixed list, so no path leads anywhere else.
 * Responses are no-store, no-referrer (the token never leaves in a Referer) and under a strict CSP.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BriefingError, type ErrorCode, toBriefingError } from '../errors.js';
import { searchDivisions } from '../extract/gazetteer.js';
import { LOW_OCR_CONFIDENCE } from '../ingest/ocr/figureConfidence.js';
import { pageImage } from '../ingest/ocr/pageImages.js';
import { listTemplates } from '../layout/templates.js';
import { FONTS_DIR } from '../pdf/fonts.js';
import { renderBriefing } from '../pipeline/renderBriefing.js';
import type { ReviewEdit } from './recordReview.js';
import {
  isEdited,
  NOT_ON_DISK,
  reloadDocument,
  type ReviewDocument,
  reviewedSummary,
  type ReviewSet,
  saveReview,
  settleRegion,
  sourceViewOf,
  type UnsettledReport,
} from './reviewSet.js';

export interface ReviewServerOptions {
  set: ReviewSet;
  /** Address to listen on: 127.0.0.1 unless the user asks for another. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The template previews and saves use, unless a session fixes its own. */
  template?: string;
  /** Who reviews (recorded in `reviewed.by`). */
  reviewer?: string;
}

export interface ReviewServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TOKEN_HEADER = 'x-briefing-token';
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** How many divisions the region search lists: enough to tell homonyms apart, few enough to read at a glance. */
const DIVISIONS_LISTED = 12;
/** The page asks for one preview at a time per edit; more waiting than this is not a person typing. */
const MAX_WAITING_PREVIEWS = 16;

const PAGE_DIR = new URL('../../src/review/page/', import.meta.url);
const SCRIPT_DIR = new URL('../../dist/review/page/', import.meta.url);
const require = createRequire(import.meta.url);

/** Every file the page may load: a fixed list, read once. */
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'app.js': { file: () => fileURLToPath(new URL('app.js', SCRIPT_DIR)), type: 'text/javascript; charset=utf-8' },
  'review.css': { file: () => fileURLToPath(new URL('review.css', PAGE_DIR)), type: 'text/css; charset=utf-8' },
  'pdf.mjs': { file: () => require.resolve('pdfjs-dist/build/pdf.min.mjs'), type: 'text/javascript; charset=utf-8' },
  'pdf.worker.mjs': {
    file: () => require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'),
    type: 'text/javascript; charset=utf-8',
  },
  'sans.ttf': { file: () => `${FONTS_DIR}NotoSansSC/NotoSansSC-Regular.ttf`, type: 'font/ttf' },
};
const assetCache = new Map<string, Buffer>();

function asset(name: string): Buffer {
  let bytes = assetCache.get(name);
  if (!bytes) {
    bytes = readFileSync(ASSETS[name]!.file());
    assetCache.set(name, bytes);
  }
  return bytes;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** The app, without a listening socket (tests call `app.request`). */
export function reviewApp(options: ReviewServerOptions & { token: string; allowedHosts: () => string[] }): Hono {
  const { set, token, reviewer } = options;
  // Looked up in the set on each request: picking the region of an unsettled report adds a document.
  const documentOf = (id: string): ReviewDocument | undefined => set.documents.find((document) => document.id === id);
  const unsettledOf = (id: string): UnsettledReport | undefined => set.unsettled.find((report) => report.id === id);
  const templateNames = new Set(listTemplates().map((template) => template.name));
  const defaultTemplate = options.template ?? 'handout';
  // One render at a time: previews of fast typing queue behind each other, and the newest wins on the page. Each
  // render starts on a fresh turn of the event loop: chained by promise callbacks alone, a long queue would run to its
  // end without reading any other request (the region list, a save).
  let renderQueue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = renderQueue.then(() => new Promise((resolve) => setImmediate(resolve))).then(work);
    renderQueue = next.catch(() => undefined);
    return next;
  };
  // Previews waiting for their turn, bounded so a runaway client cannot queue without end (saves are never refused).
  let waitingPreviews = 0;

  const app = new Hono();
  app.use('*', async (c, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    const host = c.req.header('host') ?? '';
    if (!options.allowedHosts().includes(host.toLowerCase()))
      return refuse(c, 'this server only answers requests addressed to it (Host header)');
    const given =
      c.req.method === 'GET' ? (c.req.query('token') ?? c.req.header(TOKEN_HEADER)) : c.req.header(TOKEN_HEADER);
    if (!given || !sameToken(given, token))
      return refuse(c, 'a valid token is required (open the URL briefing serve printed)');
    if (c.req.method !== 'GET') {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== `http://${host}`) return refuse(c, 'cross-site requests are refused');
      if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
        return apiError(c, 415, 'USAGE', 'expected a JSON body');
    }
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => apiError(c, 413, 'USAGE', 'request too large') }),
  );

  app.get('/', (c) => c.html(pageHtml(token)));
  app.get('/assets/:name', (c) => {
    const name = c.req.param('name');
    if (!Object.hasOwn(ASSETS, name)) return apiError(c, 404, 'INPUT_NOT_FOUND', 'no such asset');
    return c.body(new Uint8Array(asset(name)), 200, { 'Content-Type': ASSETS[name]!.type });
  });

  app.get('/api/regions', (c) =>
    c.json({
      regions: set.documents.map(statusOf),
      unsettled: set.unsettled.map(unsettledStatusOf),
      failures: set.failures.map((failure) => ({ input: failure.input, error: failure.error.toJSON() })),
      templates: [...templateNames],
      template: defaultTemplate,
    }),
  );
  app.get('/api/regions/:id', (c) => {
    const document = documentOf(c.req.param('id'));
    if (!document) return notFound(c);
    return c.json(documentView(document, defaultTemplate));
  });
  // A scan's page, shown beside what OCR read from it.
  app.get('/api/regions/:id/pages/:page', async (c) => {
    const document = documentOf(c.req.param('id'));
    const page = Number(c.req.param('page'));
    const image =
      document?.report && document.summary.source.ocr && Number.isInteger(page) && page >= 1
        ? await pageImage(document.report.file, page).catch(() => undefined)
        : undefined;
    if (!image) return apiError(c, 404, 'INPUT_NOT_FOUND', 'no such page image');
    return c.body(image.bytes, 200, { 'Content-Type': image.type, 'Cache-Control': 'no-store' });
  });
  app.post('/api/regions/:id/preview', async (c) => {
    const document = documentOf(c.req.param('id'));
    if (!document) return notFound(c);
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const checked = check(document, body.value, reviewer);
    if (checked.response) return checked.response(c);
    const template = templateFor(document, body.value.template);
    if (waitingPreviews >= MAX_WAITING_PREVIEWS)
      return apiError(
        c,
        503,
        'BUSY',
        `${MAX_WAITING_PREVIEWS} previews are already waiting; ask again when they are done`,
      );
    waitingPreviews += 1;
    try {
      const rendered = await serially(() => renderBriefing(checked.summary, { template }));
      return c.json({
        pdf: rendered.pdf.toString('base64'),
        pages: rendered.pages,
        trimmed: rendered.trimmed,
        warnings: rendered.warnings,
      });
    } catch (error) {
      return errorResponse(c, toBriefingError(error, { code: 'RENDER_FAILED', file: document.summaryFile }));
    } finally {
      waitingPreviews -= 1;
    }
  });
  app.post('/api/regions/:id/save', async (c) => {
    const document = documentOf(c.req.param('id'));
    if (!document) return notFound(c);
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    if (typeof body.value.version !== 'string')
      return apiError(c, 400, 'USAGE', 'the version of the summary loaded is missing');
    const checked = check(document, body.value, reviewer);
    if (checked.response) return checked.response(c);
    try {
      const saved = await serially(() =>
        saveReview(document, checked.summary, {
          template: templateFor(document, body.value.template),
          loadedVersion: body.value.version as string,
        }),
      );
      return c.json({ ...documentView(document, defaultTemplate), written: saved.written, warnings: saved.warnings });
    } catch (error) {
      const failure = toBriefingError(error, { code: 'OUTPUT_UNWRITABLE', file: document.summaryFile });
      if (failure.code === 'SUMMARY_CONFLICT') return c.json({ error: failure.toJSON() }, 409);
      return errorResponse(c, failure);
    }
  });
  app.post('/api/regions/:id/reload', async (c) => {
    const document = documentOf(c.req.param('id'));
    if (!document) return notFound(c);
    try {
      reloadDocument(document);
    } catch (error) {
      return errorResponse(c, toBriefingError(error, { code: 'SUMMARY_INVALID', file: document.summaryFile }));
    }
    return c.json(documentView(document, defaultTemplate));
  });
  app.get('/api/unsettled/:id', (c) => {
    const report = unsettledOf(c.req.param('id'));
    if (!report) return notFound(c);
    return c.json({
      status: unsettledStatusOf(report),
      source: { text: report.source.original, marks: [], unplaced: [], fromQuotes: false },
      sourceFile: report.source.file,
    });
  });
  app.post('/api/unsettled/:id/region', async (c) => {
    const report = unsettledOf(c.req.param('id'));
    if (!report) return notFound(c);
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const { code } = body.value as { code?: unknown };
    if (typeof code !== 'string') return apiError(c, 400, 'USAGE', 'expected { code }');
    try {
      const document = await serially(() => settleRegion(set, report.id, code, reviewer));
      return c.json(documentView(document, defaultTemplate));
    } catch (error) {
      // The report is refused again (no figures, say): it stays listed, and the page says why.
      return c.json({ error: toBriefingError(error, { code: 'INPUT_UNREADABLE', file: report.input }).toJSON() }, 422);
    }
  });
  // The page searches the gazetteer here rather than being shipped a copy of it: what a name, short name or code
  // means is decided by the very lookUpDivision behind --region, and a local request answers in milliseconds.
  app.get('/api/divisions', (c) => {
    const query = (c.req.query('q') ?? '').slice(0, 40);
    const divisions = searchDivisions(query, DIVISIONS_LISTED).map(({ code, name, parent, level, province }) => ({
      code,
      name,
      parent,
      level,
      province,
    }));
    return c.json({ divisions });
  });
  app.notFound((c) => notFound(c));
  app.onError((error, c) => errorResponse(c, toBriefingError(error, { code: 'RENDER_FAILED' })));

  function templateFor(document: ReviewDocument, asked: unknown): string {
    if (document.sessionTemplate) return document.sessionTemplate;
    return typeof asked === 'string' && templateNames.has(asked) ? asked : defaultTemplate;
  }
  return app;
}

interface EditBody extends ReviewEdit {
  version?: unknown;
  template?: unknown;
}

function check(
  document: ReviewDocument,
  body: EditBody,
  reviewer?: string,
):
  | { summary: NonNullable<ReturnType<typeof reviewedSummary>['summary']>; response?: undefined }
  | { summary?: undefined; response: (c: Context) => Response } {
  if (
    !body.summary ||
    typeof body.summary !== 'object' ||
    !Array.isArray(body.origins) ||
    !body.origins.every((origin) => Number.isInteger(origin))
  ) {
    return { response: (c) => apiError(c, 400, 'USAGE', 'expected { summary, origins }') };
  }
  try {
    const result = reviewedSummary(document, { summary: body.summary, origins: body.origins }, reviewer);
    if (result.summary) return { summary: result.summary };
    const { issues } = result;
    return {
      response: (c) =>
        apiError(c, 422, 'SUMMARY_INVALID', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), {
          issues,
        }),
    };
  } catch (error) {
    const failure = toBriefingError(error, { code: 'SUMMARY_INVALID' });
    return {
      response: (c) =>
        c.json({ error: failure.toJSON(), issues: [{ path: failure.field ?? '$', message: failure.message }] }, 422),
    };
  }
}

function statusOf(document: ReviewDocument): Record<string, unknown> {
  const { summary } = document;
  return {
    id: document.id,
    name: summary.region.name,
    parent: summary.region.parent,
    code: summary.region.code,
    title: summary.title,
    figures: summary.figures.length,
    hidden: summary.figures.filter((figure) => figure.hidden).length,
    corrected: summary.figures.filter((figure) => figure.reviewed).length,
    warnings: summary.warnings.length,
    reviewed: summary.reviewed ?? null,
    edited: isEdited(summary),
    saved: document.version !== NOT_ON_DISK,
    session: document.sessionFolder ? true : false,
    hasSource: Boolean(document.report),
  };
}

function unsettledStatusOf(report: UnsettledReport): Record<string, unknown> {
  return {
    id: report.id,
    input: report.input,
    file: basename(report.input),
    reason: report.error.code,
    candidates: report.error.candidates ?? [],
  };
}

function documentView(document: ReviewDocument, defaultTemplate: string): Record<string, unknown> {
  return {
    status: statusOf(document),
    summary: document.summary,
    version: document.version,
    file: document.summaryFile,
    source: sourceViewOf(document),
    sourceFile: document.report?.file ?? null,
    candidates: document.report?.candidates ?? { highlights: [], targets: [] },
    template: document.sessionTemplate ?? defaultTemplate,
    templateFixed: Boolean(document.sessionTemplate),
    ocr: document.summary.source.ocr
      ? { pages: document.summary.source.ocrPages ?? [], lowConfidence: LOW_OCR_CONFIDENCE }
      : null,
  };
}

async function jsonBody(c: Context): Promise<{ ok: true; value: EditBody } | { ok: false; response: Response }> {
  try {
    const value = (await c.req.json()) as unknown;
    if (value && typeof value === 'object') return { ok: true, value: value as EditBody };
  } catch {
    // Falls through to the same answer as a body that is not an object.
  }
  return { ok: false, response: apiError(c, 400, 'USAGE', 'the body is not a JSON object') };
}

function refuse(c: Context, message: string): Response {
  return apiError(c, 403, 'FORBIDDEN', message);
}

function notFound(c: Context): Response {
  return apiError(c, 404, 'INPUT_NOT_FOUND', 'not found');
}

/** An error answer in the one shape every error has (BriefingError's JSON, a code from ErrorCode), as `--json` prints it. */
function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  return c.json({ error: new BriefingError(code, message).toJSON(), ...extra }, status);
}

function errorResponse(c: Context, error: BriefingError): Response {
  return c.json({ error: error.toJSON() }, error.code === 'SUMMARY_INVALID' ? 422 : 500);
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function pageHtml(token: string): string {
  const html = readFileSync(new URL('index.html', PAGE_DIR), 'utf8');
  // The token is URL-safe base64: nothing in it needs escaping in an attribute.
  return html.replaceAll('{{token}}', token);
}

export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const host = options.host ?? '127.0.0.1';
  const token = randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  // Listening on every interface, the page is reached by any of this machine's addresses.
  const names = ['0.0.0.0', '::'].includes(host)
    ? Object.values(networkInterfaces()).flatMap((addresses) => (addresses ?? []).map((address) => address.address))
    : [host];
  const allowedHosts = (): string[] =>
    [...new Set([...names, '127.0.0.1', 'localhost', '::1'])].map((name) =>
      `${name.includes(':') ? `[${name}]` : name}:${port}`.toLowerCase(),
    );
  const app = reviewApp({ ...options, token, allowedHosts });
  const server: ServerType = await new Promise((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(started));
    started.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BriefingError('USAGE', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`, {
          field: '--port',
          hint: 'choose another port with --port, or 0 for a free one',
          cause: error,
        }),
      ),
    );
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
