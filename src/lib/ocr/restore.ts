/**
 * The restorer: clean-up passes, candidate generation under the learned channel, evidence from
 * near-duplicate clean texts, and a second-order Viterbi decode with the syllable trigram model.
 * Per-token confidence is the max-marginal posterior of the chosen candidate (forward–backward
 * over the same lattice, max-product), so a token the context does not settle scores low.
 */
import type { DiscardedLine, RestoredToken } from '../schema.ts';
import { foldKey } from '../fold.ts';
import { alignPlan, anchorPlan, levenshtein, planBound, type SubRows } from './align.ts';
import { candidatesWith, channelCost, channelCostWithin, spell, wordCosts, type Candidate, type WordCosts } from './candidates.ts';
import { HEADING_KEYWORD, LINE_PASSES, capsRuns, debrisLine, isCapsLine, pointLetterSequence, romanChapterNumerals, type PassContext, type WorkToken } from './cleanup.ts';
import { buildChannel, type Channel, type ConfusionData } from './confusion.ts';
import { detectOcr, type SourceLine } from './detect.ts';
import { BOS, LEXICON_PRIOR, trainLanguageModel, withDocumentCache, type LanguageModel, type LmContext } from './lm.ts';
import { bundledLexicon } from './lexicon.ts';
import { gazetteerPlaces, gazetteerStreams } from './gazetteer.ts';
import { listedNameParts, nameCost, nameShaped, signingTitle, UNLISTED } from './names.ts';
import { SYMBOLS } from './symbols.ts';
import { caseTokens, trainCaseModelOnTokens, type CaseModel } from './casing.ts';
import { isFoldedSyllable, isValidSyllable, ValidSyllables } from './syllable.ts';
import { capitalisedRuns, isLetter, lmTokens, NUM_TOKEN } from './text.ts';
import { decode, type Option, type Step } from './decode.ts';
import { PairTable } from './pairtable.ts';
import { cleanWords } from './train.ts';
import bundledConfusion from './data/confusion.json' with { type: 'json' };

/** A source line after restoration, with its tokens (see the token invariant in INTERFACES.md). */
export interface RestoredLine extends SourceLine { tokens?: RestoredToken[] }

/** Options of a restoration run. */
export interface RestoreContext {
  /** Clean NFC texts of OTHER sources (language model, phrase table, abbreviations, alignment). */
  references: string[];
  /** Restore without detecting first (ingest has decided: its detector found damage, or `--ocr`). */
  force?: boolean;
  /** Confusion counts to use instead of the bundled, learned ones. */
  confusion?: ConfusionData;
  /** Tuning weights (defaults in `WEIGHTS`). */
  weights?: Partial<typeof WEIGHTS>;
  /** Told the CPU time (user + system, ms) since the call began at the end of each stage, in order (benchmarks). */
  timing?: (stage: string, cpuMs: number) => void;
}

/** Score weights (natural-log units). */
export const WEIGHTS = {
  /** Channel cost multiplier. */
  channel: 0.8,
  /** Language-model log-probability multiplier. */
  lm: 1,
  /** Folded phrase-table log-probability multiplier. */
  phrase: 0.5,
  /** Bonus for the reference token at a position aligned on an exact folded match. */
  refExact: 3,
  /** Bonus for the reference token at a position aligned inside a gap. */
  refGap: 1.5,
  /** Cost of keeping an OCR word that is no valid syllable. */
  keep: 11,
  /** Channel cost bound of candidates. */
  bound: 14,
  /**
   * The first pass's candidate search keeps no syllable whose channel cost is more than this above the
   * word's best one (Infinity: none cut; the second pass's widened search has no beam). A reading the
   * channel puts that far behind wins only where the context proposes it, and the context and
   * reference candidates are added whatever the beam. Session 20: 5 left the dev SER as it was and the
   * 12 synthetic rows' mean at 1.062 % → 1.060 % (7 words of 60 restored documents changed: one more
   * error in one row, one fewer in two), and the 120 scan-layout documents of seeds 3001–3030 as they
   * were (SER 1.06 %, 914 of 960 fields), for about 0.9× the instructions of a restoration; 4 misread a
   * word of the real scan (`chu?(mg` → `chế`), 6 saved about half as much (both on a first version of the beam).
   */
  beam: 5,
  /** Channel cost bound of context candidates (words the references put after the previous word): the language model vouches for them, so a worse reading is allowed (`điện nr` → `điện tử`). */
  contextBound: 24,
  /**
   * A word whose best own reading costs more channel than this (a word the scan may have damaged:
   * a word printed right costs about 0) also gets the references' predecessors of the next word's
   * likely readings as candidates, within `contextBound` (1e9: none). When added (session 13) the 16
   * synthetic rows' mean SER went from 1.198 % to 1.127 % (0: every word, 1.114 %, at twice the
   * candidates stage's time).
   */
  before: 1,
  /**
   * Second pass: the words the first pass was unsure of (not pinned) also get the references'
   * predecessors of the word it chose after them, whatever their own readings cost (1; 0: not). When
   * added the 16 synthetic rows' mean SER went from 1.127 % to 1.104 %.
   */
  beforeAgain: 1,
  /** Extra channel cost of a candidate read from a token's alternative reading. */
  alt: 1,
  /**
   * Second pass: how many candidates are searched for a word the first pass read with a confidence
   * under `widenConf` (0: none). The first pass's 30 lack the reading of some badly damaged words;
   * searching further only for the words the first pass was unsure of costs little.
   */
  widen: 200,
  /** First-pass confidence under which a word's candidates are widened in the second pass. */
  widenConf: 0.99,
  /** Options the second pass keeps per word (the first keeps 5), so that widened candidates do not crowd a context candidate out (`& xuất`: `gỡ`, `ý`, `tế` pushed out `đề`). */
  options2: 8,
  /**
   * Second pass: a word the first pass read with at least this confidence, and its neighbours too
   * (`PIN_RADIUS` words either side), keeps that reading and its confidence; the second pass works
   * only on the others (0: on every word). On the real scan 98 % of the words are pinned.
   */
  pin: 0.99,
  /**
   * Second pass: weight of the document's own damage rate in the channel (0: off). The channel was
   * learned from a scan that damaged most words; a document the first pass finds less damaged
   * (`documentDamage`: λ < `TRUST_BELOW`) reads its words through the mixture (1 − λ)·[printed right]
   * + λ·channel, so a word printed as a valid syllable is kept unless the context clearly says otherwise
   * (Bình Định's clean `- Chi hành chính`, forced through the restorer, is no longer read `Chủ hành
   * chính`). The real scan and the synthetic damage give λ = 1: nothing changes for them.
   */
  trust: 1,
  /** Weight of the document cache's pair model in the second decoding pass (0: one pass). */
  cache: 0.1,
  /** Weight of the document cache's word model in the second pass. */
  cacheUni: 0.02,
  /** First-pass confidence a reading needs to enter the document cache. */
  cacheConf: 0.97,
  /** Whether the language model also learns the names of Viet Nam's provinces after `tỉnh` / `thành phố`, and places are read with the list (`readPlaces`) (1; 0: neither; see gazetteer.ts). */
  gazetteer: 1,
  /** Whether the common symbols of administrative documents (symbols.ts) join the references' abbreviations (1; 0: not). */
  symbols: 1,
  /** Language-model prior: share of the floor mass for valid syllables the lexicon never uses. */
  lexUnused: LEXICON_PRIOR.unusedShare,
  /** Language-model prior: exponent on the lexicon's word counts. */
  lexPower: LEXICON_PRIOR.power,
  /** Language-model back-off: weight of the lexicon's within-word pairs. */
  lexPair: LEXICON_PRIOR.pairWeight,
  /** Language-model prior: pseudo-count mass of the floor per vocabulary item. */
  lexMass: LEXICON_PRIOR.mass,
};

/** Candidates the emission step has the language model score per call (most slots score most of their few dozen). */
const SCORE_RUN = 12;

/** Candidates searched per OCR word for the first pass (the second widens the uncertain words': `WEIGHTS.widen`). */
const FIRST_CANDIDATES = 30;
/** Options the first pass keeps per word (the second keeps `WEIGHTS.options2`). */
const FIRST_OPTIONS = 5;

/** Tokens under this confidence are listed for reviewers. */
export const LOW_CONFIDENCE = 0.6;

interface Models { lm: LanguageModel; channel: Channel; pass: PassContext; cases: CaseModel }

const modelCache = new Map<string, Models>();

/** Forget cached models (benchmarks measure cold runs). */
export function clearModelCache(): void {
  modelCache.clear();
}

