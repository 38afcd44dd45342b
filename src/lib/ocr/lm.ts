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
import { allSyllables, syllableIndex } from './syllable.ts';
import { foldKey } from '../fold.ts';
import type { Lexicon } from './lexicon.ts';
import { PairTable, SparseRows } from './pairtable.ts';

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
  /** `id` of the syllable with this index in `allSyllables()`, without looking its spelling up. */
  syllableId(index: number): number;
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
  /** The most frequent words seen right before `w` in training (at most 12). */
  predecessors(w: string): string[];
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
  /**
   * As `maxInto`, in probabilities: P(w | u v) of `ids[from..to)` (the numbers whose logarithms
   * `logProbId` gives), or the larger of that and what `out` holds. A caller maximising over several
   * contexts takes one logarithm per word instead of one per context and word, and gets the same
   * numbers (the logarithm is monotone). Only the model's own contexts have it (not the cached ones).
   */
  maxProbInto?(ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void;
}

/** The syllables a lexicon's successor lists name, numbered once per process, and each left word's list by those numbers. */
interface LexNumbering { index: Map<string, number>; words: string[]; /** Each word's index in `allSyllables()` (-1: none). */ syl: number[]; lists: Map<string, SuccessorList | null> }
/** A word's within-word successors in the lexicon: their numbers and counts in the lexicon's order, and the sum of the counts in that order. */
interface SuccessorList { words: Int32Array; counts: Float64Array; total: number }
const LEX_NUMBERINGS = new WeakMap<Lexicon, LexNumbering>();
/** Not an id (`idByLex` slot not looked up yet). */
const NO_ID = 0x7fffffff;

/** The lexicon's count of every syllable, by its index in `allSyllables()`: per process and lexicon (the bundled one does not depend on the input). */
const LEX_COUNTS = new WeakMap<Lexicon, Float64Array>();
function lexCounts(lex: Lexicon): Float64Array {
  let r = LEX_COUNTS.get(lex);
  if (!r) {
    const all = allSyllables();
    r = new Float64Array(all.length);
    for (let i = 0; i < all.length; i++) r[i] = lex.count(all[i]!);
    LEX_COUNTS.set(lex, r);
  }
  return r;
}

