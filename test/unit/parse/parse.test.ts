import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { RestoredToken } from '../../../src/lib/schema.ts';
import { normaliseSource } from '../../../src/lib/normalise/index.ts';
import { latestCitedYear, parseLines, titleAfterType, type ParseLine } from '../../../src/lib/parse/index.ts';
import { ingestBytes, markAfterDiscarded } from '../../../src/lib/ingest.ts';
import { InputError } from '../../../src/lib/errors.ts';
import { isTypeLine, resolveVariants } from '../../../src/lib/parse/metadata.ts';

const meta = { source: 't.txt', sha256: '0'.repeat(64), encoding: 'utf-8', layout: 'plain' as const, lineCount: 1 };
const parse = (text: string) => parseLines(normaliseSource(text).lines, meta, 't.txt');
const reg = (text: string) => parse(`QUY CHẾ\nHoạt động của Ban\n${text}`);
const codes = (r: ReturnType<typeof parse>) => r.diagnostics.map((d) => d.code);

describe('structure', () => {
  it('chapter title on the next line(s), article title wrapped to the next line', () => {
    const r = reg('Chương I\nNHỮNG QUY ĐỊNH\nCHUNG\nĐiều 1. Trách nhiệm của người đứng đầu\ntrong quan hệ công tác\n1. Nội dung một.');
    const ch = r.document.regulation!.chapters[0]!;
    expect(ch.title).toBe('NHỮNG QUY ĐỊNH CHUNG');
    expect(ch.articles[0]!.title).toBe('Trách nhiệm của người đứng đầu trong quan hệ công tác');
    expect(ch.articles[0]!.clauses[0]!.text).toBe('Nội dung một.');
  });
  it('a long line in small letters whose sentence goes on in small letters on the next is the first paragraph, not the title (its first word restored small: Bình Định 2021 scan layout, seeds 193, 887)', () => {
    const a = reg('Điều 6. Cơ quan thường trực Ban Chỉ đạo\nsở Thông tin và Truyền thông là cơ quan thường trực của Ban chỉ đạo,\ncó trách nhiệm triển khai các nhiệm vụ sau:\n1. Làm đầu mối.').document.regulation!.articles[0]!;
    expect(a.title).toBe('Cơ quan thường trực Ban Chỉ đạo');
    expect(a.clauses.map((c) => c.id)).toEqual(['dieu-6-doan-1', 'dieu-6-khoan-1']);
    // A title the scan wrapped, long or short, still joins (the next line opens the first clause).
    const wrapped = reg('Điều 11. Trách nhiệm của người đứng đầu các sở, ngành, Ủy ban nhân dân các huyện,\nthành phố trong quan hệ công tác với Ban Chỉ đạo và các cơ quan có liên quan khác\n1. Nội dung.').document.regulation!.articles[0]!;
    expect(wrapped.title).toBe('Trách nhiệm của người đứng đầu các sở, ngành, Ủy ban nhân dân các huyện, thành phố trong quan hệ công tác với Ban Chỉ đạo và các cơ quan có liên quan khác');
  });
  it('an article title wrapped before a capitalised word (`… giúp việc` / `Trưởng ban`: Kiên Giang 2019 scan layout) ends on that short line when the first clause follows it', () => {
    const a = reg('Điều 5. Ủy viên thường trực, Tổ trưởng Tổ công tác giúp việc\nTrưởng ban\n1. Giúp Trưởng ban.\n2. Thực hiện.').document.regulation!.articles[0]!;
    expect(a.title).toBe('Ủy viên thường trực, Tổ trưởng Tổ công tác giúp việc Trưởng ban');
    expect(a.clauses.map((c) => c.kind)).toEqual(['numbered', 'numbered']);
    // Not a line that ends a sentence or opens a list, nor one not followed by the first clause.
    for (const body of ['Các sở thực hiện:\n1. Một.', 'Ban Chỉ đạo\n2. Hai.', 'Ban Chỉ đạo có nhiệm vụ sau đây\n1. Một.']) {
      expect(reg(`Điều 5. Trách nhiệm\n${body}`).document.regulation!.articles[0]!.title).toBe('Trách nhiệm');
    }
  });
  it('a legal basis whose `Căn cứ` the scan damaged past reading still starts a basis (`Cảnh phúc Luật …`; scan layout, Bình Định 2021 seeds 61–75), so the issuer above it stays alone', () => {
    for (const start of ['Cảnh phúc', 'Căn phủ', 'Độ cứ']) {
      const r = parse(`QUYẾT ĐỊNH\nBan hành Quy chế\nTRƯỞNG BAN CHỈ ĐẠO\n${start} Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.`);
      expect(r.document.decision.issuer).toBe('TRƯỞNG BAN CHỈ ĐẠO');
      expect(r.document.decision.bases.map((b) => b.kind)).toEqual(['can-cu']);
    }
    // Not a sentence that merely mentions a law.
    const r = parse('QUYẾT ĐỊNH\nBan hành Quy chế\nTRƯỞNG BAN CHỈ ĐẠO\nTheo đề nghị của Sở;\nQUYẾT ĐỊNH:\nĐiều 1. Các sở thực hiện Luật này.');
    expect(r.document.decision.bases.map((b) => b.kind)).toEqual(['de-nghi']);
  });
  it('one or two letters after the regulation\'s type are stamp debris, not its title (synthetic Kiên Giang 2019 scan: `QUY CHẾ N`, read `QUY CHẾ ÁN`)', () => {
    for (const debris of ['N', 'ÁN']) expect(parse(`QUY CHẾ ${debris}\nHoạt động của Ban\nĐiều 1. Phạm vi\n1. Nội dung.`).document.regulation!.title).toBe('Hoạt động của Ban');
    expect(parse('QUY CHẾ HOẠT ĐỘNG CỦA BAN\nĐiều 1. Phạm vi\n1. Nội dung.').document.regulation!.title).toBe('HOẠT ĐỘNG CỦA BAN');
  });
  it('a chapter whose numeral the scan lost (`Chương` alone, or before its title in capitals) is the next in sequence, with a warning', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Nội dung.\nChương\nNHIỆM VỤ\nĐiều 2. Trưởng ban\n1. Nội dung.\nChương TỔ CHỨC THỰC HIỆN\nĐiều 3. Tổ chức\n1. Nội dung.');
    const chs = r.document.regulation!.chapters;
    expect(chs.map((c) => [c.id, c.number, c.title])).toEqual([['chuong-1', 'I', 'CHUNG'], ['chuong-2', 'II', 'NHIỆM VỤ'], ['chuong-3', 'III', 'TỔ CHỨC THỰC HIỆN']]);
    expect(r.document.provenance.diagnostics.filter((d) => d.code === 'heading-number-inferred').map((d) => d.line)).toEqual([6, 10]); // (after the two lines `reg` puts first)
    // The number of the chapter before, again (a numeral that lost a letter): the next, with a warning.
    const again = reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Nội dung.\nChương II NHIỆM VỤ\nĐiều 2. Trưởng ban\n1. Nội dung.\nChương II CHẾ ĐỘ\nĐiều 3. Họp\n1. Nội dung.');
    expect(again.document.regulation!.chapters.map((c) => [c.id, c.number])).toEqual([['chuong-1', 'I'], ['chuong-2', 'II'], ['chuong-3', 'III']]);
    expect(again.document.provenance.diagnostics.filter((d) => d.code === 'heading-number-inferred').map((d) => d.line)).toEqual([9]);
    // A numeral one letter from the next in sequence, the next chapter (if any) following it (synthetic Kiên Giang 2019 scan seed 32: `Chuong V` for IV).
    const numbers = (text: string) => reg(text).document.regulation!.chapters.map((c) => c.number);
    const body = (n: number) => `\nĐiều ${n}. Tiêu đề\n1. Nội dung.`;
    expect(numbers(`Chương I A${body(1)}\nChương II B${body(2)}\nChương III C${body(3)}\nChương V D${body(4)}`)).toEqual(['I', 'II', 'III', 'IV']);
    expect(numbers(`Chương I A${body(1)}\nChương V B${body(2)}\nChương III C${body(3)}`)).toEqual(['I', 'V', 'III']);
    expect(numbers(`Chương I A${body(1)}\nChương II B${body(2)}\nChương IV D${body(3)}`)).toEqual(['I', 'II', 'IV']);
    // Two letters lost, going back (Phú Quốc 2022 scan layout, seed 881: `Chuong I` for III after II), when the next chapter follows.
    expect(numbers(`Chương I A${body(1)}\nChương II B${body(2)}\nChương I C${body(3)}\nChương IV D${body(4)}`)).toEqual(['I', 'II', 'III', 'IV']);
    expect(numbers(`Chương I A${body(1)}\nChương II B${body(2)}\nChương I C${body(3)}`)).toEqual(['I', 'II', 'I']);
    // A word after the keyword is no title in capitals: not a chapter.
    expect(reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Nội dung của\nChương trình công tác.').document.regulation!.chapters).toHaveLength(1);
  });
  it('hard-wrapped lines join; a new sentence with a capital after a full stop is a new paragraph', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Phạm vi\nBan Chỉ đạo làm việc theo\nchế độ kiêm nhiệm.\nKinh phí do ngân sách bảo đảm.');
    const cl = r.document.regulation!.chapters[0]!.articles[0]!.clauses;
    expect(cl.map((c) => [c.id, c.kind, c.text])).toEqual([
      ['dieu-1-doan-1', 'paragraph', 'Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm.'],
      ['dieu-1-doan-2', 'paragraph', 'Kinh phí do ngân sách bảo đảm.'],
    ]);
  });
  it('a reference "Điều 8, 9, 10 Nghị định …" at a line start is text, not a heading', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Thực hiện theo quy định tại\nĐiều 8, 9, 10 Nghị định số 61/2018/NĐ-CP.\nĐiều 2. Nguyên tắc\n1. Dân chủ.');
    const arts = r.document.regulation!.chapters[0]!.articles;
    expect(arts.map((a) => a.number)).toEqual(['1', '2']);
    expect(arts[0]!.clauses[0]!.text).toBe('Thực hiện theo quy định tại Điều 8, 9, 10 Nghị định số 61/2018/NĐ-CP.');
  });
  it('a point whose predecessor lost its marker still opens a point (up to two letters skipped), with a point-gap note; three letters skipped is text', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Gồm:\na. một;\nb. hai;\nd. bốn;\n. Chỉ đạo năm;\ng. sáu;\nm. bảy.');
    const c = r.document.regulation!.chapters[0]!.articles[0]!.clauses[0]!;
    expect(c.points.map((p) => p.label)).toEqual(['a', 'b', 'd', 'g']);
    expect(c.points[3]!.text).toBe('sáu; m. bảy.');
    expect(r.document.provenance.diagnostics.filter((d) => d.code === 'point-gap')).toHaveLength(2);
  });
  it('in a hard-wrapped text a full stop at the end of a full line is no paragraph end, unless a blank line or an indent follows (synthetic Kiên Giang 2019 scan, Điều 4)', () => {
    const filler = Array.from({ length: 20 }, (_, k) => `${k + 1}. Thực hiện các nhiệm vụ khác do Trưởng ban giao theo quy định của pháp luật hiện hành.`);
    const body = [
      'Giúp Trưởng ban chỉ đạo các hoạt động của Ban Chỉ đạo theo phân công của Trưởng ban.',
      'Khi Trưởng ban vắng mặt, Phó Trưởng ban thay mặt.',
      'Phó Trưởng ban làm việc theo chế độ kiêm nhiệm.',
      'Kinh phí do ngân sách bảo đảm theo quy định của pháp luật về ngân sách nhà nước.',
      '',
      'Tổ công tác giúp việc làm việc theo chế độ kiêm nhiệm theo quy định hiện hành.',
      '    Văn phòng Ủy ban nhân dân tỉnh bảo đảm các điều kiện làm việc cần thiết.',
    ];
    const r = reg(['Chương I CHUNG', 'Điều 1. Phó Trưởng ban', ...body, 'Điều 2. Tổ công tác', ...filler].join('\n'));
    const cl = r.document.regulation!.chapters[0]!.articles[0]!.clauses;
    expect(cl.map((c) => c.text.slice(0, 24))).toEqual(['Giúp Trưởng ban chỉ đạo ', 'Phó Trưởng ban làm việc ', 'Kinh phí do ngân sách bả', 'Tổ công tác giúp việc là', 'Văn phòng Ủy ban nhân dâ']);
    expect(cl[0]!.text).toMatch(/của Trưởng ban\. Khi Trưởng ban vắng mặt/u);
  });
  it('across a gap where the OCR restoration discarded stamp debris the line length decides too; across blank lines alone it is a paragraph end (Kiên Giang 2019 scan layout, seed 1173: `… của Trưởng ban.`, blank, `\\`, blank, `Khi Trưởng ban vắng mặt`)', () => {
    const filler = Array.from({ length: 20 }, (_, k) => `${k + 1}. Thực hiện các nhiệm vụ khác do Trưởng ban giao theo quy định của pháp luật hiện hành.`);
    const text = ['QUY CHẾ', 'Hoạt động của Ban', 'Chương I CHUNG', 'Điều 1. Phó Trưởng ban',
      'Giúp Trưởng ban chỉ đạo các hoạt động của Ban Chỉ đạo theo phân công của Trưởng ban.', '', '\\', '',
      'Khi Trưởng ban vắng mặt, Phó Trưởng ban thay mặt.', 'Điều 2. Tổ công tác', ...filler].join('\n');
    // The debris line as the restoration discards it: gone from the lines, listed as discarded.
    const all = normaliseSource(text).lines;
    const debris = all.find((l) => l.text === '\\')!;
    const kept = all.filter((l) => l !== debris);
    const clauses = (lines: ParseLine[]) => parseLines(lines, meta, 't.txt').document.regulation!.chapters[0]!.articles[0]!.clauses.map((c) => c.text.slice(0, 16));
    expect(clauses(markAfterDiscarded(kept, [{ line: debris.n, text: '\\', reason: 'stamp' }]))).toEqual(['Giúp Trưởng ban ']);
    expect(clauses(kept)).toEqual(['Giúp Trưởng ban ', 'Khi Trưởng ban v']);
    expect(markAfterDiscarded(kept, [{ line: debris.n, text: '\\', reason: 'stamp' }]).filter((l) => l.afterDiscarded).map((l) => l.text)).toEqual(['Khi Trưởng ban vắng mặt, Phó Trưởng ban thay mặt.']);
  });
  it('a dash opening a wrapped line in the middle of a sentence is text, not a bullet (`kinh tế` / `- xã hội`)', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Phục vụ phát triển kinh tế\n- xã hội của tỉnh.\n2. Gồm:\n- các sở;\n- các ngành.');
    const cl = r.document.regulation!.chapters[0]!.articles[0]!.clauses;
    expect(cl[0]!.text).toBe('Phục vụ phát triển kinh tế - xã hội của tỉnh.');
    expect(cl[0]!.points).toEqual([]);
    expect(cl[1]!.points.map((p) => p.text)).toEqual(['các sở;', 'các ngành.']);
  });
  it('points a) … đ) and a tail paragraph after the points', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Gồm:\na) một;\nb) hai;\nc) ba;\nd) bốn;\nđ) năm.\nCác nội dung khác do Trưởng ban quyết định.');
    const c = r.document.regulation!.chapters[0]!.articles[0]!.clauses[0]!;
    expect(c.points.map((p) => p.id)).toEqual(['dieu-1-khoan-1-diem-a', 'dieu-1-khoan-1-diem-b', 'dieu-1-khoan-1-diem-c', 'dieu-1-khoan-1-diem-d', 'dieu-1-khoan-1-diem-dd']);
    expect(c.tail).toEqual(['Các nội dung khác do Trưởng ban quyết định.']);
  });
  it('dashes inside a lettered point stay in the point (no level for sub-items)', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Gồm:\na) nhóm một:\n- ý thứ nhất;\n- ý thứ hai;\nb) nhóm hai.');
    const c = r.document.regulation!.chapters[0]!.articles[0]!.clauses[0]!;
    expect(c.points.map((p) => [p.label, p.text])).toEqual([['a', 'nhóm một: - ý thứ nhất; - ý thứ hai;'], ['b', 'nhóm hai.']]);
  });
  it('Mục sections inside a chapter', () => {
    const r = reg('Chương II TỔ CHỨC\nMục 1. BAN CHỈ ĐẠO\nĐiều 1. Trưởng ban\n1. Chỉ đạo.\nMục 2. TỔ GIÚP VIỆC\nĐiều 2. Tổ trưởng\n1. Điều hành.');
    const ch = r.document.regulation!.chapters[0]!;
    expect(ch.sections.map((s) => [s.id, s.title, s.articles.map((a) => a.id)])).toEqual([
      ['chuong-2-muc-1', 'BAN CHỈ ĐẠO', ['dieu-1']],
      ['chuong-2-muc-2', 'TỔ GIÚP VIỆC', ['dieu-2']],
    ]);
  });
});

