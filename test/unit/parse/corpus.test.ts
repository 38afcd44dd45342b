import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestBytes } from '../../../src/lib/ingest.ts';
import { enrichCorpus } from '../../../src/lib/enrich/index.ts';
import { loadCorrections, loadTaxonomies, ROOT, serialise } from '../../../src/lib/ingest-cli.ts';
import { ocrHooks } from '../../../src/lib/ocr/index.ts';
import { decodeSource } from '../../../src/lib/normalise/index.ts';
import { ledgerProblems, sources } from '../helpers/corpus.ts';

// decision articles / regulation articles / chapters, as counted by hand in the printed documents (issue 2)
const EXPECTED: Record<string, [number, number, number]> = {
  'kien-giang-2022': [3, 13, 4],
  'kien-giang-2019': [3, 12, 4],
  'bac-giang-2021': [2, 14, 4],
  'phu-quoc-2022': [3, 13, 4],
  'binh-dinh-2021': [3, 14, 4],
};

const ingested = sources.map(({ entry, bytes }) => ({ entry, bytes, ...ingestBytes(bytes, entry.file, entry, { references: [] }) }));

describe('the five sources', () => {
  for (const { entry, document } of ingested) {
    it(`${entry.id}: skeleton ${EXPECTED[entry.id]!.join('/')}`, () => {
      const reg = document.regulation!;
      const articles = reg.chapters.flatMap((c) => c.articles);
      expect([document.decision.articles.length, articles.length, reg.chapters.length]).toEqual(EXPECTED[entry.id]);
      expect(articles.map((a) => a.number)).toEqual(articles.map((_, i) => String(i + 1)));
      expect(reg.chapters.map((c) => c.value)).toEqual([1, 2, 3, 4]);
      for (const a of articles) expect(a.title.length, a.id).toBeGreaterThan(2);
    });
  }

  it('the committed (published, OCR-restored) JSON keeps the same skeletons', () => {
    for (const id of Object.keys(EXPECTED)) {
      const d = JSON.parse(readFileSync(join(ROOT, 'content/regulations', `${id}.json`), 'utf8'));
      const arts = d.regulation.chapters.flatMap((c: { articles: unknown[] }) => c.articles);
      expect([d.decision.articles.length, arts.length, d.regulation.chapters.length], id).toEqual(EXPECTED[id]);
    }
  });

  it('every non-blank source line is accounted for: structure, metadata, or discarded with a reason', () => {
    for (const { entry, bytes, document, accounting } of ingested) {
      const { text } = decodeSource(bytes, entry.file);
      expect(ledgerProblems(text, document, accounting), entry.id).toEqual([]);
    }
  });

  it('committed golden JSON is what ingest produces now (review diffs like code)', () => {
    // Same options as `npm run ingest`: OCR hooks, references = the clean sources, reviewed corrections.
    const references = ingested.filter((i) => !i.entry.ocr).map((i) => new TextDecoder().decode(i.bytes).normalize('NFC'));
    const docs = enrichCorpus(ingested.map((i) => ingestBytes(i.bytes, `content/sources/${i.entry.file}`, i.entry, {
      references, ...ocrHooks(), corrections: loadCorrections(ROOT, i.entry.id),
    }).document), loadTaxonomies());
    for (const d of docs) {
      const committed = readFileSync(join(ROOT, 'content/regulations', `${d.id}.json`), 'utf8');
      expect(serialise(d) === committed, `${d.id}.json is stale: run npm run ingest`).toBe(true);
    }
    // A full ingest with OCR restoration: ~7 s of CPU when idle, several times that when the two cores
    // are shared with the fuzz workers, so it gets more than the default 30 s.
  }, 120_000);
});

