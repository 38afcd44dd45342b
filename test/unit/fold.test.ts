import { describe, expect, it } from 'vitest';
import { fold, foldKey, slugify } from '../../src/lib/fold.ts';

describe('fold', () => {
  it('drops marks and folds đ/Đ, keeping case', () => {
    expect(fold('Điều 5. Phó Trưởng ban Thường trực')).toBe('Dieu 5. Pho Truong ban Thuong truc');
    expect(fold('đất đai')).toBe('dat dai');
  });
  it('handles decomposed (NFD) input the same as NFC', () => {
    expect(fold('chuyển đổi số'.normalize('NFD'))).toBe('chuyen doi so');
  });
  it('foldKey lower-cases', () => {
    expect(foldKey('CHUYỂN ĐỔI SỐ')).toBe('chuyen doi so');
  });
  it('slugify makes ascii ids', () => {
    expect(slugify('Tổ công tác giúp việc')).toBe('to-cong-tac-giup-viec');
    expect(slugify('  Điều 10a. ')).toBe('dieu-10a');
  });
  it('gives the same answer from its memo, for long texts and after the memo fills', () => {
    const long = 'Điều 5. Phó Trưởng ban Thường trực '.repeat(200);
    expect(fold(long)).toBe(fold(long.slice(0)));
    expect(fold(long)).toBe('Dieu 5. Pho Truong ban Thuong truc '.repeat(200));
    for (let i = 0; i < 200_100; i++) fold(`đợt ${i}`);
    expect(fold('đợt 7')).toBe('dot 7');
    expect(fold('Đợt 200099')).toBe('Dot 200099');
  });
});
