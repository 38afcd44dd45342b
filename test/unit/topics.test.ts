import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { documentArticles } from '../../src/lib/align.ts';
import type { Alignable } from '../../src/lib/align.ts';
import { articlesForTopic, parseTopics, topicAnnotations } from '../../src/lib/enrich/topics.ts';

const root = new URL('../../', import.meta.url);
const topics = parseTopics(parse(readFileSync(new URL('content/topics.yaml', root), 'utf8')), 'topics.yaml');
const IDS = ['kien-giang-2019', 'kien-giang-2022', 'phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021'];
const corpus: Alignable[] = IDS.map((id) => JSON.parse(readFileSync(new URL(`content/regulations/${id}.json`, root), 'utf8')));

describe('topic enricher', () => {
  it('assigns every article of every document to at least one topic, without overrides', () => {
    expect(topics.overrides).toHaveLength(0);
    for (const doc of corpus) {
      const ann = topicAnnotations(doc, topics, corpus);
      for (const a of documentArticles(doc)) expect(ann.some((x) => x.element === a.id), `${doc.id} ${a.id}`).toBe(true);
      expect(ann.every((x) => x.relation === 'topic')).toBe(true);
    }
  });

  it('reads headings: Bình Định Điều 11 is about seals, Bắc Giang Điều 10 about meetings and reporting', () => {
    const bd = topicAnnotations(corpus[4]!, topics, corpus);
    expect(bd.filter((x) => x.element === 'dieu-11').map((x) => x.key)).toEqual(['con-dau']);
    const bg = topicAnnotations(corpus[3]!, topics, corpus);
    expect(bg.filter((x) => x.element === 'dieu-10').map((x) => x.key)).toEqual(['cuoc-hop', 'thong-tin-bao-cao']);
  });

  it('OCR-damaged headings borrow the topic of the aligned article of another document', () => {
    // Kiên Giang 2022 is restored now; put the raw OCR headings (kept in `restoration.original`) back.
    const raw = structuredClone(corpus[1]!) as Alignable & { regulation: { chapters: Array<{ articles: Array<{ id: string; title: string; restoration?: { original: string } }> }> } };
    for (const ch of raw.regulation.chapters) for (const a of ch.articles) if (a.restoration) a.title = a.restoration.original;
    const four0 = raw.regulation.chapters.flatMap((c) => c.articles).find((a) => a.id === 'dieu-4')!;
    expect(four0.title).toBe('Phé Truwéng ban Thuong trye');
    const docs = corpus.map((d, i) => (i === 1 ? raw : d));
    const kg22 = topicAnnotations(raw, topics, docs);
    const four = kg22.filter((x) => x.element === 'dieu-4');
    expect(four.map((x) => x.key)).toEqual(['pho-truong-ban']);
    expect(four[0]!.source).toMatch(/^rule:aligned:/);
    // without the corpus the damaged heading "Phé Truwéng ban Thuong trye" matches nothing
    expect(topicAnnotations(raw, topics).some((x) => x.element === 'dieu-4')).toBe(false);
  });

  it('clause-level topics reach content inside other articles (meetings chaired by the head)', () => {
    const ann = topicAnnotations(corpus[0]!, topics, corpus);
    const hits = articlesForTopic(corpus[0]!, ann, 'cuoc-hop');
    expect(hits.map((h) => h.article.id)).toEqual(['dieu-3', 'dieu-8']);
    expect(hits[0]!.elements).toEqual(['dieu-3-khoan-3']);
  });

  it('overrides add and remove topics, with a reason', () => {
    const t = { ...topics, overrides: [
      { document: 'kien-giang-2019', element: 'dieu-9', topic: 'cuoc-hop', reason: 'test: add', remove: false },
      { document: 'kien-giang-2019', element: 'dieu-1', topic: 'pham-vi', reason: 'test: remove', remove: true },
    ] };
    const ann = topicAnnotations(corpus[0]!, t, corpus);
    expect(ann.find((x) => x.element === 'dieu-9' && x.key === 'cuoc-hop')!.source).toBe('override');
    expect(ann.some((x) => x.element === 'dieu-1' && x.key === 'pham-vi')).toBe(false);
  });
});