describe('metadata', () => {
  const byId = Object.fromEntries(ingested.map((i) => [i.entry.id, i.document]));
  it('Kiên Giang 2022: number 40 vs 10 and date 09/4 vs 05/4 vs signature, with diagnostics and reasons', () => {
    const d = byId['kien-giang-2022']!.decision;
    expect(d.number.variants.map((v) => [v.value, v.where])).toEqual([['40/QĐ-BCĐ', 'header'], ['10/QĐ-BCĐ', 'annex']]);
    // user-facing: Vietnamese prose and Vietnamese names of where each value is printed
    expect(d.number.resolution).toBe('Các bản in không thống nhất: 40/QĐ-BCĐ (đầu văn bản, dòng 3) và 10/QĐ-BCĐ (phần quy chế, dòng 74); không có giá trị chiếm đa số nên dùng số in ở đầu văn bản.');
    expect(d.date.resolution).toBe('Các bản in không thống nhất: 09/04/2022 (đầu văn bản, dòng 3), 05/04/2022 (chữ ký số, dòng 68) và 05/04/2022 (phần quy chế, dòng 74); 05/04/2022 được in 2 lần (chữ ký số và phần quy chế) nên được dùng.');
    expect(d.date.variants.map((v) => v.value)).toEqual(['2022-04-09', '2022-04-05', '2022-04-05']);
    expect(d.date.value).toBe('2022-04-05');
    expect(d.signature?.digital?.time).toBe('2022-04-05T18:33:06+07:00');
    const codes = byId['kien-giang-2022']!.provenance.diagnostics.map((x) => x.code);
    expect(codes).toContain('number-conflict');
    expect(codes).toContain('date-conflict');
    expect(d.replaces.map((r) => [r.number, r.date])).toEqual([['85/QĐ-BCĐ', '2019-05-03']]);
    expect(d.effect).toMatch(/^Quyét dinh ndy c6 hiéu luc/);
  });
  it('blank number and day (Bắc Giang, Bình Định annex) give null values with diagnostics', () => {
    for (const id of ['bac-giang-2021', 'binh-dinh-2021']) {
      const doc = byId[id]!;
      expect(doc.decision.number.value).toBeNull();
      expect(doc.decision.date.value).toBeNull();
      expect(doc.provenance.diagnostics.map((x) => x.code)).toContain('number-blank');
      expect(doc.provenance.diagnostics.map((x) => x.code)).toContain('date-blank');
    }
  });
  it('signature blocks, recipients, bases', () => {
    const bd = byId['binh-dinh-2021']!.decision;
    expect([bd.signature?.mode, bd.signature?.capacity, bd.signature?.name]).toEqual(['KT.', 'TRƯỞNG BAN', 'Lâm Hải Giang']);
    expect(bd.recipients.map((r) => r.text)[0]).toBe('Như Điều 3;');
    const kg = byId['kien-giang-2019']!.decision;
    expect(kg.bases.map((b) => b.kind)).toEqual(['can-cu', 'can-cu', 'can-cu', 'can-cu', 'can-cu', 'de-nghi']);
    expect(kg.bases[3]!.references[0]).toMatchObject({ kind: 'quyet-dinh', number: '1072/QĐ-TTg', date: '2018-08-28', issuer: 'Thủ tướng Chính phủ' });
    expect(byId['phu-quoc-2022']!.decision.place).toBe('Phú Quốc');
  });
  it('Bắc Giang Điều 3 prints "-" for the lost clause 1, then 2., 3.', () => {
    const a = byId['bac-giang-2021']!.regulation!.chapters[1]!.articles[0]!;
    expect(a.clauses.map((c) => [c.kind, c.number, c.marker])).toEqual([['bullet', '1', '-'], ['numbered', '2', '2.'], ['numbered', '3', '3.']]);
  });
  it('Bình Định points a.–h. (no đ) and bullets inside a numbered clause become points', () => {
    const reg = byId['binh-dinh-2021']!.regulation!;
    const d4 = reg.chapters[1]!.articles.find((a) => a.number === '4')!;
    expect(d4.clauses[1]!.points.map((p) => p.label).join('')).toBe('abcdegh');
    const d5 = reg.chapters[1]!.articles.find((a) => a.number === '5')!;
    expect(d5.clauses[0]!.points.map((p) => p.marker)).toEqual(['-', '-', '-']);
  });
});