function buildModels(references: string[], confusion: ConfusionData, W: typeof WEIGHTS): Models {
  const cacheKey = references.map((r) => r.length + ':' + r.slice(0, 64)).join('|') + '#' + confusion.source + Object.keys(confusion.counts).length + '#' + [W.lexUnused, W.lexPower, W.lexPair, W.lexMass, W.gazetteer, W.symbols].join(',');
  const hit = modelCache.get(cacheKey);
  if (hit) return hit;
  // One tokenisation serves both models: the language model's tokens are the case tokens lower-cased.
  const caseToks = references.map(caseTokens);
  const streams: Array<readonly string[]> = caseToks.map((ts) => ts.map((t) => t.toLowerCase()));
  if (W.gazetteer) streams.push(...gazetteerStreams());
  const lm = trainLanguageModel(streams, { lexicon: bundledLexicon(), unusedShare: W.lexUnused, power: W.lexPower, pairWeight: W.lexPair, mass: W.lexMass });
  const channel = buildChannel(confusion);
  // Abbreviations: words of 2+ letters with 2+ capitals that are not syllables (UBND, QĐ, TTr).
  const counts = new Map<string, Map<string, number>>();
  for (const r of references) {
    for (const w of capitalisedRuns(r.normalize('NFC'))) {
      if (isValidSyllable(w) && w.length > 2) continue;
      const k = foldKey(w).toUpperCase();
      const c = counts.get(k) ?? new Map<string, number>();
      c.set(w, (c.get(w) ?? 0) + 1);
      counts.set(k, c);
    }
  }
  const abbreviations = new Map<string, string>();
  for (const [k, c] of counts) abbreviations.set(k, [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  // The common symbols of administrative documents, for document symbols and recipient lists (where
  // a reference prints a form of the same key, `knownSymbol` prefers the reference's; not for running
  // text, where `TB` may be a damaged `TỔ`).
  const symbols = new Map<string, string>();
  if (W.symbols) for (const f of SYMBOLS) symbols.set(foldKey(f).toUpperCase(), f);
  // Near matches only among forms that cannot be read as a syllable (`SỐ` is a word, `QĐ` is not).
  const forms = [...abbreviations.values()].filter((f) => !isFoldedSyllable(f));
  const nearestAbbreviation = (s: string, inCode = false): string | null => {
    let best: string | null = null, bestCost = Infinity;
    for (const f of forms) {
      if (Math.abs(f.length - s.length) > 1) continue;
      const c = channelCost(s.toLowerCase(), f.toLowerCase(), channel);
      if (c < bestCost) { bestCost = c; best = f; }
    }
    // Inside a document symbol (after `/`) an abbreviation is certain to be there, so accept worse matches.
    return bestCost <= (inCode ? 2 : 1) * 9 * Math.max(1, s.length / 3) ? best : null;
  };
  // Document-symbol suffixes as printed in clean texts (`QĐ-BCĐ`, `NQ-CP`, `TTr-STTTT`).
  const codes = new Set<string>();
  for (const r of references) for (const m of r.normalize('NFC').matchAll(/\d\s*\/\s*(\p{L}+(?:-\p{L}+)+)/gu)) codes.add(m[1]!);
  const nearestCode = (letters: string): string | null => {
    const segs = letters.split('-');
    let best: string | null = null, bestCost = Infinity, bestExact = 0;
    for (const c of codes) {
      const cs = c.split('-');
      if (cs.length !== segs.length) continue;
      let cost = 0, exact = 0;
      for (let i = 0; i < cs.length && cost < bestCost; i++) {
        if (foldKey(cs[i]!) === foldKey(segs[i]!)) exact++;
        else cost += channelCost(segs[i]!.toLowerCase(), cs[i]!.toLowerCase(), channel);
      }
      if (cost < bestCost) { bestCost = cost; best = c; bestExact = exact; }
    }
    // A symbol whose other segments match exactly may have one badly damaged segment.
    return bestCost <= 12 || (bestExact > 0 && bestCost <= 30) ? best : null;
  };
  const seenPair = (a: string, b: string) => lm.successors(a).includes(b);
  const models = { lm, channel, pass: { abbreviations, symbols, nearestAbbreviation, nearestCode, seenPair, logUnigram: (w: string) => lm.logUnigram(w), channelCost: (o: string, t: string) => channelCost(o, t, channel) }, cases: trainCaseModelOnTokens(caseToks) };
  modelCache.set(cacheKey, models);
  return models;
}

/** Something other than a letter between two letters of a word (`TII.IC`, `r6ng`). */
const INNER_NOISE = /\p{L}[^\p{L}]+\p{L}/u;

/** Letters whose capital has the shape of the small letter, so the scan confuses their case. */
const SHAPE_CASE = /^[cosvwxzCOSVWXZ]/u;

/** A syllable with its first letter a capital. */
function titleCase(syllable: string): string {
  return syllable.charAt(0).toUpperCase() + syllable.slice(1);
}

/**
 * Apply the case pattern of the OCR word to a restored syllable. Where the OCR says nothing reliable
 * about case (first character not a letter, mixed capitals, `I` for `l`), the context model decides
 * (`context`: probability of a capital after the previous token); for letters whose capital looks like
 * the small letter, a word clean texts never capitalise mid-sentence (`neverCapital`) stays small.
 */
export function applyCase(ocr: string, syllable: string, capsLine: boolean, context: { p: number; n: number } | null = null, neverCapital = false): string {
  const { letters, upper, first } = wordShape(ocr);
  const firstLetter = !!first && isLetter(first);
  const firstUpper = firstLetter && first !== first.toLowerCase();
  // (A word the scan read as digits only, `CHUYÉN DI 56`, takes its line's capitals too.)
  if (capsLine && (letters === 0 || (letters >= 2 && upper === letters))) return syllable.toUpperCase();
  // On a line of capitals, a word that starts with a capital (or a digit read for one) is capitals
  // too; but one of three letters or more written as a title (`Chuong I NHUNG QUY PINH`, `Poc lap`) is
  // a title: the scan keeps such a word's small letters.
  if (capsLine && upper >= 1 && (firstUpper || !firstLetter)) return upper === 1 && firstUpper && letters >= 3 ? titleCase(syllable) : syllable.toUpperCase();
  const decided = context && context.n >= 1 ? (context.p > 0.5 ? titleCase(syllable) : syllable) : null;
  // Capitals broken by noise (`TII.IC` for `Trực`) make no acronym: a capital at most, as the context says.
  if (upper === letters && letters >= 3) return INNER_NOISE.test(ocr) ? decided ?? titleCase(syllable) : syllable.toUpperCase();
  // Mixed capitals inside a word (`VOl`) are misread letters: the case comes from the context. But a
  // first capital whose shape differs from its small letter is the scan's evidence too (`TIy` for
  // `Ủy`, the title of `Điều 6. TIy viên`): it stands unless the context has been seen 3 times.
  if (upper >= 2 && upper < letters && !capsLine) {
    if (firstUpper && !SHAPE_CASE.test(first) && first !== 'I' && !(context && context.n >= 3)) return titleCase(syllable);
    return decided ?? syllable;
  }
  // A first letter the scan lost (`y` for `Ủy`, `gay` for `ngày`): the scan's first letter is the
  // word's second, so its case says nothing of the word's.
  if (firstLetter && !capsLine && syllable.length > 1 && foldKey(syllable[1]!) === foldKey(first) && foldKey(syllable[0]!) !== foldKey(first)) return decided ?? syllable;
  // 'I' is the commonest misreading of 'l' at the start of a lower-case word.
  if (first === 'I' && syllable.startsWith('l') && letters > 1 && upper === 1) return decided ?? syllable;
  // A first letter read as a digit or symbol (`1uật`, `¢hi`) says nothing about case.
  if (first && !firstLetter) return decided ?? syllable;
  // `Ve` mid-sentence for `về`: a word clean texts never capitalise there keeps its small letter.
  if (neverCapital && SHAPE_CASE.test(first) && SHAPE_CASE.test(syllable.normalize('NFD'))) return syllable;
  if (firstUpper) return titleCase(syllable);
  return syllable;
}

/** Whether the scan shows a word's case reliably: a clear first letter, no mixed capitals. */
export function caseIsReliable(ocr: string): boolean {
  const { upper, start } = wordShape(ocr);
  return isLetter(start) && !SHAPE_CASE.test(start) && start !== 'I' && clearShape(upper, start);
}

/**
 * What the case rules read from an OCR word, in one pass over its code points: the number of letters
 * and of capital letters among them, the first letter, digit or `$&¢¥` (`first`, '' if none), and
 * the first code point whatever it is (`start`, '' for an empty word).
 */
function wordShape(ocr: string): { letters: number; upper: number; first: string; start: string } {
  let letters = 0, upper = 0, first = '', start = '';
  for (const c of ocr) {
    if (!start) start = c;
    const letter = isLetter(c);
    if (letter) { letters++; if (c !== c.toLowerCase()) upper++; }
    if (!first && (letter || FIRST_OTHER.test(c))) first = c;
  }
  return { letters, upper, first, start };
}
/** Characters other than letters that can stand first in a word (`1uật`, `$ố`). */
const FIRST_OTHER = /^[\p{N}$&¢¥]$/u;

/** A candidate with its word id in the run's language model (looked up once per distinct OCR word). */
interface Cand extends Candidate { id: number }

/** A slot's best first readings: the 3 best of its first `n` (≤ 12) candidates by channel + unigram, best first, with their ids and scores. */
interface FirstReading { n: number; words: string[]; ids: number[]; scores: number[] }

interface Slot {
  line: number; token: number; lead: string; trail: string; core: string; /** `core` in lower case. */ lower: string; caps: boolean; cands: Cand[]; keep: boolean; number: boolean;
  /** Whether `cands` is the cached candidate list of the slot's OCR word (`Run.candsOf`), shared with other slots and never written. */
  shared: boolean;
  /** How many of its candidates have a reference bonus (in `Run.bonus`, keyed by the slot's index and the candidate's: every word given a bonus is a candidate, and candidates are only ever appended). */
  bonus: number;
  /** What the slot's own candidates depend on: the OCR word in lower case and its alternative reading. */
  source: string;
  /** How many of `cands` are the slot's own (from its OCR word and alternative reading: the same for every slot with the same `source`); the rest were appended. */
  own: number;
  /** Its index in the run's slots. */
  index: number;
  /** How many appended candidates (`cands[own ..]`) are listed in `Run.appended` (brought up to date by `hasCand`). */
  extra: number;
  /** `firstReadingOf` as last computed, and the number of candidates it looked at (candidates are only ever appended). */
  first?: FirstReading;
}

/**
 * Per-slot arrays of the emission step in run-wide arenas (no typed array per slot and pass):
 * slot k's candidate i at `off[k] + i`, with room for `cap[k]`; `n[k]` candidates seen so far
 * (candidates are only ever appended, and their scores without the language model never change).
 * `score`: emission score (channel and reference bonus); `ids`: the candidate's word id; `order`:
 * the candidate indices by decreasing emission score, ties in candidate order (a stable insertion
 * sort, so appending continues it to the order a sort of all of them gives); `lp1`: the first
 * pass's language-model score (NaN: not scored), with the left contexts it was the best over in
 * `key` (KEY_LEN per slot, `keyLen` of them used; 0: none).
 */
class EmissionArena {
  // (Small until `presize` sizes them for the run.)
  score = new Float64Array(1 << 10);
  ids = new Int32Array(1 << 10);
  order = new Int32Array(1 << 10);
  lp1 = new Float64Array(1 << 10);
  used = 0;
  readonly off: Int32Array;
  readonly cap: Int32Array;
  readonly n: Int32Array;
  readonly key: Int32Array;
  readonly keyLen: Int32Array;
  constructor(slots: number) {
    this.off = new Int32Array(slots); this.cap = new Int32Array(slots); this.n = new Int32Array(slots);
    this.key = new Int32Array(slots * KEY_LEN); this.keyLen = new Int32Array(slots);
  }
  /**
   * Room for every slot's first-pass candidates at once (with the margin `reserve` keeps), so the
   * arrays are allocated once instead of grown by doubling (a run fills ~100k entries).
   */
  presize(slots: ReadonlyArray<{ cands: readonly unknown[] }>): void {
    if (this.used) return;
    let size = 0;
    for (const s of slots) size += s.cands.length + 16;
    if (size <= this.score.length) return;
    this.score = new Float64Array(size); this.ids = new Int32Array(size);
    this.order = new Int32Array(size); this.lp1 = new Float64Array(size);
  }

  /** Room for `n` candidates of slot k (moving its entries when it has less). */
  reserve(k: number, n: number): void {
    if (this.cap[k]! >= n) return;
    const cap = n + 16; // (room for the second pass's context candidates; a widened slot moves again)
    if (this.used + cap > this.score.length) {
      const size = Math.max(2 * this.score.length, this.used + cap);
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T) => { const g = make(size); g.set(a); return g; };
      this.score = grow(this.score, (x) => new Float64Array(x)); this.ids = grow(this.ids, (x) => new Int32Array(x));
      this.order = grow(this.order, (x) => new Int32Array(x)); this.lp1 = grow(this.lp1, (x) => new Float64Array(x));
    }
    const from = this.off[k]!, to = this.used, have = this.n[k]!;
    this.score.copyWithin(to, from, from + have); this.ids.copyWithin(to, from, from + have);
    this.order.copyWithin(to, from, from + have); this.lp1.copyWithin(to, from, from + have);
    this.off[k] = to; this.cap[k] = cap; this.used += cap;
  }
  /** Add `b` to the score of slot k's candidate i (one it has scored), moving it up `order` past the lower scores. */
  raise(k: number, i: number, b: number): void {
    const off = this.off[k]!, score = this.score, order = this.order;
    score[off + i] = score[off + i]! + b;
    let at = 0;
    while (order[off + at] !== i) at++;
    while (at > 0 && score[off + order[off + at - 1]!]! < score[off + i]!) { order[off + at] = order[off + at - 1]!; at--; }
    order[off + at] = i;
  }
}

/** Ints of a slot's context key: the two counts, at most 2 + 3 option ids. */
const KEY_LEN = 8;

/** Restore OCR-damaged lines (see INTERFACES.md). Clean input passes through unchanged. */
export function restoreLines(lines: SourceLine[], ctx: RestoreContext): { lines: RestoredLine[]; discarded: DiscardedLine[]; meanConfidence: number; method: string } {
  // Stage timings (cumulative CPU ms of this call): to `ctx.timing`, and on stderr when OCR_TIMING is set.
  const T0 = process.cpuUsage();
  const timing = ctx.timing ?? (process.env.OCR_TIMING ? (what: string, ms: number) => console.error(what, Math.round(ms)) : null);
  const lap = (what: string) => { if (timing) { const c = process.cpuUsage(T0); timing(what, (c.user + c.system) / 1000); } };
  // (Forced, it does not detect: ingest's hooks force it once ingest's own detection has decided.)
  if (!ctx.force && !detectOcr(lines).detected) {
    return { lines: lines.map((l) => ({ ...l })), discarded: [], meanConfidence: 1, method: 'Không phát hiện lỗi nhận dạng ký tự (OCR); văn bản giữ nguyên.' };
  }
  lap('detect');
  const W = { ...WEIGHTS, ...ctx.weights };
  const models = buildModels(ctx.references, ctx.confusion ?? (bundledConfusion as ConfusionData), W);
  lap('models');
  const { kept, discarded } = cleanLines(lines, models.pass);
  lap('cleanup');
  const run = new Run(models, W);
  buildLattice(run, kept);
  lap('search');
  addContextCandidates(run);
  lap('candidates');
  addReferenceEvidence(run, ctx.references);
  lap('references');
  const { slots, steps } = run;
  // Emission options per slot: best candidates by channel + unigram + bonus, plus keeping the OCR word.
  // Pruning looks at the left context too: the best first readings of the previous word, and the
  // options kept for the previous two steps.
  const prevReadings = slots.map((s, i) => (i > 0 && slots[i - 1]!.line >= s.line - 1 ? run.firstReadingOf(slots[i - 1]!).ids : []));
  const arena = new EmissionArena(slots.length);
  emit(run, arena, prevReadings, models.lm, FIRST_OPTIONS);

  lap('emission');
  // Second-order Viterbi with max-marginals (decode.ts).
  let { chosen, conf } = decode(steps, models.lm, W);
  lap('decode1');
  // The share of words the scan damaged (1 unless the second pass estimates it: see `documentDamage`).
  let lambda = 1;
  // Second pass with a cache of what the first pass read confidently in this very document.
  if (W.cache || W.cacheUni) {
    const pairs: Array<[string, string]> = [];
    for (let t = 1; t < steps.length; t++) {
      if (steps[t]!.slot < 0 || conf[t]! < W.cacheConf) continue;
      const w = steps[t]!.options[chosen[t]!]!.lm;
      const v = steps[t - 1]!.options[chosen[t - 1]!]!.lm;
      if (!w.startsWith('<') && (steps[t - 1]!.slot < 0 || conf[t - 1]! >= W.cacheConf)) pairs.push([v, w]);
    }
    const lm2 = withDocumentCache(models.lm, pairs, W.cache, W.cacheUni);
    // A document less damaged than the channel's training scan trusts the words it prints right.
    if (W.trust) lambda = documentDamage(steps, slots, chosen);
    const overruled = lambda < TRUST_BELOW ? trustPrinted(run, arena, chosen, lambda) : undefined;
    // Words read confidently amid confident words keep their reading (a single option) and confidence
    // (not a word the first pass read otherwise than printed, where the document's words are trusted).
    const pinned = pinSteps(steps, chosen, conf, W.pin, overruled);
    const conf1 = conf;
    // The words the first pass was unsure of get more of their candidates.
    if (W.widen) for (let t = 0; t < steps.length; t++) if (steps[t]!.slot >= 0 && !pinned[t] && conf[t]! < W.widenConf) run.widen(slots[steps[t]!.slot]!, W.widen);
    // Context candidates again, now from the words the first pass chose: a reading found only by
    // the first pass (`gọi 1t` → `gọi tắt`) proposes its own successors (`Ia` → `là`).
    for (let t = 1; t < steps.length; t++) {
      const st = steps[t]!;
      if (st.slot < 0 || pinned[t]) continue;
      const s = slots[st.slot]!;
      const prev = steps[t - 1]!.options[chosen[t - 1]!]!.lm;
      if (prev.startsWith('<')) continue;
      run.addSuccessors(s, prev);
    }
    // And the predecessors of the word chosen after them (`tanh` before `phố`: `thành`, though `tanh`
    // is a syllable as printed, so the first pass gave it none).
    if (W.beforeAgain) for (let t = 0; t + 1 < steps.length; t++) {
      const st = steps[t]!;
      if (st.slot < 0 || pinned[t] || steps[t + 1]!.slot < 0) continue;
      const o = steps[t + 1]!.options[chosen[t + 1]!]!;
      if (o.lm.startsWith('<')) continue;
      run.addPredecessors(slots[st.slot]!, [o.lm], [o.id]);
    }
    lap('cands2');
    emit(run, arena, prevReadings, lm2, W.options2, pinned);
    lap('emit2');
    ({ chosen, conf } = decode(steps, lm2, W));
    for (let t = 0; t < steps.length; t++) if (pinned[t]) conf[t] = conf1[t]!;
  }

  lap('decode');
  // Names and places read again with their lists, then written back as proper nouns (a capital each).
  const byLine = slotStepsByLine(run, kept.length);
  const proper = readNames(run, kept, byLine, chosen, conf);
  if (W.gazetteer) for (const slot of readPlaces(run, kept, byLine, chosen, conf)) proper.add(slot);
  writeBack(run, kept, chosen, conf, lambda < TRUST_BELOW, proper);
  dropTrailingDebris(run, kept, byLine, conf);
  lap('case');
  const { out, meanConfidence } = collect(kept);
  lap('output');
  return {
    lines: out,
    discarded,
    meanConfidence,
    method: 'Khôi phục tự động: lọc nhiễu quét, sinh ứng viên âm tiết theo mô hình nhầm lẫn ký tự học từ dữ liệu, mô hình ngôn ngữ trigram âm tiết và đối chiếu văn bản gần giống; giải mã Viterbi.',
  };
}

// The stages before and after decoding, as module functions over one `Run` (rather than closures
// made inside `restoreLines` per call: code optimised for one call's closures is thrown away at the
// next call, and one long function is recompiled whole whenever any part of it is).

/** Letters only, one of them accented (`Run.candsOf`). */
const ACCENTED_WORD = /^(?=.*[^\p{ASCII}])\p{L}+$/u;

/** The references' most frequent successors of a word, with their ids, syllable validity and char ids (`spell`, once asked for). */
interface Successors { words: string[]; ids: Int32Array; ok: Uint8Array; spelled: Array<Int32Array | undefined> }

/**
 * What the context candidates need of the slots of one `source` (OCR word and alternative reading):
 * the ids of their own candidates, the channel costs of targets given the OCR word, and the context
 * candidates found after each previous readings (by `readingsKey`) and before each next readings
 * (`before`: those within the bound that are no own candidate).
 */
/** `index`: its number in the run (its own candidates' ids are `Run.ownIds`' keys (index, id)). */
interface SourceInfo { index: number; costs: WordCosts; context: Map<number | string, Cand[]>; before: Map<number | string, Cand[]> }

/** A key of up to 3 word ids (a slot's first readings): a number when they are small, else a string. */
export function readingsKey(ids: readonly number[]): number | string {
  const B = 1 << 17, H = 1 << 16;
  let k = 0;
  for (let i = 0; i < 3; i++) {
    if (i < ids.length) {
      const id = ids[i]!;
      if (id < -H || id >= H - 1) return ids.join(',');
      k = k * B + (id + H + 1);
    } else k = k * B;
  }
  return ids.length > 3 ? ids.join(',') : k;
}

/**
 * The language model whose ids `runCand` gives its candidates: set by `Run.candsOf` before each
 * search (searches never overlap). One module-level function rather than a closure per run: the
 * search's optimised code calls the function it was given, and a new closure each run threw that
 * code away hundreds of times in a process's second restoration ('wrong call target').
 */
let CAND_LM: LanguageModel | null = null;
function runCand(syllable: string, index: number, channel: number): Cand {
  return { syllable, channel, id: CAND_LM!.syllableId(index) };
}

/** One restoration's state: models and weights, the slots and lattice steps, and the memos keyed by this input. */
class Run {
  readonly slots: Slot[] = [];
  readonly steps: Step[] = [];
  /** Syllable validity of the words met (the same words recur). */
  readonly syllables = new ValidSyllables();
  /** Candidate lists by search limit, then by OCR word (the first pass's, the second pass's widened ones). */
  private readonly candCache = new Map<number, Map<string, Cand[]>>();
  /** First readings by OCR word (see `firstReadingOf`). */
  private readonly firstBySource = new Map<string, FirstReading>();
  private readonly succMemo = new Map<string, Successors>();
  private readonly predMemo = new Map<string, Successors>();
  /** What the context candidates need of each slot `source` (see `sourceOf`). */
  private readonly sources = new Map<string, SourceInfo>();
  /** Reference bonuses, keyed (slot index, candidate index): one table for the run, not a map per slot. */
  readonly bonus = new PairTable(1024);
  /** The ids of each source's own candidates, keyed (source index, id) (see `sourceOf`). */
  private readonly ownIds = new PairTable(4096);
  /** The ids of slots' appended candidates, keyed (slot index, id), as `hasCand` lists them (one table, not a set per slot). */
  private readonly appended = new PairTable(1024);

  readonly models: Models;
  readonly W: typeof WEIGHTS;

  constructor(models: Models, W: typeof WEIGHTS) {
    this.models = models;
    this.W = W;
  }

  /**
   * The `limit` best candidates of an OCR word (lower case), with their language-model ids, once per
   * distinct word and limit: the first pass's within `WEIGHTS.beam` of the best, a widened search's (another limit) without a beam.
   */
  candsOf(key: string, limit = FIRST_CANDIDATES): Cand[] {
    let byWord = this.candCache.get(limit);
    if (!byWord) this.candCache.set(limit, (byWord = new Map()));
    let c = byWord.get(key);
    if (!c) {
      CAND_LM = this.models.lm;
      const beam = limit === FIRST_CANDIDATES ? this.W.beam : Infinity;
      c = candidatesWith(key, this.models.channel, limit, this.W.bound, runCand, beam);
      // A word of accented letters damaged past the bound (marks the channel never saw the scan
      // print: `qụyêt`) is searched again with twice the bound rather than left without a reading.
      // (Not codes, names and addresses, which have no reading because they are no syllable: `Email`, `01b`.)
      if (!c.length && ACCENTED_WORD.test(key)) c = candidatesWith(key, this.models.channel, limit, 2 * this.W.bound, runCand, beam);
      byWord.set(key, c);
    }
    return c;
  }

  /** Append a context-only step (punctuation, a fixed token's language-model token). */
  push(lm: string): void {
    this.steps.push({ options: [{ lm, id: this.models.lm.id(lm), score: 0, text: '' }], slot: -1 });
  }

  /**
   * The 3 best of a slot's first 12 candidates by channel + unigram, ties in candidate order (they
   * depend on those 12 only). Slots of the same OCR word have the same own candidates, so while the
   * first 12 are all their own they share their first readings (worked out once per distinct word).
   */
  firstReadingOf(s: Slot): FirstReading {
    const n = Math.min(12, s.cands.length);
    if (s.first && s.first.n === n) return s.first;
    const shared = n <= s.own;
    if (shared) {
      const f = this.firstBySource.get(s.source);
      if (f && f.n === n) return (s.first = f);
    }
    const lm = this.models.lm;
    const top: number[] = [], sc: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = s.cands[i]!;
      const v = -c.channel + lm.logUnigramId(c.id);
      let at = top.length;
      while (at > 0 && sc[at - 1]! < v) at--;
      if (at < 3) { top.splice(at, 0, i); sc.splice(at, 0, v); if (top.length > 3) { top.length = 3; sc.length = 3; } }
    }
    const words: string[] = [], ids: number[] = [];
    for (const i of top) { words.push(s.cands[i]!.syllable); ids.push(s.cands[i]!.id); }
    const r: FirstReading = { n, words, ids, scores: sc };
    if (shared) this.firstBySource.set(s.source, r);
    return (s.first = r);
  }

  /** The references' successors of a word, looked up once per word. */
  successorsOf(prev: string): Successors {
    return this.neighboursOf(prev, false);
  }

  /** The references' most frequent successors of a word (or predecessors, `before`), with their ids and syllable validity, once per word. */
  private neighboursOf(w: string, before: boolean): Successors {
    const memo = before ? this.predMemo : this.succMemo;
    let x = memo.get(w);
    if (!x) {
      const lm = this.models.lm;
      const words = before ? lm.predecessors(w) : lm.successors(w);
      const ids = new Int32Array(words.length), ok = new Uint8Array(words.length);
      for (let k = 0; k < words.length; k++) { ids[k] = lm.id(words[k]!); ok[k] = this.syllables.has(words[k]!) ? 1 : 0; }
      memo.set(w, (x = { words, ids, ok, spelled: new Array<Int32Array | undefined>(words.length).fill(undefined) }));
    }
    return x;
  }

  /** The ids of a slot's own candidates, its OCR word's channel costs and its context candidates by previous readings: once per distinct `source`. */
  sourceOf(s: Slot): SourceInfo {
    let x = this.sources.get(s.source);
    if (!x) {
      const index = this.sources.size;
      for (let i = 0; i < s.own; i++) this.ownIds.set(index, s.cands[i]!.id, 1);
      this.sources.set(s.source, (x = { index, costs: wordCosts(s.lower, this.models.channel), context: new Map(), before: new Map() }));
    }
    return x;
  }

  /** Whether a slot has a candidate: the own candidates' ids once per distinct OCR word, the appended ones per slot. */
  hasCand(s: Slot, id: number, src = this.sourceOf(s)): boolean {
    if (this.ownIds.has(src.index, id)) return true;
    const n = s.cands.length;
    if (n === s.own) return false;
    for (let i = s.own + s.extra; i < n; i++) this.appended.set(s.index, s.cands[i]!.id, 1);
    s.extra = n - s.own;
    return this.appended.has(s.index, id);
  }

  /**
   * Append to slot `s` the references' successors of `prev` it lacks that the channel finds within the
   * context bound (the language model vouches for them, so a worse reading is allowed), and to `added`
   * if given. (A successor found too costly for the slot's word is remembered by the word's `WordCosts`.)
   */
  addSuccessors(s: Slot, prev: string, added?: Cand[], src = this.sourceOf(s)): void {
    const sx = this.successorsOf(prev);
    for (let k = 0; k < sx.words.length; k++) {
      if (!sx.ok[k] || this.hasCand(s, sx.ids[k]!, src)) continue;
      const c = this.contextCand(src, sx, k);
      if (!c) continue;
      this.addCand(s, c);
      added?.push(c);
    }
  }

  /** Neighbour `k` of `nx` as a candidate of the slots of `src`, if the channel finds it within the context bound. */
  private contextCand(src: SourceInfo, nx: Successors, k: number): Cand | null {
    const w = nx.words[k]!;
    const cost = src.costs.within(w, this.W.contextBound, (nx.spelled[k] ??= spell(w, this.models.channel)));
    return cost === Infinity ? null : { syllable: w, channel: cost, id: nx.ids[k]! };
  }

  /**
   * Append to slot `s` the references' predecessors of `next` (the next slot's likely readings, with
   * their ids) that it lacks and the channel finds within the context bound; those found are kept per
   * distinct OCR word and readings.
   */
  addPredecessors(s: Slot, next: readonly string[], ids: readonly number[]): void {
    const src = this.sourceOf(s);
    const key = readingsKey(ids);
    let found = src.before.get(key);
    if (!found) {
      // (Those within the bound that are no own candidate: what the slot got otherwise is checked below.)
      found = [];
      const seen = new Set<number>();
      for (const w of next) {
        const px = this.neighboursOf(w, true);
        for (let k = 0; k < px.words.length; k++) {
          const id = px.ids[k]!;
          if (!px.ok[k] || this.ownIds.has(src.index, id) || seen.has(id)) continue;
          seen.add(id);
          const c = this.contextCand(src, px, k);
          if (c) found.push(c);
        }
      }
      src.before.set(key, found);
    }
    for (const c of found) if (!this.hasCand(s, c.id, src)) this.addCand(s, c);
  }

  /** The `limit` best candidates of a slot's OCR word (its alternative reading aside), appended where the slot lacks them. */
  widen(s: Slot, limit: number): void {
    const src = this.sourceOf(s);
    for (const x of this.candsOf(s.lower, limit)) if (!this.hasCand(s, x.id, src)) this.addCand(s, x);
  }

  /** Append a candidate the slot does not have (candidates are only ever appended). */
  addCand(s: Slot, c: Cand): void {
    if (s.shared) { s.cands = s.cands.slice(); s.shared = false; }
    s.cands.push(c);
  }
}

