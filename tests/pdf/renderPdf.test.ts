import { describe, expect, it } from 'vitest';
import { fontParseCount } from '../../src/pdf/fonts.js';
import { layOutPdf } from '../../src/pdf/renderPdf.js';

describe('layOutPdf', () => {
  const definition = (text: string) => ({
    content: [
      { text, font: 'NotoSansSC' },
      { text: '粗体', bold: true },
    ],
    defaultStyle: { font: 'NotoSansSC' },
  });

  it('knows the page count before writing and writes a PDF', async () => {
    const short = await layOutPdf(definition('屯留区'), ['NotoSansSC']);
    expect(short.pages).toBe(1);
    const bytes = await short.toBuffer();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const long = await layOutPdf(definition('屯留区'.repeat(6000)), ['NotoSansSC']);
    expect(long.pages).toBeGreaterThan(1);
  });

  it('parses each font once per process, however many documents', async () => {
    await (await layOutPdf(definition('一'), ['NotoSansSC'])).toBuffer();
    const afterFirst = fontParseCount();
    for (let index = 0; index < 3; index += 1)
      await (await layOutPdf(definition(`第${index}份`), ['NotoSansSC'])).toBuffer();
    expect(afterFirst).toBeGreaterThan(0);
    expect(fontParseCount()).toBe(afterFirst);
  });

  it('refuses to fetch URLs named in a document', async () => {
    await expect(
      layOutPdf({ content: [{ image: 'https://example.com/x.png' }], defaultStyle: { font: 'NotoSansSC' } }, [
        'NotoSansSC',
      ]),
    ).rejects.toThrowError();
  });
});

describe('fonts', () => {
  it('names a missing font file and the fix', async () => {
    const { fontFileBytes } = await import('../../src/pdf/fonts.js');
    expect(() => fontFileBytes('/nonexistent/fonts/NotoSansSC-Regular.ttf')).toThrowError(
      expect.objectContaining({
        code: 'RENDER_FAILED',
        file: '/nonexistent/fonts/NotoSansSC-Regular.ttf',
        hint: expect.stringContaining('fonts/'),
      }),
    );
  });
});

describe('characters the fonts lack', () => {
  it('prints them as □ and names them, instead of empty boxes without a word', async () => {
    const { extractSummary } = await import('../../src/extract/extractSummary.js');
    const { readReport } = await import('../../src/ingest/readReport.js');
    const { renderBriefing } = await import('../../src/pipeline/renderBriefing.js');
    const { SAMPLES } = await import('../helpers/samples.js');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { text } = await import('../helpers/pdfTools.js');
    const summary = await extractSummary(await readReport(SAMPLES[0]!.path));
    summary.highlights[0]!.title = '𠀀村发展 😀 مرحبا';
    const rendered = await renderBriefing(summary);
    expect(rendered.warnings).toHaveLength(1);
    expect(rendered.warnings[0]).toContain('𠀀 (U+20000)');
    expect(rendered.warnings[0]).toContain('😀 (U+1F600)');
    expect(rendered.warnings[0]).toContain('م (U+0645)');
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-glyphs-')), 'x.pdf');
    writeFileSync(file, rendered.pdf);
    expect(text(file).replace(/\s+/g, '')).toContain('□村发展□□□□□□');
    expect((await renderBriefing(await extractSummary(await readReport(SAMPLES[0]!.path)))).warnings).toEqual([]);
  });
});

describe('readable folders', () => {
  it('are those of one render: after rendering with a template whose folder holds a logo, another render cannot read it', async () => {
    const { cpSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { PNG } = await import('pngjs');
    const { TEMPLATES_DIR } = await import('../../src/layout/templates.js');
    const { renderBriefing } = await import('../../src/pipeline/renderBriefing.js');
    const { extractSummary } = await import('../../src/extract/extractSummary.js');
    const { readReport } = await import('../../src/ingest/readReport.js');
    const { SAMPLES } = await import('../helpers/samples.js');
    // Template A: the handout with a logo file in its own folder.
    const first = mkdtempSync(join(tmpdir(), 'briefing-template-a-'));
    cpSync(join(TEMPLATES_DIR, 'handout'), first, { recursive: true });
    cpSync(join(TEMPLATES_DIR, 'partials'), join(first, 'partials'), { recursive: true, force: false });
    const logo = join(first, 'logo.png');
    writeFileSync(
      logo,
      PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 }), { data: Buffer.alloc(16, 0x80) })),
    );
    const document = JSON.parse(
      JSON.stringify({ content: [{ image: logo, width: 10 }, { text: '简报' }], defaultStyle: { font: 'NotoSansSC' } }),
    );

    const summary = await extractSummary(await readReport(SAMPLES[4]!.path));
    expect((await renderBriefing(summary, { template: first })).pages).toBe(1);
    expect((await layOutPdf(structuredClone(document), ['NotoSansSC'], { templateFolder: first })).pages).toBe(1);
    // Template B (the built-in official) and a render with no template: A's logo is not theirs to read.
    expect((await renderBriefing(summary, { template: 'official' })).pages).toBe(1);
    await expect(
      layOutPdf(structuredClone(document), ['NotoSansSC'], { templateFolder: join(TEMPLATES_DIR, 'official') }),
    ).rejects.toThrowError(/denied by resource access policy: .*logo\.png/);
    await expect(layOutPdf(structuredClone(document), ['NotoSansSC'])).rejects.toThrowError(
      /denied by resource access policy: .*logo\.png/,
    );
  });
});
