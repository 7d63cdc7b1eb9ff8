import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadDataFile, parseDataFile } from '../../src/util/dataFile.js';

describe('data files', () => {
  it('names the file and the entry of a broken data file', () => {
    const schema = z.object({ pairs: z.array(z.tuple([z.string().length(1), z.string().length(1)])) });
    expect(() =>
      parseDataFile(
        'ocr-confusions.json',
        {
          pairs: [
            ['电', '屯'],
            ['电留', '屯'],
          ],
        },
        schema,
      ),
    ).toThrowError(/^data\/ocr-confusions\.json: \$\.pairs\[1\]\[0\]: /);
  });

  it('loads every data file of the package against its schema', async () => {
    const { grammarData } = await import('../../src/extract/figureGrammar.js');
    const { loadIndicators } = await import('../../src/extract/indicators.js');
    const { regionWords, ocrConfusions, nameBackground } = await import('../../src/extract/region/regionData.js');
    const { convertTraditional } = await import('../../src/ingest/toSimplified.js');
    expect(grammarData().words.growthUp.length).toBeGreaterThan(0);
    expect(loadIndicators().indicators.length).toBeGreaterThan(30);
    expect(regionWords().speakerCues).toContain('人民政府');
    expect(ocrConfusions().get('电')).toContain('屯');
    expect(Object.keys(nameBackground()).length).toBeGreaterThan(100);
    expect(convertTraditional('陜')).toBe('陕');
    // Read and validated once per process: the grammar's compiled patterns are keyed on these very objects.
    expect(grammarData().units).toBe(loadDataFile('units.json', z.unknown()));
  });
});