/** Clean-up passes over every line: debris lines discarded, the others' work tokens. */
function cleanLines(lines: SourceLine[], pass: PassContext): { kept: Array<{ line: SourceLine; tokens: WorkToken[] }>; discarded: DiscardedLine[] } {
  const discarded: DiscardedLine[] = [];
  const kept: Array<{ line: SourceLine; tokens: WorkToken[] }> = [];
  for (const line of lines) {
    if (!line.text.trim()) { kept.push({ line, tokens: [] }); continue; }
    const reason = debrisLine(line.text);
    if (reason) { discarded.push({ line: line.n, text: line.raw, reason }); continue; }
    let tokens: WorkToken[] = line.text.split(/\s+/u).filter(Boolean).map((t) => ({ text: t, ocr: t }));
    for (const [, p] of LINE_PASSES) tokens = p(tokens, pass);
    kept.push({ line, tokens });
  }
  romanChapterNumerals(kept.map((k) => k.tokens));
  pointLetterSequence(kept.map((k) => k.tokens), pass.channelCost);
  return { kept, discarded };
}

/** Slots (a word to restore, with its candidates) and lattice steps for every token of the kept lines. */
function buildLattice(run: Run, kept: Array<{ line: SourceLine; tokens: WorkToken[] }>): void {
  for (let li = 0; li < kept.length; li++) {
    const tokens = kept[li]!.tokens;
    // (A heading in capitals beside other text on the line, `capsRuns`, is capitals too.)
    const caps = isCapsLine(tokens, run.models.pass);
    const runs = caps ? null : capsRuns(tokens, run.models.pass);
    for (let ti = 0; ti < tokens.length; ti++) addToken(run, tokens[ti]!, li, ti, caps || runs![ti]!);
  }
}

