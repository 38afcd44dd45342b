import { describe, expect, it } from 'vitest';
import { anchoredAlign, anchoredAlignRows, exactPairsBound, levenshtein, needlemanWunsch, needlemanWunschRows, patienceAnchors } from '../../../src/lib/ocr/align.ts';
import { foldKey } from '../../../src/lib/fold.ts';
import { cleanWords } from '../../../src/lib/ocr/train.ts';
import { clean, ocrSource } from './helpers.ts';

const exactPairs = (a: string[], b: string[], maxCells: number, inner = false) =>
  anchoredAlign(a, b, (i, j) => (a[i] === b[j] ? 0 : 2), 0.9, maxCells, undefined, inner).filter(([i, j]) => i >= 0 && j >= 0 && a[i] === b[j]).length;

describe('exactPairsBound', () => {
  it('is never below the equal-key pairs of the anchored alignment (real texts, OCR against each clean source)', () => {
    const ocr = cleanWords(ocrSource()).map(foldKey);
    for (const id of ['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021']) {
      const ref = cleanWords(clean(id)).map(foldKey);
      for (const maxCells of [15_000, 60_000, 400_000]) for (const inner of [false, true]) {
        const exact = exactPairs(ocr, ref, maxCells, inner);
        const bound = exactPairsBound(ocr, ref, maxCells, undefined, inner);
        expect(bound).toBeGreaterThanOrEqual(exact);
        expect(bound).toBeLessThanOrEqual(Math.min(ocr.length, ref.length));
      }
    }
  });
  it('counts anchors, and common keys inside gaps that can be aligned', () => {
    const a = ['x', 'a', 'b', 'c', 'y'], b = ['x', 'c', 'b', 'q', 'y'];
    expect(exactPairs(a, b, 100)).toBe(3);
    // x, y and one of the crossed pair b/c anchor; the other cannot be matched as well.
    expect(exactPairsBound(a, b, 100)).toBe(3);
    // A gap too large to align, with no key unique inside it, stays unaligned and adds nothing to either.
    expect(exactPairs(['x', 'a', 'a', 'y'], ['x', 'a', 'a', 'y'], 1)).toBe(2);
    expect(exactPairsBound(['x', 'a', 'a', 'y'], ['x', 'a', 'a', 'y'], 1)).toBe(2);
  });
  it('aligns a gap too large for Needleman–Wunsch through keys unique inside the gap (patience diff, recursively)', () => {
    // `a` is not unique in the whole sequences, so the anchors are x, b, y; each `a` is unique in its gap.
    const a = ['a', 'x', 'a', 'b', 'y'];
    const sub = (i: number, j: number) => (a[i] === a[j] ? 0 : 2);
    expect(anchoredAlign(a, a, sub, 0.9, 0, undefined, true)).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
    expect(exactPairsBound(a, a, 0, undefined, true)).toBe(5);
    // Without `inner` (how the confusion and damage models are learned) the gaps stay unaligned.
    expect(exactPairs(a, a, 0)).toBe(3);
    expect(exactPairsBound(a, a, 0)).toBe(3);
    // Real texts: the OCR against Phú Quốc 2022 with the reference evidence's cell bound.
    const ocr = cleanWords(ocrSource()).map(foldKey), ref = cleanWords(clean('phu-quoc-2022')).map(foldKey);
    expect(exactPairs(ocr, ref, 15_000, true)).toBeGreaterThan(exactPairs(ocr, ref, 15_000));
  });
  it('pairs every word of both texts exactly once, in order (real texts, OCR against each clean source)', () => {
    const ocr = cleanWords(ocrSource()).map(foldKey);
    for (const id of ['kien-giang-2019', 'phu-quoc-2022']) {
      const ref = cleanWords(clean(id)).map(foldKey);
      for (const inner of [false, true]) {
        const pairs = anchoredAlign(ocr, ref, (i, j) => (ocr[i] === ref[j] ? 0 : 2), 0.9, 15_000, undefined, inner);
        expect(pairs.map(([i]) => i).filter((i) => i >= 0)).toEqual(ocr.map((_, i) => i));
        expect(pairs.map(([, j]) => j).filter((j) => j >= 0)).toEqual(ref.map((_, j) => j));
      }
    }
  });
  it('gives the same with the anchors passed in as with the anchors worked out inside (real texts)', () => {
    const ocr = cleanWords(ocrSource()).map(foldKey);
    const ref = cleanWords(clean('phu-quoc-2022')).map(foldKey);
    const anchors = patienceAnchors(ocr, ref);
    expect(anchors.length).toBeGreaterThan(10);
    expect(exactPairsBound(ocr, ref, 60_000, anchors)).toBe(exactPairsBound(ocr, ref, 60_000));
    expect(exactPairsBound(ocr, ref, 15_000, anchors, true)).toBe(exactPairsBound(ocr, ref, 15_000, undefined, true));
    const sub = (i: number, j: number) => (ocr[i] === ref[j] ? 0 : 2);
    expect(anchoredAlign(ocr, ref, sub, 0.9, 60_000, anchors)).toEqual(anchoredAlign(ocr, ref, sub, 0.9, 60_000));
    expect(anchoredAlign(ocr, ref, sub, 0.9, 15_000, anchors, true)).toEqual(anchoredAlign(ocr, ref, sub, 0.9, 15_000, undefined, true));
  });
});

