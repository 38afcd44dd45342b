import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeSource, detectLayout, normaliseSource, splitLines } from '../../../src/lib/normalise/index.ts';
import { collapseSpaces, dropRule, stripStrong, removeInvisibles, stripEmphasis, stripHardBreak, stripHtml, stripMarkdownHeading } from '../../../src/lib/normalise/repairs.ts';
import { InputError } from '../../../src/lib/errors.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/parse/${name}`, import.meta.url), 'utf8');

describe('line repairs (each on its own)', () => {
  it('removeInvisibles drops zero-width characters and soft hyphens', () => expect(removeInvisibles('Đi\u200bều\u00ad 1')).toBe('Điều 1'));
  it('collapseSpaces folds NBSP and tabs, trims', () => expect(collapseSpaces(' a\u00a0\tb  ')).toBe('a b'));
  it('stripHtml removes tags and decodes entities', () => expect(stripHtml('<b>Điều 1.</b>&nbsp;A &amp; B<br/>')).toBe(' Điều 1.  A & B '));
  it('stripMarkdownHeading removes # marks only at line start', () => {
    expect(stripMarkdownHeading('### **Điều 11.**')).toBe(' **Điều 11.**');
    expect(stripMarkdownHeading('C# và #hashtag')).toBe('C# và #hashtag');
  });
  it('stripEmphasis handles bold split across lines and keeps escapes', () => {
    expect(stripEmphasis('**Ban hành Quy chế hoạt động của Ban Chỉ đạo và Tổ công tác giúp việc')).toBe('Ban hành Quy chế hoạt động của Ban Chỉ đạo và Tổ công tác giúp việc');
    expect(stripEmphasis('THÀNH PHỐ PHÚ QUỐC**')).toBe('THÀNH PHỐ PHÚ QUỐC');
    expect(stripEmphasis('*Căn cứ Luật;*')).toBe('Căn cứ Luật;');
    expect(stripEmphasis('a \\* b')).toBe('a * b');
  });
  it('stripStrong removes ** and __ in any layout, single * stays', () => expect(stripStrong('**NHỮNG QUY ĐỊNH** (*) __a__')).toBe('NHỮNG QUY ĐỊNH (*) a'));
  it('stripHardBreak removes a trailing backslash break', () => expect(stripHardBreak('Chương I\\')).toBe('Chương I'));
  it('dropRule turns separators into empty lines', () => {
    expect(dropRule('---')).toBe('');
    expect(dropRule('- a')).toBe('- a');
  });
});

describe('normaliseSource', () => {
  it('detects the three layouts on cuts of the real sources', () => {
    expect(detectLayout(splitLines(fixture('bg2021-markdown-bullets.md')))).toBe('markdown');
    expect(detectLayout(splitLines(fixture('bd2021-pdf-points.txt')))).toBe('pdf');
    expect(detectLayout(splitLines(fixture('kg2022-ocr-chapter.txt')))).toBe('plain');
  });
  it('keeps line numbers, strips markup, and lists markup-only lines as discarded', () => {
    const { lines, discarded, layout } = normaliseSource('## **QUY CHẾ**\n\n**\n#### **Điều 1. Phạm vi**\r\n- Quy chế này');
    expect(layout).toBe('markdown');
    expect(lines.map((l) => [l.n, l.text])).toEqual([[1, 'QUY CHẾ'], [4, 'Điều 1. Phạm vi'], [5, '- Quy chế này']]);
    expect(discarded).toEqual([{ line: 3, text: '**', reason: 'markup' }]);
  });
  it('CR, LF and CRLF each end one line', () => expect(splitLines('a\rb\r\nc\nd')).toEqual(['a', 'b', 'c', 'd']));
  it('output is NFC', () => {
    const { lines } = normaliseSource('Đi\u00ea\u0300u 1. Pha\u0323m vi');
    expect(lines[0]!.text).toBe('Điều 1. Phạm vi'.normalize('NFC'));
  });
});

describe('decodeSource', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('strips a UTF-8 BOM', () => expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Điều 1.')]), 'f').text).toBe('Điều 1.'));
  it('decodes UTF-16 LE and BE with BOM', () => {
    const s = 'Điều 1. Phạm vi';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(s, 'utf16le'))]);
    const be = Buffer.from(s, 'utf16le').swap16();
    expect(decodeSource(le, 'f')).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeSource(new Uint8Array([0xfe, 0xff, ...be]), 'f')).toEqual({ text: s, encoding: 'utf-16be' });
  });
  it('converts Windows-1258 (combining tone marks) to NFC', () => {
    // "Điều" in CP1258: Ð(0xD0) i ê(0xEA) + combining grave (0xCC) u
    const r = decodeSource(new Uint8Array([0xd0, 0x69, 0xea, 0xcc, 0x75, 0x20, 0x31, 0x2e]), 'f');
    expect(r).toEqual({ text: 'Điều 1.', encoding: 'windows-1258' });
  });
  it('refuses empty, binary and legacy-font files by name', () => {
    expect(() => decodeSource(new Uint8Array(), 'e.txt')).toThrow(/e\.txt: empty file/);
    expect(() => decodeSource(enc('  \n \n'), 'w.txt')).toThrow(/empty file/);
    expect(() => decodeSource(new Uint8Array([0x41, 0x0a, 0x42, 0x00, 0x43]), 'b.bin')).toThrow(/b\.bin:2: binary file/);
    const tcvn = 'Quy¿t ®Þnh ban hµnh quy chÕ ho¹t ®éng cña Ban chØ ®¹o ®iÖn tö tØnh. ' .repeat(5);
    expect(() => decodeSource(enc(tcvn), 't.txt')).toThrow(/TCVN3/);
    const vni = 'Quyeát ñònh ban haønh quy cheá hoaït ñoäng cuûa Ban chæ ñaïo. '.repeat(5);
    expect(() => decodeSource(enc(vni), 'v.txt')).toThrow(/VNI/);
    try { decodeSource(new Uint8Array(), 'e.txt'); } catch (e) { expect(e).toBeInstanceOf(InputError); }
  });
});