// (The loops of the stages call a function per item: a function called thousands of times is
// optimised once and kept, where a long loop in a function called once per run is compiled again
// on the stack in every run.)

/** The steps of one token: context-only steps for fixed tokens and punctuation, a slot for a word. */
function addToken(run: Run, t: WorkToken, li: number, ti: number, caps: boolean): void {
  const { slots, steps, W } = run;
  if (!t.text) return;
  if (t.fixed) { for (const x of lmTokens(t.text)) run.push(x); return; }
  // Trailing punctuation, including the end-of-text mark `./.`, stays outside the word.
  const m = splitToken(t.text);
  const core = m[2];
  const digits = allDigits(core);
  const isNumber = digits && core.length <= 2;
  if (!core || (!isNumber && !hasWordChar(core)) || (digits && !isNumber)) {
    t.fixed = true; t.confidence = 1;
    for (const x of lmTokens(t.text)) run.push(x);
    return;
  }
  for (const c of m[1]!) if (c === '(') run.push('(');
  const key = core.toLowerCase();
  // (The word's cached list itself, copied when a candidate is first appended: `Run.addCand`.)
  const own = run.candsOf(key);
  let all = own;
  // An alternative reading of the OCR token (letters a pass cut off) adds its candidates, slightly penalised.
  if (t.alt && t.alt.toLowerCase() !== key) {
    all = [...own];
    for (const c of run.candsOf(t.alt.toLowerCase())) {
      let have = 0;
      while (have < all.length && all[have]!.syllable !== c.syllable) have++;
      const cost = c.channel + W.alt;
      if (have === all.length) all.push({ syllable: c.syllable, channel: cost, id: c.id });
      else if (cost < all[have]!.channel) all[have] = { syllable: c.syllable, channel: cost, id: c.id };
    }
  }
  // (Every field set here, the optional ones too: slots keep one shape.)
  slots.push({ line: li, token: ti, lead: m[1]!, trail: m[3]!, core, lower: key, caps, cands: all, keep: !run.syllables.has(core) || isNumber, number: isNumber, bonus: 0, own: all.length, shared: all === own, source: t.alt ? key + '\u0001' + t.alt.toLowerCase() : key, index: slots.length, extra: 0, first: undefined });
  steps.push({ options: [], slot: slots.length - 1 });
  for (const c of m[3]!) if (',.;:)'.includes(c)) run.push(c);
}

/**
 * A token as /^([(["]*)(.*?)((?:(?<=\p{L})\/)?[,.;:)\]!]*(?:\/\.|(?<=\.)\/(?:V|\.\/)?)?)$/u splits it,
 * [whole, lead, core, trail], by a scan: the opening brackets and quotes, then the word, then the
 * longest tail of closing punctuation (with the end-of-text mark `./.` and the variants a scan or a
 * source prints, `./V`, `././`, `./`, as the parser's `hasEndMark` takes them: `ngày ký././`, `quyết
 * định./V` in Kiên Giang 2019; and a slash right after a letter: `quý/`). (Tokens have no line breaks;
 * one that had is split by the expression itself.)
 */
export function splitToken(text: string): [string, string, string, string] {
  if (LINE_BREAK.test(text)) { const m = TOKEN_PARTS.exec(text)!; return [m[0], m[1]!, m[2]!, m[3]!]; }
  const n = text.length;
  let a = 0;
  while (a < n && (text.charCodeAt(a) === 40 || text.charCodeAt(a) === 91 || text.charCodeAt(a) === 34)) a++; // ( [ "
  let k = n;
  const c1 = text.charCodeAt(n - 1), c2 = text.charCodeAt(n - 2);
  // The end mark's slash and what follows it: `/.` after anything; after a full stop `/./`, `/V`, `/`.
  if (n - a >= 4 && c1 === 47 && c2 === 46 && text.charCodeAt(n - 3) === 47 && text.charCodeAt(n - 4) === 46) k = n - 3; // "./" "./"
  else if (n - a >= 3 && c1 === 86 && c2 === 47 && text.charCodeAt(n - 3) === 46) k = n - 2; // "." "/V"
  else if (n - a >= 2 && c2 === 47 && c1 === 46) k = n - 2; // "/."
  else if (n - a >= 2 && c1 === 47 && c2 === 46) k = n - 1; // "." "/"
  while (k > a && CLOSING.has(text.charCodeAt(k - 1))) k--;
  // A slash right after the word's letters is punctuation too (`01 quý/ lần`: once a quarter).
  if (k - a >= 2 && text.charCodeAt(k - 1) === 47 && isLetter([...text.slice(Math.max(a, k - 3), k - 1)].pop()!)) k--;
  return [text, text.slice(0, a), text.slice(a, k), text.slice(k)];
}
const TOKEN_PARTS = /^([(["]*)(.*?)((?:(?<=\p{L})\/)?[,.;:)\]!]*(?:\/\.|(?<=\.)\/(?:V|\.\/)?)?)$/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
/** , . ; : ) ] ! */
const CLOSING = new Set([44, 46, 59, 58, 41, 93, 33]);

/** Whether a string is one or more ASCII digits (/^\d+$/u). */
function allDigits(s: string): boolean {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) { const u = s.charCodeAt(i); if (u < 48 || u > 57) return false; }
  return true;
}

/** Whether a string has a letter or one of `$&¢¥` (/[\p{L}$&¢¥]/u). */
export function hasWordChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) { if (isLetter(s.slice(i, i + 2))) return true; i++; continue; }
    }
    if (u === 36 || u === 38 || u === 0xa2 || u === 0xa5 || isLetter(s[i]!)) return true;
  }
  return false;
}

/**
 * Context candidates: words the references put after the likely readings of the previous word
 * (`điện` → `tử`), when the channel finds them plausible for this OCR word. What this adds to a slot
 * depends only on the slot's own candidates (its OCR word and alternative reading) and the previous
 * slot's first readings: word pairs recur, so it is worked out once per such combination and the
 * same candidates are appended to every slot that has it.
 */
function addContextCandidates(run: Run): void {
  const slots = run.slots;
  for (let i = 1; i < slots.length; i++) {
    const s = slots[i]!, p = slots[i - 1]!;
    if (p.line !== s.line && p.line + 1 !== s.line) continue;
    addContextCandidatesOf(run, s, p);
  }
  // A word the scan may have damaged (its best own reading costs more than `WEIGHTS.before`) also gets
  // the words the references put before the likely readings of the next word (`th2nh pho`: `thành`,
  // before `phố`, where the channel puts `thành` past the bound and the previous word `số` vouches
  // only for `tỉnh`).
  const from = run.W.before;
  for (let i = 0; i + 1 < slots.length; i++) {
    const s = slots[i]!, n = slots[i + 1]!;
    if (n.line !== s.line && n.line !== s.line + 1) continue;
    if (s.own > 0 && s.cands[0]!.channel <= from) continue;
    const next = contextReadings(run, n);
    run.addPredecessors(s, next.words, next.ids);
  }
}

