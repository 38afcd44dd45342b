import { describe, expect, it } from 'vitest';
import { isPageSegment, pageSegment, pageSize, paginate, pagerItems } from '../../src/lib/paging.ts';

describe('paginate', () => {
  it('splits into pages of at most the size, keeping order', () => {
    expect(paginate([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(paginate([1, 2, 3], 5)).toEqual([[1, 2, 3]]);
  });
  it('gives one empty page for an empty list and refuses a bad size', () => {
    expect(paginate([], 5)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

describe('page URLs', () => {
  it('page 1 is the list itself, later pages are trang-N/', () => {
    expect(pageSegment(1)).toBe('');
    expect(pageSegment(3)).toBe('trang-3/');
    expect(isPageSegment('trang-3')).toBe(true);
    expect(isPageSegment('kien-giang-2022')).toBe(false);
  });
});

describe('pagerItems', () => {
  it('shows every page when there are few', () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it('keeps first, last and the neighbourhood, with gaps, and stays bounded', () => {
    expect(pagerItems(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pagerItems(100, 200)).toEqual([1, null, 98, 99, 100, 101, 102, null, 200]);
    expect(pagerItems(5, 200)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 200]);
    for (let c = 1; c <= 1000; c += 37) expect(pagerItems(c, 1000).length).toBeLessThanOrEqual(9);
  });
});

describe('pageSize', () => {
  it('reads a positive integer, else keeps the default', () => {
    expect(pageSize('2', 50)).toBe(2);
    expect(pageSize(undefined, 50)).toBe(50);
    for (const bad of ['', ' ', '0', '-3', '2.5', 'abc']) expect(pageSize(bad, 50)).toBe(50);
  });
});
