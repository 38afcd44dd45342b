import { describe, expect, it } from 'vitest';
import { LM_PUNCT, capitalisedRuns, letterWords, lmTokens, wordTokens } from '../../../src/lib/ocr/text.ts';
import { caseTokens } from '../../../src/lib/ocr/casing.ts';
import { CLEAN, clean, ocrSource } from './helpers.ts';

/** The tokenisation as first written: a regular expression per white-space chunk (the reference). */
function byRegex(text: string, lower: boolean): string[] {
  const out: string[] = [];
  for (const chunk of text.normalize('NFC').split(/\s+/u)) {
    if (!chunk) continue;
    if (/\d/u.test(chunk)) { out.push('<num>'); continue; }
    for (const m of chunk.matchAll(/(\p{L}[\p{L}\p{M}]*)|([,.;:()\-])/gu)) {
      if (m[1]) out.push(lower ? m[1].toLowerCase() : m[1]);
      else if (m[2] && LM_PUNCT.has(m[2])) out.push(m[2]);
    }
  }
  return out;
}

describe('wordTokens', () => {
  it('equals the per-chunk regular expressions on every real text, in both cases', () => {
    for (const text of [...CLEAN.map(clean), ocrSource()]) {
      expect(wordTokens(text, false)).toEqual(byRegex(text, false));
      expect(wordTokens(text, true)).toEqual(byRegex(text, true));
    }
  });
  it('handles digits, marks, decomposed text, odd spaces and characters outside the BMP', () => {
    const odd = ['Điều 5.', 'a\u00a0b\u2003c', 'Đie\u0300u', '\u0301abc', 'x𝐀y z', '𝐀', 'a-b (c); d:e', '12a b,c', '  ', '', 'Ủy ban\tnhân\ndân', '¢hi $ố 4p', 'ʻOkina', 'a\ud800b'];
    for (const text of odd) {
      expect(wordTokens(text, false)).toEqual(byRegex(text, false));
      expect(wordTokens(text, true)).toEqual(byRegex(text, true));
    }
  });
  it('is what lmTokens and caseTokens return', () => {
    expect(lmTokens('Ban Chỉ đạo, 12 người')).toEqual(['ban', 'chỉ', 'đạo', ',', '<num>', 'người']);
    expect(caseTokens('Ban Chỉ đạo, 12 người')).toEqual(['Ban', 'Chỉ', 'đạo', ',', '<num>', 'người']);
  });
});

describe('capitalisedRuns', () => {
  const byRegex = (text: string) => [...text.normalize('NFC').matchAll(/\p{L}+/gu)].map((m) => m[0]).filter((w) => /\p{Lu}[^]*\p{Lu}/u.test(w));
  it('finds the letter runs with two or more capitals that a regular expression scan finds, on every real text', () => {
    for (const text of [...CLEAN.map(clean), ocrSource()]) {
      const runs = capitalisedRuns(text.normalize('NFC'));
      expect(runs).toEqual(byRegex(text));
      expect(runs.length).toBeGreaterThan(0);
    }
  });
  it('handles marks, digits, lone capitals and letters outside the BMP', () => {
    for (const text of ['QĐ-UBND, TTr-STTTT', 'Quyết định 12/QĐ-BCĐ', 'A B C', 'ǅX', 'x𝐀𝐁y', 'Q\u0110 Đ\u0300Đ', 'ABCdefGH12IJ', '']) {
      expect(capitalisedRuns(text)).toEqual(byRegex(text));
    }
  });
});

describe('letterWords', () => {
  const byRegex = (text: string) => [...text.matchAll(/\p{L}[\p{L}\p{M}]*/gu)].map((m) => m[0]);
  it('finds the words the regular expression finds, on every real text and odd inputs', () => {
    for (const text of [...CLEAN.map(clean), ocrSource(), 'Đie\u0300u 5', '\u0301abc d\u0301', 'x𝐀y', 'a\ud800b', '']) {
      expect(letterWords(text)).toEqual(byRegex(text));
    }
  });
});
