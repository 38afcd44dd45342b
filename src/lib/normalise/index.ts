/**
 * Normalisation: decoded text → numbered source lines, markup and layout noise removed.
 * Guarantees: every returned line is non-blank NFC text with its 1-based source line number and the
 * raw line; every non-blank raw line is either returned or listed in `discarded` with a reason.
 */
import type { DiscardedLine } from '../schema.ts';
import { lineRepairs } from './repairs.ts';

export { decodeSource, detectLegacyVietnamese } from './decode.ts';
export type { Decoded } from './decode.ts';

/** One line of the source after decoding and layout normalisation. */
export interface SourceLine {
  /** 1-based line number in the decoded source. */
  n: number;
  /** NFC, markup removed, trimmed. */
  text: string;
  /** As received. */
  raw: string;
}

/** Layout families seen so far. */
export type Layout = 'plain' | 'markdown' | 'pdf';

/** Split text into lines: CRLF, CR and LF all end a line (CRLF counts once). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Guess the layout from the raw lines: Markdown when emphasis/heading markup appears on several
 * lines; PDF extraction when nearly every text line is followed by a blank line and lines are short
 * (hard-wrapped); plain otherwise.
 */
export function detectLayout(raw: string[]): Layout {
  const nonBlank = raw.filter((l) => l.trim() !== '');
  if (nonBlank.length === 0) return 'plain';
  const md = nonBlank.filter((l) => /\*\*|^\s*#{1,6}\s|^\s*\*[^\s*]|__\S/.test(l)).length;
  if (md >= 3 || md / nonBlank.length > 0.05) return 'markdown';
  let followedByBlank = 0;
  for (let i = 0; i < raw.length - 1; i++) {
    if ((raw[i] ?? '').trim() !== '' && (raw[i + 1] ?? '').trim() === '') followedByBlank++;
  }
  const lengths = nonBlank.map((l) => l.trim().length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  if (nonBlank.length >= 10 && followedByBlank / nonBlank.length > 0.85 && median < 110) return 'pdf';
  return 'plain';
}

/** Normalise decoded text into source lines (see module doc for the guarantees). */
export function normaliseSource(text: string): { lines: SourceLine[]; layout: Layout; discarded: DiscardedLine[] } {
  const raw = splitLines(text.normalize('NFC'));
  const layout = detectLayout(raw);
  const repairs = lineRepairs.filter((r) => !r.layouts || r.layouts.includes(layout));
  const lines: SourceLine[] = [];
  const discarded: DiscardedLine[] = [];
  raw.forEach((rawLine, i) => {
    if (rawLine.trim() === '') return;
    let t = rawLine;
    for (const r of repairs) t = r.apply(t);
    t = t.normalize('NFC');
    if (t === '') discarded.push({ line: i + 1, text: rawLine, reason: 'markup' });
    else lines.push({ n: i + 1, text: t, raw: rawLine });
  });
  return { lines, layout, discarded };
}
