import { describe, expect, it } from 'vitest';
import { findDate, findNumber, findReferences, normaliseNumber } from '../../../src/lib/parse/references.ts';

describe('numbers and dates', () => {
  it('normalises symbols, including OCR Đ→b/D and Q→O', () => {
    expect(normaliseNumber('85 /QĐ-BCĐ')).toBe('85/QĐ-BCĐ');
    expect(normaliseNumber('40 /QD-BCD')).toBe('40/QĐ-BCĐ');
    expect(normaliseNumber('10 /Ob-BCD')).toBe('10/QĐ-BCĐ');
    expect(normaliseNumber('05/2017/QĐ-TTg')).toBe('05/2017/QĐ-TTg');
    expect(normaliseNumber('/QĐ-BCĐCĐS')).toBeNull();
  });
  it('finds a number after Số:, blank or not', () => {
    expect(findNumber('S4: 40 /QD-BCD Kién Giang, ngay 09 thdng 4 ndm 2022')).toMatchObject({ printed: '40 /QD-BCD', value: '40/QĐ-BCĐ' });
    expect(findNumber('Số: /QĐ-BCĐCĐS')).toMatchObject({ printed: '/QĐ-BCĐCĐS', value: null });
  });
  it('reads long, short, OCR-damaged and blank dates', () => {
    expect(findDate('Kiên Giang, ngày 03 tháng 5 năm 2019')!.value).toBe('2019-05-03');
    expect(findDate('ngay 09 thdng 4 ndm 2022')!.value).toBe('2022-04-09');
    expect(findDate('ngày 01 /3 /2021 của')!.value).toBe('2021-03-01');
    // `ngày` with a stray stroke, `năm` restored as another short word (Phú Quốc 2022 scan layout, seed 647).
    expect(findDate('Phú Quốc, ngilay 19 tháng 8 im 2022')).toMatchObject({ value: '2022-08-19', index: 10 });
    expect(findDate('ngành 19 thành viên 2022')).toBeNull();
    expect(findDate('Bắc Giang, ngày tháng 11 năm 2021')).toMatchObject({ value: null, printed: 'ngày tháng 11 năm 2021' });
    // `tháng` the scan turned into another syllable, which the restoration kept; `ngày` one letter off
    // (scan layout seeds 2046 Phú Quốc 2022, 2091 Kiên Giang 2019, 2112 Bắc Giang 2021).
    expect(findDate('Số: 4145/QĐ-BCĐ Phú Quốc, ngày 19 trang 8 năm 2022')).toMatchObject({ value: '2022-08-19', printed: 'ngày 19 trang 8 năm 2022' });
    expect(findDate('Kiên Giang, ngày 03 phang 5 năm 2019')!.value).toBe('2019-05-03');
    expect(findDate('Bắc Giang, nhảy tháng 11 năm 2021')).toMatchObject({ value: null, printed: 'nhảy tháng 11 năm 2021' });
    expect(findDate('Bic Giang, ncay 05 thang 11 ndm 2021')!.value).toBe('2021-11-05');
    // Not every word of that shape: `ngân sách năm 2022`, `nhiều tháng 5 năm 2022` (two edits from `ngày`).
    expect(findDate('bố trí ngân sách năm 2022')).toBeNull();
    expect(findDate('trong nhiều tháng 5 năm 2022')).toBeNull();
    // `ng` alone is no `ngày` (one to four letters after it, as before the edit-distance forms).
    expect(findDate('ng 19 tháng 8 năm 2022')).toBeNull();
  });
});

describe('findReferences', () => {
  it('parses kind, type, number, date, issuer and title', () => {
    const [r] = findReferences('Căn cứ Quyết định số 2932/QĐ-UBND ngày 26/12/2018 của Chủ tịch UBND tỉnh Kiên Giang về việc thành lập Ban Chỉ đạo Chính quyền điện tử tỉnh Kiên Giang;');
    expect(r).toMatchObject({ kind: 'quyet-dinh', type: 'Quyết định', number: '2932/QĐ-UBND', date: '2018-12-26', issuer: 'Chủ tịch UBND tỉnh Kiên Giang', title: 'thành lập Ban Chỉ đạo Chính quyền điện tử tỉnh Kiên Giang', target: null });
  });
  it('laws are cited by name; a law inside another law\'s title is not a second reference', () => {
    const refs = findReferences('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;');
    expect(refs.map((r) => [r.kind, r.title, r.date])).toEqual([
      ['luat', 'Tổ chức chính quyền địa phương', '2015-06-19'],
      ['luat', 'sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương', '2019-11-22'],
    ]);
  });
  it('reads OCR-damaged references', () => {
    const [r] = findReferences('thay thé Quyét dinh s‘c"\') 85/Qb-BCD ngay 03 thang 5 nam 2019 cta Truéng Ban');
    expect([r!.kind, r!.number, r!.date]).toEqual(['quyet-dinh', '85/QĐ-BCĐ', '2019-05-03']);
  });
  it('"quyết định" as a verb or "Quyết định này" is not a reference', () => {
    expect(findReferences('Trưởng ban quyết định triệu tập cuộc họp')).toEqual([]);
    expect(findReferences('Quyết định này có hiệu lực kể từ ngày ký.')).toEqual([]);
  });
});
