import { describe, expect, it } from 'vitest';
import { confidencePercent, elementHtml, markRanges } from '../../src/lib/element-html.ts';
import { fixtureDocs } from './helpers.ts';

const doc = fixtureDocs()[0]!;
const refs = { context: { doc, corpus: [doc], part: 'decision' as const, article: 'qd-dieu-3' }, href: (t: { doc: string; element: string | null }) => `/van-ban/${t.doc}/${t.element ? `#${t.element}` : ''}` };
const tok = (text: string, confidence = 1, ocr = text, corrected?: boolean) => ({ text, ocr, confidence, ...(corrected ? { corrected } : {}) });

describe('elementHtml', () => {
  it('links references and escapes hostile text', () => {
    const html = elementHtml('<script>alert(1)</script> thực hiện Quy chế này.', null, refs);
    expect(html).toBe('&#x3C;script>alert(1)&#x3C;/script> thực hiện <a href="/van-ban/kien-giang-2019/#quy-che" class="ref">Quy chế này</a>.');
  });

  it('marks low-confidence and corrected tokens, also inside a reference link (Kiên Giang 2022, Điều 3)', () => {
    const text = 'thay thế Quyết định số 85/QĐ-BCĐ ngày 03/5/2019 của';
    const restoration = {
      original: 'thay thé Quyét dinh s‘c"\') 85/Qb-BCD ngay 03/5/2019 cta',
      confidence: 0.9,
      tokens: [tok('thay'), tok('thế', 0.6, 'thé'), tok('Quyết'), tok('định'), tok('số', 1, 's‘c"\')', true), tok('85/QĐ-BCĐ', 1, '85/Qb-BCD', true), tok('ngày'), tok('03/5/2019'), tok('của', 0.95, 'cta')],
    };
    const html = elementHtml(text, restoration, { ...refs, context: { ...refs.context, corpus: [doc] } });
    expect(html).toContain('<mark class="ocr-low" title="Độ tin cậy 60%; OCR: thé">thế</mark>');
    // The reference still resolves although two of its tokens were corrected by hand.
    expect(html).toMatch(/<a href="\/van-ban\/kien-giang-2019\/" class="ref">Quyết định <mark class="ocr-fixed"[^>]*>số<\/mark> <mark class="ocr-fixed"[^>]*>85\/QĐ-BCĐ<\/mark> ngày 03\/5\/2019<\/a>/);
    expect(html).not.toContain('>của</mark>');
  });

  it('trusts the token layer only when it spells the text', () => {
    expect(markRanges('một hai', { original: 'mot hai', confidence: 0.5, tokens: [tok('một', 0.1)] })).toEqual([]);
    expect(markRanges('một hai', { original: 'mot hai', confidence: 0.5, tokens: [tok('một', 0.1), tok('', 0, 'x'), tok('hai')] })).toEqual([
      { start: 0, end: 3, token: tok('một', 0.1) },
    ]);
  });
});

describe('confidencePercent', () => {
  it('rounds down to one decimal with a decimal comma, so a restored text never reads 100 % unless it is', () => {
    // Kiên Giang 2022's mean confidence was shown as `100%` (Math.round of 0.997).
    expect(confidencePercent(0.997)).toBe('99,7%');
    expect(confidencePercent(0.9996)).toBe('99,9%');
    expect(confidencePercent(1)).toBe('100%');
    expect(confidencePercent(0.8)).toBe('80%');
    expect(confidencePercent(0.468)).toBe('46,8%');
    expect(confidencePercent(0)).toBe('0%');
  });
});
