import { describe, expect, it } from 'vitest';
import { fontParseCount } from '../../src/pdf/fonts.js';
import { layOutPdf } from '../../src/pdf/renderPdf.js';

describe('layOutPdf', () => {
  const definition = (text: string) => ({ content: [{ text, font: 'NotoSansSC' }, { text: '粗体', bold: true }], defaultStyle: { font: 'NotoSansSC' } });

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
    for (let index = 0; index < 3; index += 1) await (await layOutPdf(definition(`第${index}份`), ['NotoSansSC'])).toBuffer();
    expect(afterFirst).toBeGreaterThan(0);
    expect(fontParseCount()).toBe(afterFirst);
  });

  it('refuses to fetch URLs named in a document', async () => {
    await expect(layOutPdf({ content: [{ image: 'https://example.com/x.png' }], defaultStyle: { font: 'NotoSansSC' } }, ['NotoSansSC'])).rejects.toThrowError();
  });
});

describe('fonts', () => {
  it('names a missing font file and the fix', async () => {
    const { fontFileBytes } = await import('../../src/pdf/fonts.js');
    expect(() => fontFileBytes('/nonexistent/fonts/NotoSansSC-Regular.ttf')).toThrowError(
      expect.objectContaining({ code: 'RENDER_FAILED', file: '/nonexistent/fonts/NotoSansSC-Regular.ttf', hint: expect.stringContaining('fonts/') }),
    );
  });
});
