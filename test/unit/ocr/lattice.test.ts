import { describe, expect, it } from 'vitest';
import { hasWordChar, readingsKey, splitToken } from '../../../src/lib/ocr/restore.ts';
import { damageText, learnDamage } from '../../../src/lib/ocr/damage.ts';
import { CLEAN, clean, ocrSource, read, restoreWith } from './helpers.ts';

describe('context candidates memo key (readingsKey)', () => {
  it('gives distinct keys to distinct lists of up to 3 word ids, negative (unseen words) and large ones included', () => {
    const ids = [-70000, -65536, -65535, -3, -1, 0, 1, 2, 7, 65533, 65534, 65535, 200000];
    const lists: number[][] = [[]];
    for (const a of ids) { lists.push([a]); for (const b of ids) { lists.push([a, b]); for (const c of ids) lists.push([a, b, c]); } }
    const seen = new Map<number | string, string>();
    let numeric = 0;
    for (const l of lists) {
      const k = readingsKey(l);
      if (typeof k === 'number') { numeric++; expect(Number.isSafeInteger(k)).toBe(true); }
      const other = seen.get(k);
      expect(other, `${l} and ${other}`).toBeUndefined();
      seen.set(k, l.join(','));
    }
    expect(seen.size).toBe(lists.length);
    expect(numeric).toBeGreaterThan(lists.length / 3);
    // The same list always gives the same key.
    expect(readingsKey([3, -2, 9])).toBe(readingsKey([3, -2, 9]));
  });
});

describe('token parts (splitToken, hasWordChar)', () => {
  it('splits every token of the real texts and of damaged ones as the regular expressions do', () => {
    const damage = learnDamage(ocrSource(), read('test/fixtures/gold/kien-giang-2022.dev.md'));
    const texts = [ocrSource(), ...CLEAN.map(clean), ...CLEAN.flatMap((id) => [12345, 1, 777, 2026].map((seed) => damageText(clean(id), damage, seed)))];
    const odd = ['', '(', '((', '"', '(["', '.', '/.', './.', 'a/.', 'a./.', '(a)./.', '/', '//.', 'a/', '.a.', '"(a),;', 'x!]', '(tr.', '12', '123', '1a', '$', '¢5', '¥', '&', 'a\u{1D400}', '\u{1D400}', '(\u{1D7D8}).', '\ud800', 'a\udc00b', 'Đ.', ']a[', '..', ',', 'a,b', '(/.', '"/.', 'a\nb', '(a\r.', 'quý/', 'quy/,', '85/', '/a/', 'a\u{1D400}/', '\u{1D400}/', '(a)/', 'ky././', 'dinh./V', 'a./', 'x/./', '85./', '85/', '././', './V', './', 'a././.', 'quý/./', '(./V', 'a.V', 'a/V', './/.', 'x.//'];
    const tokens = new Set<string>(odd);
    for (const t of texts) for (const tok of t.split(/\s+/u)) if (tok) tokens.add(tok);
    expect(tokens.size).toBeGreaterThan(4000);
    let closing = 0, marks = 0;
    for (const tok of tokens) {
      const m = /^([(["]*)(.*?)((?:(?<=\p{L})\/)?[,.;:)\]!]*(?:\/\.|(?<=\.)\/(?:V|\.\/)?)?)$/u.exec(tok);
      if (!m) { expect(() => splitToken(tok), JSON.stringify(tok)).toThrow(); continue; }
      expect(splitToken(tok), JSON.stringify(tok)).toEqual([m[0], m[1], m[2], m[3]]);
      expect(hasWordChar(m[2]!), JSON.stringify(m[2])).toBe(/[\p{L}$&¢¥]/u.test(m[2]!));
      if (m[3]) closing++;
      if (m[3]!.endsWith('/.')) marks++;
    }
    expect(closing).toBeGreaterThan(500);
    expect(marks).toBeGreaterThan(0);
  });
  it("keeps the end mark's variants off the last word (Kiên Giang 2019 prints `ngày ký././` and `quyết định./V`)", () => {
    expect(splitToken('ky././')).toEqual(['ky././', '', 'ky', '././']);
    expect(splitToken('dinh./V')).toEqual(['dinh./V', '', 'dinh', './V']);
    expect(splitToken('ký./')).toEqual(['ký./', '', 'ký', './']);
    expect(splitToken('ký./.')).toEqual(['ký./.', '', 'ký', './.']);
    // A slash after a number is no end mark (a document number cut at its slash: `85/ QĐ-BCĐ`).
    expect(splitToken('85/')).toEqual(['85/', '', '85/', '']);
    // Kiên Giang 2019 (scan layout, seed 2641) restored with the other sources: the last words were kept as printed.
    const refs = ['phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021'];
    expect(restoreWith(refs, 'Quyét dinh nay c6 hiéu luc ké tu ngay ky././')).toBe('Quyết định này có hiệu lực kể từ ngày ký././');
    expect(restoreWith(refs, 'trinh Truong Ban Chi dao xem xét, quyét dinh./V')).toBe('trình Trưởng Ban Chỉ đạo xem xét, quyết định./V');
  });
});