describe('problems become diagnostics, ids stay unique', () => {
  it('duplicate and out-of-order article numbers', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. A\n1. a.\nĐiều 5. B\n1. b.\nĐiều 5. C\n1. c.\nĐiều 3. D\n1. d.');
    const ids = r.document.regulation!.chapters[0]!.articles.map((a) => a.id);
    expect(ids).toEqual(['dieu-1', 'dieu-5', 'dieu-5-2', 'dieu-3']);
    expect(codes(r)).toEqual(expect.arrayContaining(['article-gap', 'article-duplicate', 'article-out-of-order']));
    expect(new Set(r.document.regulation!.chapters[0]!.articles.flatMap((a) => a.clauses.map((c) => c.id))).size).toBe(4);
  });
  it('a chapter with no articles', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. A\n1. a.\nChương II TRỐNG\nChương III CUỐI\nĐiều 2. B\n1. b.');
    expect(codes(r)).toContain('chapter-empty');
  });
  it('no articles at all is an error', () => {
    expect(codes(parse('Một văn bản\nkhông có điều khoản nào.'))).toContain('no-articles');
    expect(() => ingestBytes(new TextEncoder().encode('Một văn bản\nkhông có điều nào.'), 'x.txt', null, {})).toThrow(InputError);
  });
  it('a form in an appendix after the end mark is not the regulation', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. A\n1. Thực hiện./.\nTRƯỞNG BAN\nNguyễn Văn A\nPHỤ LỤC\nMẫu báo cáo\nSố: /BC-BCĐ\nĐiều 1. Mẫu\n1. Nội dung mẫu.');
    expect(r.document.regulation!.chapters[0]!.articles.map((a) => a.id)).toEqual(['dieu-1']);
    expect(r.document.provenance.discarded.map((d) => d.reason)).toEqual(['signature', 'signature', 'appendix', 'appendix', 'appendix', 'appendix', 'appendix']);
    expect(codes(r)).toContain('appendix');
  });
});

