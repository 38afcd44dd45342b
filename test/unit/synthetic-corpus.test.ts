import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, PROVINCES } from '../../src/lib/synthetic-corpus.ts';
import { ROOT } from '../../src/lib/ingest-cli.ts';
import { DocumentSchema, type Document } from '../../src/lib/schema.ts';
import { elementIndex } from './helpers/corpus.ts';

const real: Document[] = readdirSync(join(ROOT, 'content/regulations')).filter((f) => f.endsWith('.json')).sort()
  .map((f) => DocumentSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/regulations', f), 'utf8'))));

describe('generateCorpus (synthetic corpora for scale benchmarks)', () => {
  const docs = generateCorpus(real, { count: 30, seed: 7 });

  it('makes the requested number of schema-valid documents with unique ids, provinces first', () => {
    expect(docs).toHaveLength(30);
    for (const d of docs) expect(DocumentSchema.safeParse(d).success, d.id).toBe(true);
    expect(new Set(docs.map((d) => d.id)).size).toBe(30);
    expect(docs[0]!.jurisdiction).toMatchObject({ name: PROVINCES[0], level: 'tinh', parent: null });
  });

  it('after the 63 provinces come district-level units with their province as parent', () => {
    const one = generateCorpus(real, { count: 66, seed: 7, versions: 1 });
    expect(one.slice(0, 63).every((d) => d.jurisdiction.parent === null)).toBe(true);
    expect(one.slice(63).map((d) => d.jurisdiction.parent)).toEqual(one.slice(0, 3).map((d) => d.jurisdiction.id));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(generateCorpus(real, { count: 30, seed: 7 }))).toBe(JSON.stringify(docs));
    expect(JSON.stringify(generateCorpus(real, { count: 30, seed: 8 }))).not.toBe(JSON.stringify(docs));
  });

  it('versions of a work are linked both ways and really differ', () => {
    const work = docs.filter((d) => d.work === docs[0]!.work);
    expect(work.length).toBe(3);
    const [a, b] = work;
    expect(b!.relations).toContainEqual(expect.objectContaining({ type: 'replaces', target: a!.id }));
    expect(a!.relations).toContainEqual(expect.objectContaining({ type: 'replaced-by', target: b!.id }));
    expect(JSON.stringify(b!.regulation)).not.toBe(JSON.stringify(a!.regulation));
  });

  it('articles are numbered 1..n with consistent element ids, every annotation points at an element', () => {
    for (const d of docs) {
      const articles = d.regulation!.chapters.flatMap((c) => c.articles);
      expect(articles.map((a) => a.number)).toEqual(articles.map((_, i) => String(i + 1)));
      for (const a of articles) for (const c of a.clauses) expect(c.id.startsWith(`${a.id}-`), c.id).toBe(true);
      const ids = elementIndex(d);
      for (const an of d.annotations) expect(ids.has(an.element), `${d.id} ${an.element}`).toBe(true);
    }
  });

  it('renames the jurisdiction in the prose, and keeps OCR provenance only where its tokens still spell the text', () => {
    const d = docs.find((x) => x.jurisdiction.name !== 'Kiên Giang')!;
    expect(d.committee.name).toContain(d.jurisdiction.name);
    for (const x of docs) {
      const walk = (o: unknown): void => {
        if (Array.isArray(o)) return o.forEach(walk);
        if (!o || typeof o !== 'object') return;
        const e = o as { text?: string; restoration?: { tokens: Array<{ text: string }> } };
        if (e.restoration && typeof e.text === 'string') expect(e.restoration.tokens.filter((t) => t.text !== '').map((t) => t.text).join(' ')).toBe(e.text);
        Object.values(o).forEach(walk);
      };
      walk(x.regulation);
    }
  });
});
