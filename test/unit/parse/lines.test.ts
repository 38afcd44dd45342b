import { describe, expect, it } from 'vitest';
import { isNoise, matchRecipientsHeading, findMotto } from '../../../src/lib/parse/lines.ts';

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
    for (const l of ['Nơi nhận:', 'Noi nhan:', 'Ndi nhén:', 'Nơi nhận: - Như Điều 3;', 'No nhận:', 'Tổ nhận:', 'No nhận: - Như Điều 3;', 'Tới rận:']) expect(matchRecipientsHeading(l)).not.toBeNull();
    // (`Tới rận:`: Kiên Giang 2019 scan layout, seed 977; other two-word labels are further from it.)
    // (`Nội dung:` is 4 edits off, one past the bound.)
    for (const l of ['Ghi chú:', 'Người ký:', 'Tổ trưởng:', 'Lưu: VT', 'Nội dung:']) expect(matchRecipientsHeading(l)).toBeNull();
    expect(matchRecipientsHeading('No nhận: - Như Điều 3;')!.rest).toBe('- Như Điều 3;');
    // Not a sentence that happens to start so.
    for (const l of ['Tổ nhận hồ sơ của các sở', 'Tổ nhận: hồ sơ của các sở', 'Sở nhận xét']) expect(matchRecipientsHeading(l)).toBeNull();
  });
});

describe('findMotto', () => {
  const cut = (t: string) => { const m = findMotto(t)!; return [t.slice(0, m[0]).trim(), t.slice(m[0], m[1])]; };
  it('finds the motto beside a letterhead column, printed or damaged', () => {
    expect(cut('BAN CHỈ ĐẠO Độc lập - Tự do - Hạnh phúc')).toEqual(['BAN CHỈ ĐẠO', 'Độc lập - Tự do - Hạnh phúc']);
    expect(cut('UBND TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toEqual(['UBND TỈNH KIÊN GIANG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    // `Độc lập` damaged past reading, and read otherwise (Kiên Giang 2019 and Phú Quốc 2022 scan layout, seeds 659 and 645).
    expect(cut('BAN CHỈ ĐẠO CHÍNH Thọ lập - Tự do - Hạnh phúc')).toEqual(['BAN CHỈ ĐẠO CHÍNH', 'Thọ lập - Tự do - Hạnh phúc']);
    expect(cut('BAN CHỈ ĐẠO học tập - Tự do - Hạnh phúc')).toEqual(['BAN CHỈ ĐẠO', 'học tập - Tự do - Hạnh phúc']);
    // `do` printed `dong` and restored `động` (Phú Quốc 2022 and Kiên Giang 2019 scan layout, seeds 2169, 2174, 2224).
    expect(cut('BAN CHỈ THÁO Độc lập - Tự động - Hạnh phúc')).toEqual(['BAN CHỈ THÁO', 'Độc lập - Tự động - Hạnh phúc']);
    expect(cut('BAN CHỈ ĐẠO CHÍNH Ddc 1dp - Tu dong - Hanh phiic')).toEqual(['BAN CHỈ ĐẠO CHÍNH', 'Ddc 1dp - Tu dong - Hanh phiic']);
    // `Độc` read a letter longer, `Thức` (Kiên Giang 2019 scan layout, seed 2646): the motto starts at the word, not at its `h`.
    expect(cut('BAN CHỈ ĐẠO CHÍNH Thức lập - Tự động - Hạnh phúc')).toEqual(['BAN CHỈ ĐẠO CHÍNH', 'Thức lập - Tự động - Hạnh phúc']);
    // A column gap the scan lost leaves the word before it whole.
    expect(cut('BAN CHỈ ĐẠO CHÍNHĐộc lập - Tự do - Hạnh phúc')).toEqual(['BAN CHỈ ĐẠO CHÍNH', 'Độc lập - Tự do - Hạnh phúc']);
    // The national name with a word or two damaged past the patterns (Kiên Giang 2019 and Phú Quốc 2022 scan layout, seeds 2727, 2705, 2738).
    expect(cut('UBND TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI CT NGHĨA VIỆT NAM')).toEqual(['UBND TỈNH KIÊN GIANG', 'CỘNG HÒA XÃ HỘI CT NGHĨA VIỆT NAM']);
    expect(cut('UBND THÀNH PHỐ PHÚ QUỐC CỘNG HÒA XÃ HỘI THỦ NGHĨA VIỆT NAM')).toEqual(['UBND THÀNH PHỐ PHÚ QUỐC', 'CỘNG HÒA XÃ HỘI THỦ NGHĨA VIỆT NAM']);
    expect(cut('UBND THÀNH PHỐ PHÚ QUỐC PHƯƠNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toEqual(['UBND THÀNH PHỐ PHÚ QUỐC', 'PHƯƠNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    // But not three words off, nor the name in a sentence.
    expect(findMotto('UBND TỈNH CỘNG HÒA XÃ HỘI CT NGỮ VIỆT NAM')).toBeNull();
    expect(findMotto('1. Quy chế này áp dụng cho công dân nước Cộng hòa xã hội chủ nghĩa Việt Nam.')).toBeNull();
    expect(findMotto('công dân nước Cộng hòa xã hội chủ ngữ Việt Nam')).toBeNull();
    // Alone on its line it is the letterhead's, whatever its case.
    expect(cut('Cộng hòa xã hội chủ nghĩa Việt Nam')).toEqual(['', 'Cộng hòa xã hội chủ nghĩa Việt Nam']);
    expect(findMotto('BAN CHỈ ĐẠO CHÍNH QUYỀN ĐIỆN TỬ')).toBeNull();
    expect(findMotto('Sở Tư pháp - Tự động hóa - Hành chính')).toBeNull();
  });
});
