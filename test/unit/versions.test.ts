import { describe, expect, it } from 'vitest';
import { versionPairsIn } from '../../src/lib/versions.ts';

const doc = (id: string, work: string, year: number) => ({ id, work, year });

describe('versionPairsIn', () => {
  it('pairs the versions of each work older → newer whatever the corpus order, works in corpus order', () => {
    const docs = [doc('kg-2022', 'kg', 2022), doc('bg-2021', 'bg', 2021), doc('kg-2019', 'kg', 2019), doc('kg-2024', 'kg', 2024)];
    expect(versionPairsIn(docs).map((p) => `${p.work}/${p.slug}`)).toEqual(['kg/2019-2022', 'kg/2019-2024', 'kg/2022-2024']);
    expect(versionPairsIn(docs, true).map((p) => `${p.work}/${p.slug}`)).toEqual(['kg/2019-2022', 'kg/2022-2024']);
  });
  it('names a pair by ids where the work has several versions in a year, and only there', () => {
    const docs = [doc('pq-2022b', 'pq', 2022), doc('pq-2020', 'pq', 2020), doc('pq-2022a', 'pq', 2022)];
    expect(versionPairsIn(docs).map((p) => p.slug)).toEqual(['2020-pq-2022a', '2020-pq-2022b', 'pq-2022a-pq-2022b']);
    expect(versionPairsIn(docs, true).map((p) => [p.from.id, p.to.id])).toEqual([['pq-2020', 'pq-2022a'], ['pq-2022a', 'pq-2022b']]);
  });
  it('gives every consecutive pair (the role pages link them) a page among all pairs (the comparison pages)', () => {
    const docs = [doc('a3', 'a', 2021), doc('a1', 'a', 2019), doc('a2', 'a', 2021), doc('b1', 'b', 2020), doc('a4', 'a', 2023)];
    const pages = new Set(versionPairsIn(docs).map((p) => `${p.work}/${p.slug}`));
    const links = versionPairsIn(docs, true);
    expect(links).toHaveLength(3);
    for (const p of links) expect(pages.has(`${p.work}/${p.slug}`)).toBe(true);
  });
});
