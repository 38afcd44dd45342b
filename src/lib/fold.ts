/**
 * Folding: the one way text is made diacritic-free for search and alignment.
 * NFD, drop combining marks, đ→d / Đ→D. Optionally lower-cased.
 */

const COMBINING = /[\u0300-\u036f]/g;

// The same words and clauses are folded over and over (alignment, redlines, role pages, OCR candidates):
// a bounded memo makes a repeat a map lookup. Cleared when full, so memory stays bounded on any corpus.
const MEMO = new Map<string, string>();
const MEMO_MAX = 200_000;
const MEMO_LONGEST = 4_000;

/** Fold Vietnamese text: NFD, remove combining marks, map đ/Đ to d/D (case kept). */
export function fold(text: string): string {
  if (text.length > MEMO_LONGEST) return foldNow(text);
  let out = MEMO.get(text);
  if (out === undefined) {
    if (MEMO.size >= MEMO_MAX) MEMO.clear();
    MEMO.set(text, (out = foldNow(text)));
  }
  return out;
}

function foldNow(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Fold and lower-case: the key used for matching (`Điều` → `dieu`). */
export function foldKey(text: string): string {
  return fold(text).toLowerCase();
}

/** Make a URL/anchor slug from Vietnamese text: folded, lower-case, ascii words joined by `-`. */
export function slugify(text: string): string {
  return foldKey(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
