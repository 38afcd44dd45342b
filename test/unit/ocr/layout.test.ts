import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SCAN_DEBRIS, damageLayout, letterheadColumns } from '../../../src/lib/ocr/damage.ts';
import { layoutRuns } from '../../../scripts/ocr-layout.ts';

const root = new URL('../../../', import.meta.url);

describe("damageLayout: a scan's layout", () => {
  // Cut from content/sources/bac-giang-2021.txt (Markdown).
  const text = '#### **Điều 6. Ủy viên Ban Chỉ đạo**\n\n1. Tham mưu giúp Trưởng ban, các Phó Trưởng ban về các nhiệm vụ liên quan đến thực hiện chuyển đổi số, xây dựng, phát triển chính quyền điện tử hướng tới chính quyền số, kinh tế số, xã hội số và xây dựng đô thị thông minh tỉnh Bắc Giang thuộc phạm vi quản lý của cơ quan mình.\n'.repeat(12);
  const out = damageLayout(text, 7);
  const words = (t: string) => t.split(/\s+/u).filter(Boolean);
  it('drops the markup and wraps the lines at 70–89 columns, some indented', () => {
    expect(out).not.toMatch(/\*\*|#/u);
    for (const l of out.split('\n')) expect(l.trim().length).toBeLessThanOrEqual(89);
    expect(out.split('\n').some((l) => l.startsWith('    '))).toBe(true);
  });
  it('keeps the words in order, adding only page numbers and debris', () => {
    const clean = words(text.replace(/\*\*|#### /gu, ''));
    const kept = words(out);
    let i = 0;
    const added: string[] = [];
    for (const w of kept) { if (w === clean[i]) i++; else added.push(w); }
    expect(i).toBe(clean.length);
    expect(added.length).toBeGreaterThan(0);
    for (const w of added) expect(/^\d{1,2}$/u.test(w) || SCAN_DEBRIS.lines.includes(w) || SCAN_DEBRIS.ends.includes(w), w).toBe(true);
    expect(added).toContain('2');
  });
  it('is deterministic for a seed', () => {
    expect(damageLayout(text, 7)).toBe(out);
    expect(damageLayout(text, 8)).not.toBe(out);
  });
});

describe("letterheadColumns: the letterhead's two columns side by side, as a scan reads them", () => {
  const kg = (id: string) => readFileSync(new URL(`content/sources/${id}.txt`, root), 'utf8').normalize('NFC').split('\n').map((l) => l.trim());
  it('joins each left line in capitals with a line of the motto, and the number with the place and date (Kiên Giang 2019, as the real scan\'s lines 1–3)', () => {
    const out = letterheadColumns(kg('kien-giang-2019')).filter(Boolean);
    expect(out.slice(0, 5)).toEqual([
      'UBND TỈNH KIÊN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BAN CHỈ ĐẠO CHÍNH Độc lập - Tự do - Hạnh phúc', 'QUYỀN ĐIỆN TỬ TỈNH', 'KIÊN GIANG',
      'Số: 85 /QĐ-BCĐ Kiên Giang, ngày 03 tháng 5 năm 2019',
    ]);
    const words = (ls: string[]) => ls.join(' ').split(/\s+/u).filter(Boolean).sort();
    expect(words(out)).toEqual(words(kg('kien-giang-2019')));
  });
  it('starts the motto one row down where a source has its first line beside the authority already (Phú Quốc 2022)', () => {
    expect(letterheadColumns(kg('phu-quoc-2022')).filter(Boolean).slice(0, 4)).toEqual([
      'UBND THÀNH PHỐ PHÚ QUỐC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BAN CHỈ ĐẠO Độc lập - Tự do - Hạnh phúc', 'CHUYỂN ĐỔI SỐ', 'Số: 4145/QĐ-BCĐ Phú Quốc, ngày 19 tháng 8 năm 2022',
    ]);
  });
  it('leaves a text without a number line before a place and date as it is (Bình Định 2021 starts with QUYẾT ĐỊNH)', () => {
    expect(letterheadColumns(kg('binh-dinh-2021'))).toEqual(kg('binh-dinh-2021'));
  });
});

describe("whole documents under a scan's layout through ingest (scripts/ocr-layout.ts)", () => {
  // Each lost part of its structure before session 11's fixes (at 69a073a, `npm run ocr:layout`):
  // Kiên Giang 2019 seed 777 its Điều 9, Phú Quốc seed 5 its Điều 4, Bắc Giang seed 1 its decision
  // (the articles went into the regulation), Bình Định seed 4 its Chương IV and a point.
  it.each([['kien-giang-2019', 777], ['phu-quoc-2022', 5], ['bac-giang-2021', 1], ['binh-dinh-2021', 4]] as const)('%s (seed %i) keeps every element, with an SER under 0.02', (id, seed) => {
    const [r] = layoutRuns(root, [seed], [id]);
    expect(r!.detected).toBe(true);
    expect(r!.missing).toEqual([]);
    expect(r!.extra).toEqual([]);
    expect(r!.ser).toBeLessThan(0.02);
  }, 60_000);
});
