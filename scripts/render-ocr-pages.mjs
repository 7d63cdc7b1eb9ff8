#!/usr/bin/env node
// Renders the bundled sample reports as printed pages without a text layer, the way a scan reaches an office: each
// text laid out by Chromium on A4 pages in two newspaper columns (with a masthead), printed to PDF, then rasterised
// by pdftoppm. Output: <out>/<sample>.pdf (with text layer), <out>/<sample>-<dpi>-<page>.png, and
// <out>/<sample>-scan.pdf (the PNG pages only, no text layer). Used by scripts/ocr-eval.mjs and the OCR tests.
//
// --traditional sets the text in traditional characters (OpenCC cn→tw), as a Taiwan or Hong Kong page would be.
//
//   node scripts/render-ocr-pages.mjs [--out DIR] [--dpi 150] [--columns 2] [--traditional] [sample.txt …]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js/cn2t';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

function option(args, name, fallback) {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** The report as a newspaper-like HTML page: a masthead over the whole width, the body in columns. */
export function pageHtml(text, columns) {
  const paragraphs = text.split(/\n\s*\n|\n/).map((line) => line.trim()).filter(Boolean);
  const [masthead, ...body] = paragraphs;
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
@font-face { font-family: "Report Serif"; src: url("file://${join(ROOT, 'fonts/NotoSerifSC/NotoSerifSC-Regular.ttf')}"); }
@font-face { font-family: "Report Serif"; font-weight: bold; src: url("file://${join(ROOT, 'fonts/NotoSerifSC/NotoSerifSC-Bold.ttf')}"); }
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "Report Serif", serif; font-size: 10.5pt; line-height: 1.55; margin: 0; }
h1 { font-size: 20pt; text-align: center; border-bottom: 2px solid #000; margin: 0 0 4mm; padding-bottom: 2mm; }
main { column-count: ${columns}; column-gap: 7mm; column-rule: 1px solid #888; }
p { margin: 0 0 1.5mm; text-indent: 2em; text-align: justify; }
</style><body><h1>${escapeHtml(masthead)}</h1><main>${body.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</main></body></html>`;
}

export function renderSample(textFile, outDir, { dpi, columns, traditional = false }) {
  const name = basename(textFile, '.txt') + (traditional ? '-tra' : '');
  const text = readFileSync(textFile, 'utf8');
  const html = join(outDir, `${name}.html`);
  const pdf = join(outDir, `${name}.pdf`);
  writeFileSync(html, pageHtml(traditional ? OpenCC.Converter({ from: 'cn', to: 'tw' })(text) : text, columns));
  execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdf, join(outDir, `${name}-${dpi}`)]);
  const pages = readdirSync(outDir).filter((file) => file.startsWith(`${name}-${dpi}-`) && file.endsWith('.png')).sort();
  // A scan: the page images in a PDF of their own, without a text layer (an HTML page of images only).
  const scanHtml = join(outDir, `${name}-scan.html`);
  writeFileSync(scanHtml, `<!doctype html><style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;break-after:page}</style>${pages.map((page) => `<img src="${page}">`).join('')}`);
  execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(outDir, `${name}-scan.pdf`)}`, `file://${scanHtml}`], { stdio: 'ignore' });
  return { name, pdf, pages: pages.map((page) => join(outDir, page)), scan: join(outDir, `${name}-scan.pdf`) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outDir = resolve(option(args, '--out', join(ROOT, 'tmp/ocr-pages')));
  const dpi = Number(option(args, '--dpi', '150'));
  const columns = Number(option(args, '--columns', '2'));
  const traditional = args.includes('--traditional');
  if (traditional) args.splice(args.indexOf('--traditional'), 1);
  const inputs = args.length > 0 ? args : readdirSync(join(ROOT, 'data/reports')).filter((file) => file.endsWith('.txt')).sort().map((file) => join(ROOT, 'data/reports', file));
  mkdirSync(outDir, { recursive: true });
  for (const input of inputs) {
    const { name, pages } = renderSample(input, outDir, { dpi, columns, traditional });
    console.log(`${name}: ${pages.length} page(s) at ${dpi} dpi in ${outDir}`);
  }
}
