import { describe, expect, it } from 'vitest';
import { isNoise } from '../../../src/lib/parse/lines.ts';

describe('isNoise', () => {
  it('reads short lines of symbols or stray letters as debris (Kiên Giang 2022 scan: 44, 77, 185, 342)', () => {
    for (const l of ['b', 'o', 'NG', 'Loy=', 'ff\\', "a-'-.’", 'do']) expect(isNoise(l)).toBe(true);
  });
  it('keeps a word of Vietnamese letters alone on its line, the end of a wrapped paragraph (synthetic Bình Định scan: `vụ,`, `ký.`, `Tổ`)', () => {
    for (const l of ['vụ,', 'ký.', 'Tổ', 'và', 'đi', 'ở']) expect(isNoise(l)).toBe(false);
    // Not two such words, nor a word with symbols.
    expect(isNoise('ở ~')).toBe(true);
  });
  it('keeps lines with words', () => {
    expect(isNoise('giao.')).toBe(false);
    expect(isNoise('Chỉ đạo.')).toBe(false);
  });
});
