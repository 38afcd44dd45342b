import { describe, expect, it } from 'vitest';
import { allArticles, relatedArticles, topicsOfArticle, type DocArticle } from '../../src/lib/site-model.ts';
import type { Article, Document } from '../../src/lib/schema.ts';
import { generateCorpus } from '../../src/lib/synthetic-corpus.ts';
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
  it('gives exactly what ranking every article of its topics gives, on a synthetic corpus with districts', () => {
    // The straightforward definition: every article of the corpus sharing a topic (first occurrence in topic
    // order), stably sorted by rank (same work, then parent/child jurisdiction, then the rest).
    const naive = (corpus: Document[], doc: Document, a: Article, limit: number) => {
      const seen = new Set<string>();
      const candidates: DocArticle[] = [];
      for (const t of topicsOfArticle(doc, a)) {
        for (const o of corpus) {
          for (const { article: x } of allArticles(o)) {
            const key = `${o.id}/${x.id}`;
            if (o.id === doc.id || seen.has(key) || !topicsOf.get(key)!.includes(t)) continue;
            seen.add(key);
            candidates.push({ doc: o, article: x });
          }
        }
      }
      const j = doc.jurisdiction;
      const rank = ({ doc: o }: DocArticle) => (o.work === doc.work ? 0 : o.jurisdiction.parent === j.id || j.parent === o.jurisdiction.id ? 1 : 2);
      const items = candidates.map((c, i) => ({ c, i, r: rank(c) })).sort((x, y) => x.r - y.r || x.i - y.i).slice(0, limit).map(({ c }) => c);
      return { items, total: candidates.length };
    };
    // 63 provinces × 3 versions come first, then districts (with a parent jurisdiction).
    const corpus = generateCorpus(docs, { count: 230, seed: 7 });
    const topicsOf = new Map<string, string[]>(corpus.flatMap((o) => allArticles(o).map(({ article: x }) => [`${o.id}/${x.id}`, topicsOfArticle(o, x)] as const)));
    expect(corpus.some((d) => d.jurisdiction.parent)).toBe(true);
    const ids = (r: { items: DocArticle[]; total: number }) => ({ items: r.items.map((x) => `${x.doc.id}/${x.article.id}`), total: r.total });
    let compared = 0;
    for (const doc of [...corpus.slice(0, 4), ...corpus.filter((d) => d.jurisdiction.parent).slice(0, 6)]) {
      for (const { article: a } of allArticles(doc)) {
        for (const limit of [3, 8]) {
          expect(ids(relatedArticles(corpus, doc, a, limit)), `${doc.id} ${a.id}`).toEqual(ids(naive(corpus, doc, a, limit)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
