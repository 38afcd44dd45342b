/**
 * Ingest orchestration, pure: bytes in, validated Document out.
 * decode → normalise → detect OCR → restore (OCR only) → parse → corrections → enrich (per document).
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, DiscardedLine, Document, ManifestEntry, OcrReport } from './schema.ts';
import { DocumentSchema } from './schema.ts';
import { decodeSource, normaliseSource, splitLines, type SourceLine } from './normalise/index.ts';
import { parseLines, type ParseLine } from './parse/index.ts';
import { InputError } from './errors.ts';
import { lowConfidenceTokens } from './ocr/report.ts';

/** What an OCR restorer returns (see INTERFACES.md, src/lib/ocr/). */
export interface RestoreResult { lines: ParseLine[]; discarded: DiscardedLine[]; meanConfidence: number; method: string }
/** OCR restorer signature (src/lib/ocr/ `restoreLines`). */
export type Restorer = (lines: SourceLine[], ctx: { references: string[] }) => RestoreResult;
/** OCR detector signature (src/lib/ocr/ `detectOcr`). */
export type Detector = (lines: SourceLine[]) => { detected: boolean; invalidShare: number };
/** Corrections applier signature (src/lib/ocr/ `applyCorrections`). */
export type Corrector = (doc: Document, corrections: unknown, file: string) => Document;

/** Ingest options (INTERFACES.md; `detector` is an extension so auto-detection can be wired in). */
export interface IngestOptions {
  /** Force restoration on (true) or off (false); undefined = auto-detect. */
  ocr?: boolean;
  /** Parsed corrections file for this document, or null/undefined for none. */
  corrections?: unknown | null;
  /** Clean NFC texts of other sources (restoration references). */
  references?: string[];
  restorer?: Restorer;
  corrector?: Corrector;
  detector?: Detector;
  /** Reserved: per-document enrichment happens at corpus level (enrich/index.ts). */
  enrich?: boolean;
}

/** Result of ingesting one source. */
export interface IngestResult {
  document: Document;
  diagnostics: Diagnostic[];
  /** Source line → element id / `meta:<field>` / `discarded:<reason>`. */
  accounting: Map<number, string>;
}

/** SHA-256 hex of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The restored lines, each marked when a line the restoration discarded stands between it and the line before. */
export function markAfterDiscarded(lines: ParseLine[], discarded: readonly DiscardedLine[]): ParseLine[] {
  if (!discarded.length) return lines;
  const gone = discarded.map((d) => d.line).sort((a, b) => a - b);
  let k = 0;
  return lines.map((l, i) => {
    if (i === 0) return l;
    const from = lines[i - 1]!.n;
    while (k < gone.length && gone[k]! <= from) k++;
    return k < gone.length && gone[k]! < l.n ? { ...l, afterDiscarded: true } : l;
  });
}

/** Ingest one source. Throws InputError for unusable input (encoding, binary, no articles). */
export function ingestBytes(bytes: Uint8Array, file: string, entry: ManifestEntry | null, opts: IngestOptions = {}): IngestResult {
  const { text, encoding } = decodeSource(bytes, file);
  const lineCount = splitLines(text).length;
  const norm = normaliseSource(text);
  if (norm.lines.length === 0) throw new InputError(file, null, 'no text (only markup or blank lines)');
  const pre: Diagnostic[] = [];
  let lines: ParseLine[] = norm.lines;
  const discarded: DiscardedLine[] = [...norm.discarded];
  const detection = opts.detector ? opts.detector(norm.lines) : { detected: entry?.ocr ?? false, invalidShare: 0 };
  const wantRestore = opts.ocr ?? detection.detected;
  const ocr: OcrReport = { detected: detection.detected, restored: false, invalidShare: detection.invalidShare, meanConfidence: 1, lowConfidence: [], corrections: [], method: '' };
  if (wantRestore) {
    if (opts.restorer) {
      const r = opts.restorer(norm.lines, { references: opts.references ?? [] });
      lines = markAfterDiscarded(r.lines, r.discarded);
      discarded.push(...r.discarded);
      ocr.restored = true;
      ocr.meanConfidence = r.meanConfidence;
      ocr.method = r.method;
    } else {
      pre.push({
        severity: 'warning',
        code: 'ocr-restoration-unavailable',
        message: opts.ocr ? 'OCR restoration was requested (--ocr) but no restorer is available yet; the text is published as the OCR produced it'
          : 'The source is OCR output but no restorer is available yet; the text is published as the OCR produced it',
      });
    }
  }
  const parsed = parseLines(lines, {
    ...(entry ? { id: entry.id, work: entry.work, year: entry.year, jurisdiction: entry.jurisdiction, committee: entry.committee, original: entry.original } : {}),
    source: entry ? `content/sources/${entry.file}` : file,
    sha256: sha256(bytes),
    encoding,
    layout: norm.layout,
    lineCount,
    ocr,
  }, file);
  let document = parsed.document;
  for (const d of discarded) parsed.accounting.set(d.line, `discarded:${d.reason}`);
  document.provenance.discarded = [...discarded, ...document.provenance.discarded].sort((a, b) => a.line - b.line);
  document.provenance.diagnostics = [...pre, ...document.provenance.diagnostics];
  if (opts.corrections && opts.corrector) {
    if (ocr.detected && !ocr.restored) {
      // reviewed corrections are written against the restored text: they cannot apply to raw OCR (--no-ocr)
      document.provenance.diagnostics.push({ severity: 'info', code: 'corrections-skipped', message: 'Corrections were not applied: they are reviewed against the restored text and restoration did not run' });
    } else {
      document = opts.corrector(document, opts.corrections, file);
    }
  }
  if (document.provenance.ocr.restored) document.provenance.ocr.lowConfidence = lowConfidenceTokens(document);
  const fatal = document.provenance.diagnostics.find((d) => d.severity === 'error');
  if (fatal) throw new InputError(file, fatal.line ?? null, fatal.message);
  const result = DocumentSchema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: internal error, parsed document is invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  return { document: result.data, diagnostics: result.data.provenance.diagnostics, accounting: parsed.accounting };
}
