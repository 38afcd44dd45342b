import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyCorrections, retokenise } from '../../../src/lib/ocr/index.ts';
import type { Document } from '../../../src/lib/schema.ts';
import { read } from './helpers.ts';

// A minimal document holding one restored clause cut from the real OCR (line 21-22).
function doc(): Document {
  const tokens = 'kién toan va déi tén Ban'.split(' ').map((ocr, i) => ({ text: ['kiện', 'toàn', 'và', 'đối', 'tện', 'Ban'][i]!, ocr, confidence: i === 3 || i === 4 ? 0.4 : 0.99 }));
  tokens.splice(2, 0, { text: '', ocr: '‘', confidence: 1 });
  const text = tokens.filter((t) => t.text).map((t) => t.text).join(' ');
  return {
    decision: { bases: [{ id: 'can-cu-4', kind: 'can-cu', text, references: [], lines: [21, 22], restoration: { original: 'kién toan ‘ va déi tén Ban', confidence: 0.8, tokens } }], articles: [], recipients: [], authority: [], issuer: null, effect: null, signature: null },
    regulation: null,
    provenance: { ocr: { corrections: [] } },
  } as unknown as Document;
}

describe('corrections layer', () => {
  it('applies a reviewed fix and marks only the changed tokens as corrected', () => {
    const out = applyCorrections(doc(), { document: 'x', corrections: [{ id: 'can-cu-4', expect: 'đối tện', replace: 'đổi tên', note: 'OCR déi tén' }] }, 'x.yaml');
    const b = out.decision.bases[0]!;
    expect(b.text).toBe('kiện toàn và đổi tên Ban');
    const r = b.restoration!;
    expect(r.tokens.filter((t) => t.corrected).map((t) => [t.text, t.ocr])).toEqual([['đổi', 'déi'], ['tên', 'tén']]);
    expect(r.tokens.find((t) => t.ocr === '‘')!.text).toBe('');
    expect(b.text).toBe(r.tokens.filter((t) => t.text).map((t) => t.text).join(' '));
    expect(out.provenance.ocr.corrections).toEqual(['can-cu-4']);
    expect(doc().decision.bases[0]!.text).toBe('kiện toàn và đối tện Ban'); // input untouched
  });
  it('fails loudly on a stale correction, naming file, id and expected text', () => {
    expect(() => applyCorrections(doc(), { document: 'x', corrections: [{ id: 'can-cu-4', expect: 'đổi tên', replace: 'x', note: 'n' }] }, 'src.txt'))
      .toThrow(/content\/corrections\/x\.yaml: correction #1 \(can-cu-4\) is stale: expected "đổi tên" in "kiện toàn.*\(while ingesting src\.txt\)/);
  });
  it('fails on an unknown id, an ambiguous expectation and a missing note', () => {
    expect(() => applyCorrections(doc(), { document: 'x', corrections: [{ id: 'can-cu-9', expect: 'a', replace: 'b', note: 'n' }] }, 'f')).toThrow(/can-cu-9/);
    expect(() => applyCorrections(doc(), { document: 'x', corrections: [{ id: 'can-cu-4', expect: 'n', replace: 'b', note: 'n' }] }, 'f')).toThrow(/unique/);
    expect(() => applyCorrections(doc(), { document: 'x', corrections: [{ id: 'can-cu-4', expect: 'Ban', replace: 'b' }] }, 'f')).toThrow(/note/);
  });
  it('retokenise keeps provenance when words are inserted', () => {
    const r = retokenise(doc().decision.bases[0]!.restoration!, 'kiện toàn và đổi tên lại Ban');
    expect(r.tokens.filter((t) => t.text).map((t) => t.text).join(' ')).toBe('kiện toàn và đổi tên lại Ban');
    expect(r.tokens.filter((t) => t.corrected).map((t) => t.ocr).join(' ').trim()).toBe('déi tén');
  });
  it('the committed corrections file is well-formed and every entry has a note', () => {
    const file = parse(read('content/corrections/kien-giang-2022.yaml'));
    expect(file.document).toBe('kien-giang-2022');
    for (const c of file.corrections) expect(c.note.length).toBeGreaterThan(5);
  });
});

describe('corrections through ingest', () => {
  it('a stale entry in the real file stops ingest with the file, id and text', async () => {
    const { ingestBytes } = await import('../../../src/lib/ingest.ts');
    const { ocrHooks } = await import('../../../src/lib/ocr/index.ts');
    const { CLEAN, clean } = await import('./helpers.ts');
    const bytes = new TextEncoder().encode(read('content/sources/kien-giang-2022.ocr.txt'));
    const file = parse(read('content/corrections/kien-giang-2022.yaml'));
    const opts = { references: CLEAN.map(clean), ...ocrHooks() };
    const ok = ingestBytes(bytes, 'kien-giang-2022.ocr.txt', null, { ...opts, corrections: file });
    expect(ok.document.provenance.ocr.corrections).toEqual(file.corrections.map((c: { id: string }) => c.id));
    // What parsing read out of a corrected text is read again: the title of the decision a legal basis
    // cites, and the decision this one replaces (`số) 85` → `số 85`).
    const d = ok.document.decision;
    expect(d.bases.find((b) => b.id === 'can-cu-4')!.references[0]!.title).toMatch(/^kiện toàn và đổi tên Ban Chỉ đạo/u);
    expect(d.bases.find((b) => b.id === 'can-cu-3')!.references[0]!.title).toMatch(/^một số nhiệm vụ, giải pháp/u);
    expect(d.replaces.map((r) => r.text)).toEqual([expect.stringMatching(/^Quyết định số 85\/QĐ-BCĐ ngày 03 tháng 5 năm 2019/u)]);
    const stale = structuredClone(file);
    stale.corrections[0].expect = 'TEXT THAT IS NOT THERE';
    expect(() => ingestBytes(bytes, 'kien-giang-2022.ocr.txt', null, { ...opts, corrections: stale }))
      .toThrow(new RegExp(`content/corrections/kien-giang-2022\\.yaml: correction #1 \\(${stale.corrections[0].id}\\) is stale: expected "TEXT THAT IS NOT THERE"`));
  }, 60_000);
});