/**
 * The readings of a slot whose neighbours in the references propose its neighbours' context
 * candidates: its first readings, and for a number the model's number token too (the words the
 * references put after and before numbers: `ngày 22 thanng 11` → `tháng`). (A syllable's readings
 * never hold that token, so the readings' key tells a number's apart.)
 */
function contextReadings(run: Run, s: Slot): { words: readonly string[]; ids: readonly number[] } {
  const r = run.firstReadingOf(s);
  return s.number ? { words: [...r.words, NUM_TOKEN], ids: [...r.ids, run.models.lm.id(NUM_TOKEN)] } : r;
}

/** The context candidates of slot `s` after slot `p` (see `addContextCandidates`). */
function addContextCandidatesOf(run: Run, s: Slot, p: Slot): void {
  const readings = contextReadings(run, p);
  const src = run.sourceOf(s);
  const key = readingsKey(readings.ids);
  const known = src.context.get(key);
  if (known) { for (const c of known) run.addCand(s, c); return; }
  const added: Cand[] = [];
  for (const prev of readings.words) run.addSuccessors(s, prev, added, src);
  src.context.set(key, added);
}

/** Folded keys interned to ids, and the normalised edit distance of two of them with a memo (see `addReferenceEvidence`). */
class FoldedKeys {
  private readonly keyId = new Map<string, number>();
  readonly keyOf: string[] = [];
  private readonly folded = new Map<string, number>(); // word → id of its folded key
  // Distances of pairs (first-pass key, key) while a reference is aligned: a byte matrix (distance + 1; 0: not computed yet).
  private memo = new Uint8Array(0);
  private memoRows = 0;
  private memoCols = 0;

  idOf(k: string): number {
    let i = this.keyId.get(k);
    if (i === undefined) { this.keyId.set(k, (i = this.keyOf.length)); this.keyOf.push(k); }
    return i;
  }

  /** Id of a word's folded key. */
  foldedId(w: string): number {
    let i = this.folded.get(w);
    if (i === undefined) this.folded.set(w, (i = this.idOf(foldKey(w))));
    return i;
  }

  /** Memoise the distances of pairs (id below `rows`, any id met so far), when the matrix stays under 16 MB; the keys' lengths in an array. */
  memoise(rows: number): void {
    this.memoRows = rows; this.memoCols = this.keyOf.length;
    this.memo = rows * this.memoCols <= 1 << 24 ? new Uint8Array(rows * this.memoCols) : (this.memoRows = 0, new Uint8Array(0));
    if (this.lens.length < this.keyOf.length) this.lens = new Int32Array(2 * this.keyOf.length);
    for (let i = 0; i < this.keyOf.length; i++) this.lens[i] = this.keyOf[i]!.length;
  }
  private lens = new Int32Array(0);

  /** `out[y]` = `scale` × distance(ia, ids[j0 + y]) for y < m: a row of an alignment's costs (memoised pairs read in the loop, the others from `distance`). */
  distanceRow(ia: number, ids: Int32Array, j0: number, m: number, out: Float64Array, scale: number): void {
    const cols = this.memoCols, memo = this.memo, lens = this.lens, n = ia < this.memoRows ? lens[ia]! : -1, base = ia * cols;
    for (let y = 0; y < m; y++) {
      const ib = ids[j0 + y]!;
      const hit = n >= 0 && ib < cols ? memo[base + ib]! : 0;
      out[y] = ia === ib ? scale * 0 : hit ? scale * ((hit - 1) / Math.max(n, lens[ib]!)) : scale * this.distance(ia, ib);
    }
  }

  /** Levenshtein distance of two keys (by UTF-16 unit) over the longer length. */
  distance(ia: number, ib: number): number {
    if (ia === ib) return 0;
    const a = this.keyOf[ia]!, b = this.keyOf[ib]!;
    const n = a.length, m = b.length;
    const at = ia < this.memoRows && ib < this.memoCols ? ia * this.memoCols + ib : -1;
    if (at >= 0 && this.memo[at]) return (this.memo[at]! - 1) / Math.max(n, m);
    const d = levenshtein(a, b);
    if (at >= 0 && d < 255) this.memo[at] = d + 1;
    return d / Math.max(n, m);
  }
}

/**
 * The largest gap between anchors that the reference alignment aligns cell by cell (Needleman–Wunsch);
 * a larger one is aligned through anchors unique inside it (align.ts). With that recursion a smaller
 * bound aligns as much for fewer cells: 15,000 and 60,000 cells gave a mean synthetic SER of 1.358 %
 * and 1.361 % (16 rows), 1.241 % and 1.248 % (seeds 31337, 8888).
 */
const ALIGN_CELLS = 15_000;

/**
 * Evidence from near-duplicate references: the first-pass readings are aligned with each reference
 * (on folded keys; gaps by normalised edit distance, called for every cell of them and memoised
 * because gaps repeat pairs), and an aligned reference word gets a bonus as a reading of its slot.
 */
function addReferenceEvidence(run: Run, references: string[]): void {
  const { slots, W } = run;
  const keys = new FoldedKeys();
  // The best first reading, if it beats keeping the OCR word (or the number).
  const firstIds: number[] = [];
  for (const s of slots) firstIds.push(firstKeyId(run, keys, s, W.keep));
  const firstKeys = keys.keyOf.length;
  for (const ref of references) {
    const words = cleanWords(ref);
    const refIds = words.map((w) => keys.foldedId(w));
    // Only near-duplicates are evidence: most OCR words must find an exact folded partner. A reference
    // whose anchors already show it cannot be one is not aligned at all (the bound is never below the count).
    const plan = anchorPlan(firstIds, refIds, ALIGN_CELLS, undefined, true);
    if (planBound(firstIds, refIds, plan) < 0.4 * slots.length) continue;
    // First-pass keys were interned first (ids below firstKeys); the reference's keys are all interned now.
    keys.memoise(firstKeys);
    const pairs = alignPlan(plan, new ReferenceCosts(keys, firstIds, refIds), 0.9);
    let exact = 0;
    for (const [i, j] of pairs) if (i >= 0 && j >= 0 && firstIds[i] === refIds[j]) exact++;
    if (exact < 0.4 * slots.length) continue;
    for (const [i, j] of pairs) {
      if (i < 0 || j < 0) continue;
      const exactKey = firstIds[i] === refIds[j];
      if (!exactKey && keys.distance(firstIds[i]!, refIds[j]!) > 0.5) continue;
      referenceBonus(run, i, words[j]!, exactKey);
    }
  }
}

/**
 * The folded key's id of a slot's best first reading, if it beats keeping the OCR word (or the
 * number). (The stages' per-item work is in module functions and classes, not closures made in every
 * run: the engine drops a closure's optimised code when the closure dies, and compiled it again every
 * few runs.)
 */
function firstKeyId(run: Run, keys: FoldedKeys, s: Slot, keep: number): number {
  const r = run.firstReadingOf(s);
  return keys.idOf(foldKey(r.words.length && r.scores[0]! > (s.number ? -2 : -keep - 12) ? r.words[0]! : s.number ? '#' : s.lower));
}

/** The costs of aligning the first-pass readings with a reference: twice the normalised distance of their folded keys (see `FoldedKeys.distanceRow`). */
class ReferenceCosts implements SubRows {
  private readonly keys: FoldedKeys;
  // (Typed copies: plain arrays made by different runs may differ in elements kind, and the optimised
  // alignment, which inlines these reads, was thrown away when one did.)
  private readonly firstIds: Int32Array;
  private readonly refIds: Int32Array;
  constructor(keys: FoldedKeys, firstIds: number[], refIds: number[]) { this.keys = keys; this.firstIds = Int32Array.from(firstIds); this.refIds = Int32Array.from(refIds); }
  fill(i: number, j0: number, m: number, out: Float64Array): void {
    this.keys.distanceRow(this.firstIds[i]!, this.refIds, j0, m, out, 2);
  }
}

/** A reference word aligned with a slot: a bonus for it as a reading of the slot (added as a candidate if the channel allows). */
function referenceBonus(run: Run, k: number, r: string, exactKey: boolean): void {
  const s = run.slots[k]!;
  const { models, W } = run;
  if (!run.syllables.has(r)) return;
  const b = exactKey ? W.refExact : W.refGap;
  let at = s.cands.findIndex((c) => c.syllable === r);
  if (at < 0) {
    // The OCR is the authority: the reference word must be a plausible reading of it.
    const cost = channelCostWithin(s.lower, r, models.channel, W.bound);
    if (cost === Infinity) return;
    run.addCand(s, { syllable: r, channel: cost, id: models.lm.id(r) });
    at = s.cands.length - 1;
  }
  if (!run.bonus.has(k, at)) s.bonus++;
  run.bonus.set(k, at, Math.max(run.bonus.get(k, at, 0), b));
}

/** Confidence under which a line-final OCR word of consonants only, on a line in capitals, is stamp debris (`dropTrailingDebris`). */
const DEBRIS_CONFIDENCE = 0.7;

/**
 * Stamp debris at the end of a line in capitals (`CHUYEN DOI SO N`, `THANH PHO PHU QUOC NG`): a last
 * word of one or two letters without a vowel that the decoder could read only with low confidence
 * (`N` → `AN` 0.42, `NG` → `NGỮ` 0.64) is dropped, its OCR kept. A damaged word the context vouches
 * for stays (`CHUYEN DOI SB` → `SỐ`, 1.00). After a small letter or a full stop the clean-up drops such
 * capitals already (`dropTrailingStamp`).
 */
function dropTrailingDebris(run: Run, kept: Array<{ line: SourceLine; tokens: WorkToken[] }>, byLine: number[][], conf: number[]): void {
  const { steps, slots } = run;
  for (let li = 0; li < kept.length; li++) {
    const t = byLine[li]!.at(-1);
    if (t === undefined) continue;
    const s = slots[steps[t]!.slot]!;
    const toks = kept[li]!.tokens;
    const live = toks.filter((x) => x.text !== '');
    if (!s.caps || live.length < 3 || live[live.length - 1] !== toks[s.token] || s.lead || s.trail) continue;
    if (!/^[B-DF-HJ-NP-TV-XZĐ]{1,2}$/u.test(s.core) || conf[t]! >= DEBRIS_CONFIDENCE) continue;
    toks[s.token]!.text = '';
  }
}

/** The steps of each kept line's slots, in order (the words the decoder read, line by line). */
function slotStepsByLine(run: Run, lines: number): number[][] {
  const byLine: number[][] = [];
  for (let li = 0; li < lines; li++) byLine.push([]);
  for (let t = 0; t < run.steps.length; t++) { const st = run.steps[t]!; if (st.slot >= 0) byLine[run.slots[st.slot]!.line]!.push(t); }
  return byLine;
}

/** A step read otherwise than the decoder chose (a name or place from its list): the reading as a new option, chosen, with at most `confidence`. */
function overrule(run: Run, t: number, syllable: string, confidence: number, chosen: number[], conf: number[]): void {
  const st = run.steps[t]!;
  st.options.push({ lm: syllable, id: run.models.lm.id(syllable), score: 0, text: syllable });
  chosen[t] = st.options.length - 1;
  conf[t] = Math.min(conf[t]!, confidence);
}

/** How much better (in the name model's cost) a name reading must be than the decoder's own name reading to replace it. */
const NAME_MARGIN = 2;
/** Confidence of a name word the name model read otherwise than the decoder: listed for reviewers (under `LOW_CONFIDENCE`). */
const NAME_CONFIDENCE = 0.55;

/**
 * Names under a signing title (`isNameLine`, names.ts) read again with the name model instead of the
 * language model: each listed name part (names.ts) scored by the channel's cost of the word's letters
 * read as it and the cost of the syllable as a surname (first word) or a middle or given name. The
 * decoder's reading stays when it is a listed name part within `NAME_MARGIN` of the best (`Lam Minh
 * Thanh`: `Thành` stays, `Thanh` is no better read); otherwise the best listed one replaces it (`Pham
 * Vu H6ng`: `Vi Hưng` → `Vũ Hồng`; `Iam Hai Giang`: `Làm` → `Lâm`), with a confidence that lists it
 * for reviewers. Returns the slots of name lines (written as titles).
 */
