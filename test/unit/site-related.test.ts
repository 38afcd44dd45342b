import { describe, expect, it } from 'vitest';
import { allArticles, relatedArticles, topicsOfArticle } from '../../src/lib/site-model.ts';
import type { Document } from '../../src/lib/schema.ts';
import { corpusDocs } from './helpers.ts';

const docs = corpusDocs();
const byId = (id: string) => docs.find((d) => d.id === id)!;
const article = (doc: Document, id: string) => allArticles(doc).find(({ article: a }) => a.id === id)!.article;

describe('related articles (same subject in other documents)', () => {
  it('lists other documents only, the other version of the same work first', () => {
    const kg22 = byId('kien-giang-2022');
    const { items, total } = relatedArticles(docs, kg22, article(kg22, 'dieu-9'));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every(({ doc }) => doc.id !== 'kien-giang-2022')).toBe(true);
    expect(items[0]!.doc.id).toBe('kien-giang-2019');
    // Phú Quốc (a city of Kiên Giang) ranks before unrelated provinces.
    const firstOther = items.find(({ doc }) => doc.work !== 'kien-giang')!;
    expect(firstOther.doc.id).toBe('phu-quoc-2022');
    expect(total).toBeGreaterThanOrEqual(items.length);
  });
  it('every listed article shares a topic with the page article', () => {
    const bg = byId('bac-giang-2021');
    const a = article(bg, 'dieu-3');
    const topics = topicsOfArticle(bg, a);
    for (const { doc, article: other } of relatedArticles(docs, bg, a).items) {
      expect(topicsOfArticle(doc, other).some((t) => topics.includes(t))).toBe(true);
    }
  });
  it('is capped, so article pages do not grow with the corpus', () => {
    // A corpus of many copies: the list stays at the limit while the total grows.
    const copies = Array.from({ length: 30 }, (_, i) => docs.map((d) => ({ ...d, id: `${d.id}-${i}`, work: `${d.work}-${i}` }))).flat();
    const doc = copies[0]!;
    const a = allArticles(doc).find(({ article: x }) => topicsOfArticle(doc, x).length > 0)!.article;
    const { items, total } = relatedArticles(copies, doc, a, 8);
    expect(items).toHaveLength(8);
    expect(total).toBeGreaterThan(50);
  });
});
