/**
 * OCR damage detection from the text alone: the share of word tokens that are not valid Vietnamese
 * syllables (abbreviations in capitals excluded) plus typical damage patterns (digits inside words
 * such as `s6`, `14n`; `&`, `$`, `¢` inside words), and garbled words: accented words that are no
 * syllable (`hién`, `tiéu`, `Viéc` mid-sentence) and syllables no Vietnamese word uses (`hoát`, a
 * tone misread), which a lightly damaged scan shows long before its invalid share is high.
 */
import { ValidSyllables } from './syllable.ts';
import { inRealUse } from './lexicon.ts';

/** One line of a source (as produced by the normaliser). */
export interface SourceLine { n: number; text: string; raw: string }

/** Above this share of invalid word tokens a text is treated as damaged OCR output. */
export const INVALID_THRESHOLD = 0.12;

/** Above this share of damage patterns (`s6`, `14n`, `$` in a word) a text is treated as damaged OCR output. */
export const PATTERN_THRESHOLD = 0.02;

/**
 * Above this share of garbled words, and with at least `GARBLED_MIN` of them, a text is treated as
 * damaged OCR output. A garbled word is letters only, starts with a small letter (so not `chính.Sở`,
 * two words a missing space glued), and either has a letter outside ASCII and is no syllable, or is a
 * syllable no word of the lexicon uses (lexicon.ts). Clean texts have next to none: typos are mostly
 * unaccented (`tronh`), English terms are unaccented and no syllables (`website`), and names from
 * minority languages that break the syllable rules (`Đắk Lắk`, `Krông Pắc`) start with a capital. The
 * four clean sources have none; scans with 3 % of their words damaged (syllable error rate 2–3 %) have
 * 0.15–0.54 % (seeds 12345, 4 and 5 of bench-ocr's light-damage set-up), while their invalid share
 * (1.2–2.0 %) stays far under `INVALID_THRESHOLD`; with another tone on 2 % of their words, every word
 * still a syllable (`damageTones`; SER 1.2–1.7 %), they have 0.23–0.46 %.
 */
export const GARBLED_THRESHOLD = 0.001;
export const GARBLED_MIN = 4;

export interface Detection {
  detected: boolean;
  /** Share of word tokens that are no valid syllable. */
  invalidShare: number;
  /** Share of word tokens that are garbled (see `GARBLED_THRESHOLD`). */
  garbledShare: number;
}

const NON_ASCII = /[^\x00-\x7f]/u;
/** Letters only (hyphenated parts allowed), starting with a small letter: not `chính.Sở`, two words a missing space glued. */
const SMALL_WORD = /^\p{Ll}\p{L}*(?:-\p{L}+)*$/u;
const PATTERN = /\p{L}\d|\d\p{L}|[&$¢¥]/u;

/** Judge whether lines are damaged OCR output. */
export function detectOcr(lines: SourceLine[]): Detection {
  let words = 0, invalid = 0, patterns = 0, garbled = 0;
  const syllables = new ValidSyllables(); // texts repeat their words: each distinct one is checked once
  const usedMemo = new Map<string, boolean>();
  const used = (syllable: string) => {
    let u = usedMemo.get(syllable);
    if (u === undefined) usedMemo.set(syllable, (u = inRealUse(syllable)));
    return u;
  };
  for (const l of lines) {
    for (const raw of l.text.split(/\s+/)) {
      const w = raw.replace(/^[^\p{L}\p{N}$&¢]+|[^\p{L}\p{N}$&¢]+$/gu, '');
      if (!w || !/\p{L}/u.test(w)) continue;
      if (/[/@]/u.test(w) || /^\p{Lu}[\p{Lu}\d.-]+$/u.test(w)) continue; // codes and abbreviations
      words++;
      const pattern = PATTERN.test(w);
      if (pattern) patterns++;
      const parts = w.split('-');
      if (parts.every((part) => syllables.has(part))) {
        if (SMALL_WORD.test(w) && parts.some((part) => !used(part.toLowerCase()))) garbled++;
        continue;
      }
      invalid++;
      if (!pattern && NON_ASCII.test(w) && SMALL_WORD.test(w)) garbled++;
    }
  }
  const share = (x: number) => (words ? Math.round((x / words) * 10000) / 10000 : 0);
  const invalidShare = share(invalid), garbledShare = share(garbled);
  const patternShare = words ? patterns / words : 0;
  const detected = invalidShare > INVALID_THRESHOLD || patternShare > PATTERN_THRESHOLD
    || (garbled >= GARBLED_MIN && garbled / words > GARBLED_THRESHOLD);
  return { detected, invalidShare, garbledShare };
}
