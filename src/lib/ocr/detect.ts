/**
 * OCR damage detection from the text alone: the share of word tokens that are not valid Vietnamese
 * syllables (abbreviations in capitals excluded) plus typical damage patterns (digits inside words
 * such as `s6`, `14n`; `&`, `$`, `¢` inside words).
 */
import { ValidSyllables } from './syllable.ts';

/** One line of a source (as produced by the normaliser). */
export interface SourceLine { n: number; text: string; raw: string }

/** Above this share of invalid word tokens a text is treated as damaged OCR output. */
export const INVALID_THRESHOLD = 0.12;

/** Judge whether lines are damaged OCR output. */
export function detectOcr(lines: SourceLine[]): { detected: boolean; invalidShare: number } {
  let words = 0, invalid = 0, patterns = 0;
  const syllables = new ValidSyllables(); // texts repeat their words: each distinct one is checked once
  for (const l of lines) {
    for (const raw of l.text.split(/\s+/)) {
      const w = raw.replace(/^[^\p{L}\p{N}$&¢]+|[^\p{L}\p{N}$&¢]+$/gu, '');
      if (!w || !/\p{L}/u.test(w)) continue;
      if (/[/@]/u.test(w) || /^\p{Lu}[\p{Lu}\d.-]+$/u.test(w)) continue; // codes and abbreviations
      words++;
      if (/\p{L}\d|\d\p{L}|[&$¢¥]/u.test(w)) patterns++;
      if (!w.split('-').every((part) => syllables.has(part))) invalid++;
    }
  }
  const invalidShare = words ? Math.round((invalid / words) * 10000) / 10000 : 0;
  const patternShare = words ? patterns / words : 0;
  return { detected: invalidShare > INVALID_THRESHOLD || patternShare > 0.02, invalidShare };
}
