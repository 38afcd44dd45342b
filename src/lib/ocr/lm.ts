/**
 * Syllable language model: interpolated Kneser–Ney trigram (Chen & Goodman 1998, absolute discount
 * D = 0.75, continuation counts for the lower orders) over lower-case syllables, `<num>` and
 * context punctuation, with the lowest order interpolated with a prior over the rule-enumerated
 * syllable set so that unseen valid syllables keep some probability. With a lexicon the prior favours
 * syllables in real use (by the number of words they occur in) and the bigram level backs off to the
 * lexicon's within-word pairs, so `giai` → `đoạn` is likely even when no reference says it; without
 * one the prior is uniform. Also an accent-stripped phrase table: folded bigram → distribution of the
 * accented bigrams seen.
 */
import { allSyllables } from './syllable.ts';
import { foldKey } from '../fold.ts';
import type { Lexicon } from './lexicon.ts';

/** How a lexicon shapes the model's floor (see the module comment). */
export interface LexiconPrior {
  lexicon: Lexicon;
  /** Share of the prior mass left to valid syllables the lexicon never uses. */
  unusedShare: number;
  /** Exponent on the lexicon counts (1: proportional to the number of words, 0: flat over used syllables). */
  power: number;
  /** Weight of the lexicon's within-word successor distribution in the bigram back-off. */
  pairWeight: number;
  /** Total pseudo-count of the prior in the lowest order, as a multiple of the vocabulary size. */
  mass: number;
}

/** Default lexicon prior settings. */
export const LEXICON_PRIOR = { unusedShare: 0.02, power: 1, pairWeight: 0.3, mass: 0.01 };

const D = 0.75;
const BOS = '<s>';

/** A trained trigram model; `logProb` is the natural log of P(w | u v). */
export interface LanguageModel {
  logProb(u: string, v: string, w: string): number;
  /**
   * The same for a fixed context (u v), faster when many w are scored: `trigram` is false when the
   * context was never seen in training, and then `logProb(w)` does not depend on u.
   */
  context(u: string, v: string): { trigram: boolean; logProb(w: string): number };
  /** log P(w) from the lowest order (continuation unigram + uniform). */
  logUnigram(w: string): number;
  /** Raw count of a word in the training text. */
  count(w: string): number;
  /** log P(accented pair | folded pair) when the folded pair was seen at least twice, else null. */
  phrase(v: string, w: string): number | null;
  /** The most frequent words seen right after `v` in training (at most 12). */
  successors(v: string): string[];
  /** Vocabulary size used for the uniform floor. */
  vocabSize: number;
}

