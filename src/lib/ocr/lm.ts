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
   * context was never seen in training, and then `logProb(w)` does not depend on u (and every such
   * context of the same v is the same object).
   */
  context(u: string, v: string): LmContext;
  /** The same context from word ids (`id`). */
  contextId(ui: number, vi: number): LmContext;
  /** The model's integer id of a word (negative for words never seen in training); stable for the model's life. */
  id(w: string): number;
  /** log P(w) from the lowest order (continuation unigram + uniform). */
  logUnigram(w: string): number;
  /** `logUnigram` by word id. */
  logUnigramId(wi: number): number;
  /** Raw count of a word in the training text. */
  count(w: string): number;
  /** log P(accented pair | folded pair) when the folded pair was seen at least twice, else null. */
  phrase(v: string, w: string): number | null;
  /** `phrase` by word ids. */
  phraseId(vi: number, wi: number): number | null;
  /** The most frequent words seen right after `v` in training (at most 12). */
  successors(v: string): string[];
  /** Vocabulary size used for the uniform floor. */
  vocabSize: number;
  /**
   * Set on a document-cache model (`withDocumentCache`): a word the cache never counted scores
   * `keep` + its base log-probability in every context (so the best over contexts is `keep` + the
   * base model's best over the same contexts, the addition being monotone).
   */
  documentCache?: { keep: number; counts(wi: number): boolean };
}

