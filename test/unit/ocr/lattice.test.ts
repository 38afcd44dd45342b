import { describe, expect, it } from 'vitest';
import { hasWordChar, readingsKey, splitToken } from '../../../src/lib/ocr/restore.ts';
import { damageText, learnDamage } from '../../../src/lib/ocr/damage.ts';
import { CLEAN, clean, ocrSource, read } from './helpers.ts';

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
    const odd = ['', '(', '((', '"', '(["', '.', '/.', './.', 'a/.', 'a./.', '(a)./.', '/', '//.', 'a/', '.a.', '"(a),;', 'x!]', '(tr.', '12', '123', '1a', '$', '¢5', '¥', '&', 'a\u{1D400}', '\u{1D400}', '(\u{1D7D8}).', '\ud800', 'a\udc00b', 'Đ.', ']a[', '..', ',', 'a,b', '(/.', '"/.', 'a\nb', '(a\r.', 'quý/', 'quy/,', '85/', '/a/', 'a\u{1D400}/', '\u{1D400}/', '(a)/'];
    const tokens = new Set<string>(odd);
    for (const t of texts) for (const tok of t.split(/\s+/u)) if (tok) tokens.add(tok);
    expect(tokens.size).toBeGreaterThan(4000);
    let closing = 0, marks = 0;
    for (const tok of tokens) {
      const m = /^([(["]*)(.*?)((?:(?<=\p{L})\/)?[,.;:)\]!]*(?:\/\.)?)$/u.exec(tok);
      if (!m) { expect(() => splitToken(tok), JSON.stringify(tok)).toThrow(); continue; }
      expect(splitToken(tok), JSON.stringify(tok)).toEqual([m[0], m[1], m[2], m[3]]);
      expect(hasWordChar(m[2]!), JSON.stringify(m[2])).toBe(/[\p{L}$&¢¥]/u.test(m[2]!));
      if (m[3]) closing++;
      if (m[3]!.endsWith('/.')) marks++;
    }
    expect(closing).toBeGreaterThan(500);
    expect(marks).toBeGreaterThan(0);
  });
});