describe('alignment with the costs a row at a time', () => {
  it('gives the anchored alignment of the cell function (real texts, normalised edit distance as the restorer uses it)', () => {
    const ocr = cleanWords(ocrSource()).map(foldKey);
    const ref = cleanWords(clean('kien-giang-2019')).map(foldKey);
    const cell = (i: number, j: number) => (ocr[i] === ref[j] ? 0 : (2 * levenshtein(ocr[i]!, ref[j]!)) / Math.max(ocr[i]!.length, ref[j]!.length));
    const rows: Array<[number, number, number]> = [];
    const row = (i: number, j0: number, m: number, out: Float64Array) => { rows.push([i, j0, m]); for (let y = 0; y < m; y++) out[y] = cell(i, j0 + y); };
    const byCell = anchoredAlign(ocr, ref, cell, 0.9, 60_000);
    expect(anchoredAlignRows(ocr, ref, { fill: row }, 0.9, 60_000)).toEqual(byCell);
    // Gaps were aligned (not only anchors), and every row asked for lies inside both texts.
    expect(rows.length).toBeGreaterThan(100);
    for (const [i, j0, m] of rows) { expect(i).toBeLessThan(ocr.length); expect(j0 + m).toBeLessThanOrEqual(ref.length); }
  });
  it('asks for each row of the window once, at the window offsets', () => {
    const a = ['x', 'ba', 'c', 'dd'], b = ['q', 'x', 'bb', 'dd', 'e'];
    const cell = (i: number, j: number) => (a[i] === b[j] ? 0 : 1.5);
    const seen: number[] = [];
    const got = needlemanWunschRows(3, 3, { fill: (i, j0, m, out) => { seen.push(i); expect([j0, m]).toEqual([1, 3]); for (let y = 0; y < m; y++) out[y] = cell(i, j0 + y); } }, 1, 1, 1, 1);
    expect(seen).toEqual([1, 2, 3]);
    expect(got).toEqual(needlemanWunsch(3, 3, cell, 1, 1, 1, 1));
    expect(got).toEqual([[0, 0], [1, 1], [2, 2]]);
  });
  it('gives the same after a larger alignment left its tables behind (the tables are reused)', () => {
    const a = ['to', 'chuc', 'thuc', 'hien'], b = ['to', 'chuc', 'va', 'thuc', 'hien'];
    const cell = (i: number, j: number) => (a[i] === b[j] ? 0 : 2);
    const first = needlemanWunsch(a.length, b.length, cell, 0.9, 0.9);
    // A larger table with other costs everywhere (every cell written), then the small one again.
    needlemanWunsch(60, 70, (i, j) => ((i * 7 + j * 3) % 5) / 2, 0.9, 0.9);
    expect(needlemanWunsch(a.length, b.length, cell, 0.9, 0.9)).toEqual(first);
    expect(first).toEqual([[0, 0], [1, 1], [-1, 2], [2, 3], [3, 4]]);
  });
});
