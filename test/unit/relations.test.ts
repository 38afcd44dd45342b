import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mostCitedBases, sharedBases } from '../../src/lib/relations.ts';
import { generateCorpus } from '../../src/lib/synthetic-corpus.ts';
import type { Document } from '../../src/lib/schema.ts';

const dir = new URL('../../content/regulations/', import.meta.url);
const docs: Document[] = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));

describe('sharedBases', () => {
  it('pairs documents of one jurisdiction family only (Kiên Giang 2019/2022 and Phú Quốc)', () => {
    const pairs = sharedBases(docs);
    const family = (id: string) => (id.startsWith('bac-giang') ? 'bg' : id.startsWith('binh-dinh') ? 'bd' : 'kg');
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) expect(family(p.a), `${p.a} – ${p.b}`).toBe(family(p.b));
    for (const p of pairs) expect(p.count).toBe(p.shared.length);
  });

  it('grows with the families, not with the square of the corpus', () => {
    const small = generateCorpus(docs, { count: 50, seed: 1 });
    const big = generateCorpus(docs, { count: 200, seed: 1 });
    const ratio = sharedBases(big).length / Math.max(1, sharedBases(small).length);
    expect(ratio).toBeLessThan(4 * 1.5); // 4× the documents: linear is ~4×, quadratic ~16×
  });
});

describe('mostCitedBases', () => {
  it('counts each document once per cited text, most cited first, at least two documents', () => {
    const top = mostCitedBases(docs);
    expect(top.length).toBeGreaterThan(0);
    for (const t of top) {
      expect(new Set(t.docs).size).toBe(t.docs.length);
      expect(t.docs.length).toBeGreaterThanOrEqual(2);
    }
    for (let i = 1; i < top.length; i++) expect(top[i - 1]!.docs.length).toBeGreaterThanOrEqual(top[i]!.docs.length);
  });
});
