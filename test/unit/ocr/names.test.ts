import { describe, expect, it } from 'vitest';
import { GIVEN, SURNAMES, UNLISTED, isNameLine, nameCost } from '../../../src/lib/ocr/names.ts';
import { isValidSyllable } from '../../../src/lib/ocr/syllable.ts';
import { CLEAN, clean, restoreWith } from './helpers.ts';

describe('name lists', () => {
  it('lists each surname and name syllable once, every one a valid syllable, the commonest cheapest', () => {
    for (const xs of [SURNAMES, GIVEN]) {
      expect(new Set(xs).size).toBe(xs.length);
      for (const x of xs) expect(isValidSyllable(x.toLowerCase()), x).toBe(true);
    }
    expect(SURNAMES.slice(0, 3)).toEqual(['Nguyễn', 'Trần', 'Lê']);
    expect(nameCost('nguyễn', true)).toBeLessThan(nameCost('lâm', true));
    expect(nameCost('lâm', true)).toBeLessThan(UNLISTED);
    expect(nameCost('vi', false)).toBe(UNLISTED);
    expect(nameCost('văn', false)).toBeLessThan(nameCost('văn', true)); // a middle name, not a surname
  });
});

describe('isNameLine', () => {
  it('finds a name under a signing title in capitals (the real scan, lines 60–61), read as the decoder read the title', () => {
    expect(isNameLine(['Lam', 'Minh', 'Thanh'], 'CHU TICH UBND TINH')).toBe(true);
    expect(isNameLine(['1é', 'Anh', 'Duong'], 'CHT TICH UBND TINH', 'CHỦ TỊCH UBND TỈNH')).toBe(true);
    expect(isNameLine(['Lam', 'Hai', 'Giang'], 'PHO CHU TICH UBND TINH')).toBe(true);
  });
  it('finds no name elsewhere: a line in capitals, a title, a line with punctuation, a heading that is no signing title', () => {
    expect(isNameLine(['LAM', 'MINH', 'THANH'], 'CHU TICH UBND TINH')).toBe(false);
    expect(isNameLine(['Ban', 'hanh', 'Quy', 'ché'], 'QUYET DINH')).toBe(false);
    expect(isNameLine(['Noi', 'nhan:'], 'CHU TICH UBND TINH')).toBe(false);
    expect(isNameLine(['Hoat', 'Dong'], 'QUY CHE')).toBe(false);
    expect(isNameLine(['Lam', 'Minh', 'Thanh'], 'Chủ tịch UBND tỉnh')).toBe(false);
    expect(isNameLine(['Thanh'], 'CHU TICH UBND TINH')).toBe(false);
  });
});

describe('restoring a signer no reference names', () => {
  // Signature lines of the clean sources damaged by the damage model learned from the real OCR (seeds
  // 61–75 give these forms), restored without the source's own text among the references.
  it.each([
    ['kien-giang-2019', 'CHU TICH UBND TINH', 'Pham Vu H6ng', 'Phạm Vũ Hồng'],
    ['bac-giang-2021', 'CHT TICH UBND TINH', 'Lé Énh Duong', 'Lê Ánh Dương'],
    ['binh-dinh-2021', 'PHO CHU TICH UBND TINH', '1ém Hai Giang', 'Lâm Hải Giang'],
    // `L` read as `I`: `lâm` is none of the word's 30 candidates (`ịm`, `giam` … come first), and the
    // decoder read `Làm` (Bình Định 2021 scan layout, seed 1678); every listed name part is weighed.
    ['binh-dinh-2021', 'PHO TRUONG BAN THUONG TRUC', 'Iam Hai Giang', 'Lâm Hải Giang'],
  ])('%s: `%s` / `%s` → %s', (id, title, name, read) => {
    const refs = CLEAN.filter((x) => x !== id);
    for (const r of refs) expect(clean(r)).not.toContain(read);
    expect(restoreWith(refs, [title, name]).endsWith(` ${read}`)).toBe(true);
    // Without the title above it, the line is read by the language model alone, and wrongly.
    expect(restoreWith(refs, name)).not.toBe(read);
  });
  it('reads the real scan\'s signer alone under its title as in the whole document (`Lam Minh Thanh` → Lâm Minh Thành: `Mình` is no name, `Thành` stays, `Thanh` is no better read)', () => {
    expect(restoreWith(CLEAN, ['CHU TICH UBND TINH', 'Lam Minh Thanh'])).toBe('CHỦ TỊCH UBND TỈNH Lâm Minh Thành');
  });
});
