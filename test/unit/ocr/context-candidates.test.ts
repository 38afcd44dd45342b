import { describe, expect, it } from 'vitest';
import { readingsKey } from '../../../src/lib/ocr/restore.ts';

describe('context candidates memo key (readingsKey)', () => {
  it('gives distinct keys to distinct lists of up to 3 word ids, negative (unseen words) and large ones included', () => {
    const ids = [-70000, -65536, -65535, -3, -1, 0, 1, 2, 7, 65533, 65534, 65535, 200000];
    const lists: number[][] = [[]];
    for (const a of ids) { lists.push([a]); for (const b of ids) { lists.push([a, b]); for (const c of ids) lists.push([a, b, c]); } }
    const seen = new Map<number | string, string>();
    let numeric = 0;
    for (const l of lists) {
      const k = readingsKey(l);
      if (typeof k === 'number') { numeric++; expect(Number.isSafeInteger(k)).toBe(true); }
      const other = seen.get(k);
      expect(other, `${l} and ${other}`).toBeUndefined();
      seen.set(k, l.join(','));
    }
    expect(seen.size).toBe(lists.length);
    expect(numeric).toBeGreaterThan(lists.length / 3);
    // The same list always gives the same key.
    expect(readingsKey([3, -2, 9])).toBe(readingsKey([3, -2, 9]));
  });
});
