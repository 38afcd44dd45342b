/**
 * Personal names: the signer under a decision's signature (`CHỦ TỊCH UBND TỈNH` / `Lâm Minh Thành`).
 * No reference knows the name of a new document's signer, and the language model, trained on legal
 * text, reads a name as the words it knows (`Pham Vu H6ng` → `Phạm Vi Hưng`, after `phạm vi`; `Lé Anh
 * Duong` → `Lộ Ảnh Dương`). On a name line the restorer reads each word again with a name model
 * instead: a surname first, then middle and given names (`data/names.json`, common ones first), the
 * scan's letters weighed as everywhere else (the channel). The list is general knowledge of
 * Vietnamese naming, not text of any source.
 */
import data from './data/names.json' with { type: 'json' };
import { isSignerTitle } from '../parse/lines.ts';

/** Surnames, the commonest first. */
export const SURNAMES: readonly string[] = data.surnames;
/** Syllables of middle and given names, common ones first. */
export const GIVEN: readonly string[] = data.given;

/** Cost (negative log probability, natural units) of a name part not in the lists: a rare name. */
export const UNLISTED = 9;

const costs = (xs: readonly string[]) => {
  // Zipf-like: the k-th commonest has weight 1 / (k + 10); normalised over the list.
  const w = xs.map((_, k) => 1 / (k + 10));
  const sum = w.reduce((a, b) => a + b, 0);
  return new Map(xs.map((x, k) => [x.toLowerCase(), -Math.log(w[k]! / sum)]));
};
let tables: { surname: Map<string, number>; given: Map<string, number> } | null = null;
function table(first: boolean): Map<string, number> {
  tables ??= { surname: costs(SURNAMES), given: costs(GIVEN) };
  return first ? tables.surname : tables.given;
}

/** Cost of a syllable (lower case) as a surname (`first`) or as a middle or given name; `UNLISTED` for one the lists lack. */
export function nameCost(syllable: string, first: boolean): number {
  return table(first).get(syllable) ?? UNLISTED;
}

/** The listed surnames (`first`) or middle and given names, lower case: every syllable `nameCost` prices under `UNLISTED`. */
export function listedNameParts(first: boolean): Iterable<string> {
  return table(first).keys();
}

/**
 * Whether an OCR line is a personal name under a signing title: two to four words, each starting
 * with a capital (or a digit or symbol read for one, `1é Anh Duong`), none with punctuation after it,
 * at least one with small letters (a line in capitals is a title), after a line in capitals (`prev`,
 * the previous line with text, as the scan has it) that names a signing title as the decoder read it
 * (`prevRead`: `CHT TICH UBND TINH` read `CHỦ TỊCH UBND TỈNH`).
 */
export function isNameLine(words: readonly string[], prev: string, prevRead = prev): boolean {
  return nameShaped(words) && signingTitle(prev, prevRead);
}

/** The words' part of `isNameLine` (cheap: the restorer asks it first, for every line). */
export function nameShaped(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => /^[\p{Lu}\p{N}$&][\p{L}\p{N}$&]*$/u.test(w))) return false;
  return words.some((w) => /\p{Ll}/u.test(w));
}

/** The previous line's part of `isNameLine`: in capitals as printed, a signing title (the parser's `isSignerTitle`) as read. */
export function signingTitle(prev: string, prevRead = prev): boolean {
  const letters = prev.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) return false;
  return isSignerTitle(prevRead.toUpperCase());
}
