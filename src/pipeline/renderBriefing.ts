/**
 * Summary → one-page PDF: chooses and draws the chart, lays the template out, fits it on one page and
 * writes the bytes. Reads nothing but the summary (and the template and fonts).
 */
import { chooseChart } from '../charts/chooseChart.js';
import { buildDocDefinition, type LayoutChoice } from '../layout/buildDocDefinition.js';
import { fitToPage } from '../layout/fitToPage.js';
import { loadTemplate } from '../layout/templates.js';
import { layOutPdf } from '../pdf/renderPdf.js';
import type { BriefingSummary } from '../summary/schema.js';
import { missingCharacters } from '../pdf/fonts.js';
import { printedFigures } from '../summary/figureText.js';

export interface RenderOptions {
  /** Built-in template name or path of a template folder. */
  template?: string;
  /** Creation date written into the PDF; by default SOURCE_DATE_EPOCH, else the session date, else the Unix epoch. */
  creationDate?: Date;
  /** Write PDF/A-2b (archival: embedded fonts, XMP metadata, sRGB output intent). */
  pdfa?: boolean;
  /** The page's number within its file: 1 for a briefing's own PDF, its place in a book otherwise. */
  pageNumber?: number;
  /** Who issues the briefings (the official template's masthead), e.g. 长治市人大常委会办公室. */
  issuer?: string;
}

export interface RenderedBriefing {
  pdf: Buffer;
  pages: number;
  /** How many items of each list the page shows, and at which type scale. */
  shown: LayoutChoice;
  /** What fitting the page left out (the summary keeps it all). */
  trimmed: string[];
  /** What a person should know about the page: characters no embedded font has, printed as □. */
  warnings: string[];
}

export async function renderBriefing(given: BriefingSummary, options: RenderOptions = {}): Promise<RenderedBriefing> {
  const template = loadTemplate(options.template ?? 'handout');
  const { summary, warnings } = withGlyphsOf(printedPart(given), template.manifest.fonts);
  const { chart, fonts } = template.manifest;
  const chartSpec = chart ? chooseChart(summary.figures) : undefined;
  const creationDate = options.creationDate ?? creationDateOf(summary);
  const pdfa = options.pdfa ?? false;
  // chart.js and node-canvas are loaded only by templates that draw a chart; the chart is drawn once, at full size,
  // and shrinks with the type when the fitter scales the page.
  const drawnChart =
    chartSpec && chart
      ? (await import('../charts/renderChart.js')).renderChart(chartSpec, {
          width: template.contentBox.width,
          height: chart.height,
        })
      : undefined;
  const fitted = await fitToPage(summary, template, async (choice) => {
    const laidOut = await layOutPdf(
      buildDocDefinition({
        summary,
        template,
        choice,
        chart: drawnChart,
        creationDate,
        pdfa,
        pageNumber: options.pageNumber,
        issuer: options.issuer,
      }),
      fonts,
      { templateFolder: template.folder },
    );
    return {
      pages: laidOut.pages,
      contentHeight: laidOut.contentHeight,
      pageContentHeight: laidOut.pageContentHeight,
      laidOut,
    };
  });
  return {
    pdf: await fitted.laidOut.toBuffer(),
    pages: fitted.laidOut.pages,
    shown: fitted.choice,
    trimmed: fitted.trimmed,
    warnings,
  };
}

/** What the page prints: figures a person hid stay in the summary, not on the page. */
function printedPart(summary: BriefingSummary): BriefingSummary {
  const figures = printedFigures(summary);
  return figures.length === summary.figures.length ? summary : { ...summary, figures };
}

/** A character no embedded font has would print as an empty box, silently: it is printed as □ and named instead. */
const MISSING_GLYPH = '□';

function withGlyphsOf(
  summary: BriefingSummary,
  fonts: readonly string[],
): { summary: BriefingSummary; warnings: string[] } {
  const json = JSON.stringify(summary);
  const missing = missingCharacters(json, fonts).filter((character) => character !== MISSING_GLYPH);
  if (missing.length === 0) return { summary, warnings: [] };
  const names = missing.map(
    (character) => `${character} (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
  );
  const pattern = new RegExp(`[${missing.map((character) => character.replace(/[\\\]^-]/g, '\\$&')).join('')}]`, 'gu');
  const replace = (value: unknown): unknown =>
    typeof value === 'string'
      ? value.replace(pattern, MISSING_GLYPH)
      : Array.isArray(value)
        ? value.map(replace)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value).map(([key, item]) => [key, key === 'quote' ? item : replace(item)]),
            )
          : value;
  return {
    summary: replace(summary) as BriefingSummary,
    warnings: [`characters the font does not have are printed as ${MISSING_GLYPH}: ${names.join(', ')}`],
  };
}

/**
 * Loads what rendering with `templateName` needs, ahead of the first briefing: the template, its fonts (read and
 * parsed) and its chart renderer. Lets a batch on one thread do it while the keyword dictionaries load on theirs.
 */
export async function prepareRenderer(templateName = 'handout'): Promise<void> {
  const template = loadTemplate(templateName);
  const { chart, fonts } = template.manifest;
  // Laying out a word in each font makes pdfkit open, and so parse, the font files.
  for (const font of fonts)
    await layOutPdf(
      {
        content: [
          { text: '简报', font },
          { text: '简报', font, bold: true },
        ],
        defaultStyle: { font },
      },
      fonts,
    );
  if (chart) {
    const { renderChart } = await import('../charts/renderChart.js');
    renderChart(
      { kind: 'amounts', title: '', unit: '', labels: ['一', '二', '三'], values: [1, 2, 3] },
      { width: template.contentBox.width, height: chart.height },
    );
  }
}

/**
 * A fixed creation date so the same summary gives the same bytes: SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), else the session date, else the Unix epoch.
 */
function creationDateOf(summary: BriefingSummary): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (summary.session.date) return new Date(`${summary.session.date}T00:00:00Z`);
  return new Date(0);
}
