import { describe, expect, it } from 'vitest';
import type { Article, Document } from '../../src/lib/schema.ts';
import { ingestBytes } from '../../src/lib/ingest.ts';
import { documentToMarkdown } from '../../src/lib/export-md.ts';
import { sources } from './helpers/corpus.ts';

/** The tree as the round trip must keep it: ids, numbers, titles, texts. */
function tree(doc: Document) {
  const art = (a: Article) => ({
    id: a.id, number: a.number, title: a.title,
    clauses: a.clauses.map((c) => ({ id: c.id, number: c.number, text: c.text, tail: c.tail, points: c.points.map((p) => ({ id: p.id, label: p.label, text: p.text, tail: p.tail })) })),
  });
  return {
    decision: doc.decision.articles.map(art),
    chapters: doc.regulation?.chapters.map((c) => ({ id: c.id, number: c.number, title: c.title, articles: c.articles.map(art), sections: c.sections.map((s) => ({ id: s.id, title: s.title, articles: s.articles.map(art) })) })),
    articles: doc.regulation?.articles.map(art),
  };
}

describe('Markdown export', () => {
  for (const { entry, bytes } of sources) {
    it(`${entry.id}: parse → Markdown → parse gives the same tree`, () => {
      const first = ingestBytes(bytes, entry.file, entry, {}).document;
      const md = documentToMarkdown(first);
      const second = ingestBytes(new TextEncoder().encode(md), `${entry.id}.md`, null, {}).document;
      expect(second.provenance.layout).toBe('markdown');
      expect(tree(second)).toEqual(tree(first));
      expect(second.decision.bases.map((b) => b.text)).toEqual(first.decision.bases.map((b) => b.text));
    });
  }

  it('uses the documented shape: # title, ## Chương, ### Điều, one paragraph per clause and point', () => {
    const { entry, bytes } = sources.find((s) => s.entry.id === 'binh-dinh-2021')!;
    const md = documentToMarkdown(ingestBytes(bytes, entry.file, entry, {}).document);
    expect(md.startsWith('# ')).toBe(true);
    expect(md).toContain('\n\n## Chương I. QUY ĐỊNH CHUNG\n\n### Điều 1. Phạm vi, đối tượng áp dụng\n\n1. Quy chế này quy định');
    expect(md).toContain('\n\na) Giúp Trưởng Ban chỉ đạo xây dựng');
    expect(md.indexOf('QUYẾT ĐỊNH:')).toBeLessThan(md.indexOf('## Chương I'));
  });
});
