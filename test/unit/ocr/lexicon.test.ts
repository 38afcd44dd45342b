import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildLexicon, bundledLexicon, canonicalSyllable, deriveLexicon } from '../../../src/lib/ocr/lexicon.ts';
import { BOS, trainLanguageModel, LEXICON_PRIOR } from '../../../src/lib/ocr/lm.ts';
import { lmTokens } from '../../../src/lib/ocr/text.ts';
import committed from '../../../src/lib/ocr/data/lexicon.json' with { type: 'json' };
import { clean } from './helpers.ts';

// Lines as they appear in @vntk/dictionary data/Viet74K.txt.
const LIST = ['a-ba-giua', 'A Di Đà Phật', 'giai cấp', 'giai đoạn', 'hoà bình', 'hòa giải', 'điện tử', 'điện tử học', 'tên', 'đổi tên', ''].join('\n');

describe('lexicon', () => {
  it('derives syllables and within-word pairs, canonical tone placement, skipping transcribed words', () => {
    const d = deriveLexicon(LIST, 'test');
    expect(d.syllables['hòa']).toBe(2);
    expect(d.syllables['hoà']).toBeUndefined();
    expect(d.syllables['giua']).toBeUndefined();
    expect(d.syllables['tên']).toBe(2);
    expect(d.pairs['điện']).toBe('tử:2');
    const lex = buildLexicon(d);
    expect([...lex.successors('giai')]).toEqual([['cấp', 1], ['đoạn', 1]]);
    expect(lex.successors('tện').size).toBe(0);
    expect(canonicalSyllable('thuỷ')).toBe('thủy');
  });
  it('the committed lexicon is regenerable from the pinned word list', () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@vntk/dictionary/data/Viet74K.txt');
    const again = deriveLexicon(readFileSync(file, 'utf8'), committed.source);
    expect(again.syllables).toEqual(committed.syllables);
    expect(again.pairs).toEqual(committed.pairs);
    expect(committed.source).toMatch(/MIT/);
  });
  it('knows the syllables in real use and not the spellable but unused ones (tên/tện, đoạn/doạn)', () => {
    const lex = bundledLexicon();
    for (const w of ['tên', 'đoạn', 'chánh', 'tử', 'người']) expect(lex.count(w)).toBeGreaterThan(0);
    for (const w of ['tện', 'doạn']) expect(lex.count(w)).toBe(0);
    expect(lex.successors('giai').has('đoạn')).toBe(true);
  });
  it('shapes the language model: unused syllables cost more, within-word pairs are likely', () => {
    const refs = [lmTokens(clean('kien-giang-2019'))];
    const flat = trainLanguageModel(refs);
    const lm = trainLanguageModel(refs, { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    // Without the lexicon two unseen syllables cost the same; with it the one in real use wins.
    expect(flat.logUnigram('tên')).toBeCloseTo(flat.logUnigram('tện'), 6);
    expect(lm.logUnigram('tên')).toBeGreaterThan(lm.logUnigram('tện') + 2);
    expect(lm.logProb(BOS, 'giai', 'đoạn')).toBeGreaterThan(flat.logProb(BOS, 'giai', 'đoạn'));
    expect(lm.logProb(BOS, 'giai', 'đoạn')).toBeGreaterThan(lm.logProb(BOS, 'giai', 'doạn') + 3);
  });
});

describe('document cache', () => {
  it('makes pairs read confidently elsewhere in the document likelier, and leaves the model alone without any', async () => {
    const { withDocumentCache } = await import('../../../src/lib/ocr/lm.ts');
    const base = trainLanguageModel([lmTokens(clean('kien-giang-2019'))], { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    expect(withDocumentCache(base, [], 0.1, 0.02)).toBe(base);
    // Phú Quốc is unknown to the Kiên Giang 2019 text; a first pass read it confidently twice.
    const lm = withDocumentCache(base, [['phú', 'quốc'], ['phú', 'quốc'], ['thành', 'phố']], 0.1, 0.02);
    expect(lm.logProb(BOS, 'phú', 'quốc')).toBeGreaterThan(base.logProb(BOS, 'phú', 'quốc') + 1);
    expect(lm.logProb(BOS, 'phú', 'quốc')).toBeGreaterThan(lm.logProb(BOS, 'phú', 'quý'));
    expect(lm.context(BOS, 'phú').logProb('quốc')).toBeCloseTo(lm.logProb(BOS, 'phú', 'quốc'), 9);
    expect(lm.logUnigram('quốc')).toBeGreaterThan(base.logUnigram('quốc'));
  });
});
