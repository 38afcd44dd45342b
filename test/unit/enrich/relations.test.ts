import { describe, expect, it } from 'vitest';
import { enrichCorpus, numberKey, resolveReference } from '../../../src/lib/enrich/index.ts';
import { ingestBytes } from '../../../src/lib/ingest.ts';
import { sources } from '../helpers/corpus.ts';

const docs = sources.map(({ entry, bytes }) => ingestBytes(bytes, entry.file, entry, {}).document);
const byId = (list: typeof docs) => Object.fromEntries(list.map((d) => [d.id, d]));

describe('corpus relations', () => {
  const out = byId(enrichCorpus(docs));
  it('Kiên Giang 2022 replaces 2019 ("thay thế Quyết định số 85/QĐ-BCĐ"), and 2019 is replaced by 2022', () => {
    expect(out['kien-giang-2022']!.relations.filter((r) => r.type === 'replaces').map((r) => r.target)).toEqual(['kien-giang-2019']);
    expect(out['kien-giang-2022']!.decision.replaces[0]!.target).toBe('kien-giang-2019');
    expect(out['kien-giang-2019']!.relations.filter((r) => r.type === 'replaced-by').map((r) => r.target)).toEqual(['kien-giang-2022']);
  });
  it('versions of one work, part-of for Phú Quốc, a replaced decision outside the corpus', () => {
    expect(out['kien-giang-2019']!.relations.filter((r) => r.type === 'version-of').map((r) => r.target)).toEqual(['kien-giang-2022']);
    expect(out['phu-quoc-2022']!.relations).toContainEqual({ type: 'part-of', target: 'kien-giang', label: 'Kiên Giang' });
    expect(out['binh-dinh-2021']!.relations).toEqual([{ type: 'replaces', target: null, label: 'Quyết định số 47/QĐ-BCĐ ngày 12/4/2019' }]);
  });
  it('based-on: a legal basis citing a corpus document resolves to it', () => {
    const citing = structuredClone(docs.find((d) => d.id === 'binh-dinh-2021')!);
    citing.decision.bases[2]!.references[0]!.number = '85/QĐ-BCĐ';
    citing.decision.bases[2]!.references[0]!.date = '2019-05-03';
    const [enriched] = enrichCorpus([citing, ...docs.filter((d) => d.id !== 'binh-dinh-2021')]).filter((d) => d.id === 'binh-dinh-2021');
    expect(enriched!.relations).toContainEqual({ type: 'based-on', target: 'kien-giang-2019', label: 'Quyết định số 85/QĐ-BCĐ ngày 3/5/2019' });
    expect(enriched!.decision.bases[2]!.references[0]!.target).toBe('kien-giang-2019');
  });
  it('a number matches regardless of diacritics and spacing, but not with a different date', () => {
    expect(numberKey('85 /QĐ-BCĐ')).toBe(numberKey('85/QD-BCD'));
    const self = docs[0]!;
    const ref = { kind: 'quyet-dinh', type: 'Quyết định', number: '85/QD-BCD', date: '2020-01-01', issuer: null, title: null, text: '', target: null };
    expect(resolveReference(ref, docs, self)).toBeNull();
    expect(resolveReference({ ...ref, date: null }, docs, docs[1]!)?.id).toBe('kien-giang-2019');
  });
  it('deterministic and pure: same output whatever the input order; inputs untouched', () => {
    const before = JSON.stringify(docs);
    expect(JSON.stringify(enrichCorpus([...docs].reverse()))).toBe(JSON.stringify(enrichCorpus(docs)));
    expect(JSON.stringify(docs)).toBe(before);
  });
});
