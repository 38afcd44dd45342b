import { describe, expect, it } from 'vitest';
import { pushTo } from '../../src/lib/multimap.ts';

describe('pushTo', () => {
  it('groups values by key in insertion order, appending to the same list', () => {
    const m = new Map<string, number[]>();
    pushTo(m, 'a', 1);
    const first = m.get('a');
    pushTo(m, 'b', 2);
    pushTo(m, 'a', 3);
    expect([...m]).toEqual([['a', [1, 3]], ['b', [2]]]);
    expect(m.get('a')).toBe(first);
  });
});
