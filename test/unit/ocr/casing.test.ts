import { describe, expect, it } from 'vitest';
import { caseTokens, trainCaseModel } from '../../../src/lib/ocr/casing.ts';
import { applyCase, caseIsReliable } from '../../../src/lib/ocr/restore.ts';
import { lmTokens } from '../../../src/lib/ocr/text.ts';
import { CLEAN, clean, ocrSource } from './helpers.ts';

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
});

describe('applyCase', () => {
  it('follows the scan where it shows the case', () => {
    expect(applyCase('Ban', 'ban', false)).toBe('Ban');
    expect(applyCase('nhiém', 'nhiệm', false)).toBe('nhiệm');
    expect(applyCase('CHUYEN', 'chuyển', true)).toBe('CHUYỂN');
  });
  it('asks the context where the scan says nothing (1uật, TIy, Ia)', () => {
    expect(applyCase('1uật', 'luật', false, { p: 0.9, n: 4 })).toBe('Luật');
    expect(applyCase('1uật', 'luật', false, { p: 0.1, n: 4 })).toBe('luật');
    expect(applyCase('TIy', 'ủy', false, { p: 0.8, n: 2 })).toBe('Ủy');
    expect(applyCase('Ia', 'là', false, { p: 0.02, n: 40 })).toBe('là');
    expect(applyCase('Ia', 'là', false)).toBe('là');
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
