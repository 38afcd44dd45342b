import { describe, expect, it } from 'vitest';
import { caseTokens, trainCaseModel } from '../../../src/lib/ocr/casing.ts';
import { applyCase, caseIsReliable } from '../../../src/lib/ocr/restore.ts';
import { lmTokens } from '../../../src/lib/ocr/text.ts';
import { CLEAN, clean, ocrSource, restoreWith } from './helpers.ts';

describe('case model', () => {
  // Cut from content/sources/kien-giang-2019.txt.
  const model = trainCaseModel([
    'Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Kiên Giang.',
    'Trưởng Ban Chỉ đạo điều hành các hoạt động về công tác xây dựng Chính quyền điện tử.',
  ]);
  it('tokenises with case kept', () => {
    expect(caseTokens('Ban Chỉ đạo (gọi tắt là Ban), 12 người')).toEqual(['Ban', 'Chỉ', 'đạo', '(', 'gọi', 'tắt', 'là', 'Ban', ')', ',', '<num>', 'người']);
  });
  it('learns capitals after a given word and small letters elsewhere', () => {
    expect(model.capital('ban', 'chỉ')!.p).toBeGreaterThan(0.5);
    expect(model.capital('dựng', 'chính')!.p).toBeGreaterThan(0.5);
    expect(model.capital('động', 'về')!.p).toBeLessThan(0.5);
    expect(model.capital('sở', 'xyz')).toBeNull();
  });
  it('knows words never capitalised mid-sentence in a real source (về, và)', () => {
    const real = trainCaseModel([clean('kien-giang-2019')]);
    expect(real.neverCapital('về')).toBe(true);
    expect(real.neverCapital('và')).toBe(true);
    expect(real.neverCapital('chỉ')).toBe(false);
  });
  it('gives a word never seen after a full stop the capital rate of every word there (numbers not counted)', () => {
    const m = trainCaseModel(['Điều 1. Ban hành. Các sở. 2. Quy chế. xem 3.', 'Căn cứ luật. Theo đề nghị.']);
    // After `.` (a number takes its full stop with it, `1.`): Các, `2`, xem, Theo; the number is no word: 2 of 3 capitals.
    expect(m.capital('.', 'sở')).toEqual({ p: 2.5 / 4, n: 3 });
    expect(m.capital('.', 'các')).toEqual({ p: 1.5 / 2, n: 1 });
    expect(m.capital('luật', 'xyz')).toBeNull();
  });
});

describe('applyCase', () => {
  it('follows the scan where it shows the case', () => {
    expect(applyCase('Ban', 'ban', false)).toBe('Ban');
    expect(applyCase('nhiém', 'nhiệm', false)).toBe('nhiệm');
    expect(applyCase('CHUYEN', 'chuyển', true)).toBe('CHUYỂN');
    // A word read as digits only on a line of capitals (synthetic Phú Quốc scan, seed 75: `CHUYÉN DI 56`).
    expect(applyCase('56', 'số', true)).toBe('SỐ');
    expect(applyCase('56', 'số', false, { p: 0.1, n: 4 })).toBe('số');
  });
  it('asks the context where the scan says nothing (1uật, TIy, Ia)', () => {
    expect(applyCase('1uật', 'luật', false, { p: 0.9, n: 4 })).toBe('Luật');
    expect(applyCase('1uật', 'luật', false, { p: 0.1, n: 4 })).toBe('luật');
    expect(applyCase('TIy', 'ủy', false, { p: 0.8, n: 2 })).toBe('Ủy');
    expect(applyCase('Ia', 'là', false, { p: 0.02, n: 40 })).toBe('là');
    expect(applyCase('Ia', 'là', false)).toBe('là');
  });
  it('reads capitals broken by noise in a line of small letters as a word, not an acronym (real scan line 222: `5.’TI’I.IC tlep` → `Trực tiếp`)', () => {
    expect(applyCase('TII.IC', 'trực', false)).toBe('Trực');
    expect(applyCase('TII.IC', 'trực', false, { p: 0.1, n: 4 })).toBe('trực');
    // Whole capitals still are capitals (`UBND`-like words, a heading word on a mixed line).
    expect(applyCase('TRUONG', 'trưởng', false)).toBe('TRƯỞNG');
  });
  it('asks the context where the scan lost the first letter (`y` for `Ủy` after `Điều 6.`, synthetic Bắc Giang scan seed 21)', () => {
    expect(applyCase('y', 'ủy', false, { p: 0.88, n: 105 })).toBe('Ủy');
    expect(applyCase('y', 'ủy', false, { p: 0.1, n: 40 })).toBe('ủy');
    expect(applyCase('y', 'ủy', false, null)).toBe('ủy');
    expect(applyCase('gay', 'ngày', false, { p: 0.9, n: 3 })).toBe('Ngày');
    // Not where the first letters agree (`Uy`, `u` for `ưu`).
    expect(applyCase('uy', 'ủy', false, { p: 0.9, n: 3 })).toBe('ủy');
    expect(applyCase('u', 'ưu', false, { p: 0.9, n: 3 })).toBe('ưu');
  });
  it("keeps a mixed-capital word's first capital when its shape is not its small letter's, unless the context was seen 3 times (synthetic Bắc Giang: `Điều 6. TIy viên`)", () => {
    expect(applyCase('TIy', 'ủy', false, { p: 0.25, n: 1 })).toBe('Ủy');
    expect(applyCase('TIy', 'ủy', false, null)).toBe('Ủy');
    expect(applyCase('TIy', 'ủy', false, { p: 0.1, n: 5 })).toBe('ủy');
    // V, O look alike in both cases: the context, or the small letter.
    expect(applyCase('VOl', 'với', false, null)).toBe('với');
    expect(applyCase('VOl', 'với', false, { p: 0.9, n: 1 })).toBe('Với');
  });
  it('keeps a small letter for a word never capitalised mid-sentence when C/O/S/V/X look alike (Ve → về, line 168)', () => {
    expect(applyCase('Ve', 'về', false, null, true)).toBe('về');
    expect(applyCase('Ve', 'về', false, null, false)).toBe('Về');
    expect(applyCase('Ban', 'ban', false, null, true)).toBe('Ban');
  });
  it('writes a word that starts with a capital on a line of capitals in capitals (Xa → XÃ)', () => {
    expect(applyCase('Xa', 'xã', true)).toBe('XÃ');
    expect(applyCase('xa', 'xã', true)).toBe('xã');
  });
  it('writes a two-letter word of a heading in capitals that shares its line with a title in capitals (real scan line 2, two letterhead columns: `SO` → `SỐ`, not `Số`)', () => {
    expect(restoreWith(CLEAN, 'BAN CHI PAO CHUYEN POI SO Poc lap - Ty do - Hanh phiic')).toBe('BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ Độc lập - Tự do - Hạnh phúc');
  });
  it('keeps a word of three letters or more written as a title on a line of capitals a title (`Chuong I NHUNG QUY PINH`)', () => {
    expect(applyCase('Churong', 'chương', true)).toBe('Chương');
    expect(applyCase('CHUONG', 'chương', true)).toBe('CHƯƠNG');
    expect(applyCase('CHUong', 'chương', true)).toBe('CHƯƠNG');
  });
  it('caseIsReliable: a clear first letter and no mixed capitals', () => {
    expect(caseIsReliable('Ban')).toBe(true);
    expect(caseIsReliable('nhiém')).toBe(true);
    for (const w of ['1uật', 'TIy', 'Ia', 'Ve', 'ca']) expect(caseIsReliable(w)).toBe(false);
  });
});

