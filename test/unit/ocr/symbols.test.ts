import { describe, expect, it } from 'vitest';
import { foldKey } from '../../../src/lib/fold.ts';
import { SYMBOLS } from '../../../src/lib/ocr/symbols.ts';
import { clean, restoreWith } from './helpers.ts';

describe('common symbols of administrative documents', () => {
  it('have distinct folded keys (an OCR `D` must name one of them)', () => {
    const keys = SYMBOLS.map((s) => foldKey(s).toUpperCase());
    expect(new Set(keys).size).toBe(SYMBOLS.length);
    for (const s of ['QĐ', 'NĐ', 'TTg', 'CP', 'UBND', 'VT']) expect(SYMBOLS).toContain(s);
  });
});

describe('restoring symbols no reference prints', () => {
  // Lines of the clean sources damaged by the damage model learned from the real OCR (seed 12345),
  // restored without the source they come from.
  it('reads `1072/QD-TTg` as `1072/QĐ-TTg`, not as a reference\'s `QĐ-BCĐ` (Kiên Giang 2019, line 28)', () => {
    const refs = ['phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021'];
    for (const r of refs) expect(clean(r)).not.toContain('QĐ-TTg');
    const line = 'Cin cti Quy&t pinh 3b 1072/QD-TTg ngay 28/8/2018 cua Thi tudngil Chinh phd vé viéc thanh ldp TIy ban qu6c gia vé Chinh phu dién tu;';
    expect(restoreWith(refs, line)).toContain('số 1072/QĐ-TTg ngày 28/8/2018');
    expect(restoreWith(refs, line, { symbols: 0 })).toContain('1072/QĐ-BCĐ');
  });
  it('reads `61/2018/ND-CP` as `61/2018/NĐ-CP` (Bình Định 2021, line 266)', () => {
    const refs = ['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021'];
    for (const r of refs) expect(clean(r)).not.toContain('NĐ-CP');
    expect(restoreWith(refs, 'dinr sb 61/2018/ND-CP ngay 23/4/2018 cta Chinh phu;')).toContain('61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;');
  });
  it('keeps a recipient list of abbreviations as printed (Bình Định 2021, line 63: `- CVP, PVP VX;`)', () => {
    const refs = ['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021'];
    expect(restoreWith(refs, '- CVP, PVP VX;')).toBe('- CVP, PVP VX;');
    expect(restoreWith(refs, '- CVP, PVP VX;', { symbols: 0 })).not.toBe('- CVP, PVP VX;');
  });
});
