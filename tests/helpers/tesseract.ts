// Whether the OCR tests can run here: Tesseract installed (scripts/setup.sh installs it), and in CI they never skip.
import { findTesseract } from '../../src/ingest/ocr/findTesseract.js';

/** True when the OCR tests of `testFile` must skip (no Tesseract here, and not CI), saying so once. */
export function skipWithoutTesseract(testFile: string, input: string): boolean {
  try {
    findTesseract(input);
    return false;
  } catch {
    if (process.env.CI) return false;
    console.warn(
      `${testFile}: skipped, Tesseract is not installed here (scripts/setup.sh installs it; CI never skips)`,
    );
    return true;
  }
}