/** Per process, like the lexicon's own parsed lists (the bundled lexicon does not depend on the input). */
function lexNumbering(lex: Lexicon): LexNumbering {
  let r = LEX_NUMBERINGS.get(lex);
  if (!r) LEX_NUMBERINGS.set(lex, (r = { index: new Map(), words: [], syl: [], lists: new Map() }));
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
        if (li === undefined) { num.index.set(w, (li = num.words.length)); num.words.push(w); num.syl.push(syllableIndex().get(w) ?? -1); }
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
export function trainLanguageModel(streams: ReadonlyArray<readonly string[]>, prior?: LexiconPrior): LanguageModel {
  return new TrigramModel(streams, prior);
}

// The model, its contexts and the document cache are classes, not closures made per model: a
// benchmark trains a model per run, and code optimised for one run's closures would be thrown away
// (deoptimised, 'wrong call target') in the next.

/**
 * The lower orders seen from a left word v, prepared once per v. Most next words w occur in none
 * of v's sparse tables (trigram-derived continuations of v, the lexicon's within-word successors),
 * and for those the interpolation reduces to a fixed multiple chain of p1(w): `dg · (da · p1(w))`
 * (a factor 1 where the formula has none, which is exact); the others are computed in full once and
 * kept by id. Both give exactly the value of the full formula, operation for operation (a zero count
 * adds an exact 0), so scores are bit-identical to scoring term by term.
 */
class Lower {
  /** Its number: its sparse values are row `idx` of the model's `lowerSparse`. */
  readonly idx: number;
  readonly da: number;
  readonly dg: number;
  /** Largest sparse value (0 when none), kept as they are set (each word is set once). */
  sparseMax = 0;
  /** The context of every (u v) never seen in training (one per v), made on first use. */
  ctx: LowerContext | null = null;

  constructor(idx: number, da: number, dg: number) {
    this.idx = idx;
    this.da = da;
    this.dg = dg;
  }

  /** The dense value for a given p1 (monotone in it). */
  chain(p1: number): number {
    return this.dg * (this.da * p1);
  }

  max(): number {
    return this.sparseMax;
  }
}

/** `maxInto` of a model's own context through its `maxProbInto` (the logarithms of the same numbers), in the model's scratch. */
function logMaxInto(c: { maxProbInto(ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void }, model: TrigramModel, ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void {
  if (model.probScratch.length < to) model.probScratch = new Float64Array(2 * to);
  const p = model.probScratch;
  c.maxProbInto(ids, from, to, p, true);
  for (let j = from; j < to; j++) {
    const x = Math.log(p[j]!);
    if (first || x > out[j]!) out[j] = x;
  }
}

/** A context (u v) the model never saw: P(w | v) from the lower orders alone (the same for every u). */
class LowerContext implements LmContext {
  readonly trigram = false;
  readonly max: number;
  private readonly model: TrigramModel;
  private readonly lower: Lower;

  constructor(model: TrigramModel, lower: Lower) {
    this.model = model;
    this.lower = lower;
    // The best sparse value, or the dense value of the largest p1 (the dense chain and the logarithm are monotone).
    this.max = Math.max(Math.log(lower.chain(model.p1Max())), Math.log(lower.max()));
  }

  logProb(w: string): number {
    return this.logProbId(this.model.id(w));
  }

  logProbId(wi: number): number {
    const l = this.lower, t = this.model.lowerSparse, s = t.find(l.idx, wi);
    return Math.log(s >= 0 ? t.vals[s]! : l.dg * (l.da * this.model.p1Id(wi)));
  }

  maxInto(ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void {
    logMaxInto(this, this.model, ids, from, to, out, first);
  }

  maxProbInto(ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void {
    const l = this.lower, li = l.idx, da = l.da, dg = l.dg, model = this.model, t = model.lowerSparse;
    for (let j = from; j < to; j++) {
      const wi = ids[j]!;
      const s = t.find(li, wi);
      const x = s >= 0 ? t.vals[s]! : dg * (da * model.p1Id(wi));
      if (first || x > out[j]!) out[j] = x;
    }
  }
}

/** A context (u v) seen in training: the trigram estimate over the lower orders of v. */
class TrigramContext implements LmContext {
  readonly trigram = true;
  readonly max: number;
  private readonly model: TrigramModel;
  private readonly lower: Lower;
  private readonly g: number;
  /** Its row in the model's `triSparse`: P(w | u v) of the words seen after (u v). */
  private readonly idx: number;

  /** `seen`: the words seen after (u v), one per trigram type, so N1+(u v •) is their number. */
  constructor(model: TrigramModel, lower: Lower, total: number, ci: number, seen: Int32Array) {
    this.model = model;
    this.lower = lower;
    const idx = (this.idx = model.triSparse.open(seen.length));
    const g = (this.g = (D * seen.length) / total);
    // (The logarithm and the product with g are monotone: the largest sparse value gives the largest log.)
    let max = Math.max(Math.log(g * lower.chain(model.p1Max())), Math.log(g * lower.max()));
    for (const wi of seen) {
      const p = Math.max(model.triCount(ci, wi) - D, 0) / total + g * model.lowerValue(lower, wi);
      model.triSparse.set(idx, wi, p);
      max = Math.max(max, Math.log(p));
    }
    this.max = max;
  }

  logProb(w: string): number {
    return this.logProbId(this.model.id(w));
  }

  logProbId(wi: number): number {
    const model = this.model, ts = model.triSparse, t = ts.find(this.idx, wi);
    if (t >= 0) return Math.log(ts.vals[t]!);
    return Math.log(this.g * model.lowerValue(this.lower, wi));
  }

  maxInto(ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void {
    logMaxInto(this, this.model, ids, from, to, out, first);
  }

  maxProbInto(ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void {
    const l = this.lower, li = l.idx, da = l.da, dg = l.dg, g = this.g, model = this.model, ts = model.triSparse, ls = model.lowerSparse, ci = this.idx;
    for (let j = from; j < to; j++) {
      const wi = ids[j]!;
      const t = ts.find(ci, wi);
      let x: number;
      if (t >= 0) x = ts.vals[t]!;
      else { const s = ls.find(li, wi); x = g * (s >= 0 ? ls.vals[s]! : dg * (da * model.p1Id(wi))); }
      if (first || x > out[j]!) out[j] = x;
    }
  }
}

/** Contexts memoised on a pair of word ids (u v): they are asked for again and again. */
class ContextMemo {
  private readonly index = new PairTable(1024);
  private readonly list: LmContext[] = [];

  get(a: number, b: number): LmContext | undefined {
    const s = this.index.find(a, b);
    return s < 0 ? undefined : this.list[this.index.vals[s]!];
  }

  set(a: number, b: number, v: LmContext): LmContext {
    this.index.set(a, b, this.list.length);
    this.list.push(v);
    return v;
  }
}

/** The bigram and trigram types of a training set in order of first sight, and the v of each trigram context by its number (scratch of `TrigramModel`'s constructor; a set of `tokens` tokens has at most as many types). */
class TypeOrder {
  readonly biV: Int32Array;
  readonly biW: Int32Array;
  nBi = 0;
  readonly triC: Int32Array;
  readonly triW: Int32Array;
  nTri = 0;
  readonly ctxV: Int32Array;
  nCtx = 0;
  /** The pairs (v w) that are the end of a trigram type. */
  readonly vwV: Int32Array;
  readonly vwW: Int32Array;
  nVW = 0;
  constructor(tokens: number) {
    this.biV = new Int32Array(tokens); this.biW = new Int32Array(tokens);
    this.triC = new Int32Array(tokens); this.triW = new Int32Array(tokens);
    this.ctxV = new Int32Array(tokens);
    this.vwV = new Int32Array(tokens); this.vwW = new Int32Array(tokens);
  }
  bigram(v: number, w: number): void { this.biV[this.nBi] = v; this.biW[this.nBi++] = w; }
  /** A new trigram context (u v): its number. */
  context(v: number): number { this.ctxV[this.nCtx] = v; return this.nCtx++; }
  trigram(ci: number, w: number): void { this.triC[this.nTri] = ci; this.triW[this.nTri++] = w; }
  middle(v: number, w: number): void { this.vwV[this.nVW] = v; this.vwW[this.nVW++] = w; }
}

/** Items grouped by their keys (below `groups`): group g's from `start[g]` to `start[g + 1]` of `items`, each in the order given (a stable counting sort of the first `n`). */
interface Grouped { start: Int32Array; items: Int32Array }
function groupBy(keys: Int32Array, items: Int32Array, n: number, groups: number): Grouped {
  const start = new Int32Array(groups + 1);
  for (let k = 0; k < n; k++) start[keys[k]! + 1]! += 1;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const at = start.slice(0, groups), out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[at[keys[k]!]!++] = items[k]!;
  return { start, items: out };
}

/** The interpolated Kneser–Ney trigram model of `trainLanguageModel`. */
class TrigramModel implements LanguageModel {
  // Tokens are interned to ids and every count is keyed by numbers, in typed-array pair tables (a
  // trigram by its context's number and w): no key strings, boxed keys or objects per entry are made
  // when training, and little of a model a run trains is left for the young-generation collector to
  // copy (a benchmark trains one per run).
  private readonly ids = new Map<string, number>([[BOS, 0]]);
  private readonly words: string[] = [BOS];
  /**
   * Words never seen in training get negative ids, so one lookup answers both "which training word"
   * and "which memo slot" (-id - 1): a syllable the one of its index in `allSyllables()` (-1 - index,
   * given without a lookup: `syllableId`), any other word the next below -S (-S - 1, -S - 2 …) on first use.
   */
  private readonly unseenWords: string[] = [];
  /** The syllable set (`allSyllables()`) and its size S. */
  private readonly syllables: string[];
  private readonly S: number;
  /** Each training word's index in `allSyllables()` (-1: no syllable), and the training id of each syllable (NO_ID: none). */
  private readonly sylOf: Int32Array;
  private readonly idBySyl: Int32Array;
  /** The lexicon's count of each syllable by its index (null without a lexicon). */
  private readonly lexBySyl: Float64Array | null;
  private readonly N: number;
  private readonly uni: Float64Array;
  /** c(v w), keyed (v, w). */
  private readonly bi: PairTable;
  /** The number of each trigram context (u v) seen in training, keyed (u, v): contexts are numbered in order of first sight. */
  private readonly ctxOf: PairTable;
  /** c(u v w), keyed (the number of (u v), w). */
  private readonly tri: PairTable;
  /** By context number: c(u v •); the w seen after it are `ctxSucc` from `ctxStart[c]` to `ctxStart[c + 1]`, in order of first sight (so N1+(u v •) is their number). */
  private readonly ctxTotal: Float64Array;
  private readonly ctxStart: Int32Array;
  private readonly ctxSucc: Int32Array;
  /** Folded pairs, keyed (folded id of v, folded id of w): the total count of their accented pairs, and the number of those. */
  private readonly foldIds = new Map<string, number>();
  private readonly foldOf: number[];
  private readonly foldTotal: PairTable;
  private readonly foldTypes: PairTable;
  private readonly contW: Float64Array; // N1+(• w) over bigram types
  private readonly contVW: PairTable; // N1+(• v w) over trigram types, keyed (v, w)
  /** By v: Σ_w N1+(• v w) over trigram-derived counts (0: v is no middle word); N1+(v •) is the number of v's `midSucc`. */
  private readonly midTotal: Float64Array;
  /** By v: the w with N1+(• v w) > 0, in order of first sight. */
  private readonly midSucc: Grouped;
  /** By training word v: the words seen right after it (their counts are in `bi`). */
  private readonly next: Grouped;
  private readonly succCache = new Map<string, string[]>();
  private contTotal = 0;
  readonly vocabSize: number;
  private readonly prior: LexiconPrior | undefined;
  /** Prior q(w) over the vocabulary (sums to 1 over V items): uniform, or shaped by the lexicon (see `q`). */
  private readonly qUsedMass: number;
  private readonly qUnused: number;
  private readonly qMax: number;
  private readonly M: number;
  // p1 depends on w only: memoised per word id (the same candidates are scored in many contexts), in
  // an array for training words and one for words first met when scoring.
  private readonly p1Known: Float64Array;
  private p1Unseen = new Float64Array(1024).fill(NaN);
  private p1MaxMemo = -1;
  /** `lowerFor` by word id: the number of its `Lower` in `lowers` (-1: none yet), for training words and, by -id - 1, for the others. */
  private lowerKnown = new Int32Array(0);
  private lowerUnseen = new Int32Array(0);
  private readonly lowers: Lower[] = [];
  /** The sparse values of every `Lower`, a row each (row = its idx). */
  readonly lowerSparse = new SparseRows();
  /** Scratch of `lowerOf`: the training words of the current left word's continuations (where `midStamp` holds the call's number). */
  private midStamp: Int32Array | null = null;
  /** P(w | u v) of the words seen after each trigram context (u v), a row each. */
  readonly triSparse = new SparseRows();
  /** Scratch of `logMaxInto`. */
  probScratch = new Float64Array(64);
  /** `phraseId`, NaN standing for null (a logarithm of a positive ratio is never NaN). */
  private readonly phraseCache = new PairTable(1024);
  /** Folded id of any word (folding is slow: once per word; training words are known already). */
  private readonly foldIdMemo = new Map<number, number | undefined>();
  // Contexts are kept for the model's life: a run asks for the same ones in both passes and decodes.
  // A context never seen in training does not depend on u: one object per v stands for all of them.
  private readonly contexts = new ContextMemo();
  /** The lexicon's successor lists numbered once per process, and the model's ids of those numbers (`lexId`). */
  private readonly lexNumbers: LexNumbering | null;
  private idByLex = new Int32Array(0);
  /** Scratch of `lowerOf`: the lexicon count after the current left word of each training word, valid where `lexStamp` holds the current call's number. */
  private readonly lexCount: Float64Array;
  private readonly lexStamp: Int32Array;
  private lowerCalls = 0;

  constructor(streams: ReadonlyArray<readonly string[]>, prior?: LexiconPrior) {
    this.prior = prior;
    // (A loop, not `Int32Array.from(s, map)`, whose generic iterator path cost more than the rest of the counting.)
    const coded = streams.map((s) => {
      const ids = new Int32Array(s.length);
      for (let i = 0; i < s.length; i++) ids[i] = this.intern(s[i]!);
      return ids;
    });
    const N = (this.N = this.words.length);
    const words = this.words;
    const syllables = (this.syllables = allSyllables()), S = (this.S = syllables.length), index = syllableIndex();
    const sylOf = (this.sylOf = new Int32Array(N).fill(-1)), idBySyl = (this.idBySyl = new Int32Array(S).fill(NO_ID));
    for (let wi = 1; wi < N; wi++) { const si = index.get(words[wi]!); if (si !== undefined) { sylOf[wi] = si; idBySyl[si] = wi; } }
    this.lexBySyl = prior ? lexCounts(prior.lexicon) : null;
    this.uni = new Float64Array(N);
    const foldIds = this.foldIds;
    this.foldOf = words.map((w) => {
      const k = foldKey(w);
      let i = foldIds.get(k);
      if (i === undefined) foldIds.set(k, (i = foldIds.size));
      return i;
    });
    let tokens = 0;
    for (const s of coded) tokens += s.length;
    this.bi = new PairTable(tokens); this.ctxOf = new PairTable(tokens); this.tri = new PairTable(tokens);
    // The types in order of first sight (the successor lists below keep that order).
    const types = new TypeOrder(tokens);
    // (A method per token and per type rather than long loops here: see restore.ts on loops.)
    for (const s of coded) {
      let u = 0, v = 0;
      for (let i = 0; i < s.length; i++) {
        const w = s[i]!;
        this.countToken(u, v, w, types);
        u = v; v = w;
      }
    }
    // Continuation counts.
    this.contW = new Float64Array(N);
    this.foldTotal = new PairTable(types.nBi); this.foldTypes = new PairTable(types.nBi);
    for (let k = 0; k < types.nBi; k++) this.countPair(types.biV[k]!, types.biW[k]!);
    this.next = groupBy(types.biV, types.biW, types.nBi, N);
    // Each context's total, and its successors grouped by context.
    const ctxTotal = (this.ctxTotal = new Float64Array(types.nCtx));
    for (let k = 0; k < types.nTri; k++) {
      const ci = types.triC[k]!;
      ctxTotal[ci]! += this.tri.get(ci, types.triW[k]!, 0);
    }
    ({ start: this.ctxStart, items: this.ctxSucc } = groupBy(types.triC, types.triW, types.nTri, types.nCtx));
    this.contVW = new PairTable(types.nTri);
    this.midTotal = new Float64Array(N);
    for (let k = 0; k < types.nTri; k++) this.countTrigramType(types.ctxV[types.triC[k]!]!, types.triW[k]!, types);
    this.midSucc = groupBy(types.vwV, types.vwW, types.nVW, N);
    const contW = this.contW;
    let contTotal = 0;
    for (const c of contW) contTotal += c;
    this.contTotal = contTotal;
    // The vocabulary is the syllable set followed by the training words it lacks (in that order: the
    // lexicon sums below run in it). The syllable set's part does not depend on the input: once per process.
    const base = syllablePrior(prior);
    const extra = words.slice(1).filter((w) => !base.set.has(w));
    const V = (this.vocabSize = base.set.size + extra.length);
    const BETA = 0.5; // pseudo-count of the uniform floor, in continuation-count units
    let qMax = 1 / V; // the largest value of q
    let mass = 0, unused = 1;
    if (prior) {
      const lex = prior.lexicon;
      let used = base.used;
      mass = base.mass;
      for (const w of extra) {
        const c = lex.count(w);
        if (c > 0) { used++; mass += (c + 1) ** prior.power; }
      }
      unused = Math.max(1, V - used);
      qMax = Math.max(1 / V, prior.unusedShare / unused, ((1 - prior.unusedShare) * Math.max(2 ** prior.power, (lex.maxCount + 1) ** prior.power)) / mass);
    }
    this.qUsedMass = mass;
    this.qUnused = unused;
    this.qMax = qMax;
    this.M = (prior?.mass ?? BETA) * V;
    this.p1Known = new Float64Array(N).fill(NaN);
    this.lexNumbers = prior ? lexNumbering(prior.lexicon) : null;
    this.lexCount = new Float64Array(N);
    this.lexStamp = new Int32Array(N);
  }

  /** Counts of one token `w` after `u v`: unigram, bigram, trigram (a new type listed in `types`). */
  private countToken(u: number, v: number, w: number, types: TypeOrder): void {
    this.uni[w]! += 1;
    if (this.bi.add(v, w, 1)) types.bigram(v, w);
    let ci = this.ctxOf.get(u, v, -1);
    if (ci < 0) this.ctxOf.set(u, v, (ci = types.context(v)));
    if (this.tri.add(ci, w, 1)) types.trigram(ci, w);
  }

  /** A training pair (v w): a continuation of w, and a type of its folded pair. */
  private countPair(v: number, w: number): void {
    const c = this.bi.get(v, w, 0);
    this.contW[w]! += 1;
    const fv = this.foldOf[v]!, fw = this.foldOf[w]!;
    this.foldTotal.add(fv, fw, c);
    this.foldTypes.add(fv, fw, 1);
  }

  /** The continuation counts of one trigram type (u v w) (a new pair (v w) listed in `types`). */
  private countTrigramType(v: number, w: number, types: TypeOrder): void {
    const isNewVW = this.contVW.add(v, w, 1);
    if (isNewVW) types.middle(v, w);
    this.midTotal[v]! += 1;
  }

  private intern(w: string): number {
    let i = this.ids.get(w);
    if (i === undefined) { this.ids.set(w, (i = this.words.length)); this.words.push(w); }
    return i;
  }

  id(w: string): number {
    let i = this.ids.get(w);
    if (i === undefined) {
      const si = syllableIndex().get(w);
      i = si !== undefined ? -1 - si : -this.S - this.unseenWords.push(w);
      this.ids.set(w, i);
    }
    return i;
  }

  syllableId(index: number): number {
    const i = this.idBySyl[index]!;
    return i !== NO_ID ? i : -1 - index;
  }

  /** The word of an id. */
  private wordOf(wi: number): string {
    if (wi >= 0) return this.words[wi]!;
    const k = -wi - 1;
    return k < this.S ? this.syllables[k]! : this.unseenWords[k - this.S]!;
  }

  /** Prior q(w) over the vocabulary: uniform, or by the lexicon's counts; special tokens (`<unk>`, punctuation) keep the uniform share (the lexicon says nothing about them). */
  private q(w: string): number {
    const prior = this.prior;
    if (!prior) return 1 / this.vocabSize;
    const c = prior.lexicon.count(w);
    if (c > 0) return this.qUsed(prior, c);
    return w.startsWith('<') || !/\p{L}/u.test(w) ? 1 / this.vocabSize : prior.unusedShare / this.qUnused;
  }

  /** `q` of the word with id `wi`: a syllable's by its index (the lexicon's count looked up once per process), any other word's by its spelling. */
  private qId(wi: number): number {
    const prior = this.prior;
    const si = wi >= 0 ? this.sylOf[wi]! : -wi - 1 < this.S ? -wi - 1 : -1;
    if (!prior || si < 0) return this.q(this.wordOf(wi));
    // (A syllable has letters and no `<`: the lexicon's share, or the unused share.)
    const c = this.lexBySyl![si]!;
    return c > 0 ? this.qUsed(prior, c) : prior.unusedShare / this.qUnused;
  }

  /** `q` of a word the lexicon counts in `c` > 0 words. */
  private qUsed(prior: LexiconPrior, c: number): number {
    return ((1 - prior.unusedShare) * (c + 1) ** prior.power) / this.qUsedMass;
  }

  private p1Of(wi: number): number {
    return ((wi >= 0 ? this.contW[wi]! : 0) + this.M * this.qId(wi)) / (this.contTotal + this.M);
  }

  /** The lowest order: continuation unigram interpolated with the prior, by word id. */
  p1Id(wi: number): number {
    if (wi >= 0) {
      let r = this.p1Known[wi]!;
      if (r !== r) r = this.p1Known[wi] = this.p1Of(wi);
      return r;
    }
    const k = -wi - 1;
    if (k >= this.p1Unseen.length) { const grown = new Float64Array(Math.max(2 * this.p1Unseen.length, k + 1024)).fill(NaN); grown.set(this.p1Unseen); this.p1Unseen = grown; }
    let r = this.p1Unseen[k]!;
    if (r !== r) r = this.p1Unseen[k] = this.p1Of(wi);
    return r;
  }

  /** The largest p1 of any word (training words computed, any other word bounded by the largest prior). */
  p1Max(): number {
    if (this.p1MaxMemo >= 0) return this.p1MaxMemo;
    let best = ((0 + this.M * this.qMax) / (this.contTotal + this.M));
    for (let wi = 0; wi < this.N; wi++) best = Math.max(best, this.p1Id(wi));
    return (this.p1MaxMemo = best);
  }

  /** The lower orders seen from the word with id `vi` (see `Lower`), once per word. */
  private lowerFor(vi: number): Lower {
    const k = vi >= 0 ? vi : -vi - 1;
    let memo = vi >= 0 ? this.lowerKnown : this.lowerUnseen;
    if (k >= memo.length) {
      const grown = new Int32Array(Math.max(2 * memo.length, k + 1024)).fill(-1);
      grown.set(memo);
      memo = grown;
      if (vi >= 0) this.lowerKnown = grown; else this.lowerUnseen = grown;
    }
    const at = memo[k]!;
    if (at >= 0) return this.lowers[at]!;
    const lower = this.lowerOf(this.wordOf(vi), vi);
    memo[k] = lower.idx;
    this.lowers.push(lower);
    return lower;
  }

  /** The lower-order value of w seen from `lower`'s v: its sparse value, or the dense chain of p1(w). */
  lowerValue(lower: Lower, wi: number): number {
    const t = this.lowerSparse, s = t.find(lower.idx, wi);
    return s >= 0 ? t.vals[s]! : lower.dg * (lower.da * this.p1Id(wi));
  }

  /** Set a sparse value of `lower` (each word once). */
  private setSparse(lower: Lower, wi: number, x: number): void {
    this.lowerSparse.set(lower.idx, wi, x);
    if (x > lower.sparseMax) lower.sparseMax = x;
  }

  /** The training count of the trigram (u v) w (`ci`: the number of (u v)). */
  triCount(ci: number, wi: number): number {
    return this.tri.get(ci, wi, 0);
  }

  /** The model's id of a lexicon word by its number (`lexNumbering`): one string lookup per word, not one per (left word, successor) pair. */
  private lexId(li: number): number {
    if (li >= this.idByLex.length) { const grown = new Int32Array(Math.max(2 * this.idByLex.length, li + 1024)).fill(NO_ID); grown.set(this.idByLex); this.idByLex = grown; }
    let i = this.idByLex[li]!;
    if (i === NO_ID) { const si = this.lexNumbers!.syl[li]!; i = this.idByLex[li] = si >= 0 ? this.syllableId(si) : this.id(this.lexNumbers!.words[li]!); }
    return i;
  }

  private lowerOf(v: string, vi: number): Lower {
    const prior = this.prior, N = this.N;
    const mTotal = vi >= 0 ? this.midTotal[vi]! : 0;
    const pw = prior?.pairWeight ?? 0;
    // Lowest order seen from v: the unigram, mixed with the lexicon's within-word pairs (p1v of a
    // word with c such pairs after v: pw·(c / total) + (1 − pw)·p1; a word with none is dense).
    const succ = prior && pw ? successorList(this.lexNumbers!, prior.lexicon, v) : null;
    if (!mTotal) {
      if (succ) {
        const lower = new Lower(this.lowerSparse.open(succ.words.length), 1 - pw, 1);
        for (let k = 0; k < succ.words.length; k++) { const wi = this.lexId(succ.words[k]!); this.setSparse(lower, wi, pw * (succ.counts[k]! / succ.total) + (1 - pw) * this.p1Id(wi)); }
        return lower;
      }
      return new Lower(this.lowerSparse.open(0), 1, 1);
    }
    const mids = this.midSucc.items, m0 = this.midSucc.start[vi]!, m1 = this.midSucc.start[vi + 1]!;
    const g = (D * (m1 - m0)) / mTotal;
    // full(w) = max(c(v w) − D, 0) / total + g·p1v(w), for the continuations of v, then for its lexicon
    // successors that are none (their count adds an exact 0). The lexicon counts after v of training
    // words are in a stamped scratch array (valid where `lexStamp` holds this call's number).
    const stamp = ++this.lowerCalls;
    const lexStamp = this.lexStamp, lexCount = this.lexCount;
    if (succ) for (let k = 0; k < succ.words.length; k++) { const wi = this.lexId(succ.words[k]!); if (wi >= 0) { lexStamp[wi] = stamp; lexCount[wi] = succ.counts[k]!; } }
    const lower = new Lower(this.lowerSparse.open(m1 - m0 + (succ ? succ.words.length : 0)), succ ? 1 - pw : 1, g);
    const midStamp = (this.midStamp ??= new Int32Array(N));
    for (let x = m0; x < m1; x++) {
      const wi = mids[x]!;
      midStamp[wi] = stamp;
      const p1v = succ ? pw * ((lexStamp[wi] === stamp ? lexCount[wi]! : 0) / succ.total) + (1 - pw) * this.p1Id(wi) : this.p1Id(wi);
      this.setSparse(lower, wi, Math.max(this.contVW.get(vi, wi, 0) - D, 0) / mTotal + g * p1v);
    }
    if (!succ) return lower;
    for (let k = 0; k < succ.words.length; k++) {
      const wi = this.lexId(succ.words[k]!);
      if (wi < 0 || midStamp[wi] !== stamp) this.setSparse(lower, wi, Math.max(0 - D, 0) / mTotal + g * (pw * (succ.counts[k]! / succ.total) + (1 - pw) * this.p1Id(wi)));
    }
    return lower;
  }

  contextId(ui: number, vi: number): LmContext {
    const known = this.contexts.get(ui, vi);
    if (known) return known;
    const ci = ui >= 0 && vi >= 0 ? this.ctxOf.get(ui, vi, -1) : -1;
    if (ci >= 0) return this.contexts.set(ui, vi, new TrigramContext(this, this.lowerFor(vi), this.ctxTotal[ci]!, ci, this.ctxSucc.subarray(this.ctxStart[ci]!, this.ctxStart[ci + 1]!)));
    const lower = this.lowerFor(vi);
    return this.contexts.set(ui, vi, (lower.ctx ??= new LowerContext(this, lower)));
  }

  context(u: string, v: string): LmContext {
    return this.contextId(this.id(u), this.id(v));
  }

  logProb(u: string, v: string, w: string): number {
    return this.context(u, v).logProb(w);
  }

  logUnigram(w: string): number {
    return Math.log(this.p1Id(this.id(w)));
  }

  logUnigramId(wi: number): number {
    return Math.log(this.p1Id(wi));
  }

  count(w: string): number {
    const i = this.id(w);
    return i > 0 ? this.uni[i]! : 0;
  }

  private foldIdOfId(i: number): number | undefined {
    if (i >= 0) return this.foldOf[i];
    if (this.foldIdMemo.has(i)) return this.foldIdMemo.get(i);
    const f = this.foldIds.get(foldKey(this.wordOf(i)));
    this.foldIdMemo.set(i, f);
    return f;
  }

  phraseId(vi: number, wi: number): number | null {
    const memo = this.phraseCache, at = memo.find(vi, wi);
    if (at >= 0) { const hit = memo.vals[at]!; return hit === hit ? hit : null; }
    const fv = this.foldIdOfId(vi), fw = this.foldIdOfId(wi);
    const types = fv !== undefined && fw !== undefined ? this.foldTypes.get(fv, fw, 0) : 0;
    let r: number | null = null;
    if (types > 0) {
      const total = this.foldTotal.get(fv!, fw!, 0);
      // (A training pair (vi wi) is one of its folded pair's accented pairs: its count is c(v w).)
      if (total >= 2) r = Math.log(((vi >= 0 && wi >= 0 ? this.bi.get(vi, wi, 0) : 0) + 0.1) / (total + 0.1 * types));
    }
    memo.set(vi, wi, r ?? NaN);
    return r;
  }

  phrase(v: string, w: string): number | null {
    return this.phraseId(this.id(v), this.id(w));
  }

  successors(v: string): string[] {
    let r = this.succCache.get(v);
    if (!r) this.succCache.set(v, (r = this.mostFrequent(this.next, v, false)));
    return r;
  }

  predecessors(w: string): string[] {
    let r = this.predCache.get(w);
    if (!r) {
      // (The pairs by their second word, made once per model when first asked.)
      if (!this.prev) {
        const { start, items } = this.next, n = items.length, firsts = new Int32Array(n);
        for (let vi = 0; vi + 1 < start.length; vi++) firsts.fill(vi, start[vi]!, start[vi + 1]!);
        this.prev = groupBy(items, firsts, n, start.length - 1);
      }
      this.predCache.set(w, (r = this.mostFrequent(this.prev, w, true)));
    }
    return r;
  }
  private prev: Grouped | null = null;
  private readonly predCache = new Map<string, string[]>();

  /** The 12 most frequent words paired with `w` in `pairs` (the words after it, or before it: `before`), by decreasing count, ties by spelling. */
  private mostFrequent(pairs: Grouped, w: string, before: boolean): string[] {
    const wi = this.ids.get(w);
    const out: Array<[string, number]> = [];
    if (wi !== undefined && wi >= 0) {
      for (let x = pairs.start[wi]!, end = pairs.start[wi + 1]!; x < end; x++) {
        const o = pairs.items[x]!;
        out.push([this.words[o]!, before ? this.bi.get(o, wi, 0) : this.bi.get(wi, o, 0)]);
      }
    }
    return out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12).map((x) => x[0]);
  }
}

/**
 * A document cache over a trained model (Kuhn & De Mori 1990): words and pairs the first decoding
 * pass read confidently in this document are made likelier everywhere in it, so a name no
 * reference knows (`Phú Quốc` in a text about Phú Quốc) is read the same way where it is badly damaged.
 * P' = (1 − λ − μ)·P + λ·Pcache(w | v) + μ·Pcache(w).
 */
export function withDocumentCache(lm: LanguageModel, pairs: Array<[string, string]>, lambda: number, mu: number): LanguageModel {
  if (!pairs.length || (!lambda && !mu)) return lm;
  return new CachedModel(lm, pairs, lambda, mu);
}

/** The model of `withDocumentCache`: counts keyed by the base model's word ids (no strings in the scoring loop). */
class CachedModel implements LanguageModel {
  private readonly lm: LanguageModel;
  readonly lambda: number;
  readonly mu: number;
  readonly uni = new Map<number, number>();
  readonly bi = new Map<number, Map<number, number>>();
  /** `uni` and `bi` as pair tables (`uni` keyed (0, w)), for the scoring loops. */
  readonly uniT = new PairTable(256);
  readonly biT = new PairTable(256);
  readonly out = new Map<number, number>();
  readonly n: number;
  readonly uniMax: number;
  /** log(1 − λ − μ): the mixture of a word the cache never saw. */
  readonly keep: number;
  /** The base scores of a run of candidates, shared by this model's contexts. */
  scratch = new Float64Array(64);
  /** See `LanguageModel.documentCache`. */
  readonly documentCache: CacheWords;
  // One mixed context per base context (the base shares one per v among the contexts it never saw, and so does this).
  private readonly mixed = new Map<LmContext, LmContext>();
  private readonly contexts = new ContextMemo();

  constructor(lm: LanguageModel, pairs: Array<[string, string]>, lambda: number, mu: number) {
    this.lm = lm;
    this.lambda = lambda;
    this.mu = mu;
    for (const [v, w] of pairs) {
      const vi = lm.id(v), wi = lm.id(w);
      this.uni.set(wi, (this.uni.get(wi) ?? 0) + 1);
      let m = this.bi.get(vi);
      if (!m) this.bi.set(vi, (m = new Map()));
      m.set(wi, (m.get(wi) ?? 0) + 1);
      this.out.set(vi, (this.out.get(vi) ?? 0) + 1);
    }
    for (const [wi, c] of this.uni) this.uniT.set(0, wi, c);
    for (const [vi, m] of this.bi) for (const [wi, c] of m) this.biT.set(vi, wi, c);
    this.n = pairs.length;
    let uniMax = 0;
    for (const x of this.uni.values()) uniMax = Math.max(uniMax, x);
    this.uniMax = uniMax;
    this.keep = Math.log(1 - lambda - mu);
    this.documentCache = new CacheWords(this.keep, this.uniT);
  }

  get vocabSize(): number {
    return this.lm.vocabSize;
  }

  id(w: string): number {
    return this.lm.id(w);
  }

  syllableId(index: number): number {
    return this.lm.syllableId(index);
  }

  contextId(ui: number, vi: number): LmContext {
    const known = this.contexts.get(ui, vi);
    if (known) return known;
    const c = this.lm.contextId(ui, vi);
    let x = this.mixed.get(c);
    if (!x) this.mixed.set(c, (x = new CachedContext(this, c, vi)));
    return this.contexts.set(ui, vi, x);
  }

  context(u: string, v: string): LmContext {
    return this.contextId(this.lm.id(u), this.lm.id(v));
  }

  logProb(u: string, v: string, w: string): number {
    return this.contextId(this.lm.id(u), this.lm.id(v)).logProbId(this.lm.id(w));
  }

  logUnigramId(wi: number): number {
    return Math.log((1 - this.mu) * Math.exp(this.lm.logUnigramId(wi)) + this.mu * (this.uniT.get(0, wi, 0) / this.n));
  }

  logUnigram(w: string): number {
    return this.logUnigramId(this.lm.id(w));
  }

  count(w: string): number {
    return this.lm.count(w);
  }

  phrase(v: string, w: string): number | null {
    return this.lm.phrase(v, w);
  }

  phraseId(vi: number, wi: number): number | null {
    return this.lm.phraseId(vi, wi);
  }

  successors(v: string): string[] {
    return this.lm.successors(v);
  }

  predecessors(w: string): string[] {
    return this.lm.predecessors(w);
  }
}

/** The words a document cache counts, and the log factor of every other word's probability. */
class CacheWords {
  readonly keep: number;
  private readonly uni: PairTable;

  constructor(keep: number, uni: PairTable) {
    this.keep = keep;
    this.uni = uni;
  }

  counts(wi: number): boolean {
    return this.uni.has(0, wi);
  }
}

/** A base context mixed with the document cache. */
class CachedContext implements LmContext {
  readonly trigram: boolean;
  readonly max: number;
  private readonly model: CachedModel;
  private readonly base: LmContext;
  /** v, whether the cache has pairs after it (`row`) and their total (none: 0). */
  private readonly vi: number;
  private readonly row: boolean;
  private readonly o: number;

  constructor(model: CachedModel, base: LmContext, vi: number) {
    this.model = model;
    this.base = base;
    this.trigram = base.trigram;
    const o = model.out.get(vi);
    this.vi = vi;
    this.o = o ?? 0;
    this.row = !!o;
    let rowMax = 0;
    if (o) for (const x of model.bi.get(vi)!.values()) rowMax = Math.max(rowMax, x);
    // Bound: the base bound mixed with the largest cache probabilities (a hair added for rounding).
    this.max = Math.log((1 - model.lambda - model.mu) * Math.exp(base.max) + model.lambda * (o ? rowMax / o : 0) + model.mu * (model.uniMax / model.n)) + 1e-9;
  }

  logProb(w: string): number {
    return this.logProbId(this.model.id(w));
  }

  logProbId(wi: number): number {
    const m = this.model;
    const lp = this.base.logProbId(wi);
    const pb = this.row ? m.biT.get(this.vi, wi, 0) / this.o : 0;
    const pu = m.uniT.get(0, wi, 0) / m.n;
    if (!pb && !pu) return m.keep + lp;
    return Math.log((1 - m.lambda - m.mu) * Math.exp(lp) + m.lambda * pb + m.mu * pu);
  }

  // A word the cache never saw (most: the cache's pairs end in words it counts) has no pair count
  // after v either, and only the base probability scaled (the `keep` branch of `logProbId`).
  maxInto(ids: Int32Array, from: number, to: number, out: Float64Array, first: boolean): void {
    const m = this.model;
    if (m.scratch.length < to) m.scratch = new Float64Array(2 * to);
    const lps = m.scratch;
    this.base.maxInto(ids, from, to, lps, true);
    const mix = 1 - m.lambda - m.mu, uni = m.uniT;
    for (let j = from; j < to; j++) {
      const wi = ids[j]!, lp = lps[j]!;
      const at = uni.find(0, wi);
      let x: number;
      if (at < 0) x = m.keep + lp;
      else {
        const pb = this.row ? m.biT.get(this.vi, wi, 0) / this.o : 0;
        x = Math.log(mix * Math.exp(lp) + m.lambda * pb + m.mu * (uni.vals[at]! / m.n));
      }
      if (first || x > out[j]!) out[j] = x;
    }
  }
}

export { BOS };