describe('document type line damaged', () => {
  it('a type of 10 letters or more is recognised within 2 edits (`QUYẾT TRÌNH`, a restoration of `QUYÉT THINH`), so the decision and its regulation stay apart', () => {
    const r = parse('QUYẾT TRÌNH\nBan hành Quy chế hoạt động\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nĐiều 2. Quyết định có hiệu lực.\nQUY CHẾ\nHoạt động của Ban\nChương I CHUNG\nĐiều 1. Phạm vi\n1. Nội dung.');
    expect(r.document.decision.articles.map((a) => a.id)).toEqual(['qd-dieu-1', 'qd-dieu-2']);
    expect(r.document.regulation!.chapters[0]!.articles.map((a) => a.id)).toEqual(['dieu-1']);
  });
  it('a regulation type line the scan damaged past reading (`QUY CHẾ` printed `QUY PHUHI`, restored `QUY PHÍ`: Phú Quốc 2022 scan layout, seed 139) still opens the regulation, found above its `(kèm theo …)` line, with a warning', () => {
    const head = 'QUYẾT ĐỊNH\nBan hành Quy chế hoạt động\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nĐiều 2. Quyết định có hiệu lực.\nNơi nhận:\n- Như Điều 1;\nTRƯỞNG BAN\nCHỦ TỊCH UBND THÀNH PHỐ\nHuỳnh Quang Hưng\n';
    const tail = '\nHoạt động của Ban Chỉ đạo và Tổ công tác giúp việc\nBan Chỉ đạo Chuyển đổi số thành phố Phú Quốc\n(kèm theo Quyết định số 4145/QĐ-BCĐ ngày 19 tháng 7 năm 2022)\nChương I NHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Nội dung.';
    const r = parse(`${head}QUY PHÍ${tail}`);
    expect(r.document.regulation?.title).toBe('Hoạt động của Ban Chỉ đạo và Tổ công tác giúp việc Ban Chỉ đạo Chuyển đổi số thành phố Phú Quốc');
    expect(r.document.regulation?.chapters.map((c) => c.articles.length)).toEqual([1]);
    expect(r.document.decision.articles).toHaveLength(2);
    expect(codes(r)).toContain('regulation-type-unread');
    // Read as a type, it needs no warning; an appendix or a form under its own `(kèm theo …)` is no regulation.
    expect(codes(parse(`${head}QUY CHẾ${tail}`))).not.toContain('regulation-type-unread');
    for (const other of ['PHỤ LỤC', 'BIỂU MẪU']) expect(parse(`${head}${other}${tail}`).document.regulation?.title).not.toBe('Hoạt động của Ban Chỉ đạo và Tổ công tác giúp việc Ban Chỉ đạo Chuyển đổi số thành phố Phú Quốc');
  });
  it('a damaged regulation type line that also carries the title\'s first words (`QUY CHẾ HOẠT ĐỘNG` printed `QUY PHUH& HOAT DDNG`, restored `QUY PHÍ HOẠT ĐỘNG`, right under the signer: Bình Định 2021 scan layout, seed 1617) still opens the regulation, and the words after the type stay the title\'s', () => {
    const head = 'QUYẾT ĐỊNH\nBan hành Quy chế hoạt động\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nĐiều 2. Quyết định có hiệu lực.\nNơi nhận:\n- Như Điều 1;\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC\n\nLâm Hải Giang\n\nPHÓ CHỦ TỊCH UBND TỈNH\n';
    const tail = '\n\ncủa Ban chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định\n\n(Ban hành kèm theo Quyết định số /QĐ-BCĐ ngày / /2021\n\ncủa Trưởng Ban chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định)\n\nChương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi\n1. Nội dung.\nĐiều 2. Nguyên tắc\n1. Nội dung.';
    const r = parse(`${head}QUY PHÍ HOẠT ĐỘNG${tail}`);
    expect(r.document.regulation?.type).toBe('QUY PHÍ');
    expect(r.document.regulation?.title).toBe('HOẠT ĐỘNG của Ban chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định');
    expect(r.document.regulation?.chapters.map((c) => c.articles.map((a) => a.id))).toEqual([['dieu-1', 'dieu-2']]);
    expect(r.document.decision.articles).toHaveLength(2);
    expect(codes(r)).toContain('regulation-type-unread');
    // The clean line reads as before, without a warning.
    const clean = parse(`${head}QUY CHẾ HOẠT ĐỘNG${tail}`);
    expect(clean.document.regulation?.title).toBe(r.document.regulation?.title);
    expect(codes(clean)).not.toContain('regulation-type-unread');
  });
  it('a regulation whose type line and (kèm theo …) line are both past finding still gets its chapters and articles: it starts at its first chapter after the decision\'s closing, with a warning, without a type or title', () => {
    const head = 'QUYẾT ĐỊNH\nBan hành Quy chế hoạt động\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nĐiều 2. Quyết định có hiệu lực.\nNơi nhận:\n- Như Điều 1;\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN THƯỜNG TRỰC\n\nLâm Hải Giang\n\n';
    const body = '\n\nChương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi\n1. Nội dung.\nĐiều 2. Nguyên tắc\n1. Nội dung.\nChương II\nTỔ CHỨC\nĐiều 3. Thành viên\n1. Nội dung.';
    const r = parse(`${head}OUY PHÍ HOẠT ĐỘNG\n\ncủa Ban chỉ đạo tỉnh\n\nBan hành kém theo Quyết định số /QĐ-BCĐ)${body}`);
    expect(r.document.regulation?.chapters.map((c) => c.articles.map((a) => a.id))).toEqual([['dieu-1', 'dieu-2'], ['dieu-3']]);
    expect(r.document.decision.articles.map((a) => a.id)).toEqual(['qd-dieu-1', 'qd-dieu-2']);
    expect(r.document.regulation?.title).toBe('');
    expect(codes(r)).toContain('regulation-start-unread');
    // A decision without a regulation after its closing gets none; a readable type line needs no such warning.
    expect(parse(head).document.regulation).toBeNull();
    expect(codes(parse(`${head}QUY CHẾ HOẠT ĐỘNG\n(Ban hành kèm theo Quyết định số /QĐ-BCĐ)${body}`))).not.toContain('regulation-start-unread');
  });
  it('a decision type line the scan damaged past reading (`QUYẾT ĐỊNH` restored `QUYẾT THÀNH`: Bình Định 2021 scan layout, seeds 226 and 244) is still the type line, found above the operative `QUYẾT ĐỊNH:`, with a warning', () => {
    const body = '\nBan hành Quy chế hoạt động\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nĐiều 2. Quyết định có hiệu lực.\nQUY CHẾ\nHoạt động của Ban\nChương I CHUNG\nĐiều 1. Phạm vi\n1. Nội dung.';
    const r = parse(`QUYẾT THÀNH${body}`);
    expect(r.document.decision.articles).toHaveLength(2);
    expect(r.document.decision.title).toBe('Ban hành Quy chế hoạt động');
    expect(r.document.regulation?.chapters).toHaveLength(1);
    expect(codes(r)).toContain('type-line-unread');
    expect(codes(parse(`QUYẾT ĐỊNH${body}`))).not.toContain('type-line-unread');
    // Not a line of another first word, nor of three words.
    for (const other of ['BAN THÀNH', 'QUYẾT TÂM CAO']) expect(codes(parse(`${other}${body}`))).not.toContain('type-line-unread');
    // Both words damaged (`QUULYÉT DIMH`: Bắc Giang 2021 scan layout, seed 727): only with the title after it.
    const both = parse(`QUULYÉT DIMH${body}`);
    expect(both.document.decision.articles).toHaveLength(2);
    expect(both.document.decision.title).toBe('Ban hành Quy chế hoạt động');
    expect(codes(both)).toContain('type-line-unread');
    expect(codes(parse(`QUULYÉT DIMH\nCăn cứ Luật Tổ chức chính quyền địa phương;${body}`))).not.toContain('type-line-unread');
    expect(codes(parse(`CHỦ TỊCH${body}`))).not.toContain('type-line-unread');
  });
  it('but not a line of capitals further from every type', () => {
    for (const t of ['QUY TRÌNH', 'CHƯƠNG TRÌNH', 'QUYỀN HẠN', 'QUYẾT ĐỊNH:']) expect(isTypeLine(t)).toBe(false);
    for (const t of ['QUYẾT TRÌNH', 'QUYET PINH', 'NGHỊ ĐỊNH', 'QUYẾT ĐỊNH ÁN', 'QUYẾT ĐỊNH NGỮ']) expect(isTypeLine(t)).toBe(true);
    for (const t of ['QUYẾT ĐỊNH CHUNG', 'QUY TRÌNH ÁN']) expect(isTypeLine(t)).toBe(false);
  });
});

