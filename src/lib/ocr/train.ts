/**
 * Learning the confusion model without any hand transcription: the OCR text is aligned with clean
 * near-duplicate texts (other sources), and the token pairs that clearly correspond are aligned
 * character by character and counted. The token alignment uses a crude key (folded, common digit
 * and symbol confusions read as letters) only to find corresponding tokens.
 */
import { anchoredAlign, levenshtein } from './align.ts';
import { learnConfusion, type Channel, type ConfusionData } from './confusion.ts';
import { isValidSyllable } from './syllable.ts';
import { foldKey } from '../fold.ts';
import { letterWords } from './text.ts';

/** Word-like tokens of an OCR text (punctuation stripped at the edges), lower case. */
export function ocrWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}$&¢¥]+|[^\p{L}\p{N}$&¢¥]+$/gu, '').toLowerCase())
    .filter((t) => t && (/[\p{L}$&¢¥]/u.test(t) || /^\d{1,2}$/u.test(t)));
}

/** Lower-case syllables of a clean text. */
export function cleanWords(text: string): string[] {
  return letterWords(text.normalize('NFC')).map((w) => w.toLowerCase());
}

// Crude bootstrap key: fold, and read the commonest digit/symbol confusions as letters.
const CRUDE: Record<string, string> = { '6': 'o', '0': 'o', '1': 'l', '4': 'a', $: 's', '&': 'o', w: 'u', '¢': 'c', '8': 'o', '5': 's' };
const crude = (w: string) => [...foldKey(w)].map((c) => CRUDE[c] ?? c).join('');


/** Token pairs (ocr, truth) that correspond, from aligning the OCR words with one reference. */
export function correspondingPairs(ocr: string[], ref: string[], channel: Channel | null): Array<[string, string]> {
  const ka = ocr.map(crude), kb = ref.map(foldKey);
  const cost = channel
    ? (i: number, j: number) => Math.min(2, channel.word(ocr[i]!, ref[j]!) / 8)
    : (i: number, j: number) => Math.min(2, (2 * levenshtein(ka[i]!, kb[j]!)) / Math.max(ka[i]!.length, kb[j]!.length, 1));
  // (The alignment takes equal keys as a perfect match.)
  const sub = (i: number, j: number) => (ka[i] === kb[j] ? 0 : cost(i, j));
  const pairs: Array<[string, string]> = [];
  for (const [i, j] of anchoredAlign(ka, kb, sub, 0.9)) {
    if (i < 0 || j < 0) continue;
    if (!isValidSyllable(ref[j]!)) continue;
    if (cost(i, j) <= 1.2) pairs.push([ocr[i]!, ref[j]!]);
  }
  return pairs;
}

/** Learn the confusion counts from an OCR text and clean reference texts. */
export function learnFromReferences(ocrText: string, refs: Array<{ id: string; text: string }>): ConfusionData {
  const ocr = ocrWords(ocrText);
  const source = `alignment of OCR words with ${refs.map((r) => r.id).join(', ')}`;
  return learnConfusion(refs.flatMap((r) => correspondingPairs(ocr, cleanWords(r.text), null)), source);
}
