import { describe, expect, it } from 'vitest';
import { allSyllables, isFoldedSyllable, isValidSyllable, placeTone, splitTone, ValidSyllables, withTone } from '../../../src/lib/ocr/syllable.ts';
import { ocrSource } from './helpers.ts';

describe('syllable enumeration', () => {
  it('enumerates about 17k forms by rule', () => {
    const n = allSyllables().length;
    expect(n).toBeGreaterThan(15_000);
    expect(n).toBeLessThan(19_000);
    expect(new Set(allSyllables()).size).toBe(n);
  });
  it('accepts real syllables in either tone placement', () => {
    for (const w of ['của', 'Chuyển', 'đổi', 'số', 'quốc', 'giúp', 'nghiên', 'khuyến', 'hòa', 'hoà', 'thủy', 'thuỷ', 'yêu', 'gì', 'ĐẠO', 'Ủy']) expect(isValidSyllable(w), w).toBe(true);
  });
  it('enforces the spelling constraints', () => {
    expect(isValidSyllable('ce')).toBe(false); // c before e → k
    expect(isValidSyllable('ke')).toBe(true);
    expect(isValidSyllable('ge')).toBe(false); // g before e → gh
    expect(isValidSyllable('nghe')).toBe(true);
    expect(isValidSyllable('ngha')).toBe(false); // ngh only before e ê i
    expect(isValidSyllable('tháp')).toBe(true);
    expect(isValidSyllable('thàp')).toBe(false); // stop-final rhymes take only sắc/nặng
    expect(isValidSyllable('thap')).toBe(false);
    expect(isValidSyllable('iêu')).toBe(false); // written yêu with no onset
    expect(isValidSyllable('ubnd')).toBe(false);
    expect(isValidSyllable('s6')).toBe(false);
  });
  it('places tones on the right vowel', () => {
    expect(placeTone('oa', 1)).toBe('òa');
    expect(placeTone('oan', 2)).toBe('oán');
    expect(placeTone('ươi', 1)).toBe('ười');
    expect(withTone('quyêt', 2)).toBe('quyết');
    expect(withTone('nguyên', 4)).toBe('nguyễn');
    expect(withTone('gi', 1)).toBe('gì');
  });
  it('knows folded spellings', () => {
    expect(isFoldedSyllable('chuyen')).toBe(true);
    expect(isFoldedSyllable('tinhkien')).toBe(false);
  });
  it('spells each syllable as withTone does (the enumeration places each rhyme’s tones once and reuses them)', () => {
    for (const s of allSyllables()) { const st = splitTone(s)!; expect(withTone(st.base, st.tone)).toBe(s); }
  });
  it('folds exactly the syllables: a folded word is one iff some syllable folds to it', () => {
    const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    const folded = new Set(allSyllables().map(strip));
    for (const f of folded) expect(isFoldedSyllable(f), f).toBe(true);
    // Near misses: every folded syllable with one letter changed that no syllable folds to.
    let misses = 0;
    for (const f of [...folded].slice(0, 400)) {
      for (const c of 'aehnoqtuy') {
        const w = c + f.slice(1);
        if (!folded.has(w)) { misses++; expect(isFoldedSyllable(w), w).toBe(false); }
      }
    }
    expect(misses).toBeGreaterThan(1000);
  });
});

describe('ValidSyllables', () => {
  it('answers as isValidSyllable, asked once or again (every word of the OCR source)', () => {
    const syllables = new ValidSyllables();
    const words = ocrSource().split(/\s+/u).filter(Boolean);
    let yes = 0;
    for (const pass of [1, 2]) for (const w of words) { const v = isValidSyllable(w); expect(syllables.has(w), w).toBe(v); if (pass === 1 && v) yes++; }
    expect(yes).toBeGreaterThan(1000);
    expect(yes).toBeLessThan(words.length);
  });
});