describe("signer's name cased small by a scan", () => {
  const doc = (name: string) => parse(`QUYẾT ĐỊNH\nBan hành Quy chế\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nNơi nhận:\n- Như Điều 1;\nTRƯỞNG BAN\nCHỦ TỊCH UBND TỈNH\n${name}`).document;
  it('under the title, a short line of words most of them capitalised is the name, every word capitalised (synthetic Bắc Giang scan: `lộ Ảnh Dương`)', () => {
    const d = doc('lộ Ảnh Dương');
    expect(d.decision.signature!.name).toBe('Lộ Ảnh Dương');
    expect(d.provenance.diagnostics.some((x) => x.code === 'signer-name-case')).toBe(true);
    expect(doc('Lê Ánh Dương').decision.signature!.name).toBe('Lê Ánh Dương');
  });
  it('but not a line mostly in small letters', () => {
    expect(doc('các sở Ngành').decision.signature!.name).toBe(null);
  });
});

describe('letterhead beside the motto', () => {
  const head = (l1: string, l2: string) => parse(`${l1}\n${l2}\nSố: 85/QĐ-BCĐ Kiên Giang, ngày 03 tháng 5 năm 2019\nQUYẾT ĐỊNH\nBan hành Quy chế\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.`).document.decision.authority;
  it("leaves out the right column's debris after the motto (Kiên Giang 2019 scan layout, seed 2679: `VIỆT NAM NỮ`)", () => {
    expect(head('UBND TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM NỮ', 'BAN CHỈ ĐẠO Độc lập - Tự do - Hạnh phúc PHỦ')).toEqual(['UBND TỈNH KIÊN GIANG', 'BAN CHỈ ĐẠO']);
  });
  it('keeps what follows the motto on a line with nothing before it (the columns read in turn)', () => {
    expect(head('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM UBND TỈNH KIÊN GIANG', 'Độc lập - Tự do - Hạnh phúc BAN CHỈ ĐẠO')).toEqual(['UBND TỈNH KIÊN GIANG', 'BAN CHỈ ĐẠO']);
  });
});

