import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignDocuments, clauseText, documentArticles } from '../../src/lib/align.ts';
import type { Alignable } from '../../src/lib/align.ts';
import { diffText, redlineAlignment, redlineArticles, tokenize } from '../../src/lib/diff.ts';
import type { Part } from '../../src/lib/diff.ts';

const load = (id: string): Alignable => JSON.parse(readFileSync(new URL(`../../content/regulations/${id}.json`, import.meta.url), 'utf8'));
const art = (doc: Alignable, id: string) => documentArticles(doc).find((a) => a.id === id)!;
const side = (parts: Part[], which: 'old' | 'new') =>
  parts.filter((p) => p.op === 'eq' || p.op === (which === 'old' ? 'del' : 'ins')).map((p) => p.text).join('');
const changes = (parts: Part[]) => parts.filter((p) => p.op !== 'eq').map((p) => `${p.op}:${p.text.trim()}`);

describe('tokenize', () => {
  it('splits syllables and punctuation and keeps the spacing', () => {
    const t = 'họp 01 quý/ lần, Ban Chỉ đạo';
    expect(tokenize(t).map((x) => x.trim())).toEqual(['họp', '01', 'quý', '/', 'lần', ',', 'Ban', 'Chỉ', 'đạo']);
    expect(tokenize(t).join('')).toBe(t);
  });
});

describe('diffText on real clause pairs', () => {
  const kg19 = load('kien-giang-2019');
  const pq22 = load('phu-quoc-2022');

  it('meetings: 2019 Điều 8 khoản 1 → 2022 Điều 9 khoản 1 (Phú Quốc wording)', () => {
    const a = clauseText(art(kg19, 'dieu-8').clauses[0]!);
    const b = clauseText(art(pq22, 'dieu-9').clauses[0]!);
    const parts = diffText(a, b);
    // both sides are reproduced exactly
    expect(side(parts, 'old')).toBe(a);
    expect(side(parts, 'new')).toBe(b);
    // the substantive changes, read off the two texts by hand
    expect(changes(parts)).toEqual([
      'del:tổ chức họp 01 quý/ lần, Ban Chỉ đạo có thể họp',
      'ins:06 tháng một lần hoặc',
      'del:Ủy viên Thường trực Ban Chỉ đạo',
      'ins:cơ quan thường trực',
    ]);
  });

  it('the same meeting clause against the OCR-restored Kiên Giang 2022 text (Điều 9 khoản 1)', () => {
    const kg22 = load('kien-giang-2022');
    const a = clauseText(art(kg19, 'dieu-8').clauses[0]!);
    const clause = art(kg22, 'dieu-9').clauses[0]!;
    expect(clause.restoration).toBeDefined(); // restored from OCR by ingest
    const parts = diffText(a, clauseText(clause));
    expect(side(parts, 'new')).toBe(clauseText(clause));
    expect(changes(parts)).toEqual([
      'del:tổ chức họp 01 quý/ lần, Ban Chỉ đạo có thể họp',
      'ins:06 tháng một lần hoặc',
      'del:Ủy viên Thường trực Ban Chỉ đạo',
      'ins:cơ quan thường trực',
    ]);
  });

  it('identical text gives one equal run; empty side gives one insertion', () => {
    expect(diffText('Ban Chỉ đạo họp.', 'Ban Chỉ đạo họp.')).toEqual([{ op: 'eq', text: 'Ban Chỉ đạo họp.' }]);
    expect(diffText('', 'Điều mới.')).toEqual([{ op: 'ins', text: 'Điều mới.' }]);
  });

  it('folded mode ignores lost diacritics of raw OCR but still shows real changes', () => {
    const kg22 = load('kien-giang-2022');
    // Kiên Giang 2022 is restored now; its raw OCR stays in `restoration.original`.
    const ocr = art(kg22, 'dieu-9').clauses[0]!.restoration!.original; // "Ban Chi dao hop dinh ky 06 thang mét 14n …"
    const clean = clauseText(art(pq22, 'dieu-9').clauses[0]!);
    const exact = diffText(clean, ocr);
    const folded = diffText(clean, ocr, 'folded');
    const eqTokens = (ps: Part[]) => ps.filter((p) => p.op === 'eq').reduce((n, p) => n + tokenize(p.text).length, 0);
    expect(eqTokens(folded)).toBeGreaterThan(eqTokens(exact) * 2);
    expect(side(folded, 'new')).toBe(ocr);
    expect(folded.some((p) => p.op === 'eq' && /Ban Chi dao hop dinh ky 06 thang/.test(p.text))).toBe(true);
  });
});