describe('shared tokenisation', () => {
  it('the language model tokens are the case tokens lower-cased (all clean sources and the OCR source)', () => {
    for (const text of [...CLEAN.map(clean), ocrSource()]) expect(caseTokens(text).map((t) => t.toLowerCase())).toEqual(lmTokens(text));
  });
});

describe('applyCase and caseIsReliable on every OCR token', () => {
  // The rules as first written (a regular expression per character), the reference for the one-pass version.
  const SHAPE = /^[cosvwxzCOSVWXZ]/u;
  const refApply = (ocr: string, syllable: string, capsLine: boolean, context: { p: number; n: number } | null, neverCapital: boolean): string => {
    const letters = [...ocr].filter((c) => /\p{L}/u.test(c));
    const upper = letters.filter((c) => c !== c.toLowerCase()).length;
    const title = () => syllable.charAt(0).toUpperCase() + syllable.slice(1);
    const first = [...ocr].find((c) => /[\p{L}\p{N}$&¢¥]/u.test(c)) ?? '';
    const firstUpper = !!first && /\p{L}/u.test(first) && first !== first.toLowerCase();
    if (capsLine && (letters.length === 0 || (letters.length >= 2 && upper === letters.length))) return syllable.toUpperCase();
    if (capsLine && upper >= 1 && (firstUpper || !/\p{L}/u.test(first))) return upper === 1 && firstUpper && letters.length >= 3 ? title() : syllable.toUpperCase();
    const decided = context && context.n >= 1 ? (context.p > 0.5 ? title() : syllable) : null;
    if (upper === letters.length && letters.length >= 3) return /\p{L}[^\p{L}]+\p{L}/u.test(ocr) ? decided ?? title() : syllable.toUpperCase();
    if (upper >= 2 && upper < letters.length && !capsLine) {
      if (firstUpper && !SHAPE.test(first) && first !== 'I' && !(context && context.n >= 3)) return title();
      return decided ?? syllable;
    }
    const f = (c: string) => c.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').toLowerCase();
    if (/\p{L}/u.test(first) && !capsLine && syllable.length > 1 && f(syllable[1]!) === f(first) && f(syllable[0]!) !== f(first)) return decided ?? syllable;
    if (first === 'I' && syllable.startsWith('l') && letters.length > 1 && upper === 1) return decided ?? syllable;
    if (first && !/\p{L}/u.test(first)) return decided ?? syllable;
    if (neverCapital && SHAPE.test(first) && SHAPE.test(syllable.normalize('NFD'))) return syllable;
    if (firstUpper) return title();
    return syllable;
  };
  const refReliable = (ocr: string): boolean => {
    const letters = [...ocr].filter((c) => /\p{L}/u.test(c));
    const upper = letters.filter((c) => c !== c.toLowerCase()).length;
    const first = [...ocr][0] ?? '';
    if (!/\p{L}/u.test(first) || SHAPE.test(first) || first === 'I') return false;
    return upper === 0 || (upper === 1 && first !== first.toLowerCase());
  };
  it('give what the per-character rules give', () => {
    const tokens = [...new Set(ocrSource().split(/\s+/u).filter(Boolean)), '', '𝐀bc', '1uật', '$ố', 'TIy', 'Ve', 'VOl'];
    let n = 0;
    for (const ocr of tokens) {
      expect(caseIsReliable(ocr)).toBe(refReliable(ocr));
      for (const syl of ['luật', 'về', 'chỉ']) for (const caps of [false, true]) for (const ctx of [null, { p: 0.9, n: 3 }, { p: 0.1, n: 1 }]) for (const never of [false, true]) {
        expect(applyCase(ocr, syl, caps, ctx, never)).toBe(refApply(ocr, syl, caps, ctx, never));
        n++;
      }
    }
    expect(n).toBeGreaterThan(10_000);
  });
});