describe('the national name in a sentence', () => {
  it('is no appendix heading: the articles after it are kept', () => {
    const d = parse('QUYẾT ĐỊNH\nBan hành Quy chế\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\nNơi nhận:\n- Như Điều 1;\nTRƯỞNG BAN\nNguyễn Văn A\nQUY CHẾ\nHoạt động của Ban\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Quy chế này áp dụng cho công dân nước Cộng hòa xã hội chủ nghĩa Việt Nam.\n2. Nội dung khác.\nĐiều 2. Đối tượng\nCác cơ quan.').document;
    expect(d.provenance.discarded.filter((x) => x.reason === 'appendix')).toEqual([]);
    expect(d.regulation!.chapters.flatMap((c) => c.articles.map((a) => a.id))).toEqual(['dieu-1', 'dieu-2']);
  });
});

describe('closing zone', () => {
  it('a letterhead repeated above the regulation is not part of the signature', () => {
    const r = parse('QUYẾT ĐỊNH\nBan hành Quy chế\nCăn cứ Luật A ngày 19/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\nNơi nhận:\n- Như Điều 1;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\nỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTrang 2/5\nQUY CHẾ\nHoạt động của Ban\nChương I CHUNG\nĐiều 1. Phạm vi\n1. Nội dung.');
    expect(r.document.decision.signature).toMatchObject({ mode: 'KT.', capacity: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn A' });
    expect(r.document.provenance.discarded.map((d) => [d.line, d.reason])).toEqual([[11, 'letterhead'], [12, 'letterhead'], [13, 'letterhead'], [14, 'page-number']]);
  });
});

describe('restoration mapping (OCR tokens → element.restoration)', () => {
  const tok = (text: string, ocr: string, confidence = 0.9): RestoredToken => ({ text, ocr, confidence });
  const line = (n: number, tokens: RestoredToken[]): ParseLine => {
    const text = tokens.filter((t) => t.text !== '').map((t) => t.text).join(' ');
    return { n, text, raw: tokens.map((t) => t.ocr).filter(Boolean).join(' '), tokens };
  };
  it('drops the tokens of stripped markers and keeps the rest, across wrapped lines', () => {
    const lines: ParseLine[] = [
      line(1, [tok('QUY', 'QUY', 1), tok('CHẾ', 'CHE', 0.8)]),
      line(2, [tok('Hoạt', 'Hoat'), tok('động', 'ddng')]),
      line(3, [tok('Chương', 'Chuwong', 0.5), tok('I', '1', 0.5)]),
      line(4, [tok('CHUNG', 'CHUNG', 1)]),
      line(5, [tok('Điều', 'Piéu', 0.6), tok('1.', '1.', 1), tok('Phạm', 'Pham'), tok('vi', 'vi', 1)]),
      line(6, [tok('1.', '1.', 1), tok('', '‘', 0.7), tok('Quy', 'Quy', 1), tok('chế', 'ché', 0.7)]),
      line(7, [tok('này', 'ndy', 0.5), tok('', '~', 0.9)]),
    ];
    const r = parseLines(lines, meta, 't.txt');
    const ch = r.document.regulation!.chapters[0]!;
    expect(ch.restoration!.tokens.map((t) => t.text)).toEqual(['CHUNG']);
    const a = ch.articles[0]!;
    expect(a.title).toBe('Phạm vi');
    expect(a.restoration).toEqual({ original: 'Pham vi', confidence: 0.95, tokens: [tok('Phạm', 'Pham'), tok('vi', 'vi', 1)] });
    const c = a.clauses[0]!;
    expect(c.text).toBe('Quy chế này');
    expect(c.restoration!.original).toBe('Quy ché ndy ~');
    expect(c.restoration!.tokens.map((t) => t.text)).toEqual(['Quy', 'chế', 'này', '']);
    expect(c.restoration!.confidence).toBeCloseTo((1 + 0.7 + 0.5 + 0.9) / 4, 3);
  });
  it('elements of unrestored documents carry no restoration', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. A\n1. a.');
    expect(r.document.regulation!.chapters[0]!.articles[0]!.restoration).toBeUndefined();
  });
});

describe('continuation paragraphs (Bình Định 2021, Điều 7 and Điều 10)', () => {
  // cut from content/sources/binh-dinh-2021.txt (PDF layout): Chương II heading, lines 384–444, 504–546
  const fixture = readFileSync(new URL('../../fixtures/parse/bd2021-continuation-paragraphs.txt', import.meta.url), 'utf8');
  const arts = () => reg(fixture).document.regulation!.chapters[0]!.articles;

  it('an unmarked paragraph after numbered clauses is a further paragraph of the preceding clause, not a đoạn', () => {
    const d7 = arts()[0]!;
    expect(d7.clauses.map((c) => c.id)).toEqual(['dieu-7-khoan-1', 'dieu-7-khoan-2', 'dieu-7-khoan-3', 'dieu-7-khoan-4', 'dieu-7-khoan-5', 'dieu-7-khoan-6', 'dieu-7-khoan-7']);
    const k6 = d7.clauses[5]!;
    expect(k6.text.startsWith('Chuẩn bị nội dung, tài liệu phục vụ')).toBe(true);
    expect(k6.tail).toEqual(['Đề nghị Trưởng Ban chỉ đạo khen thưởng các thành viên Ban chỉ đạo, Tổ thư ký và các sở, ban, ngành, địa phương hoàn thành tốt nhiệm vụ theo quy định của pháp luật về thi đua, khen thưởng.']);
  });
  it('paragraphs between point a and point b continue point a (its tail); after the last point they close the clause', () => {
    const d10 = arts()[1]!;
    const [k1, k2] = d10.clauses;
    expect(k1!.points.map((p) => p.label)).toEqual(['a', 'b', 'c']);
    expect(k1!.points[0]!.text).toBe('Ban Chỉ đạo định kỳ họp 06 tháng một lần.');
    expect(k1!.points[0]!.tail.map((t) => t.slice(0, 40))).toEqual(['Ban Chỉ đạo có thể họp đột xuất theo triệ', 'Trưởng Ban chỉ đạo quyết định triệu tập c'].map((t) => t.slice(0, 40)));
    expect(k1!.tail).toEqual([]);
    expect(k2!.points[0]!.tail).toEqual(['Cơ quan thường trực Ban Chỉ đạo hướng dẫn mẫu báo cáo và thời gian cụ thể thực hiện báo cáo để đảm bảo tính thống nhất, kịp thời.']);
  });
  it('a paragraph after the last point is the clause tail and the point keeps its own line span', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Phạm vi\n1. Gồm:\na) một.\nHai là đoạn tiếp.\nb) ba.\nCác nội dung khác do Trưởng ban quyết định.');
    const c = r.document.regulation!.chapters[0]!.articles[0]!.clauses[0]!;
    expect(c.points.map((p) => p.tail)).toEqual([['Hai là đoạn tiếp.'], []]);
    expect(c.tail).toEqual(['Các nội dung khác do Trưởng ban quyết định.']);
    expect(c.points[1]!.lines[0]).toBe(c.points[1]!.lines[1]);
  });
});

