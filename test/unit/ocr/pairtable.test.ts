import { describe, expect, it } from 'vitest';
import { PairTable, SparseRows } from '../../../src/lib/ocr/pairtable.ts';
import { rng } from '../../../src/lib/random.ts';

describe('PairTable', () => {
  it('answers like a Map keyed by the pair, through growth, replacement and negative keys', () => {
    // Word ids as the language model hands them out: training words ≥ 0, unseen words negative.
    const rand = rng(12345);
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

  it('adds to a pair\'s count, telling a new pair from one it has, through growth (the language model counts n-gram types with it)', () => {
    const rand = rng(777);
    const t = new PairTable(2);
    const ref = new Map<string, number>();
    for (let i = 0; i < 20000; i++) {
      const a = Math.floor(rand() * 200), b = Math.floor(rand() * 200), d = 1 + Math.floor(rand() * 3);
      const k = `${a},${b}`;
      expect(t.add(a, b, d)).toBe(!ref.has(k));
      ref.set(k, (ref.get(k) ?? 0) + d);
      expect(t.get(a, b, 0)).toBe(ref.get(k));
    }
    expect(t.size).toBe(ref.size);
    expect(ref.size).toBeGreaterThan(10000);
    for (const [k, v] of ref) { const [a, b] = k.split(',').map(Number) as [number, number]; expect(t.get(a, b, -1)).toBe(v); }
  });
});

describe('SparseRows', () => {
  it('answers like a Map per row: empty rows, rows of a few keys, rows of thousands (through growth of the arrays), replacement', () => {
    const rand = rng(2026);
    const t = new SparseRows();
    const ref: Array<Map<number, number>> = [];
    for (let r = 0; r < 600; r++) {
      // Sizes as the language model's rows have them: mostly a few dozen, some none, a few thousands.
      const n = r % 7 === 0 ? 0 : r % 97 === 1 ? 3000 : Math.floor(rand() * 40) + 1;
      const row = t.open(n + 5);
      expect(row).toBe(r);
      const m = new Map<number, number>();
      for (let i = 0; i < n; i++) { const k = Math.floor(rand() * 20000) - 10000, v = rand(); t.set(row, k, v); m.set(k, v); }
      // Replacing a value does not take room.
      for (const k of [...m.keys()].slice(0, 5)) { t.set(row, k, -1); m.set(k, -1); }
      ref.push(m);
    }
    let hits = 0, misses = 0;
    for (let r = 0; r < 600; r++) {
      for (const [k, v] of ref[r]!) { const at = t.find(r, k); expect(at).toBeGreaterThanOrEqual(0); expect(t.vals[at]).toBe(v); hits++; }
      for (let k = -10000; k < 10000; k += 37) if (!ref[r]!.has(k)) { expect(t.find(r, k)).toBe(-1); misses++; }
    }
    expect(hits).toBeGreaterThan(20000);
    expect(misses).toBeGreaterThan(250000);
    // A row opened with no room has no value and takes none.
    const none = t.open(0);
    expect(t.find(none, 5)).toBe(-1);
    expect(() => t.set(none, 5, 1)).toThrow();
  });
});
