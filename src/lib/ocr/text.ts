/**
 * Tokenisation shared by the restorer, the language model and the metrics. A "word" is a maximal run
 * of letters (with combining marks); the language model sees lower-case words, punctuation marks
 * that carry context, and `<num>` for anything numeric.
 */
import { foldKey } from '../fold.ts';

const LETTER = /\p{L}/u;
/** Punctuation marks kept as language-model tokens (they carry context such as list commas). */
export const LM_PUNCT = new Set([',', '.', ';', ':', '(', ')', '-']);

/** Language-model tokens of a clean text, lower-cased, in reading order. */
export function lmTokens(text: string): string[] {
  return wordTokens(text, true);
}

// Character classes by UTF-16 unit, looked up once per unit met: 1 letter (\p{L}), 2 combining
// mark (\p{M}), 3 white space (\s), 4 digit 0–9, 5 context punctuation (`LM_PUNCT`), 6 anything else.
const CLASS = new Uint8Array(65536);
const MARK = /\p{M}/u, SPACE = /\s/u;
function classOf(unit: number): number {
  let c = CLASS[unit]!;
  if (c === 0) {
    const ch = String.fromCharCode(unit);
    c = LETTER.test(ch) ? 1 : MARK.test(ch) ? 2 : SPACE.test(ch) ? 3 : unit >= 48 && unit <= 57 ? 4 : LM_PUNCT.has(ch) ? 5 : 6;
    CLASS[unit] = c;
  }
  return c;
}
/** Whether one code point (a string of 1–2 units) is a letter (\p{L}), by the class table. */
export function isLetter(ch: string): boolean {
  return ch.length === 1 ? classOf(ch.charCodeAt(0)) === 1 : LETTER.test(ch);
}

/** UTF-16 units of the code point at `i`: 2 for a surrogate pair, else 1. */
function unitsAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  if (u < 0xd800 || u > 0xdbff) return 1;
  const v = text.charCodeAt(i + 1);
  return v >= 0xdc00 && v <= 0xdfff ? 2 : 1;
}
/** The class of the code point at `i` (one outside the BMP is looked up whole). */
function classAt(text: string, i: number): number {
  if (unitsAt(text, i) === 1) return classOf(text.charCodeAt(i));
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return LETTER.test(ch) ? 1 : MARK.test(ch) ? 2 : 6;
}

/** End of the word (a letter, then letters or marks) that starts with the letter at `i`, at most `end`. */
function wordEnd(t: string, i: number, end: number): number {
  let j = i + unitsAt(t, i);
  while (j < end) {
    const k = classAt(t, j);
    if (k !== 1 && k !== 2) break;
    j += unitsAt(t, j);
  }
  return j;
}

/** The words of a text (maximal runs of a letter and then letters or marks, `\p{L}[\p{L}\p{M}]*`), as they are written, in one scan. */
export function letterWords(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (classAt(text, i) !== 1) { i += unitsAt(text, i); continue; }
    const j = wordEnd(text, i, n);
    out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

/** The language model's token for anything numeric (a white-space-separated chunk with a digit). */
export const NUM_TOKEN = '<num>';

/**
 * Words, context punctuation and `<num>` of a text, in reading order (the tokens of `lmTokens` and
 * of the case model): a white-space-separated chunk with a digit is `<num>`; otherwise each maximal
 * run of a letter and then letters or marks is a word (`lower`: lower-cased) and each mark of
 * `LM_PUNCT` a token; other characters are dropped. One scan of the text, no regular expression per chunk.
 */
export function wordTokens(text: string, lower: boolean): string[] {
  const t = text.normalize('NFC');
  const out: string[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    while (i < n && classOf(t.charCodeAt(i)) === 3) i++;
    if (i >= n) break;
    let end = i, digit = false;
    for (; end < n; end++) {
      const k = classOf(t.charCodeAt(end));
      if (k === 3) break;
      if (k === 4) digit = true;
    }
    if (digit) { out.push(NUM_TOKEN); i = end; continue; }
    while (i < end) {
      const c = classAt(t, i);
      if (c === 1) {
        const j = wordEnd(t, i, end);
        const w = t.slice(i, j);
        out.push(lower ? w.toLowerCase() : w);
        i = j;
      } else {
        if (c === 5) out.push(t[i]!);
        i += unitsAt(t, i);
      }
    }
  }
  return out;
}

// Capital letters (\p{Lu}) by UTF-16 unit: 1 yes, 2 no, 0 not looked up yet.
const UPPER = new Uint8Array(65536);
const LU = /\p{Lu}/u;

/**
 * The maximal runs of letters (`\p{L}+`) of a text that have at least two capital letters (`UBND`,
 * `QĐ`, `TTr`), in reading order: what a scan with that regular expression and a capital count per
 * word finds, in one pass with per-unit class tables.
 */
export function capitalisedRuns(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (classAt(text, i) !== 1) { i += unitsAt(text, i); continue; }
    let j = i, caps = 0;
    while (j < n && classAt(text, j) === 1) {
      const k = unitsAt(text, j);
      if (k === 1) {
        const u = text.charCodeAt(j);
        let up = UPPER[u]!;
        if (up === 0) UPPER[u] = up = LU.test(String.fromCharCode(u)) ? 1 : 2;
        if (up === 1) caps++;
      } else if (LU.test(String.fromCodePoint(text.codePointAt(j)!))) caps++;
      j += k;
    }
    if (caps >= 2) out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

/** Syllable tokens for error-rate scoring: maximal runs of letters or digits, NFC (case kept). */
export function scoreTokens(text: string): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => m[0]);
}

/** Folded lower-case key of a word (`Điều` → `dieu`). */
export const key = foldKey;