describe('variant resolution prose (shown to readers)', () => {
  it('is Vietnamese, names where each value is printed in Vietnamese, and keeps the diagnostic English', () => {
    const ctx = { diagnostics: [], discarded: [], accounting: new Map(), ids: new Set<string>() } as Parameters<typeof resolveVariants>[2];
    const r = resolveVariants([
      { printed: '19/8/2022', value: '2022-08-19', where: 'header', line: 10 },
      { printed: '19/7/2022', value: '2022-07-19', where: 'annex', line: 63 },
    ], 'date', ctx);
    expect(r.value).toBe('2022-08-19');
    expect(r.resolution).toBe('Các bản in không thống nhất: 19/08/2022 (đầu văn bản, dòng 10) và 19/07/2022 (phần quy chế, dòng 63); không có giá trị chiếm đa số nên dùng ngày in ở đầu văn bản.');
    expect(ctx.diagnostics[0]!.message).toBe('The date is printed inconsistently: 2022-08-19 (header, line 10) vs 2022-07-19 (annex, line 63)');
    const blank = resolveVariants([{ printed: 'Số: /QĐ-UBND', value: null, where: 'header', line: 4 }], 'number', ctx);
    expect(blank.resolution).toBe('Không bản in nào của số văn bản đọc được đầy đủ; để trống giá trị.');
  });
});

