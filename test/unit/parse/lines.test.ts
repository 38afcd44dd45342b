import { describe, expect, it } from 'vitest';
import { isNoise, matchRecipientsHeading } from '../../../src/lib/parse/lines.ts';

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

describe('matchRecipientsHeading', () => {
  it('reads `Nơi nhận:` as the scan prints it, also with its first word damaged further when a colon and nothing but a dash follow (scan layout: Kiên Giang 2019 seed 396 `No nhận:`, Bắc Giang 2021 seed 410 `Tổ nhận:`)', () => {
    for (const l of ['Nơi nhận:', 'Noi nhan:', 'Ndi nhén:', 'Nơi nhận: - Như Điều 3;', 'No nhận:', 'Tổ nhận:', 'No nhận: - Như Điều 3;']) expect(matchRecipientsHeading(l)).not.toBeNull();
    expect(matchRecipientsHeading('No nhận: - Như Điều 3;')!.rest).toBe('- Như Điều 3;');
    // Not a sentence that happens to start so.
    for (const l of ['Tổ nhận hồ sơ của các sở', 'Tổ nhận: hồ sơ của các sở', 'Sở nhận xét']) expect(matchRecipientsHeading(l)).toBeNull();
  });
});
