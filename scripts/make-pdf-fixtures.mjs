#!/usr/bin/env node
/**
 * Writes the producer-parity fixtures (issue 21): each sample report of data/reports rendered to PDF by three producers,
 * into tests/fixtures/pdf/<producer>/<sample>.pdf, and the sample 沁水县 in old office formats into tests/fixtures/office/.
 *
 * - chromium: a newspaper page (masthead across the page, 2–4 CSS columns, a photo with its caption inside a column,
 *   Chromium's running header and footer with the page number), printed by headless Chromium;
 * - pdfmake: pdfmake's own output through the library's renderer (one column, a running footer with the page number);
 * - libreoffice: a two-column .docx (docx package) with a header and a page-number footer, converted by soffice.
 *
 * The fonts are the project's Noto fonts (a private fontconfig file), so the output does not depend on the machine's
 * fonts. Run after `npm run build`: node scripts/make-pdf-fixtures.mjs (needs chromium and soffice on PATH).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { layOutPdf } from '../dist/pdf/renderPdf.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPORTS = join(ROOT, 'data/reports');
const OUT = join(ROOT, 'tests/fixtures/pdf');
const OFFICE_OUT = join(ROOT, 'tests/fixtures/office');
/** Columns of each sample's newspaper page, in sample order: every count from 2 to 4 is printed. */
const COLUMNS = [3, 2, 4, 3, 2];
const MASTHEAD = '长治日报';
const work = mkdtempSync(join(tmpdir(), 'briefing-pdf-fixtures-'));
const environment = { ...process.env, FONTCONFIG_FILE: writeFontconfig(), HOME: work };

function writeFontconfig() {
  const file = join(work, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(ROOT, 'fonts')}</dir>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <cachedir>${join(work, 'fontcache')}</cachedir>\n</fontconfig>\n`);
  return file;
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
const linesOf = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);

function newspaperHtml(text, columns) {
  const paragraphs = linesOf(text).map((line) => `<p>${escapeHtml(line)}</p>`);
  // The photo and its caption sit inside the first column, a few paragraphs down, as on a printed page.
  paragraphs.splice(Math.min(4, paragraphs.length), 0, '<figure><div class="photo"></div><figcaption>会场一角（本报记者 摄）</figcaption></figure>');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${MASTHEAD}两会特刊</title><style>
  @page { size: A4; margin: 16mm 12mm; }
  body { font-family: 'Noto Serif SC'; font-size: 10pt; line-height: 1.45; margin: 0; }
  header { border-bottom: 3px double #000; margin-bottom: 8pt; text-align: center; }
  header h1 { font-size: 30pt; margin: 0; letter-spacing: 6pt; }
  header .edition { font-size: 10pt; }
  main { column-count: ${columns}; column-gap: 14pt; column-rule: 0.5pt solid #999; text-align: justify; }
  p { margin: 0 0 4pt; text-indent: 2em; }
  figure { margin: 6pt 0; break-inside: avoid; }
  .photo { height: 90pt; background: #bbb; }
  figcaption { font-size: 8pt; text-align: center; font-family: 'Noto Sans SC'; }
</style></head><body><header><h1>${MASTHEAD}</h1><div class="edition">两会特刊 · 第3版</div></header><main>${paragraphs.join('\n')}</main></body></html>`;
}

function chromiumPdf(text, columns, target) {
  const page = join(work, 'page.html');
  writeFileSync(page, newspaperHtml(text, columns));
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${target}`, `file://${page}`], { env: environment, stdio: 'ignore' });
}

async function pdfmakePdf(text, target) {
  const definition = {
    content: linesOf(text).map((line) => ({ text: line, margin: [0, 0, 0, 4], leadingIndent: 21 })),
    footer: (page, pages) => ({ text: `${MASTHEAD}两会特刊 · 第 ${page} 页 共 ${pages} 页`, alignment: 'center', fontSize: 8 }),
    defaultStyle: { font: 'NotoSansSC', fontSize: 10.5 },
  };
  writeFileSync(target, await (await layOutPdf(definition, ['NotoSansSC'])).toBuffer());
}

async function sampleDocx(text) {
  const header = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${MASTHEAD}两会特刊`)] })] });
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页'] })] })] });
  const document = new Document({
    styles: { default: { document: { run: { font: { ascii: 'Noto Serif SC', eastAsia: 'Noto Serif SC' }, size: 21 } } } },
    sections: [{ properties: { column: { count: 2, space: 425 } }, headers: { default: header }, footers: { default: footer }, children: linesOf(text).map((line) => new Paragraph(line)) }],
  });
  return Packer.toBuffer(document);
}

/** soffice converts `source` into `format` (an extension, or extension:filter) in the work folder; returns the file. */
function soffice(source, format) {
  const folder = mkdtempSync(join(work, 'soffice-'));
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', format, '--outdir', folder, source], { env: environment, stdio: 'ignore' });
  const [produced] = readdirSync(folder);
  return join(folder, produced);
}

async function libreofficePdf(text, target) {
  const docx = join(work, `${basename(target, '.pdf')}.docx`);
  writeFileSync(docx, await sampleDocx(text));
  renameSync(soffice(docx, 'pdf'), target);
}

/** The sample 沁水县 as .doc, .rtf and .odt (what offices still send), and the .doc again as .wps (WPS Office's format). */
async function officeFixtures(text) {
  mkdirSync(OFFICE_OUT, { recursive: true });
  const docx = join(work, 'report.docx');
  writeFileSync(docx, await sampleDocx(text));
  for (const format of ['doc', 'rtf', 'odt']) copyFileSync(soffice(docx, format), join(OFFICE_OUT, `report.${format}`));
  copyFileSync(join(OFFICE_OUT, 'report.doc'), join(OFFICE_OUT, 'report.wps'));
}

const samples = readdirSync(REPORTS).filter((name) => name.endsWith('.txt')).sort();
for (const producer of ['chromium', 'pdfmake', 'libreoffice']) mkdirSync(join(OUT, producer), { recursive: true });
for (const [index, name] of samples.entries()) {
  const text = readFileSync(join(REPORTS, name), 'utf8');
  const pdf = `${basename(name, '.txt')}.pdf`;
  chromiumPdf(text, COLUMNS[index], join(OUT, 'chromium', pdf));
  await pdfmakePdf(text, join(OUT, 'pdfmake', pdf));
  await libreofficePdf(text, join(OUT, 'libreoffice', pdf));
  console.log(`${name}: chromium (${COLUMNS[index]} columns), pdfmake, libreoffice`);
}
await officeFixtures(readFileSync(join(REPORTS, samples[4]), 'utf8'));
console.log('office: report.doc, report.rtf, report.odt, report.wps');
rmSync(work, { recursive: true, force: true });
