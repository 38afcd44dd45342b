import { describe, expect, it } from 'vitest';
import { bundledLexicon } from '../../../src/lib/ocr/lexicon.ts';
import { BOS, LEXICON_PRIOR, trainLanguageModel, withDocumentCache, type LanguageModel } from '../../../src/lib/ocr/lm.ts';
import { allSyllables } from '../../../src/lib/ocr/syllable.ts';
import { lmTokens } from '../../../src/lib/ocr/text.ts';
import { clean } from './helpers.ts';

const streams = [lmTokens(clean('kien-giang-2019')), lmTokens(clean('bac-giang-2021'))];
const vocab = [...new Set([...allSyllables(), ...streams.flat()])];
// Contexts seen as a trigram (`ban chỉ`), seen only as a left word (`<s> chỉ`), a lexicon-only left word, and never seen.
const CONTEXTS: Array<[string, string]> = [['ban', 'chỉ'], [BOS, 'chỉ'], [',', 'và'], [BOS, 'giai'], ['xyz', 'tện'], [BOS, BOS]];
const total = (lm: LanguageModel, u: string, v: string) => {
  const c = lm.contextId(lm.id(u), lm.id(v));
  let s = 0;
  for (const w of vocab) s += Math.exp(c.logProbId(lm.id(w)));
  return s;
};