/** Train the model on token streams (one per document). */
export function trainLanguageModel(streams: string[][], prior?: LexiconPrior): LanguageModel {
  // Tokens are interned to ids and every count is keyed by numbers (pairs v·N + w, triples
  // (u·N + v)·N + w, exact in doubles for N < 2^17): no key strings are built when training or scoring.
  const ids = new Map<string, number>([[BOS, 0]]);
  const words: string[] = [BOS];
  const intern = (w: string) => {
    let i = ids.get(w);
    if (i === undefined) { ids.set(w, (i = words.length)); words.push(w); }
    return i;
  };
  const coded = streams.map((s) => Int32Array.from(s, intern));
  const N = words.length;
  // Words never seen in training get negative ids (-1, -2 …) on first use, so that one lookup
  // answers both "which training word" and "which memo slot" for a scored candidate.
  let unseen = 0;
  const idOf = (w: string) => {
    let i = ids.get(w);
    if (i === undefined) ids.set(w, (i = -++unseen));
    return i;
  };
  const uni = new Float64Array(N);
  const bi = new Map<number, number>(); // v·N + w
  const tri = new Map<number, number>(); // (u·N + v)·N + w
  const inc = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  // Folded pairs: folded ids of both words → accented pair (v·N + w) → count.
  const foldIds = new Map<string, number>();
  const foldOf = words.map((w) => {
    const k = foldKey(w);
    let i = foldIds.get(k);
    if (i === undefined) foldIds.set(k, (i = foldIds.size));
    return i;
  });
  const NF = foldIds.size;
  const foldPairs = new Map<number, Map<number, number>>();
  for (const s of coded) {
    let u = 0, v = 0;
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      uni[w]! += 1;
      inc(bi, v * N + w);
      inc(tri, (u * N + v) * N + w);
      const fk = foldOf[v]! * NF + foldOf[w]!;
      let m = foldPairs.get(fk);
      if (!m) foldPairs.set(fk, (m = new Map()));
      inc(m, v * N + w);
      u = v; v = w;
    }
  }
  // Continuation counts.
  const contW = new Float64Array(N); // N1+(• w) over bigram types
  const contVW = new Map<number, number>(); // N1+(• v w) over trigram types, key v·N + w
  const ctxTri = new Map<number, { total: number; types: number }>(); // c(u v •), N1+(u v •), key u·N + v
  const ctxMid: Array<{ total: number; types: number } | undefined> = new Array(N); // Σ_w N1+(• v w), N1+(v •) over trigram-derived
  for (const k of bi.keys()) contW[k % N]! += 1;
  for (const [k, c] of tri) {
    const w = k % N, uv = (k - w) / N, v = uv % N;
    const vw = v * N + w;
    const e = ctxTri.get(uv) ?? { total: 0, types: 0 };
    e.total += c;
    e.types += 1;
    ctxTri.set(uv, e);
    const isNewVW = !contVW.has(vw);
    contVW.set(vw, (contVW.get(vw) ?? 0) + 1);
    const m = ctxMid[v] ?? { total: 0, types: 0 };
    m.total += 1;
    if (isNewVW) m.types += 1;
    ctxMid[v] = m;
  }
  const next = new Map<string, Map<string, number>>();
  for (const [k, c] of bi) {
    const w = k % N, v = (k - w) / N;
    let m = next.get(words[v]!);
    if (!m) next.set(words[v]!, (m = new Map()));
    m.set(words[w]!, c);
  }
  const succCache = new Map<string, string[]>();
  let contTotal = 0;
  for (const c of contW) contTotal += c;
  const vocab = new Set(allSyllables());
  for (const w of words.slice(1)) vocab.add(w);
  const V = vocab.size;
  const BETA = 0.5; // pseudo-count of the uniform floor, in continuation-count units
  // Prior q(w) over the vocabulary (sums to 1 over V items): uniform, or shaped by the lexicon.
  let q: (w: string) => number = () => 1 / V;
  if (prior) {
    const lex = prior.lexicon;
    let used = 0, mass = 0;
    for (const w of vocab) {
      const c = lex.count(w);
      if (c > 0) { used++; mass += (c + 1) ** prior.power; }
    }
    const unused = Math.max(1, V - used);
    // Special tokens (`<unk>`, punctuation) keep the uniform share: the lexicon says nothing about them.
    q = (w) => {
      const c = lex.count(w);
      if (c > 0) return ((1 - prior.unusedShare) * (c + 1) ** prior.power) / mass;
      return w.startsWith('<') || !/\p{L}/u.test(w) ? 1 / V : prior.unusedShare / unused;
    };
  }
  const M = (prior?.mass ?? BETA) * V;
  // p1 depends on w only: memoised per word (the same candidates are scored in many contexts),
  // in an array for training words.
  const p1Known = new Float64Array(N).fill(NaN);
  const p1Unseen: number[] = [];
  const p1Of = (w: string, wi: number) => ((wi >= 0 ? contW[wi]! : 0) + M * q(w)) / (contTotal + M);
  const p1 = (w: string, wi = idOf(w)) => {
    if (wi >= 0) {
      let r = p1Known[wi]!;
      if (r !== r) r = p1Known[wi] = p1Of(w, wi);
      return r;
    }
    let r = p1Unseen[-wi - 1];
    if (r === undefined) r = p1Unseen[-wi - 1] = p1Of(w, wi);
    return r;
  };
  // The lower orders seen from a left word v, as functions of w prepared once per v (the lexicon
  // successors and their total, the context counts): scoring many w after the same v is cheap.
  type Lower = (w: string, wi: number) => number;
  // Lowest order seen from a left context: the unigram, mixed with the lexicon's within-word pairs.
  const p1vOf = (v: string): Lower => {
    if (!prior || !prior.pairWeight) return p1;
    const succ = prior.lexicon.successors(v);
    if (succ.size === 0) return p1;
    let total = 0;
    for (const c of succ.values()) total += c;
    return (w, wi) => prior.pairWeight * ((succ.get(w) ?? 0) / total) + (1 - prior.pairWeight) * p1(w, wi);
  };
  const p2Of = (v: string, vi: number): Lower => {
    const m = vi >= 0 ? ctxMid[vi] : undefined;
    const p1v = p1vOf(v);
    if (!m) return p1v;
    const base = vi * N;
    return (w, wi) => {
      const c = wi >= 0 ? (contVW.get(base + wi) ?? 0) : 0;
      return Math.max(c - D, 0) / m.total + ((D * m.types) / m.total) * p1v(w, wi);
    };
  };
  const p2Memo = new Map<string, Lower>();
  const p2For = (v: string, vi: number) => {
    let f = p2Memo.get(v);
    if (!f) p2Memo.set(v, (f = p2Of(v, vi)));
    return f;
  };
  const phraseCache = new Map<string, number | null>();
  // Folded id of any word (folding is slow: once per word; training words are known already).
  const foldIdMemo = new Map<string, number | undefined>();
  const foldIdOf = (w: string) => {
    const i = idOf(w);
    if (i >= 0) return foldOf[i];
    if (foldIdMemo.has(w)) return foldIdMemo.get(w);
    const f = foldIds.get(foldKey(w));
    foldIdMemo.set(w, f);
    return f;
  };
  const context = (u: string, v: string) => {
    const ui = idOf(u), vi = idOf(v);
    const e = ui >= 0 && vi >= 0 ? ctxTri.get(ui * N + vi) : undefined;
    const p2 = p2For(v, vi);
    const base = (ui * N + vi) * N;
    // log P(w | u v): the trigram estimate over the context's lower order (or that alone when the
    // context was never seen).
    const logProb = (w: string) => {
      const wi = idOf(w);
      let p: number;
      if (!e) p = p2(w, wi);
      else {
        const c = wi >= 0 ? (tri.get(base + wi) ?? 0) : 0;
        p = Math.max(c - D, 0) / e.total + ((D * e.types) / e.total) * p2(w, wi);
      }
      return Math.log(p);
    };
    return { trigram: e !== undefined, logProb };
  };
  return {
    logProb: (u, v, w) => context(u, v).logProb(w),
    context,
    logUnigram: (w) => Math.log(p1(w)),
    count: (w) => { const i = idOf(w); return i > 0 ? uni[i]! : 0; },
    phrase(v, w) {
      const key = v + ' ' + w;
      const hit = phraseCache.get(key);
      if (hit !== undefined) return hit;
      const fv = foldIdOf(v), fw = foldIdOf(w);
      const m = fv !== undefined && fw !== undefined ? foldPairs.get(fv * NF + fw) : undefined;
      let r: number | null = null;
      if (m) {
        let total = 0;
        for (const c of m.values()) total += c;
        const vi = idOf(v), wi = idOf(w);
        if (total >= 2) r = Math.log(((vi >= 0 && wi >= 0 ? (m.get(vi * N + wi) ?? 0) : 0) + 0.1) / (total + 0.1 * m.size));
      }
      phraseCache.set(key, r);
      return r;
    },
    successors(v) {
      let r = succCache.get(v);
      if (!r) {
        r = [...(next.get(v) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12).map((x) => x[0]);
        succCache.set(v, r);
      }
      return r;
    },
    vocabSize: V,
  };
}

