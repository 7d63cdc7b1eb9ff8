/**
 * Bytes of a text report → string, with the encoding it was in. Byte-order marks decide first (UTF-8, UTF-16 LE/BE);
 * then strict UTF-8; then chardet (a maintained detector) for legacy Chinese encodings (GB18030/GBK/GB2312, Big5).
 * Decoding itself is Node's TextDecoder (full ICU). Binary files are refused, not decoded into garbage.
 */
import chardet from 'chardet';
import { BriefingError } from '../errors.js';

export interface DecodedText {
  text: string;
  encoding: string;
  /** What a person should know about the decoding (bytes that were replaced). */
  warnings?: string[];
}

/** A UTF-8 text with at most this share of invalid bytes is UTF-8 with a few bad bytes, not another encoding. */
const MAX_BAD_UTF8_SHARE = 0.001;

/** chardet's names → WHATWG encoding labels TextDecoder knows; only encodings a Chinese report may come in. */
const CHINESE_ENCODINGS: Record<string, string> = {
  GB18030: 'gb18030',
  GBK: 'gbk',
  GB2312: 'gbk',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};
/** Share of control characters above which a "text" is really binary. */
const MAX_CONTROL_SHARE = 0.02;

export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom)
    return checked(file, {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
    });
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return checked(file, { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 });
  if (bytes.includes(0)) throw notText(file);
  try {
    return checked(file, { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' });
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    // Not strict UTF-8. A stray bad byte in a UTF-8 file (a cut download, an editor's slip) is replaced and said; many
    // bad bytes mean a legacy encoding, most often GB18030 from older Chinese systems.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const replaced = (lenient.match(/\uFFFD/g) ?? []).length;
    if (replaced <= Math.max(1, lenient.length * MAX_BAD_UTF8_SHARE)) {
      return {
        text: lenient,
        encoding: 'utf-8',
        warnings: [
          `${replaced} byte sequence${replaced === 1 ? ' was' : 's were'} not valid UTF-8 and ${replaced === 1 ? 'was' : 'were'} replaced by �`,
        ],
      };
    }
  }
  const detected = chardet.detect(bytes);
  const encoding = detected ? CHINESE_ENCODINGS[detected] : undefined;
  if (!encoding) {
    throw new BriefingError(
      'INPUT_ENCODING',
      `cannot tell the text encoding (looks like ${detected ?? 'nothing known'})`,
      {
        file,
        hint: 'save the report as UTF-8 or GB18030 text',
      },
    );
  }
  return checked(file, { text: new TextDecoder(encoding).decode(bytes), encoding });
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a byte-order mark, which chardet does not recognise: Chinese and ASCII text in UTF-16 has a zero
 * in one byte of most ASCII characters (spaces, digits, line breaks), always at the same parity.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  const sample = Math.min(bytes.length, 8192);
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  // Line breaks, digits and spaces put zeros on one side; CJK characters rarely have a zero byte at all.
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.02 && evenZeros * 4 < oddZeros) return 'utf-16le';
  if (evenZeros > pairs * 0.02 && oddZeros * 4 < evenZeros) return 'utf-16be';
  return undefined;
}

/** Refuses decoded "text" that is really a binary file or the wrong encoding. */
function checked(file: string, decoded: DecodedText): DecodedText {
  const { text } = decoded;
  let control = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) || code === 0xfffd) control += 1;
  }
  if (text.length > 0 && control / text.length > MAX_CONTROL_SHARE) throw notText(file);
  return decoded;
}

function notText(file: string): BriefingError {
  return new BriefingError('INPUT_BINARY', 'this is not a text report (binary content)', {
    file,
    hint: 'give a .txt, .md, .docx or .pdf report',
  });
}
