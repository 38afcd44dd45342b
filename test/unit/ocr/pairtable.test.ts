import { describe, expect, it } from 'vitest';
import { PairTable } from '../../../src/lib/ocr/pairtable.ts';

describe('PairTable', () => {
  it('answers like a Map keyed by the pair, through growth, replacement and negative keys', () => {
    // Word ids as the language model hands them out: training words ≥ 0, unseen words negative.
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 8) / (1 << 24);
    const t = new PairTable(4);
    const ref = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const a = Math.floor(rand() * 300) - 100, b = Math.floor(rand() * 4000) - 2000;
      if (rand() < 0.5) { const v = rand() * 10 - 5; t.set(a, b, v); ref.set(`${a},${b}`, v); }
      const k = `${a},${b}`;
      expect(t.get(a, b, NaN)).toBe(ref.has(k) ? ref.get(k)! : NaN);
      expect(t.has(a, b)).toBe(ref.has(k));
    }
    expect(t.size).toBe(ref.size);
    expect(ref.size).toBeGreaterThan(5000); // the table grew many times over
    for (const [k, v] of ref) {
      const [a, b] = k.split(',').map(Number) as [number, number];
      const at = t.find(a, b);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(t.vals[at]).toBe(v);
    }
    // (a, b) and (b, a) are different keys.
    const u = new PairTable();
    u.set(3, 7, 1);
    expect(u.find(7, 3)).toBe(-1);
    expect(u.get(3, 7, 0)).toBe(1);
  });

  it('with row filters, findInRow answers like find (rows small and large, keys present and absent)', () => {
    let seed = 777;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 8) / (1 << 24);
    const t = new PairTable(16, 2), plain = new PairTable();
    // Row 0 has 3 keys, row 1 has 2,000 (its filter saturates), rows up to 50 grow the filter array.
    const put = (a: number, b: number) => { const v = rand(); t.set(a, b, v); plain.set(a, b, v); };
    for (const b of [-5, 17, 40000]) put(0, b);
    for (let i = 0; i < 2000; i++) put(1, Math.floor(rand() * 20000) - 10000);
    for (let a = 2; a <= 50; a++) for (let i = 0; i < 20; i++) put(a, Math.floor(rand() * 9000) - 9000);
    let absent = 0;
    for (let a = 0; a <= 50; a++) for (let b = -10000; b < 10000; b += 7) {
      const at = t.findInRow(a, b), want = plain.find(a, b);
      expect(at >= 0).toBe(want >= 0);
      if (at >= 0) expect(t.vals[at]).toBe(plain.vals[want]);
      else absent++;
    }
    expect(absent).toBeGreaterThan(100000);
    expect(t.findInRow(0, 40000)).toBeGreaterThanOrEqual(0);
  });
});
