/**
 * Tokenisation shared by the restorer, the language model and the metrics. A "word" is a maximal run
 * of letters (with combining marks); the language model sees lower-case words, punctuation marks
 * that carry context, and `<num>` for anything numeric.
 */
import { foldKey } from '../fold.ts';

const LETTER = /\p{L}/u;
/** Punctuation marks kept as language-model tokens (they carry context such as list commas). */
export const LM_PUNCT = new Set([',', '.', ';', ':', '(', ')', '-']);

/** True when the string contains at least one letter. */
export function hasLetter(s: string): boolean {
  return LETTER.test(s);
}

/** Language-model tokens of a clean text, lower-cased, in reading order. */
export function lmTokens(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.normalize('NFC').split(/\s+/)) {
    if (!chunk) continue;
    if (/\d/.test(chunk)) {
      out.push('<num>');
      continue;
    }
    for (const m of chunk.matchAll(/(\p{L}[\p{L}\p{M}]*)|([,.;:()\-])/gu)) {
      if (m[1]) out.push(m[1].toLowerCase());
      else if (m[2] && LM_PUNCT.has(m[2])) out.push(m[2]);
    }
  }
  return out;
}

/** Syllable tokens for error-rate scoring: maximal runs of letters or digits, NFC (case kept). */
export function scoreTokens(text: string): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => m[0]);
}

/** Folded lower-case key of a word (`Điều` → `dieu`). */
export const key = foldKey;