function readNames(run: Run, kept: Array<{ line: SourceLine; tokens: WorkToken[] }>, byLine: number[][], chosen: number[], conf: number[]): Set<number> {
  const { steps, slots, W } = run;
  const names = new Set<number>();
  // (The line before is read as decoded: `CHT TICH UBND TINH` is `CHỦ TỊCH UBND TỈNH`.)
  const decoded = (li: number) => {
    const texts = kept[li]!.tokens.map((x) => x.text);
    for (const t of byLine[li]!) { const s = slots[steps[t]!.slot]!; texts[s.token] = s.lead + steps[t]!.options[chosen[t]!]!.text + s.trail; }
    return texts.filter(Boolean).join(' ');
  };
  const printed = (li: number) => kept[li]!.tokens.map((x) => x.text).filter(Boolean).join(' ');
  let prevLi = -1;
  for (let li = 0; li < kept.length; li++) {
    const toks = kept[li]!.tokens;
    let n = 0;
    for (const x of toks) if (x.text !== '') n++;
    if (!n) continue;
    // (Only a line of 2–4 words can be a name; the text of the others is needed only as the line before one.)
    const words = n >= 2 && n <= 4 ? toks.filter((x) => x.text !== '').map((x) => x.text) : [];
    const ts = byLine[li]!;
    // (The line before is read as decoded only for a line shaped as a name.)
    if (ts.length === words.length && nameShaped(words) && prevLi >= 0 && signingTitle(printed(prevLi), decoded(prevLi))) {
      ts.forEach((t, k) => {
        const st = steps[t]!, s = slots[st.slot]!;
        names.add(st.slot);
        const score = (syllable: string, channel: number) => W.channel * channel + nameCost(syllable, k === 0);
        // Every listed name part the scan's letters may spell, not only the word's candidates: a name's
        // letters may read as many common words first (`Iam`: `ịm`, `giam` …, and the decoder's `làm`, before `lâm`).
        const costs = wordCosts(s.lower, run.models.channel);
        let best: string | null = null, bestScore = Infinity;
        for (const name of listedNameParts(k === 0)) {
          const x = score(name, costs.within(name, W.bound));
          if (x < bestScore) { bestScore = x; best = name; }
        }
        if (best === null) return;
        const cur = st.options[chosen[t]!]!;
        const curScore = nameCost(cur.lm, k === 0) < UNLISTED ? score(cur.lm, costs.within(cur.lm, W.bound)) : Infinity;
        if (best === cur.lm || bestScore + NAME_MARGIN > curScore) return;
        overrule(run, t, best, NAME_CONFIDENCE, chosen, conf);
      });
    }
    prevLi = li;
  }
  return names;
}

/** Confidence of a place name read from the gazetteer otherwise than the decoder read it. */
const PLACE_CONFIDENCE = 0.8;
/**
 * A gazetteer reading of a place must cost at most this much channel per syllable. (16 until session 16:
 * `thành phố Phú Qubre` read `Phú Quý` at 14.0 for `quý`, 17.8 for `quốc`, under a leave-one-out
 * channel; districts no list knows, `Tân Hiệp`, still keep their reading: the relative bound `PLACE_PRIOR`
 * is what tells them apart.)
 */
const PLACE_BOUND = 18;
/** How much more channel cost (natural-log units) a listed place may have than the decoder's reading one syllable away from it. */
const PLACE_PRIOR = 7;
/** How much more channel cost the document's own place (read as printed twice or more) may have than the decoder's reading of the same words, which may differ in every syllable. */
const OWN_PLACE_PRIOR = 14;

/** Where a place may stand: its steps, and whether a place of fewer syllables takes the last of them (before a comma) or the first (after `tỉnh`); the fewest it may have. */
interface PlaceWindow { ts: number[]; fromEnd: boolean; min: number }

/**
 * Places read with the gazetteer (provinces, centrally-run cities, cities under a province) by the
 * channel alone, where the language model prefers a frequent word to the name:
 * - the place before the date (`Phfi Quéc, ngay 19 thang 8` → `Phú Quốc, ngày`): the words before a
 *   comma that is followed by `ngày` (as printed, within an edit, or as decoded: `ngilay`). There the model has no context (the
 *   line starts, or a document symbol comes before) and reads `phí` of `chi phí`;
 * - the name after `tỉnh` or `thành phố` (as decoded; the name may start the next line), two syllables
 *   or more: `thành phố Phii Qubc` before `(kèm theo` is not `Phú Quý` (`quý (hoặc đột xuất)`).
 * A window the decoder read as a listed place is that place. Otherwise, when the decoder's reading is
 * one syllable away from a listed place (`Phí Quốc`), the place replaces it if the scan's letters read
 * as it nearly as well (channel cost at most `PLACE_PRIOR` more, and under `PLACE_BOUND` a syllable):
 * the words name a place, and `Phí Quốc` is none. Last, the document's own place, read as a listed
 * place in two windows or more, replaces a reading of other windows that differs in any syllables
 * within `OWN_PLACE_PRIOR` (`TINH KIÉT GIANG`: KIÊN, though `kiét` is nearly `kiệt`; `Phfi Qubc, ngay`:
 * Phú Quốc, not Phí Quý). A place no list knows (`Hòn Đất`, `Tân Hiệp`) is farther from every listed
 * one and keeps the decoder's reading. Returns the slots of the places read (written as titles).
 */
function readPlaces(run: Run, kept: Array<{ line: SourceLine; tokens: WorkToken[] }>, byLine: number[][], chosen: number[], conf: number[]): number[] {
  const { steps, slots } = run;
  const windows: PlaceWindow[] = [];
  const places = new PlaceReader(run, chosen);
  for (let li = 0; li < kept.length; li++) {
    if (!kept[li]!.tokens.some((x) => x.text.endsWith(','))) continue;
    const live = kept[li]!.tokens.map((x, i) => [x, i] as const).filter(([x]) => x.text !== '');
    const stepOf = (token: number) => byLine[li]!.find((t) => slots[steps[t]!.slot]!.token === token);
    // `ngày` as printed (within an edit) or as decoded (`ngilay`, two edits off, read `ngày`).
    const isDay = (k: number) => { const t = stepOf(live[k]![1]); return levenshtein(foldKey(live[k]![0].text).toLowerCase(), 'ngay') <= 1 || (t !== undefined && places.read(t) === 'ngày'); };
    const at = live.findIndex(([x], k) => x.text.endsWith(',') && k + 1 < live.length && isDay(k + 1));
    if (at < 0) continue;
    // The place's words: slots back from the comma, at most 4.
    const ts: number[] = [];
    for (let k = at; k >= 0 && ts.length < 4; k--) {
      const t = stepOf(live[k]![1]);
      if (t === undefined || (k < at && slots[steps[t]!.slot]!.trail)) break;
      ts.unshift(t);
    }
    if (ts.length) windows.push({ ts, fromEnd: true, min: 1 });
  }
  for (let t = 1; t < steps.length; t++) {
    const w = places.read(t - 1);
    if (w !== 'tỉnh' && !(w === 'phố' && t > 1 && places.read(t - 2) === 'thành')) continue;
    // The name's words: the slots right after, at most 4, up to punctuation (a word's own included).
    const ts: number[] = [];
    for (let u = t; u < steps.length && ts.length < 4 && steps[u]!.slot >= 0; u++) {
      ts.push(u);
      if (slots[steps[u]!.slot]!.trail) break;
    }
    if (ts.length >= 2) windows.push({ ts, fromEnd: false, min: 2 });
  }
  const out: number[] = [];
  // Windows read as a listed place; how often each place is read so.
  const own = new Map<readonly string[], number>();
  const open: PlaceWindow[] = [];
  for (const w of windows) {
    const place = places.readAs(w, gazetteerPlaces());
    if (!place) { open.push(w); continue; }
    own.set(place, (own.get(place) ?? 0) + 1);
    for (const t of PlaceReader.take(w, place.length)) out.push(steps[t]!.slot);
  }
  const owned = [...own].filter(([, n]) => n >= 2).map(([p]) => p);
  for (const w of open) {
    const best = places.nearest(w, gazetteerPlaces(), 1, PLACE_PRIOR) ?? (owned.length ? places.nearest(w, owned, 4, OWN_PLACE_PRIOR) : null);
    if (!best) continue;
    for (let i = 0; i < best.mine.length; i++) { const t = best.mine[i]!; if (places.read(t) !== best.place[i]) overrule(run, t, best.place[i]!, PLACE_CONFIDENCE, chosen, conf); }
    for (const t of best.mine) out.push(steps[t]!.slot);
  }
  return out;
}

/**
 * The readings `readPlaces` compares windows of steps with listed places by. (A class, not closures
 * made in every run: those were compiled again in every run, which cost more than running them.)
 */
class PlaceReader {
  private readonly run: Run;
  private readonly chosen: number[];

  constructor(run: Run, chosen: number[]) {
    this.run = run;
    this.chosen = chosen;
  }

  /** The decoder's reading of step t. */
  read(t: number): string {
    return this.run.steps[t]!.options[this.chosen[t]!]!.lm;
  }

  /** The steps of a window a place of n syllables takes. */
  static take(w: PlaceWindow, n: number): number[] {
    return w.fromEnd ? w.ts.slice(w.ts.length - n) : w.ts.slice(0, n);
  }

  static fits(w: PlaceWindow, place: readonly string[]): boolean {
    return place.length <= w.ts.length && place.length >= w.min;
  }

  /** The first of `places` the decoder read the window as, if any. */
  readAs(w: PlaceWindow, places: Iterable<readonly string[]>): readonly string[] | null {
    for (const place of places) {
      if (!PlaceReader.fits(w, place)) continue;
      const mine = PlaceReader.take(w, place.length);
      let same = true;
      for (let i = 0; same && i < mine.length; i++) same = this.read(mine[i]!) === place[i];
      if (same) return place;
    }
    return null;
  }

  /** The channel cost of step t's OCR word read as `syllable`, if within the places' bound. */
  cost(t: number, syllable: string): number {
    const { steps, slots, models } = this.run;
    return syllable.startsWith('<') ? Infinity : channelCostWithin(slots[steps[t]!.slot]!.lower, syllable, models.channel, PLACE_BOUND + OWN_PLACE_PRIOR);
  }

  /**
   * The cheapest place of `places` the window may read (at most `differ` syllables other than the
   * decoder's, each within `PLACE_BOUND`, all within `prior` more than the decoder's reading).
   */
  nearest(w: PlaceWindow, places: Iterable<readonly string[]>, differ: number, prior: number): { mine: number[]; place: readonly string[]; cost: number } | null {
    let best: { mine: number[]; place: readonly string[]; cost: number } | null = null;
    for (const place of places) {
      if (!PlaceReader.fits(w, place)) continue;
      const mine = PlaceReader.take(w, place.length);
      let n = 0, placed = 0, mineCost = 0;
      for (let i = 0; i < mine.length && n <= differ; i++) {
        const t = mine[i]!;
        if (this.read(t) === place[i]) continue;
        n++;
        const c = this.cost(t, place[i]!);
        if (c > PLACE_BOUND) { n = differ + 1; break; }
        placed += c; mineCost += this.cost(t, this.read(t));
      }
      if (n > differ || !(placed - mineCost <= prior) || (best && best.cost <= placed)) continue;
      best = { mine, place, cost: placed };
    }
    return best;
  }
}

/**
 * The chosen readings written back into the work tokens, with their case: this document's own usage
 * where the scan shows the case reliably comes first, then the clean references (documents differ:
 * `Ban Chỉ đạo` in one, `Ban chỉ đạo` in another).
 */
