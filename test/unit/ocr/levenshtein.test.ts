import { describe, expect, it } from 'vitest';
import { levenshtein } from '../../../src/lib/ocr/align.ts';
import { foldKey } from '../../../src/lib/fold.ts';
import { cleanWords, ocrWords } from '../../../src/lib/ocr/train.ts';
import { clean, ocrSource } from './helpers.ts';

/** The textbook full-table Levenshtein distance (by UTF-16 unit), the reference. */
function naive(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) { d.push([i]); for (let j = 1; j <= b.length; j++) d[i]!.push(i ? 0 : j); }
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

describe('levenshtein', () => {
  it('equals the full-table distance on pairs of real OCR and clean words, folded and not', () => {
    const ocr = [...new Set(ocrWords(ocrSource()))].slice(0, 160);
    const ref = [...new Set(cleanWords(clean('phu-quoc-2022')))].slice(0, 120);
    let checked = 0;
    for (const a of ocr) for (const b of ref) {
      expect(levenshtein(a, b)).toBe(naive(a, b));
      expect(levenshtein(foldKey(a), foldKey(b))).toBe(naive(foldKey(a), foldKey(b)));
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000); // (real pairs were compared, not an empty list)
  });
  it('handles empty strings, non-ASCII chars, repeats and the 32-char word limit', () => {
    const cases: Array<[string, string]> = [
      ['', ''], ['', 'abc'], ['abc', ''], ['a', 'a'], ['đ', 'd'], ['điều', 'dieu'], ['aaaa', 'aa'], ['ab', 'ba'],
      ['ưươ', 'ươư'], ['kitten', 'sitting'], ['x'.repeat(32), 'x'.repeat(31) + 'y'], ['ab'.repeat(16), 'ba'.repeat(16)],
      ['a'.repeat(33), 'a'.repeat(30)], ['abc'.repeat(12), 'acb'.repeat(12)], ['q'.repeat(40), 'q'.repeat(5)],
    ];
    for (const [a, b] of cases) {
      expect(levenshtein(a, b)).toBe(naive(a, b));
      expect(levenshtein(b, a)).toBe(naive(b, a));
    }
  });
  it('leaves no state behind between calls', () => {
    expect(levenshtein('abc', 'xyz')).toBe(3);
    expect(levenshtein('xyz', 'xyz')).toBe(0);
    expect(levenshtein('abcabc', 'x')).toBe(6);
  });
});