describe('redlineArticles', () => {
  it('aligns clauses inside an article pair and diffs them one by one', () => {
    const kg19 = load('kien-giang-2019');
    const pq22 = load('phu-quoc-2022');
    const r = redlineArticles(art(kg19, 'dieu-2'), art(pq22, 'dieu-2'));
    expect(r.clauses.map((c) => [c.from, c.to])).toEqual([1, 2, 3, 4, 5].map((n) => [`dieu-2-khoan-${n}`, `dieu-2-khoan-${n}`]));
    // khoản 3 is word for word the same in both
    expect(r.clauses[2]!.parts).toHaveLength(1);
    expect(r.clauses[2]!.parts[0]!.op).toBe('eq');
  });

  it('texts structured differently align piece by piece (Bắc Giang clauses vs Bình Định points)', () => {
    const bg = load('bac-giang-2021');
    const bd = load('binh-dinh-2021');
    const r = redlineArticles(art(bg, 'dieu-10'), art(bd, 'dieu-10'));
    // Bắc Giang khoản 4 (documents 02 working days before) ↔ Bình Định khoản 1 điểm c (48 hours before)
    const docs = r.clauses.find((c) => c.from === 'dieu-10-khoan-4')!;
    expect(docs.to).toBe('dieu-10-khoan-1-diem-c');
    expect(docs.labels).toEqual(['4.', 'c)']);
    expect(changes(docs.parts)).toContain('del:02 ngày làm việc');
    expect(changes(docs.parts)).toContain('ins:48 giờ');
    // Bắc Giang khoản 3 (secretariat meets quarterly) ↔ Bình Định khoản 1 điểm b
    expect(r.clauses.find((c) => c.from === 'dieu-10-khoan-3')!.to).toBe('dieu-10-khoan-1-diem-b');
  });

  it('an added article is one insertion per clause', () => {
    const pq22 = load('phu-quoc-2022');
    const r = redlineArticles(null, art(pq22, 'dieu-8'));
    expect(r.clauses).toHaveLength(10);
    expect(r.clauses.every((c) => c.parts.length === 1 && c.parts[0]!.op === 'ins' && c.from === null)).toBe(true);
    expect(r.stats.del).toBe(0);
  });

  it('redlineAlignment follows the alignment pairs', () => {
    const a = load('kien-giang-2019');
    const b = load('phu-quoc-2022');
    const al = alignDocuments(a, b);
    const rl = redlineAlignment(a, b, al);
    expect(rl.map((r) => [r.from, r.to])).toEqual(al.pairs.map((p) => [p.from, p.to]));
  });
});

describe('point tail paragraphs (Bình Định Điều 10 khoản 1 điểm a has one)', () => {
  const bd = load('binh-dinh-2021');
  const a10 = art(bd, 'dieu-10');
  const point = a10.clauses[0]!.points[0]!;
  const tail = point.tail[0]!;

  it('are part of the clause text used for alignment', () => {
    expect(point.tail.length).toBeGreaterThan(0);
    expect(clauseText(a10.clauses[0]!)).toContain(tail);
  });

  it('are redlined as passages of their own, linked back to the point', () => {
    const r = redlineArticles(a10, a10);
    const passage = r.clauses.find((c) => c.parts.map((x) => x.text).join('') === tail);
    expect(passage, 'the tail paragraph is a passage of the redline').toBeTruthy();
    expect(passage!.to).toBe(point.id);
    expect(passage!.parts.every((x) => x.op === 'eq')).toBe(true);
  });
});
