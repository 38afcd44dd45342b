import { describe, expect, it } from 'vitest';
import { numberValues, readHeading, romanValue } from '../../../src/lib/parse/headings.ts';
import { pointIdLabel, readMarker } from '../../../src/lib/parse/markers.ts';

describe('readHeading: OCR-damaged headings of Kiên Giang 2022', () => {
  const cases: Array<[string, string, number[]]> = [
    ['Piéu 2. Nguyén tic lam vige', 'article', [2]],
    ['Didu 1. Pham vi, d6i twgng 4p dung', 'article', [1]],
    ['Pitu 13. T6 chire thuc hién', 'article', [13]],
    ['Dleu 3. Chénh Vin phong', 'article', [3]],
    ['DPiéu 4. Phé Truwéng ban Thuong trye', 'article', [4]],
    ['Pijéu 11. Kinh phi hoat dong', 'article', [11, 2]],
    ['ChuongIl . ,', 'chapter', [2, 11]],
    [') Chuong 1', 'chapter', [1]],
    ['. Chuwong 1V', 'chapter', [4]],
    ['Chwong III', 'chapter', [3, 111]],
    ['Chương IIl', 'chapter', [3, 111]],
  ];
  for (const [text, kind, values] of cases) {
    it(text, () => {
      const h = readHeading(text)!;
      expect(h.kind).toBe(kind);
      expect(h.values).toEqual(values);
    });
  }
  it('a title that starts with scan debris the restoration left (`¢aphu`, Bình Định 2021 scan layout, seed 638) loses it', () => {
    expect(readHeading('Điều 4. ¢aphu Phó Trưởng Ban chỉ đạo')).toMatchObject({ kind: 'article', values: [4], title: 'Phó Trưởng Ban chỉ đạo' });
    // Not a word before a small letter (it may be the title's damaged first word), nor a clean title's first word.
    expect(readHeading('Điều 4. ¢ó trách nhiệm')!.title).toBe('¢ó trách nhiệm');
    expect(readHeading('Điều 4. Phó Trưởng Ban')!.title).toBe('Phó Trưởng Ban');
  });
  it('a glued unreadable number (Diéuul.) is a heading shape without a value', () => {
    const h = readHeading('Diéuul. Ban bz‘mh kém theo')!;
    expect([h.kind, h.values, h.punct]).toEqual(['article', [], '.']);
  });
});

describe('readHeading: the clean family', () => {
  it('reads number, punctuation and title', () => {
    expect(readHeading('Điều 10a. Quy định khác')).toMatchObject({ kind: 'article', exact: true, printed: '10a', punct: '.', title: 'Quy định khác' });
    expect(readHeading('Điều 9: Chế độ làm việc')).toMatchObject({ punct: ':', title: 'Chế độ làm việc' });
    expect(readHeading('Chương III CHẾ ĐỘ LÀM VIỆC')).toMatchObject({ kind: 'chapter', title: 'CHẾ ĐỘ LÀM VIỆC' });
    expect(readHeading('Mục 2. TỔ CHỨC')).toMatchObject({ kind: 'section', values: [2] });
  });
  it('a reference "Điều 8, 9, 10 Nghị định" has no heading punctuation', () => {
    expect(readHeading('Điều 8, 9, 10 Nghị định số 61/2018/NĐ-CP')!.punct).toBe('');
  });
  it('ordinary words are not headings', () => {
    expect(readHeading('Chương trình công tác năm')).toBeNull();
    expect(readHeading('điều 5 của Luật')).toBeNull(); // not capitalised: a wrapped reference
    expect(readHeading('Đều 5. Mọi người')).toBeNull();
  });
});

describe('numerals', () => {
  it('Roman values are strict', () => {
    expect(romanValue('IV')).toBe(4);
    expect(romanValue('IIII')).toBeNull();
  });
  it('OCR readings of Roman numerals', () => {
    expect(numberValues('1V')).toEqual([4]);
    expect(numberValues('Il')).toEqual([2, 11]);
  });
});

describe('markers', () => {
  it('clauses, points and bullets', () => {
    expect(readMarker('2. Chịu trách nhiệm')).toMatchObject({ kind: 'clause', label: '2', printed: '2.' });
    expect(readMarker('4, Ph01 hop')).toMatchObject({ kind: 'clause', printed: '4,' });
    expect(readMarker('a. Giúp Trưởng Ban')).toMatchObject({ kind: 'point', label: 'a' });
    expect(readMarker('đ) Điểm đ')).toMatchObject({ kind: 'point', label: 'đ', printed: 'đ)' });
    expect(readMarker('- Như Điều 3;')).toMatchObject({ kind: 'bullet', printed: '-' });
    expect(readMarker('19/6/2015; Luật')).toBeNull();
    expect(readMarker('2.000 đồng')).toBeNull();
    expect(readMarker('f) not a Vietnamese point letter')).toBeNull();
  });
  it('point ids keep đ distinct from d', () => expect([pointIdLabel('đ'), pointIdLabel('d')]).toEqual(['dd', 'd']));
});
