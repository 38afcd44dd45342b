/** Texts of the same family that are not among the five sources: a decree, a decision without annex. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ingestBytes } from '../../../src/lib/ingest.ts';
import { decodeSource } from '../../../src/lib/normalise/index.ts';
import { documentToMarkdown } from '../../../src/lib/export-md.ts';
import { ledgerProblems } from '../helpers/corpus.ts';

const load = (name: string) => {
  const bytes = readFileSync(new URL(`../../fixtures/family/${name}`, import.meta.url));
  const r = ingestBytes(bytes, name, null, {});
  return { ...r, text: decodeSource(bytes, name).text };
};

describe('a decree (Nghị định): chapters, sections, Điều 4a, operative sentence instead of QUYẾT ĐỊNH:', () => {
  const { document: d, accounting, text } = load('decree.txt');
  it('structure', () => {
    const reg = d.regulation!;
    expect(reg.type).toBe('NGHỊ ĐỊNH');
    expect(reg.chapters.map((c) => [c.id, c.title])).toEqual([['chuong-1', 'QUY ĐỊNH CHUNG'], ['chuong-2', 'QUẢN LÝ DỮ LIỆU'], ['chuong-3', 'ĐIỀU KHOẢN THI HÀNH']]);
    expect(reg.chapters[1]!.sections.map((s) => [s.id, s.articles.map((a) => a.id)])).toEqual([['chuong-2-muc-1', ['dieu-4', 'dieu-4a']], ['chuong-2-muc-2', ['dieu-5']]]);
    const d2 = reg.chapters[0]!.articles[1]!;
    expect(d2.clauses[1]!.text).toBe('Khuyến khích các cơ quan khác áp dụng quy định tại Điều 8, 9, 10 Nghị định này.');
    expect(d.decision.articles).toEqual([]);
  });
  it('metadata', () => {
    expect([d.id, d.jurisdiction.level, d.decision.number.value, d.decision.date.value]).toEqual(['viet-nam-2020', 'quoc-gia', '47/2020/NĐ-CP', '2020-04-09']);
    expect(d.decision.signature).toMatchObject({ mode: 'TM.', capacity: 'CHÍNH PHỦ', title: 'THỦ TƯỚNG', name: 'Nguyễn Xuân Phúc' });
    expect(d.decision.effect).toMatch(/^Nghị định này có hiệu lực thi hành/);
    expect(d.provenance.diagnostics.map((x) => x.code)).not.toContain('article-duplicate');
  });
  it('nothing is lost', () => expect(ledgerProblems(text, d, accounting)).toEqual([]));
});

describe('a Markdown decision without an attached regulation', () => {
  const { document: d, accounting, text } = load('decision-no-annex.md');
  it('articles, clauses and points of the decision itself', () => {
    expect(d.regulation).toBeNull();
    expect(d.decision.articles.map((a) => a.clauses.map((c) => c.id))).toEqual([
      ['qd-dieu-1-doan-1', 'qd-dieu-1-khoan-1', 'qd-dieu-1-khoan-2'], ['qd-dieu-2-doan-1'], ['qd-dieu-3-doan-1'],
    ]);
    expect(d.decision.articles[1]!.clauses[0]!.points.map((p) => p.id)).toEqual(['qd-dieu-2-doan-1-diem-a', 'qd-dieu-2-doan-1-diem-b']);
    expect(d.decision.replaces.map((r) => r.number)).toEqual(['45/QĐ-UBND']);
    expect([d.id, d.jurisdiction.name, d.jurisdiction.level, d.committee.programme]).toEqual(['an-giang-2023', 'An Giang', 'tinh', 'chuyen-doi-so']);
  });
  it('nothing is lost', () => expect(ledgerProblems(text, d, accounting)).toEqual([]));
});

describe('a short decree without chapters', () => {
  it('its titled articles are the regulation (not decision paragraphs)', () => {
    const text = readFileSync(new URL('../../fixtures/family/decree.txt', import.meta.url), 'utf8')
      .split('\n').filter((l) => !/^(Chương|QUY ĐỊNH CHUNG|QUẢN LÝ DỮ LIỆU|ĐIỀU KHOẢN THI HÀNH|Mục)/.test(l)).join('\n');
    const { document: d } = ingestBytes(new TextEncoder().encode(text), 'short-decree.txt', null, {});
    expect(d.decision.articles).toEqual([]);
    expect(d.regulation!.chapters).toEqual([]);
    expect(d.regulation!.articles.map((a) => [a.id, a.title])).toEqual([
      ['dieu-1', 'Phạm vi điều chỉnh'], ['dieu-2', 'Đối tượng áp dụng'], ['dieu-3', 'Giải thích từ ngữ'],
      ['dieu-4', 'Danh mục cơ sở dữ liệu quốc gia'], ['dieu-4a', 'Cơ sở dữ liệu bổ sung'], ['dieu-5', 'Cơ sở dữ liệu của bộ, ngành'], ['dieu-6', 'Hiệu lực thi hành'],
    ]);
  });
});

describe('a provincial decision signed TM. / KT. (nested signing modes)', () => {
  const { document: d } = load('qd-ubnd-nested-signature.txt');
  it('the outer mode is the mode; the inner `KT. CHỦ TỊCH` is kept in the capacity; the title is the signer\'s own', () => {
    expect(d.decision.signature).toMatchObject({ mode: 'TM.', capacity: 'ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Đặng Trí Dũng' });
  });
  it('the Markdown export prints the block line by line as in the source', () => {
    expect(documentToMarkdown(d)).toContain('TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐặng Trí Dũng\n');
  });
});

describe('a consolidated text (văn bản hợp nhất): repealed articles, footnote markers and footnotes', () => {
  const { document: d, accounting, text } = load('consolidated.txt');
  const arts = () => d.regulation!.chapters.flatMap((c) => c.articles);
  it('the upper-case title ends where the consolidation note begins; the note is kept (decision.note) and exported', () => {
    expect(d.decision.title).toBe('QUY ĐỊNH VỀ HỆ THỐNG THÔNG TIN BÁO CÁO');
    expect(d.decision.note!.split('\n').map((p) => p.slice(0, 40))).toEqual(['Thông tư số 22/2019/TT-BTTTT ngày 31 thá', 'Thông tư số 11/2021/TT-BTTTT ngày 18 thá']);
    expect(d.decision.note).toMatch(/được sửa đổi, bổ sung bởi:\nThông tư số 11\/2021\/TT-BTTTT .* có hiệu lực kể từ ngày 01 tháng 01 năm 2022\.$/);
    expect(documentToMarkdown(d)).toContain('\n\nQUY ĐỊNH VỀ HỆ THỐNG THÔNG TIN BÁO CÁO\n\nThông tư số 22/2019/TT-BTTTT ngày 31');
  });
  it('`XÁC THỰC VĂN BẢN HỢP NHẤT` heads the signature block; it is not a paragraph of the last article', () => {
    expect(d.decision.signature).toMatchObject({ mode: null, capacity: 'XÁC THỰC VĂN BẢN HỢP NHẤT', title: 'BỘ TRƯỞNG', name: 'Nguyễn Mạnh Hùng', lines: [47, 49] });
    expect(arts()[5]!.clauses.map((c) => c.text)).toEqual(['Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2020.']);
  });
  it('`Điều 4. (được bãi bỏ)[3]` is an article titled "(được bãi bỏ)", with no article gap', () => {
    expect(arts().map((a) => [a.number, a.title])).toEqual([['1', 'Phạm vi điều chỉnh'], ['2', 'Đối tượng áp dụng'], ['3', 'Kỳ báo cáo'], ['3a', 'Báo cáo trực tuyến'], ['4', '(được bãi bỏ)'], ['5', 'Hiệu lực thi hành']]);
    expect(d.provenance.diagnostics.map((x) => x.code)).not.toContain('article-gap');
  });
  it('footnote markers leave the titles but are recorded; footnote lines are discarded as footnotes with a diagnostic', () => {
    const markers = d.provenance.diagnostics.filter((x) => x.code === 'footnote-marker');
    expect(markers.map((x) => [x.line, /\[(\d+)\]/.exec(x.message)![1]])).toEqual([[35, '2'], [39, '3'], [44, '4']]);
    expect(d.provenance.discarded.filter((x) => x.reason === 'footnote').map((x) => x.line)).toEqual([51, 52, 53, 54]);
    expect(d.provenance.diagnostics.filter((x) => x.code === 'footnote').map((x) => x.line)).toEqual([51, 52, 53, 54]);
    expect(ledgerProblems(text, d, accounting)).toEqual([]);
  });
});