function writeBack(run: Run, kept: Array<{ line: SourceLine; tokens: WorkToken[] }>, chosen: number[], conf: number[], trusted: boolean, proper: Set<number>): void {
  const { steps, slots, models } = run;
  // The chosen language-model token before each step (the start mark before the first).
  const prev: string[] = new Array(steps.length);
  for (let t = 0; t < steps.length; t++) prev[t] = t > 0 ? steps[t - 1]!.options[chosen[t - 1]!]!.lm : BOS;
  const docCase = new Map<string, { cap: number; total: number }>();
  const shapeCase = new Map<string, { cap: number; total: number }>();
  for (let t = 0; t < steps.length; t++) countDocCase(run, steps[t]!, chosen[t]!, prev[t]!, docCase, shapeCase);
  const starts = sentenceStarts(kept);
  // Whether a previous token is a word of the model (not punctuation, not a mark like `<num>`), once per distinct token.
  const wordBefore = new Map<string, boolean>();
  for (let t = 0; t < steps.length; t++) {
    const st = steps[t]!;
    if (st.slot < 0) continue;
    const s = slots[st.slot]!;
    const o = st.options[chosen[t]!]!;
    let text = s.core;
    // A word read as printed, in a document whose print is trusted (`WEIGHTS.trust`), keeps its printed case too.
    if (o.lm !== '<unk>' && o.lm !== NUM_TOKEN && !(trusted && o.lm === s.lower)) {
      const p = starts.body[s.line] === s.token || starts.title[s.line] === s.token ? '.' : prev[t]!;
      let word = wordBefore.get(p);
      if (word === undefined) wordBefore.set(p, (word = /\p{L}/u.test(p) && !p.startsWith('<')));
      // This document's usage after the same word: where the scan shows case reliably, else by letters whose
      // capital has the small letter's shape, counted where they are clear (`Ban Chỉ đạo Chinh quyén` four
      // times decides `REhinh` in the title: Chính).
      const d = docCase.get(p + ' ' + o.lm) ?? shapeCase.get(p + ' ' + o.lm);
      text = applyCase(s.core, o.text, s.caps, d ? { p: (d.cap + 0.5) / (d.total + 1), n: d.total } : models.cases.capital(p, o.lm), word && models.cases.neverCapital(o.lm));
      // Every part of a personal name or a place starts with a capital (`1é Anh Duong`: `Lê`, not `lê`).
      if (proper.has(st.slot)) text = titleCase(text);
    }
    const tok = kept[s.line]!.tokens[s.token]!;
    tok.text = s.lead + text + s.trail;
    // A word kept as printed that no abbreviation, code or name can spell is damaged past every
    // reading (`Trurwéng`, `r6ngil`): however sure the decoder was to keep it, reviewers must see it.
    tok.confidence = o.lm === '<unk>' && unreadable(s.core) ? Math.min(conf[t]!, UNREADABLE_CONFIDENCE) : conf[t]!;
  }
}

/** Confidence of a word kept as printed though it cannot be one (`unreadable`): listed for reviewers (under `LOW_CONFIDENCE`). */
const UNREADABLE_CONFIDENCE = 0.3;

/**
 * Whether a word that is no syllable cannot be printed so either: it has a vowel letter with a
 * Vietnamese mark (abbreviations and codes are plain letters and `Đ`), or digits between lower-case
 * letters (`r6ngil`; a copy count `01b` or a number `36a` starts with its digits).
 */
export function unreadable(core: string): boolean {
  return /[^\p{ASCII}đĐ]/u.test(core) && /^\p{L}+$/u.test(core) || /\p{Ll}\d+\p{Ll}/u.test(core);
}

/**
 * For each kept line, the index of the token whose case is decided as after a full stop (-1: none),
 * though no full stop precedes it: the first word of the first line after a heading and a blank line
 * (`Điều 6. Cơ quan thường trực`, then `5d Thông tin`: `Sở Thông tin`, not a continuation of the
 * heading's title; after a short line in capitals too: `QUY CHẾ`, then `oat động` for the regulation's
 * `Hoạt động …`), and the first word of an article's title (`Điều 6. y viên`: titles start with a
 * capital). A title that wraps goes on in the next line with no blank line between (the real scan,
 * line 332), and a heading line as long as the text's lines is a paragraph that wraps (a decision's
 * `Điều 1. Ban hành kèm theo …`), not a heading alone. (Ingest passes no blank lines: a blank line
 * shows as a gap in the line numbers.)
 */
function sentenceStarts(kept: Array<{ line: SourceLine; tokens: WorkToken[] }>): { body: Int32Array; title: Int32Array } {
  const live = kept.map((k) => k.tokens.flatMap((t, i) => (t.text !== '' ? [i] : [])));
  const lengths = kept.filter((k) => k.line.text.trim()).map((k) => k.line.text.length).sort((a, b) => a - b);
  const median = lengths.length ? lengths[lengths.length >> 1]! : 0;
  const body = new Int32Array(kept.length).fill(-1), title = new Int32Array(kept.length).fill(-1);
  let before = -1; // the last line with text so far
  for (let li = 0; li < kept.length; li++) {
    const idx = live[li]!;
    if (!idx.length) continue;
    const toks = kept[li]!.tokens;
    if (idx.length > 2 && /^(Điều|ĐIỀU)$/u.test(toks[idx[0]!]!.text) && /^\d+[a-z]?[.:]$/u.test(toks[idx[1]!]!.text)) title[li] = idx[2]!;
    if (before >= 0 && kept[before]!.line.n < kept[li]!.line.n - 1 && (HEADING_KEYWORD.test(kept[before]!.tokens[live[before]![0]!]!.text) || inCapitals(kept[before]!.tokens)) && kept[before]!.line.text.length < 0.75 * median) body[li] = idx[0]!;
    before = li;
  }
  return { body, title };
}

/** Whether a line's words are all in capitals (at least two letters), as a heading's: `QUY CHẾ`. */
function inCapitals(tokens: WorkToken[]): boolean {
  let letters = 0;
  for (const t of tokens) {
    if (!t.text) continue;
    for (const c of t.text) if (isLetter(c)) { if (c !== c.toUpperCase() || c === c.toLowerCase()) return false; letters++; }
  }
  return letters >= 2;
}

/**
 * This document's own case usage: a step's chosen word after the previous token, where the scan shows
 * its case reliably (`docCase`), and where it shows it by a letter whose capital has the small letter's
 * shape, `c`, `o`, `s`, `v`, `w`, `x`, `z` (`shapeCase`, used where `docCase` has nothing: in the real
 * scan's dev part 2 of 237 such small letters read as capitals and none of 80 capitals read small, among
 * the words read right but for their marks).
 */
function countDocCase(run: Run, st: Step, chosen: number, prev: string, docCase: Map<string, { cap: number; total: number }>, shapeCase: Map<string, { cap: number; total: number }>): void {
  if (st.slot < 0) return;
  const s = run.slots[st.slot]!;
  const o = st.options[chosen]!;
  if (o.lm.startsWith('<') || s.caps) return;
  const into = caseIsReliable(s.core) ? docCase : SHAPE_CASE.test(s.core) && shapeIsClear(s.core) ? shapeCase : null;
  if (!into) return;
  const k = prev + ' ' + o.lm;
  let e = into.get(k);
  if (!e) into.set(k, (e = { cap: 0, total: 0 }));
  e.total++;
  if (/^\p{Lu}/u.test(s.core)) e.cap++;
}

/** No capital past the first letter (a word's shape, not mixed capitals). */
function shapeIsClear(ocr: string): boolean {
  const { upper, start } = wordShape(ocr);
  return clearShape(upper, start);
}
/** No capital, or only the first code point (`wordShape`'s counts). */
function clearShape(upper: number, start: string): boolean {
  return upper === 0 || (upper === 1 && start !== start.toLowerCase());
}

/** The restored lines with their tokens (NFC, confidences rounded), and the mean confidence of the words. */
function collect(kept: Array<{ line: SourceLine; tokens: WorkToken[] }>): { out: RestoredLine[]; meanConfidence: number } {
  const out: RestoredLine[] = [];
  let sum = 0, count = 0;
  for (const { line, tokens } of kept) {
    const rt: RestoredToken[] = tokens.map((t) => ({ text: t.text.normalize('NFC'), ocr: t.ocr, confidence: round(t.text === '' ? 1 : (t.confidence ?? (t.text === t.ocr ? 1 : 0.9))) }));
    for (const t of rt) if (t.text) { sum += t.confidence; count++; }
    out.push({ ...line, text: rt.filter((t) => t.text !== '').map((t) => t.text).join(' '), tokens: rt });
  }
  return { out, meanConfidence: count ? round(sum / count) : 1 };
}

/**
 * One emission pass: the options of every slot under a language model (run again for the second,
 * cached pass). A class with a method per step rather than a closure in `restoreLines`, so that its
 * optimised code survives from one run to the next.
 */
class EmitPass {
  private readonly run: Run;
  private readonly arena: EmissionArena;
  private readonly prevReadings: number[][];
  private readonly lm: LanguageModel;
  private readonly bos: number;
  // The model hands out one object per context, and one per v for all the contexts (u v) it never
  // saw (those score w from v alone): duplicates are the same object, so each option is scored once
  // per distinct context (the maximum over duplicates is the same).
  private readonly ctxs: LmContext[] = [];
  // Scratch arrays shared by all slots (a slot has a few dozen candidates): ids of the candidates
  // by decreasing emission score, and their language-model scores (filled a run at a time).
  private ordIds = new Int32Array(64);
  private lps = new Float64Array(64);
  // How many options a slot keeps (`K`), and the best K scored so far, by decreasing total, ties by
  // candidate order: candidate index and total.
  private readonly K: number;
  private readonly topI: Int32Array;
  private readonly topV: Float64Array;
  // The second pass's model is the first's with the document cache: where a slot's left contexts
  // are the ones the first pass had, a candidate the cache never counted scores `keep` + its
  // first-pass score, the same number as scoring it again (only the cache's words are scored).
  private readonly cache: LanguageModel['documentCache'];
  private readonly key = new Int32Array(KEY_LEN);
  // Slots of the same OCR word with the same candidates (the same objects: a word's own candidates
  // and the context candidates of a word pair are shared), no reference bonus and the same
  // contexts get the same options: the first such slot's (slot index, its candidate options).
  private readonly seen = new Map<string, Array<{ k: number; cands: Cand[]; n: number; ctxs: LmContext[]; options: Option[] }>>();

  constructor(run: Run, arena: EmissionArena, prevReadings: number[][], lm: LanguageModel, keep: number) {
    this.K = keep;
    this.topI = new Int32Array(keep);
    this.topV = new Float64Array(keep);
    this.run = run;
    this.arena = arena;
    this.prevReadings = prevReadings;
    this.lm = lm;
    this.bos = lm.id(BOS);
    this.cache = lm.documentCache;
  }

  private add(c: LmContext): void {
    if (!this.ctxs.includes(c)) this.ctxs.push(c);
  }

  /** Slot k's emission arrays brought up to its candidates (stable insertion sort: the lists are short and the search already returns them nearly sorted); its offset in the arena. */
  private emissionOf(k: number): number {
    const arena = this.arena, W = this.run.W;
    const s = this.run.slots[k]!, cands = s.cands, n = cands.length;
    if (arena.n[k] === n) return arena.off[k]!;
    arena.reserve(k, n);
    const off = arena.off[k]!, { score, ids, order, lp1 } = arena;
    for (let i = arena.n[k]!; i < n; i++) {
      score[off + i] = -W.channel * cands[i]!.channel + (s.bonus ? this.run.bonus.get(k, i, 0) : 0);
      ids[off + i] = cands[i]!.id;
      lp1[off + i] = NaN;
      let at = i;
      while (at > 0 && score[off + order[off + at - 1]!]! < score[off + i]!) { order[off + at] = order[off + at - 1]!; at--; }
      order[off + at] = i;
    }
    arena.n[k] = n;
    return off;
  }

  /** A slot's options with keeping the OCR word (or the number) added, where it may be kept or nothing else is left. */
  private withKeep(s: Slot, kept: Option[]): Option[] {
    // (A slot with no candidate at all keeps its word whatever it is: a step has at least one option.)
    if (s.keep || !kept.length) { const lmTok = s.number ? NUM_TOKEN : '<unk>'; kept.push({ lm: lmTok, id: this.lm.id(lmTok), text: s.core, score: s.number ? -0.5 : -this.run.W.keep }); }
    return kept;
  }

