/**
 * Syllable language model: interpolated Kneser–Ney trigram (Chen & Goodman 1998, absolute discount
 * D = 0.75, continuation counts for the lower orders) over lower-case syllables, `<num>` and
 * context punctuation, with the lowest order interpolated with a uniform distribution over the
 * rule-enumerated syllable set so that unseen valid syllables keep some probability. Also an
 * accent-stripped phrase table: folded bigram → distribution of the accented bigrams seen.
 */
import { allSyllables } from './syllable.ts';
import { foldKey } from '../fold.ts';

const D = 0.75;
const BOS = '<s>';

/** A trained trigram model; `logProb` is the natural log of P(w | u v). */
export interface LanguageModel {
  logProb(u: string, v: string, w: string): number;
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
export function trainLanguageModel(streams: string[][]): LanguageModel {
  const uni = new Map<string, number>();
  const bi = new Map<string, number>(); // "v w"
  const tri = new Map<string, number>(); // "u v w"
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const foldPairs = new Map<string, Map<string, number>>();
  for (const s of streams) {
    const t = [BOS, BOS, ...s];
    for (let i = 2; i < t.length; i++) {
      inc(uni, t[i]!);
      inc(bi, t[i - 1] + ' ' + t[i]);
      inc(tri, t[i - 2] + ' ' + t[i - 1] + ' ' + t[i]);
      const fk = foldKey(t[i - 1]!) + ' ' + foldKey(t[i]!);
      let m = foldPairs.get(fk);
      if (!m) foldPairs.set(fk, (m = new Map()));
      inc(m, t[i - 1] + ' ' + t[i]);
    }
  }
  // Continuation counts.
  const contW = new Map<string, number>(); // N1+(• w) over bigram types
  const contVW = new Map<string, number>(); // N1+(• v w) over trigram types
  const ctxTri = new Map<string, { total: number; types: number }>(); // c(u v •), N1+(u v •)
  const ctxMid = new Map<string, { total: number; types: number }>(); // Σ_w N1+(• v w), N1+(v •) over trigram-derived
  for (const k of bi.keys()) {
    const w = k.slice(k.indexOf(' ') + 1);
    contW.set(w, (contW.get(w) ?? 0) + 1);
  }
  for (const [k, c] of tri) {
    const a = k.indexOf(' ');
    const b = k.indexOf(' ', a + 1);
    const uv = k.slice(0, b);
    const vw = k.slice(a + 1);
    const e = ctxTri.get(uv) ?? { total: 0, types: 0 };
    e.total += c;
    e.types += 1;
    ctxTri.set(uv, e);
    const isNewVW = !contVW.has(vw);
    contVW.set(vw, (contVW.get(vw) ?? 0) + 1);
    const v = k.slice(a + 1, b);
    const m = ctxMid.get(v) ?? { total: 0, types: 0 };
    m.total += 1;
    if (isNewVW) m.types += 1;
    ctxMid.set(v, m);
  }
  const next = new Map<string, Map<string, number>>();
  for (const [k, c] of bi) {
    const sp = k.indexOf(' ');
    const v = k.slice(0, sp), w = k.slice(sp + 1);
    let m = next.get(v);
    if (!m) next.set(v, (m = new Map()));
    m.set(w, c);
  }
  const succCache = new Map<string, string[]>();
  let contTotal = 0;
  for (const c of contW.values()) contTotal += c;
  const vocab = new Set(allSyllables());
  for (const w of uni.keys()) vocab.add(w);
  const V = vocab.size;
  const BETA = 0.5; // pseudo-count of the uniform floor, in continuation-count units
  const p1 = (w: string) => ((contW.get(w) ?? 0) + BETA) / (contTotal + BETA * V);
  const p2 = (v: string, w: string) => {
    const m = ctxMid.get(v);
    if (!m) return p1(w);
    const c = contVW.get(v + ' ' + w) ?? 0;
    return Math.max(c - D, 0) / m.total + ((D * m.types) / m.total) * p1(w);
  };
  const cache = new Map<string, number>();
  const phraseCache = new Map<string, number | null>();
  const foldCache = new Map<string, string>();
  const fk = (w: string) => {
    let k = foldCache.get(w);
    if (k === undefined) foldCache.set(w, (k = foldKey(w)));
    return k;
  };
  const lp = (u: string, v: string, w: string) => {
    const key = u + ' ' + v + ' ' + w;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const e = ctxTri.get(u + ' ' + v);
    let p: number;
    if (!e) p = p2(v, w);
    else {
      const c = tri.get(key) ?? 0;
      p = Math.max(c - D, 0) / e.total + ((D * e.types) / e.total) * p2(v, w);
    }
    const r = Math.log(p);
    cache.set(key, r);
    return r;
  };
  return {
    logProb: lp,
    logUnigram: (w) => Math.log(p1(w)),
    count: (w) => uni.get(w) ?? 0,
    phrase(v, w) {
      const key = v + ' ' + w;
      const hit = phraseCache.get(key);
      if (hit !== undefined) return hit;
      const m = foldPairs.get(fk(v) + ' ' + fk(w));
      let r: number | null = null;
      if (m) {
        let total = 0;
        for (const c of m.values()) total += c;
        if (total >= 2) r = Math.log(((m.get(key) ?? 0) + 0.1) / (total + 0.1 * m.size));
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

export { BOS };
