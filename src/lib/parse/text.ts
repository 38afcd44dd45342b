/** Small text helpers shared by the parser: aligned folding, edit distance, case tests. */
import { fold } from '../fold.ts';

/**
 * Fold (see fold.ts) character by character so that index i of the result is index i of the input;
 * lower-cased. Lets a match found on folded text be cut from the original.
 */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text) {
    let c = FOLD_CACHE.get(ch);
    if (c === undefined) {
      const f = fold(ch).toLowerCase();
      c = f.length === 0 ? ' ' : f[0]!;
      // keep UTF-16 length: astral characters are two code units
      if (ch.length === 2) c += ' ';
      FOLD_CACHE.set(ch, c);
    }
    out += c;
  }
  return out;
}

/** Per-character fold results (folding one character at a time is the parser's hot path). */
const FOLD_CACHE = new Map<string, string>();

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Share of letters that are upper case (1 for `NHỮNG QUY ĐỊNH`, 0 when there are no letters). */
export function upperShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length;
}

/** A line written in capitals (headings, letterheads, signer titles). */
export function isUpperLine(text: string): boolean {
  return (text.match(/\p{L}/gu) ?? []).length >= 2 && upperShare(text) >= 0.85;
}

/** Does the text start with a lower-case letter (a wrapped continuation)? */
export function startsLower(text: string): boolean {
  const m = /\p{L}/u.exec(text);
  return !!m && m.index <= 1 && m[0] === m[0].toLowerCase() && m[0] !== m[0].toUpperCase();
}

/** Does the text start with an upper-case letter? */
export function startsUpper(text: string): boolean {
  const m = /^[^\p{L}\p{N}]{0,2}(\p{L})/u.exec(text);
  return !!m && m[1] === m[1]!.toUpperCase() && m[1] !== m[1]!.toLowerCase();
}

/** Does a paragraph end here (sentence or list terminator, `./.` end mark)? */
export function endsSentence(text: string): boolean {
  return /[.;:!?…]["'”’)\]]?\s*$|\.\/\S{0,2}\s*$/.test(text);
}

/** Join hard-wrapped pieces: a space, except after a symbol hyphen (`85/QĐ-` + `BCĐ`). */
export function joinWrapped(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  if (/[\p{L}\p{N}]-$/u.test(a) && /^[\p{Lu}\p{N}]/u.test(b)) return a + b;
  return `${a} ${b}`;
}

/** Number of whitespace-separated words. */
export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

/** Does a paragraph end here for line-joining purposes? Like endsSentence, but a colon announces more. */
export function endsParagraph(text: string): boolean {
  return /[.;!?…]["'”’)\]]?\s*$|\.\/\S{0,2}\s*$/.test(text);
}