/** A fixed left context (u v) of a model: scores many next words cheaply, by string or by id. */
export interface LmContext {
  /** False when the context was never seen in training: then the scores do not depend on u. */
  trigram: boolean;
  /** log P(w | u v). */
  logProb(w: string): number;
  /** log P(w | u v) for the word with id `wi`. */
  logProbId(wi: number): number;
  /** An upper bound of `logProbId` over all words (for pruning; ≤ 0). */
  max: number;
  /**
   * `logProbId` of `ids[from..to)` into `out[from..to)` (`first`), or the larger of that and what
   * `out` holds: one call scores a run of candidates (the same numbers as `logProbId`, one by one).
   */
  maxInto(ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void;
}

/** The syllables a lexicon's successor lists name, numbered once per process, and each left word's list by those numbers. */
interface LexNumbering { index: Map<string, number>; words: string[]; lists: Map<string, SuccessorList | null> }
/** A word's within-word successors in the lexicon: their numbers and counts in the lexicon's order, and the sum of the counts in that order. */
interface SuccessorList { words: Int32Array; counts: Float64Array; total: number }
const LEX_NUMBERINGS = new WeakMap<Lexicon, LexNumbering>();
/** Not an id (`idByLex` slot not looked up yet). */
const NO_ID = 0x7fffffff;

/** Per process, like the lexicon's own parsed lists (the bundled lexicon does not depend on the input). */
function lexNumbering(lex: Lexicon): LexNumbering {
  let r = LEX_NUMBERINGS.get(lex);
  if (!r) LEX_NUMBERINGS.set(lex, (r = { index: new Map(), words: [], lists: new Map() }));
  return r;
}

/** The lexicon's successors of `v` by number (null when it has none), made once per process. */
function successorList(num: LexNumbering, lex: Lexicon, v: string): SuccessorList | null {
  let r = num.lists.get(v);
  if (r === undefined) {
    const succ = lex.successors(v);
    r = null;
    if (succ.size) {
      let total = 0;
      for (const c of succ.values()) total += c;
      const words = new Int32Array(succ.size), counts = new Float64Array(succ.size);
      let k = 0;
      for (const [w, c] of succ) {
        let li = num.index.get(w);
        if (li === undefined) { num.index.set(w, (li = num.words.length)); num.words.push(w); }
        words[k] = li; counts[k++] = c;
      }
      r = { words, counts, total };
    }
    num.lists.set(v, r);
  }
  return r;
}

/** The syllable set, and the lexicon's used count and mass (Σ (count + 1)^power) over it, summed in its order. */
interface SyllablePrior { set: Set<string>; used: number; mass: number }
const SYLLABLE_PRIORS = new WeakMap<Lexicon, Map<number, SyllablePrior>>();
let SYLLABLE_SET: Set<string> | null = null;

/** Per process (rule-derived set, bundled lexicon): the part of the prior's sums over the syllable set. */
function syllablePrior(prior: LexiconPrior | undefined): SyllablePrior {
  const set = (SYLLABLE_SET ??= new Set(allSyllables()));
  if (!prior) return { set, used: 0, mass: 0 };
  let byPower = SYLLABLE_PRIORS.get(prior.lexicon);
  if (!byPower) SYLLABLE_PRIORS.set(prior.lexicon, (byPower = new Map()));
  let r = byPower.get(prior.power);
  if (!r) {
    let used = 0, mass = 0;
    for (const w of set) {
      const c = prior.lexicon.count(w);
      if (c > 0) { used++; mass += (c + 1) ** prior.power; }
    }
    byPower.set(prior.power, (r = { set, used, mass }));
  }
  return r;
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
  const unseenWords: string[] = [];
  const idOf = (w: string) => {
    let i = ids.get(w);
    if (i === undefined) { unseenWords.push(w); ids.set(w, (i = -unseenWords.length)); }
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
  const triSucc = new Map<number, number[]>(); // u·N + v → the w seen after (u v)
  const midSucc: Array<number[] | undefined> = new Array(N); // v → the w with N1+(• v w) > 0
  for (const k of bi.keys()) contW[k % N]! += 1;
  for (const [k, c] of tri) {
    const w = k % N, uv = (k - w) / N, v = uv % N;
    const vw = v * N + w;
    const e = ctxTri.get(uv) ?? { total: 0, types: 0 };
    e.total += c;
    e.types += 1;
    ctxTri.set(uv, e);
    let ts = triSucc.get(uv);
    if (!ts) triSucc.set(uv, (ts = []));
    ts.push(w);
    const isNewVW = !contVW.has(vw);
    if (isNewVW) (midSucc[v] ??= []).push(w);
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
  // The vocabulary is the syllable set followed by the training words it lacks (in that order: the
  // lexicon sums below run in it). The syllable set's part does not depend on the input: once per process.
  const base = syllablePrior(prior);
  const extra = words.slice(1).filter((w) => !base.set.has(w));
  const V = base.set.size + extra.length;
  const BETA = 0.5; // pseudo-count of the uniform floor, in continuation-count units
  // Prior q(w) over the vocabulary (sums to 1 over V items): uniform, or shaped by the lexicon.
  let q: (w: string) => number = () => 1 / V;
  let qMax = 1 / V; // the largest value of q
  if (prior) {
    const lex = prior.lexicon;
    let used = base.used, mass = base.mass;
    for (const w of extra) {
      const c = lex.count(w);
      if (c > 0) { used++; mass += (c + 1) ** prior.power; }
    }
    const unused = Math.max(1, V - used);
    qMax = Math.max(1 / V, prior.unusedShare / unused, ((1 - prior.unusedShare) * Math.max(2 ** prior.power, (lex.maxCount + 1) ** prior.power)) / mass);
    // Special tokens (`<unk>`, punctuation) keep the uniform share: the lexicon says nothing about them.
    q = (w) => {
      const c = lex.count(w);
      if (c > 0) return ((1 - prior.unusedShare) * (c + 1) ** prior.power) / mass;
      return w.startsWith('<') || !/\p{L}/u.test(w) ? 1 / V : prior.unusedShare / unused;
    };
  }
  const M = (prior?.mass ?? BETA) * V;
  // p1 depends on w only: memoised per word id (the same candidates are scored in many contexts),
  // in an array for training words and one for words first met when scoring.
  const p1Known = new Float64Array(N).fill(NaN);
  let p1Unseen = new Float64Array(1024).fill(NaN); // by -id - 1
  const p1Of = (w: string, wi: number) => ((wi >= 0 ? contW[wi]! : 0) + M * q(w)) / (contTotal + M);
  const p1Id = (wi: number) => {
    if (wi >= 0) {
      let r = p1Known[wi]!;
      if (r !== r) r = p1Known[wi] = p1Of(words[wi]!, wi);
      return r;
    }
    const k = -wi - 1;
    if (k >= p1Unseen.length) { const grown = new Float64Array(Math.max(2 * p1Unseen.length, k + 1024)).fill(NaN); grown.set(p1Unseen); p1Unseen = grown; }
    let r = p1Unseen[k]!;
    if (r !== r) r = p1Unseen[k] = p1Of(unseenWords[k]!, wi);
    return r;
  };
  // The largest p1 of any word (training words computed, any other word bounded by the largest prior).
  let p1MaxMemo = -1;
  const p1Max = () => {
    if (p1MaxMemo >= 0) return p1MaxMemo;
    let best = ((0 + M * qMax) / (contTotal + M));
    for (let wi = 0; wi < N; wi++) best = Math.max(best, p1Id(wi));
    return (p1MaxMemo = best);
  };
  /**
   * The lower orders seen from a left word v, prepared once per v. Most next words w occur in none
   * of v's sparse tables (trigram-derived continuations of v, the lexicon's within-word successors),
   * and for those the interpolation reduces to a fixed multiple chain of p1(w); the others are
   * computed in full once and kept by id. Both give exactly the value of the full formula, operation
   * for operation (a zero count adds an exact 0), so scores are bit-identical to scoring term by term.
   */
  interface Lower {
    sparse: Map<number, number>;
    /**
     * The value of a word in no sparse table is `dg * (da * p1)` (`da`: 1 − pw with the lexicon's
     * pairs, `dg`: the bigram level's back-off weight; a factor 1 where the formula has none, which is exact).
     */
    da: number; dg: number;
    /** Largest sparse value (0 when none), computed on first use. */ sparseMax: number;
  }
  /** The dense value of a word of unigram probability p1 (monotone in it). */
  const chain = (l: Lower, p1: number) => l.dg * (l.da * p1);
  // The model's id of a lexicon word by its number (`lexNumbering`): one string lookup per word, not
  // one per (left word, successor) pair.
  const lexNumbers = prior ? lexNumbering(prior.lexicon) : null;
  let idByLex = new Int32Array(0);
  const lexId = (li: number) => {
    if (li >= idByLex.length) { const grown = new Int32Array(Math.max(2 * idByLex.length, li + 1024)).fill(NO_ID); grown.set(idByLex); idByLex = grown; }
    let i = idByLex[li]!;
    if (i === NO_ID) i = idByLex[li] = idOf(lexNumbers!.words[li]!);
    return i;
  };
  // The lexicon count after the current left word of each training word (valid where `lexStamp`
  // holds the current call's number): scratch of lowerOf, which needs it for v's continuations.
  const lexCount = new Float64Array(N), lexStamp = new Int32Array(N);
  let lowerCalls = 0;
  const lowerOf = (v: string, vi: number): Lower => {
    const sparse = new Map<number, number>();
    const m = vi >= 0 ? ctxMid[vi] : undefined;
    const pw = prior?.pairWeight ?? 0;
    // Lowest order seen from v: the unigram, mixed with the lexicon's within-word pairs (p1v of a
    // word with c such pairs after v: pw·(c / total) + (1 − pw)·p1; a word with none is dense).
    const succ = prior && pw ? successorList(lexNumbers!, prior.lexicon, v) : null;
    if (!m) {
      if (succ) {
        for (let k = 0; k < succ.words.length; k++) { const wi = lexId(succ.words[k]!); sparse.set(wi, pw * (succ.counts[k]! / succ.total) + (1 - pw) * p1Id(wi)); }
        return { sparse, da: 1 - pw, dg: 1, sparseMax: -1 };
      }
      return { sparse, da: 1, dg: 1, sparseMax: -1 };
    }
    const base = vi * N;
    const g = (D * m.types) / m.total;
    // full(w) = max(c(v w) − D, 0) / total + g·p1v(w), for the continuations of v, then for its lexicon
    // successors that are none (their count adds an exact 0).
    const stamp = ++lowerCalls;
    if (succ) for (let k = 0; k < succ.words.length; k++) { const wi = lexId(succ.words[k]!); if (wi >= 0) { lexStamp[wi] = stamp; lexCount[wi] = succ.counts[k]!; } }
    for (const wi of midSucc[vi]!) {
      const p1v = succ ? pw * ((lexStamp[wi] === stamp ? lexCount[wi]! : 0) / succ.total) + (1 - pw) * p1Id(wi) : p1Id(wi);
      sparse.set(wi, Math.max((contVW.get(base + wi) ?? 0) - D, 0) / m.total + g * p1v);
    }
    if (!succ) return { sparse, da: 1, dg: g, sparseMax: -1 };
    for (let k = 0; k < succ.words.length; k++) {
      const wi = lexId(succ.words[k]!);
      if (!sparse.has(wi)) sparse.set(wi, Math.max(0 - D, 0) / m.total + g * (pw * (succ.counts[k]! / succ.total) + (1 - pw) * p1Id(wi)));
    }
    return { sparse, da: 1 - pw, dg: g, sparseMax: -1 };
  };
  const sparseMaxOf = (l: Lower) => {
    if (l.sparseMax < 0) { let x = 0; for (const v of l.sparse.values()) if (v > x) x = v; l.sparseMax = x; }
    return l.sparseMax;
  };
  const lowerMemo = new Map<number, Lower>();
  const lowerFor = (vi: number) => {
    let f = lowerMemo.get(vi);
    if (!f) lowerMemo.set(vi, (f = lowerOf(vi >= 0 ? words[vi]! : unseenWords[-vi - 1]!, vi)));
    return f;
  };
  const phraseCache = new Map<number, Map<number, number | null>>();
  // Folded id of any word (folding is slow: once per word; training words are known already).
  const foldIdMemo = new Map<number, number | undefined>();
  const foldIdOfId = (i: number) => {
    if (i >= 0) return foldOf[i];
    if (foldIdMemo.has(i)) return foldIdMemo.get(i);
    const f = foldIds.get(foldKey(unseenWords[-i - 1]!));
    foldIdMemo.set(i, f);
    return f;
  };
  // Contexts are kept for the model's life: a run asks for the same ones in both passes and decodes.
  // A context never seen in training does not depend on u: one object per v stands for all of them.
  const lowerContexts = new Map<number, LmContext>();
  const contextId = pairMemo((ui, vi) => {
    if (ui >= 0 && vi >= 0 && ctxTri.has(ui * N + vi)) return makeContext(ui, vi);
    let c = lowerContexts.get(vi);
    if (!c) lowerContexts.set(vi, (c = makeContext(ui, vi)));
    return c;
  });
  const makeContext = (ui: number, vi: number): LmContext => {
    const e = ui >= 0 && vi >= 0 ? ctxTri.get(ui * N + vi) : undefined;
    const lower = lowerFor(vi);
    const lsparse = lower.sparse, da = lower.da, dg = lower.dg;
    const ldense = (wi: number) => dg * (da * p1Id(wi));
    // log P(w | u v): the trigram estimate over the context's lower order (or that alone when the
    // context was never seen). Words the trigram never saw after (u v) add a zero count.
    let logProbId: (wi: number) => number;
    let maxInto: LmContext['maxInto'];
    // An upper bound of logProbId over every word: the best sparse value, or the dense value of the
    // largest p1 (the dense chain and the logarithm are monotone, so rounding keeps the order).
    let max: number;
    if (!e) {
      logProbId = (wi) => Math.log(lsparse.get(wi) ?? ldense(wi));
      maxInto = (ids, from, to, out, first) => {
        for (let j = from; j < to; j++) {
          const wi = ids[j]!;
          const x = Math.log(lsparse.get(wi) ?? dg * (da * p1Id(wi)));
          if (first || x > out[j]!) out[j] = x;
        }
      };
      max = Math.max(Math.log(chain(lower, p1Max())), Math.log(sparseMaxOf(lower)));
    } else {
      const g = (D * e.types) / e.total;
      const tsparse = new Map<number, number>();
      // (The logarithm and the product with g are monotone: the largest sparse value gives the largest log.)
      max = Math.max(Math.log(g * chain(lower, p1Max())), Math.log(g * sparseMaxOf(lower)));
      for (const wi of triSucc.get(ui * N + vi)!) {
        const c = tri.get((ui * N + vi) * N + wi)!;
        const t = Math.log(Math.max(c - D, 0) / e.total + g * (lsparse.get(wi) ?? ldense(wi)));
        tsparse.set(wi, t);
        max = Math.max(max, t);
      }
      logProbId = (wi) => {
        const t = tsparse.get(wi);
        return t !== undefined ? t : Math.log(g * (lsparse.get(wi) ?? ldense(wi)));
      };
      maxInto = (ids, from, to, out, first) => {
        for (let j = from; j < to; j++) {
          const wi = ids[j]!;
          const t = tsparse.get(wi);
          const x = t !== undefined ? t : Math.log(g * (lsparse.get(wi) ?? dg * (da * p1Id(wi))));
          if (first || x > out[j]!) out[j] = x;
        }
      };
    }
    return { trigram: e !== undefined, logProb: (w) => logProbId(idOf(w)), logProbId, max, maxInto };
  };
  const context = (u: string, v: string) => contextId(idOf(u), idOf(v));
  const phraseId = (vi: number, wi: number): number | null => {
    let row = phraseCache.get(vi);
    if (!row) phraseCache.set(vi, (row = new Map()));
    const hit = row.get(wi);
    if (hit !== undefined) return hit;
    const fv = foldIdOfId(vi), fw = foldIdOfId(wi);
    const m = fv !== undefined && fw !== undefined ? foldPairs.get(fv * NF + fw) : undefined;
    let r: number | null = null;
    if (m) {
      let total = 0;
      for (const c of m.values()) total += c;
      if (total >= 2) r = Math.log(((vi >= 0 && wi >= 0 ? (m.get(vi * N + wi) ?? 0) : 0) + 0.1) / (total + 0.1 * m.size));
    }
    row.set(wi, r);
    return r;
  };
  return {
    logProb: (u, v, w) => context(u, v).logProb(w),
    context,
    contextId,
    id: idOf,
    logUnigram: (w) => Math.log(p1Id(idOf(w))),
    logUnigramId: (wi) => Math.log(p1Id(wi)),
    count: (w) => { const i = idOf(w); return i > 0 ? uni[i]! : 0; },
    phrase: (v, w) => phraseId(idOf(v), idOf(w)),
    phraseId,
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
  // Counts keyed by the base model's word ids (no strings in the scoring loop).
  const uni = new Map<number, number>();
  const bi = new Map<number, Map<number, number>>();
  const out = new Map<number, number>();
  for (const [v, w] of pairs) {
    const vi = lm.id(v), wi = lm.id(w);
    uni.set(wi, (uni.get(wi) ?? 0) + 1);
    let m = bi.get(vi);
    if (!m) bi.set(vi, (m = new Map()));
    m.set(wi, (m.get(wi) ?? 0) + 1);
    out.set(vi, (out.get(vi) ?? 0) + 1);
  }
  const N = pairs.length;
  let uniMax = 0;
  for (const x of uni.values()) uniMax = Math.max(uniMax, x);
  const keep = Math.log(1 - lambda - mu);
  // The base scores of a run of candidates, shared by this model's contexts.
  let scratch = new Float64Array(64);
  // One mixed context per base context (the base shares one per v among the contexts it never saw, and so does this).
  const mixed = new Map<LmContext, LmContext>();
  const contextId = pairMemo((ui, vi) => {
    const c = lm.contextId(ui, vi);
    let x = mixed.get(c);
    if (!x) mixed.set(c, (x = makeContext(c, vi)));
    return x;
  });
  const makeContext = (c: LmContext, vi: number): LmContext => {
    const o = out.get(vi);
    const row = o ? bi.get(vi)! : undefined;
    let rowMax = 0;
    if (row) for (const x of row.values()) rowMax = Math.max(rowMax, x);
    // Bound: the base bound mixed with the largest cache probabilities (a hair added for rounding).
    const max = Math.log((1 - lambda - mu) * Math.exp(c.max) + lambda * (o ? rowMax / o : 0) + mu * (uniMax / N)) + 1e-9;
    const base = c.logProbId;
    const logProbId = (wi: number) => {
      const lp = base(wi);
      const pb = row ? (row.get(wi) ?? 0) / o! : 0;
      const pu = (uni.get(wi) ?? 0) / N;
      if (!pb && !pu) return keep + lp;
      return Math.log((1 - lambda - mu) * Math.exp(lp) + lambda * pb + mu * pu);
    };
    // A word the cache never saw (most: the cache's pairs end in words it counts) has no pair
    // count after v either, and only the base probability scaled (the `keep` branch above).
    const mix = 1 - lambda - mu;
    const maxInto: LmContext['maxInto'] = (ids, from, to, out, first) => {
      if (scratch.length < to) scratch = new Float64Array(2 * to);
      const lps = scratch;
      c.maxInto(ids, from, to, lps, true);
      for (let j = from; j < to; j++) {
        const wi = ids[j]!, lp = lps[j]!;
        const cu = uni.get(wi);
        let x: number;
        if (cu === undefined) x = keep + lp;
        else {
          const pb = row ? (row.get(wi) ?? 0) / o! : 0;
          x = Math.log(mix * Math.exp(lp) + lambda * pb + mu * (cu / N));
        }
        if (first || x > out[j]!) out[j] = x;
      }
    };
    return { trigram: c.trigram, logProb: (w) => logProbId(lm.id(w)), logProbId, max, maxInto };
  };
  const logUnigramId = (wi: number) => Math.log((1 - mu) * Math.exp(lm.logUnigramId(wi)) + mu * ((uni.get(wi) ?? 0) / N));
  return {
    ...lm,
    logProb: (u, v, w) => contextId(lm.id(u), lm.id(v)).logProbId(lm.id(w)),
    context: (u, v) => contextId(lm.id(u), lm.id(v)),
    contextId,
    logUnigram: (w) => logUnigramId(lm.id(w)),
    logUnigramId,
    documentCache: { keep, counts: (wi) => uni.has(wi) },
  };
}

export { BOS };

/** `make` memoised on a pair of ids (a row per first id): contexts are asked for again and again. */
function pairMemo<T>(make: (a: number, b: number) => T): (a: number, b: number) => T {
  const rows = new Map<number, Map<number, T>>();
  return (a, b) => {
    let row = rows.get(a);
    if (!row) rows.set(a, (row = new Map()));
    let v = row.get(b);
    if (v === undefined) row.set(b, (v = make(a, b)));
    return v;
  };
}