describe('sub-numbered clauses (1.1., 1.2.)', () => {
  it('are separate paragraphs of their clause (its tail), keeping their printed number; wrapped lines join them', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Chế độ họp\n1. Họp định kỳ:\n1.1. Ban Chỉ đạo họp 06 tháng\nmột lần;\n1.2. Tổ giúp việc họp hằng quý.\n2. Họp đột xuất.');
    const cl = r.document.regulation!.chapters[0]!.articles[0]!.clauses;
    expect(cl.map((c) => c.id)).toEqual(['dieu-1-khoan-1', 'dieu-1-khoan-2']);
    expect(cl[0]!.text).toBe('Họp định kỳ:');
    expect(cl[0]!.tail).toEqual(['1.1. Ban Chỉ đạo họp 06 tháng một lần;', '1.2. Tổ giúp việc họp hằng quý.']);
  });
});
describe('sub-numbered clauses: amounts are not sub-numbers', () => {
  it('a wrapped amount at a line start ("2.000 người", "1.5 tỷ") stays in its sentence', () => {
    const r = reg('Chương I CHUNG\nĐiều 1. Quy mô\n1. Hội nghị có khoảng\n2.000 người tham dự, kinh phí\n1.5 tỷ đồng.');
    const c = r.document.regulation!.chapters[0]!.articles[0]!.clauses[0]!;
    expect([c.text, c.tail]).toEqual(['Hội nghị có khoảng 2.000 người tham dự, kinh phí 1.5 tỷ đồng.', []]);
  });
});

