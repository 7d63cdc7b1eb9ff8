/**
 * Reads a session folder made by `briefing archive` for mailing: verifies it against its manifest first and refuses
 * an altered or incomplete one (nothing is mailed from it), then reads each region's validated summary and PDF.
 * The PDF bytes are checked against the manifest again as they are read, so what is attached is what was verified.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, type Manifest, sha256 } from '../archive/manifest.js';
import { recoverInterruptedSwap } from '../archive/sessionSwap.js';
import { verifyArchive } from '../archive/verifyArchive.js';
import { BriefingError } from '../errors.js';
import { readSummaryFile } from '../pipeline/readSummaryFile.js';
import type { BriefingSummary } from '../summary/schema.js';

export interface SessionPdf {
  /** The archived file name, e.g. 140431-沁源县.pdf; also the attachment's name. */
  filename: string;
  bytes: Buffer;
  sha256: string;
}

export interface SessionRegion {
  name: string;
  code: string;
  parent: string;
  summary: BriefingSummary;
  pdf: SessionPdf;
}

export interface MailSession {
  folder: string;
  name: string;
  /** YYYY-MM-DD */
  date: string;
  /** In the archive's (gazetteer) order. */
  regions: SessionRegion[];
  /** For a person: things found that do not stop the mailing (files beside the archive). */
  warnings: string[];
}

const REFUSAL_HINT = 'run briefing verify on it for details, and rebuild it with briefing archive';

export async function loadSession(folder: string): Promise<MailSession> {
  // A session folder an archive run was killed while replacing is put back first, with its ledger: mailing from
  // nothing would mail every delegate again.
  const recovered = await recoverInterruptedSwap(folder);
  const check = verifyArchive(folder);
  if (check.missing.length + check.altered.length > 0) {
    const problems = [
      check.altered.length > 0 ? `altered: ${check.altered.join(', ')}` : '',
      check.missing.length > 0 ? `missing: ${check.missing.join(', ')}` : '',
    ];
    throw new BriefingError(
      'INPUT_UNREADABLE',
      `the session folder does not match its manifest (${problems.filter(Boolean).join('; ')}); nothing was mailed`,
      {
        file: folder,
        hint: REFUSAL_HINT,
      },
    );
  }
  const manifest = JSON.parse(await readFile(join(folder, MANIFEST_FILE), 'utf8')) as Manifest;
  const regions: SessionRegion[] = [];
  for (const region of manifest.regions) {
    const bytes = await readFile(join(folder, region.pdf.path));
    if (sha256(bytes) !== region.pdf.sha256) {
      throw new BriefingError('INPUT_UNREADABLE', `${region.pdf.path} changed while it was read; nothing was mailed`, {
        file: folder,
        hint: REFUSAL_HINT,
      });
    }
    regions.push({
      name: region.name,
      code: region.code,
      parent: region.parent,
      summary: await readSummaryFile(join(folder, region.summary.path)),
      pdf: { filename: region.pdf.path, bytes, sha256: region.pdf.sha256 },
    });
  }
  return {
    folder,
    name: manifest.session.name,
    date: manifest.session.date,
    regions,
    warnings: [...recovered, ...check.extra.map((path) => `${path}: not part of the archive (ignored)`)],
  };
}