  /** The options of lattice step `ti` (a slot). */
  step(ti: number): void {
    const { steps, slots } = this.run;
    const st = steps[ti]!;
    const s = slots[st.slot]!;
    const prevs = this.prevReadings[st.slot]!;
    // Also the options already kept for the two previous steps (punctuation included), so a word the
    // previous word's first readings do not predict (`trình tự, th tục` → `thủ`) is not pruned before decoding.
    const cands = s.cands, n = cands.length;
    if (this.ordIds.length < n) { this.ordIds = new Int32Array(2 * n); this.lps = new Float64Array(2 * n); }
    const { ordIds, lps, topI, topV, K, ctxs, cache, key, seen, lm, bos, arena } = this;
    // (The reference bonus is final before the first pass; later candidates are scored as they come.)
    const off = this.emissionOf(st.slot);
    const { score, order, ids: emIds, lp1: lp1s } = arena;
    ctxs.length = 0;
    for (const p of prevs) this.add(lm.contextId(bos, p));
    const uo = ti >= 2 ? steps[ti - 2]!.options : null, vo = ti >= 1 ? steps[ti - 1]!.options : null;
    const nu = uo ? Math.min(2, uo.length) : 1, nv = vo ? Math.min(3, vo.length) : 1;
    for (let a = 0; a < nu; a++) for (let b = 0; b < nv; b++) this.add(lm.contextId(uo ? uo[a]!.id : bos, vo ? vo[b]!.id : bos));
    const nc = ctxs.length;
    // The contexts asked for: the previous slot's first readings (the same in both passes) and these options.
    let kl = 0;
    key[kl++] = nu; key[kl++] = nv;
    for (let a = 0; a < nu; a++) key[kl++] = uo ? uo[a]!.id : bos;
    for (let b = 0; b < nv; b++) key[kl++] = vo ? vo[b]!.id : bos;
    let same = !!cache && nc > 0 && arena.keyLen[st.slot] === kl;
    for (let j = 0; same && j < kl; j++) same = arena.key[st.slot * KEY_LEN + j] === key[j];
    let twin: { k: number; options: Option[] } | null = null;
    if (!s.bonus) {
      for (const e of seen.get(s.source) ?? []) {
        if (e.n !== n || e.ctxs.length !== nc) continue;
        let eq = true;
        for (let k = 0; eq && k < nc; k++) eq = e.ctxs[k] === ctxs[k];
        for (let i = 0; eq && i < n; i++) eq = e.cands[i] === cands[i];
        if (eq) { twin = e; break; }
      }
    }
    if (twin) {
      // (Its first-pass scores are the best over the same contexts for the same candidates.)
      if (!cache && nc) { const from = arena.off[twin.k]!; arena.lp1.copyWithin(off, from, from + n); arena.key.set(key.subarray(0, kl), st.slot * KEY_LEN); arena.keyLen[st.slot] = kl; }
      st.options = this.withKeep(s, twin.options.slice());
      return;
    }
    // No option scores above its emission score plus the best any context gives any word.
    let lmMax = nc ? -Infinity : 0;
    for (let k = 0; k < nc; k++) lmMax = Math.max(lmMax, ctxs[k]!.max);
    lmMax = Math.min(0, lmMax);
    // Keep the best K (`FIRST_OPTIONS`, or `options2` in the second pass) by score + language model
    // (stable: ties keep the candidate order), none more than 7 below the best. Log-probabilities are
    // ≤ max ≤ 0 (`lmMax`: the contexts' bounds), so once the emission score plus that bound falls below
    // the Kth best total or 7 below the best, no later option (taken by decreasing emission score) can
    // be kept, and none is scored. Only the first K in that order can be kept, so only they are
    // remembered; `cut` is the bar below which an option is never kept (the Kth best total, or 7 below
    // the best one), updated when they change.
    let nt = 0, scored = 0, cut = -Infinity;
    // (The model's own contexts give probabilities: the best over the contexts, then one logarithm per word.)
    let probs = nc > 0;
    for (let k = 0; probs && k < nc; k++) probs = ctxs[k]!.maxProbInto !== undefined;
    for (let o = 0; o < n; o++) {
      const i = order[off + o]!;
      if (nt && score[off + i]! + lmMax + 1e-9 < cut) break;
      // The language model scores the next run of candidates in one call per context (the best over
      // the contexts, as one by one; the last few of a run may be past the break and go unused).
      if (o === scored) {
        scored = Math.min(n, o + SCORE_RUN);
        for (let j = o; j < scored; j++) ordIds[j] = emIds[off + order[off + j]!]!;
        if (nc === 0) for (let j = o; j < scored; j++) lps[j] = lm.logUnigramId(ordIds[j]!);
        else if (same) {
          for (let j = o; j < scored; j++) {
            const x = lp1s[off + order[off + j]!]!;
            if (x === x && !cache!.counts(ordIds[j]!)) lps[j] = cache!.keep + x;
            else for (let k = 0; k < nc; k++) ctxs[k]!.maxInto(ordIds, j, j + 1, lps, k === 0);
          }
        } else if (probs) {
          for (let k = 0; k < nc; k++) ctxs[k]!.maxProbInto!(ordIds, o, scored, lps, k === 0);
          for (let j = o; j < scored; j++) lps[j] = Math.log(lps[j]!);
        } else for (let k = 0; k < nc; k++) ctxs[k]!.maxInto(ordIds, o, scored, lps, k === 0);
      }
      const lp = lps[o]!;
      const v = score[off + i]! + lp;
      // Insert by decreasing total, ties by candidate order; the (K+1)th falls off.
      let d = nt < K ? nt++ : K;
      while (d > 0 && (topV[d - 1]! < v || (topV[d - 1]! === v && topI[d - 1]! > i))) {
        if (d < K) { topV[d] = topV[d - 1]!; topI[d] = topI[d - 1]!; }
        d--;
      }
      if (d < K) { topV[d] = v; topI[d] = i; cut = Math.max(nt === K ? topV[K - 1]! : -Infinity, topV[0]! - 7); }
    }
    if (!cache && nc) {
      for (let j = 0; j < scored; j++) lp1s[off + order[off + j]!] = lps[j]!;
      arena.key.set(key.subarray(0, kl), st.slot * KEY_LEN);
      arena.keyLen[st.slot] = kl;
    }
    const top = nt ? topV[0]! : 0;
    const kept: Option[] = [];
    for (let x = 0; x < nt; x++) { if (topV[x]! < top - 7) break; const i = topI[x]!, c = cands[i]!; kept.push({ lm: c.syllable, id: c.id, text: c.syllable, score: score[off + i]! }); }
    if (!s.bonus) {
      const list = seen.get(s.source) ?? [];
      if (!list.length) seen.set(s.source, list);
      list.push({ k: st.slot, cands, n, ctxs: ctxs.slice(), options: kept.slice() });
    }
    st.options = this.withKeep(s, kept);
  }
}

/** Words either side of a word that must be confident too for it to be pinned (`WEIGHTS.pin`). */
const PIN_RADIUS = 1;

/**
 * Pin the steps (words) the first pass read with confidence ≥ `threshold` whose `PIN_RADIUS`
 * neighbours it read so too (punctuation and fixed tokens count as confident): each keeps only its
 * chosen option (its `chosen` becomes 0). Steps `exempt` marks are never pinned. Returns the mask of
 * pinned steps (all 0 when `threshold` is 0).
 */
export function pinSteps(steps: Step[], chosen: number[], conf: number[], threshold: number, exempt?: Uint8Array): Uint8Array {
  const pinned = new Uint8Array(steps.length);
  if (!threshold) return pinned;
  const sure = (t: number) => t < 0 || t >= steps.length || steps[t]!.slot < 0 || conf[t]! >= threshold;
  for (let t = 0; t < steps.length; t++) {
    if (steps[t]!.slot < 0 || exempt?.[t]) continue;
    let ok = true;
    for (let d = -PIN_RADIUS; ok && d <= PIN_RADIUS; d++) ok = sure(t + d);
    if (ok) pinned[t] = 1;
  }
  for (let t = 0; t < steps.length; t++) if (pinned[t]) { steps[t]!.options = [steps[t]!.options[chosen[t]!]!]; chosen[t] = 0; }
  return pinned;
}

/** Emission options of every slot under a language model, at most `keep` per slot (none for the steps `skip` marks). */
function emit(run: Run, arena: EmissionArena, prevReadings: number[][], lm: LanguageModel, keep: number, skip?: Uint8Array): void {
  arena.presize(run.slots);
  const pass = new EmitPass(run, arena, prevReadings, lm, keep);
  const steps = run.steps;
  for (let ti = 0; ti < steps.length; ti++) if (steps[ti]!.slot >= 0 && !(skip && skip[ti])) pass.step(ti);
}

/** The document damage rate under which the second pass trusts the words printed right (`WEIGHTS.trust`). */
const TRUST_BELOW = 0.99;

/**
 * The share λ of its words a document's scan damaged, by EM under the mixture channel
 * P(o | t) = (1 − λ)·[o = t] + λ·P_channel(o | t), from the first pass's readings: a word read
 * otherwise than printed was damaged; one read as printed was damaged with probability
 * λp / (1 − λ + λp), p being the channel's probability of printing it right. Numbers and words kept
 * as printed (no syllable) are left out. λ tends to 1 for a document damaged as the channel's
 * training scan was (the channel alone explains it: the real scan and the synthetic damage give 1),
 * and to about the damaged share for a lighter one (3 % of the words damaged: 0.05; a clean text:
 * 0.01), never under `MIN_DAMAGE`.
 */
export function documentDamage(steps: Step[], slots: ReadonlyArray<{ lower: string; number: boolean; cands: ReadonlyArray<{ syllable: string; channel: number }> }>, chosen: number[]): number {
  const ps: number[] = [];
  let overruled = 0;
  for (let t = 0; t < steps.length; t++) {
    const st = steps[t]!;
    if (st.slot < 0) continue;
    const s = slots[st.slot]!, read = st.options[chosen[t]!]!.lm;
    if (s.number || read.startsWith('<')) continue;
    if (read !== s.lower) { overruled++; continue; }
    const printed = s.cands.find((c) => c.syllable === s.lower);
    ps.push(printed ? Math.exp(-printed.channel) : 1);
  }
  const n = overruled + ps.length;
  if (!n) return 1;
  let lambda = 0.5;
  for (let it = 0; it < 100; it++) {
    let damaged = overruled;
    for (const p of ps) damaged += (lambda * p) / (1 - lambda + lambda * p);
    const next = damaged / n;
    if (Math.abs(next - lambda) < 1e-6) { lambda = next; break; }
    lambda = next;
  }
  // (No document is trusted beyond one damaged word in a thousand: the odds stay finite.)
  return Math.max(lambda, MIN_DAMAGE);
}
const MIN_DAMAGE = 1e-3;

/**
 * The mixture channel of `documentDamage` for the second pass: every slot whose OCR word is a
 * candidate (a valid syllable) gets ln((1 − λ + λp) / (λp)) more for reading it as printed (the
 * mixture's odds over the channel's, in channel units). Returns the steps the first pass read
 * otherwise than printed, which the second pass must reconsider (so they are not pinned).
 */
function trustPrinted(run: Run, arena: EmissionArena, chosen: number[], lambda: number): Uint8Array {
  const { steps, slots, W } = run;
  const overruled = new Uint8Array(steps.length);
  // (A slot is one step.)
  for (let t = 0; t < steps.length; t++) {
    const st = steps[t]!;
    if (st.slot < 0) continue;
    const s = slots[st.slot]!;
    const i = s.cands.findIndex((c) => c.syllable === s.lower);
    if (i < 0 || i >= arena.n[st.slot]!) continue;
    const p = Math.exp(-s.cands[i]!.channel);
    arena.raise(st.slot, i, W.trust * W.channel * Math.log((1 - lambda + lambda * p) / (lambda * p)));
    if (st.options[chosen[t]!]!.lm !== s.lower) overruled[t] = 1;
  }
  return overruled;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