describe('language model scoring by id', () => {
  // The id path splits each context into the few words its sparse tables know and a dense rest
  // scored from the unigram; a word put on the wrong side would break the normalisation.
  it('is a distribution over the vocabulary in every kind of context (flat prior: exactly)', () => {
    const lm = trainLanguageModel(streams);
    expect(lm.contextId(lm.id('ban'), lm.id('chỉ')).trigram).toBe(true);
    for (const [u, v] of CONTEXTS) expect(total(lm, u, v)).toBeCloseTo(1, 9);
  });
  it('stays (nearly) normalised with the lexicon prior, whose special tokens keep a uniform share', () => {
    const lm = trainLanguageModel(streams, { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    for (const [u, v] of CONTEXTS) expect(Math.abs(total(lm, u, v) - 1)).toBeLessThan(2e-3);
  });
  it('gives the same number by string and by id, and through the document cache', () => {
    const lm = trainLanguageModel(streams, { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    const cached = withDocumentCache(lm, [['phú', 'quốc'], ['phú', 'quốc'], ['thành', 'phố']], 0.1, 0.02);
    for (const m of [lm, cached]) {
      for (const [u, v] of CONTEXTS) {
        for (const w of ['quốc', 'tử', 'đạo', 'tện', 'phố', ',', '<unk>']) {
          expect(m.contextId(m.id(u), m.id(v)).logProbId(m.id(w))).toBe(m.logProb(u, v, w));
          expect(m.context(u, v).logProb(w)).toBe(m.logProb(u, v, w));
        }
      }
      expect(m.logUnigramId(m.id('quốc'))).toBe(m.logUnigram('quốc'));
    }
    expect(lm.phraseId(lm.id('ban'), lm.id('chỉ'))).toBe(lm.phrase('ban', 'chỉ'));
    // The cache mixes in its own pair and word distributions: still a distribution.
    expect(Math.abs(total(cached, BOS, 'phú') - 1)).toBeLessThan(2e-3);
    expect(cached.logProb(BOS, 'phú', 'quốc')).toBeGreaterThan(lm.logProb(BOS, 'phú', 'quốc'));
  });
  it('numbers words per model (training ids; an unseen syllable -1 - its index in the syllable set; other words -S - 1, -S - 2 … in order of first request) whatever other models asked before', () => {
    // The contract the emission arrays and memos rely on: a model's ids never depend on another model.
    const a = trainLanguageModel([['một', 'hai']]), b = trainLanguageModel([['ba', 'bốn', 'một']]);
    const all = allSyllables(), S = all.length, at = (w: string) => all.indexOf(w);
    expect([a.id(BOS), a.id('một'), a.id('hai')]).toEqual([0, 1, 2]);
    expect([a.id('bốn'), a.id('qzx-a'), a.id('<zz>'), a.id('bốn'), a.id('qzx-a')]).toEqual([-1 - at('bốn'), -S - 1, -S - 2, -1 - at('bốn'), -S - 1]);
    expect([b.id('<zz>'), b.id('bốn'), b.id('hai'), b.id('một'), b.id('qzx-a'), b.id('<zz>')]).toEqual([-S - 1, 2, -1 - at('hai'), 3, -S - 2, -S - 1]);
    // `syllableId` gives the same id without the spelling, a training word's too.
    for (const w of ['bốn', 'hai', 'một', 'tện']) expect([a.syllableId(at(w)), b.syllableId(at(w))]).toEqual([a.id(w), b.id(w)]);
    // With the lexicon prior: an unseen word's unigram is the same whether a context's lexicon
    // successors gave it its id first or a string asked for it first.
    const prior = { lexicon: bundledLexicon(), ...LEXICON_PRIOR };
    const m1 = trainLanguageModel(streams, prior), m2 = trainLanguageModel(streams, prior);
    m1.contextId(m1.id(BOS), m1.id('giai'));
    for (const w of ['đoạn', 'thích', 'tện', '<zz>', '%']) expect(m1.logUnigram(w)).toBe(m2.logUnigramId(m2.id(w)));
  });
  it('hands out one context per v for the contexts never seen in training, and one per (u v) for the others', () => {
    const lm = trainLanguageModel(streams, { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    const cached = withDocumentCache(lm, [['phú', 'quốc'], ['phú', 'quốc'], ['thành', 'phố']], 0.1, 0.02);
    for (const m of [lm, cached]) {
      const ctx = (u: string, v: string) => m.contextId(m.id(u), m.id(v));
      expect(ctx('xyz', 'chỉ').trigram).toBe(false);
      expect(ctx('qwv', 'chỉ')).toBe(ctx('xyz', 'chỉ'));
      expect(ctx('ban', 'chỉ').trigram).toBe(true);
      expect(ctx('ban', 'chỉ')).not.toBe(ctx('xyz', 'chỉ'));
      expect(ctx('ban', 'chỉ')).toBe(ctx('ban', 'chỉ'));
      expect(ctx('xyz', 'tện')).not.toBe(ctx('xyz', 'chỉ'));
      for (const w of ['quốc', 'đạo', 'tện']) expect(ctx('qwv', 'chỉ').logProb(w)).toBe(m.logProb('xyz', 'chỉ', w));
    }
  });
  it('bounds each context from above by a number close to its best word (used to prune emissions)', () => {
    const lm = trainLanguageModel(streams, { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    const cached = withDocumentCache(lm, [['phú', 'quốc'], ['phú', 'quốc'], ['thành', 'phố']], 0.1, 0.02);
    for (const m of [lm, cached, trainLanguageModel(streams)]) {
      for (const [u, v] of [...CONTEXTS, [BOS, 'phú'] as [string, string]]) {
        const c = m.contextId(m.id(u), m.id(v));
        let best = -Infinity;
        for (const w of vocab) best = Math.max(best, c.logProbId(m.id(w)));
        expect(c.max).toBeGreaterThanOrEqual(best);
        expect(c.max).toBeLessThan(best + 0.5);
      }
    }
  });
  it('scores a run of words in one call to the same numbers as one by one, and keeps the best over contexts', () => {
    const lm = trainLanguageModel(streams, { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    const cached = withDocumentCache(lm, [['phú', 'quốc'], ['phú', 'quốc'], ['thành', 'phố']], 0.1, 0.02);
    const words = ['quốc', 'tử', 'đạo', 'tện', 'phố', ',', '<unk>', 'chỉ', 'ban', 'và', 'giai', 'đoạn', 'xyz'];
    for (const m of [lm, cached]) {
      const ids = Int32Array.from(words, (w) => m.id(w));
      const ctxs = CONTEXTS.map(([u, v]) => m.contextId(m.id(u), m.id(v)));
      for (const c of ctxs) {
        const out = new Float64Array(ids.length).fill(NaN);
        c.maxInto(ids, 2, 9, out, true);
        expect([...out.slice(0, 2), ...out.slice(9)].every((x) => Number.isNaN(x))).toBe(true);
        for (let j = 2; j < 9; j++) expect(out[j]).toBe(c.logProbId(ids[j]!));
      }
      const best = new Float64Array(ids.length);
      ctxs.forEach((c, k) => c.maxInto(ids, 0, ids.length, best, k === 0));
      for (let j = 0; j < ids.length; j++) expect(best[j]).toBe(Math.max(...ctxs.map((c) => c.logProbId(ids[j]!))));
    }
  });
  it('gives the best over contexts in probabilities too: one logarithm of it is the best log-probability, bit for bit (the cached contexts have no such call)', () => {
    const lm = trainLanguageModel(streams, { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    const words = ['quốc', 'tử', 'đạo', 'tện', 'phố', ',', '<unk>', 'chỉ', 'ban', 'và', 'giai', 'đoạn', 'xyz'];
    const ids = Int32Array.from(words, (w) => lm.id(w));
    // Trigram contexts (seen in training) and lower-order ones (never seen) both.
    const ctxs = [...CONTEXTS, [BOS, 'phú'] as [string, string], ['qwv', 'chỉ'] as [string, string]].map(([u, v]) => lm.contextId(lm.id(u), lm.id(v)));
    expect(ctxs.some((c) => c.trigram) && ctxs.some((c) => !c.trigram)).toBe(true);
    for (const c of ctxs) {
      const out = new Float64Array(ids.length).fill(NaN);
      c.maxProbInto!(ids, 2, 9, out, true);
      expect([...out.slice(0, 2), ...out.slice(9)].every((x) => Number.isNaN(x))).toBe(true);
      for (let j = 2; j < 9; j++) expect(Math.log(out[j]!)).toBe(c.logProbId(ids[j]!));
    }
    const best = new Float64Array(ids.length);
    ctxs.forEach((c, k) => c.maxProbInto!(ids, 0, ids.length, best, k === 0));
    for (let j = 0; j < ids.length; j++) expect(Math.log(best[j]!)).toBe(Math.max(...ctxs.map((c) => c.logProbId(ids[j]!))));
    const cached = withDocumentCache(lm, [['phú', 'quốc']], 0.1, 0.02);
    expect(cached.contextId(cached.id('ban'), cached.id('chỉ')).maxProbInto).toBeUndefined();
  });
  it('tells which words the document cache counts; any other scores keep + its base log-probability in every context', () => {
    const lm = trainLanguageModel(streams, { lexicon: bundledLexicon(), ...LEXICON_PRIOR });
    const cached = withDocumentCache(lm, [['phú', 'quốc'], ['phú', 'quốc'], ['thành', 'phố']], 0.1, 0.02);
    const dc = cached.documentCache!;
    expect(lm.documentCache).toBeUndefined();
    expect(dc.counts(cached.id('quốc'))).toBe(true);
    expect(dc.counts(cached.id('phú'))).toBe(false); // a first word of a pair only
    for (const [u, v] of [...CONTEXTS, ['<s>', 'phú'] as [string, string]]) {
      for (const w of ['tử', 'đạo', 'tện', ',', 'phú', 'quốc', 'phố']) {
        const wi = cached.id(w);
        const base = lm.contextId(lm.id(u), lm.id(v)).logProbId(wi), mixed = cached.contextId(cached.id(u), cached.id(v)).logProbId(wi);
        if (!dc.counts(wi)) expect(mixed).toBe(dc.keep + base);
        else expect(mixed).not.toBe(dc.keep + base);
      }
    }
  });
});

describe('neighbours in the training text', () => {
  it('lists the most frequent words right before a word (`predecessors`) as `successors` lists those after', () => {
    const lm = trainLanguageModel([['thành', 'phố', 'và', 'thành', 'phố', ',', 'tỉnh', 'phố'], ['cổng', 'phố']]);
    expect(lm.predecessors('phố')).toEqual(['thành', 'cổng', 'tỉnh']); // by count, ties by spelling
    expect(lm.successors('thành')).toEqual(['phố']);
    for (const w of lm.predecessors('phố')) expect(lm.successors(w)).toContain('phố');
    expect(lm.predecessors('xyz')).toEqual([]);
    // The document cache's model answers as its base model.
    expect(withDocumentCache(lm, [['thành', 'phố']], 0.1, 0.02).predecessors('phố')).toEqual(['thành', 'cổng', 'tỉnh']);
  });
});