describe('titleAfterType (document title of a file outside the manifest)', () => {
  it.each([
    ['Hoạt động của Ban Chỉ đạo Chuyển đổi số tỉnh Bắc Giang', 'hoạt động của Ban Chỉ đạo Chuyển đổi số tỉnh Bắc Giang'],
    ['HOẠT ĐỘNG của Ban chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định', 'hoạt động của Ban chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định'],
    ['Ban Chỉ đạo Chuyển đổi số tỉnh', 'Ban Chỉ đạo Chuyển đổi số tỉnh'],
    ['HOẠT ĐỘNG CỦA BAN CHỈ ĐẠO', 'HOẠT ĐỘNG CỦA BAN CHỈ ĐẠO'],
    ['tổ chức và hoạt động', 'tổ chức và hoạt động'],
  ])('%s → %s', (title, expected) => {
    expect(titleAfterType(title)).toBe(expected);
  });
});

describe('latestCitedYear (year of a file outside the manifest whose own date is not printed)', () => {
  it('takes the latest dated citation of the legal bases (Bình Định 2021 cites a 2015 law first)', () => {
    expect(latestCitedYear([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;',
      'Căn cứ Quyết định số 684/QĐ-UBND ngày 01 /3 /2021 của Chủ tịch Ủy ban nhân dân tỉnh;',
      'Căn cứ Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006;',
    ])).toBe('2021');
  });
  it('ignores years that are not dates (plans to 2025, 2030) and returns null without any date', () => {
    expect(latestCitedYear(['định hướng đến năm 2030', 'giai đoạn 2021-2025'])).toBeNull();
  });
});