/**
 * A document cache over a trained model (Kuhn & De Mori 1990): words and pairs the first decoding
 * pass read confidently in this document are made likelier everywhere in it, so a name no
 * reference knows (`Phú Quốc` in a text about Phú Quốc) is read the same way where it is badly damaged.
 * P' = (1 − λ − μ)·P + λ·Pcache(w | v) + μ·Pcache(w).
 */
export function withDocumentCache(lm: LanguageModel, pairs: Array<[string, string]>, lambda: number, mu: number): LanguageModel {
  if (!pairs.length || (!lambda && !mu)) return lm;
  const uni = new Map<string, number>();
  const bi = new Map<string, Map<string, number>>();
  const out = new Map<string, number>();
  for (const [v, w] of pairs) {
    uni.set(w, (uni.get(w) ?? 0) + 1);
    let m = bi.get(v);
    if (!m) bi.set(v, (m = new Map()));
    m.set(w, (m.get(w) ?? 0) + 1);
    out.set(v, (out.get(v) ?? 0) + 1);
  }
  const N = pairs.length;
  const mix = (lp: number, v: string, w: string) => {
    const o = out.get(v);
    const pb = o ? (bi.get(v)!.get(w) ?? 0) / o : 0;
    const pu = (uni.get(w) ?? 0) / N;
    if (!pb && !pu) return Math.log(1 - lambda - mu) + lp;
    return Math.log((1 - lambda - mu) * Math.exp(lp) + lambda * pb + mu * pu);
  };
  return {
    ...lm,
    logProb: (u, v, w) => mix(lm.logProb(u, v, w), v, w),
    context(u, v) {
      const c = lm.context(u, v);
      return { trigram: c.trigram, logProb: (w: string) => mix(c.logProb(w), v, w) };
    },
    logUnigram: (w) => Math.log((1 - mu) * Math.exp(lm.logUnigram(w)) + mu * ((uni.get(w) ?? 0) / N)),
  };
}

export { BOS };
