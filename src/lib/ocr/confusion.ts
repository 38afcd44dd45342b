/**
 * Learned character confusion model (the OCR "channel"): P(OCR output | true character), where the
 * output is 0–3 characters (deletion, substitution, split such as ư → "ir", leading noise such as
 * Đ → "dp"). Counts come from aligning OCR tokens with the true syllables they stand for (see
 * `learnConfusion`); unseen pairs fall back to a prior that makes losing or changing diacritics
 * cheap and other substitutions expensive. Everything is lower case; casing is handled elsewhere.
 */
import { fold } from '../fold.ts';

/** Serialisable counts: true char → output string → count. */
export interface ConfusionData {
  /** How the counts were obtained (for the data file header). */
  source: string;
  counts: Record<string, Record<string, number>>;
}

/** Vietnamese lower-case letters (all tone/vowel variants) and digits that a true syllable may contain. */
export const TRUE_CHARS = [...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ'];

const BASE = new Map<string, string>();
const base = (c: string) => {
  let b = BASE.get(c);
  if (b === undefined) BASE.set(c, (b = fold(c).toLowerCase()));
  return b;
};

/** Index of each true char in TRUE_CHARS. */
export const TRUE_INDEX = new Map(TRUE_CHARS.map((c, i) => [c, i]));
/** The folded letters of the true chars (`a` for a, à, ă, ấ …), in order of first appearance. */
export const FOLDED_LETTERS = [...new Set(TRUE_CHARS.map(base))];
/** Index of each folded letter in FOLDED_LETTERS. */
export const FOLDED_INDEX = new Map(FOLDED_LETTERS.map((c, i) => [c, i]));
const FOLDED_OF = TRUE_CHARS.map((c) => FOLDED_INDEX.get(base(c))!);
const TRUE_BASE = TRUE_CHARS.map(base);

/** Character-level alignment of an OCR string to the true string: one output string per true char. */
export function charAlign(ocr: string, truth: string): string[] {
  const a = [...truth], b = [...ocr];
  const n = a.length, m = b.length, W = m + 1;
  const dp = new Float64Array((n + 1) * W);
  const bt = new Uint8Array((n + 1) * W);
  for (let i = 1; i <= n; i++) { dp[i * W] = i; bt[i * W] = 1; }
  for (let j = 1; j <= m; j++) { dp[j] = j; bt[j] = 2; }
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    const x = a[i - 1]!, y = b[j - 1]!;
    const s = x === y ? 0 : base(x) === base(y) ? 0.4 : 1;
    const d = dp[(i - 1) * W + j - 1]! + s, u = dp[(i - 1) * W + j]! + 1, l = dp[i * W + j - 1]! + 1;
    let best = d, k = 0;
    if (u < best) { best = u; k = 1; }
    // On ties prefer an insertion: it attaches to the char on the left (ử read as "ir").
    if (l <= best) { best = l; k = 2; }
    dp[i * W + j] = best; bt[i * W + j] = k;
  }
  const outs: string[] = new Array(n).fill('');
  let lead = '';
  let i = n, j = m;
  while (i > 0 || j > 0) {
    const k = bt[i * W + j];
    if (i > 0 && j > 0 && k === 0) { outs[i - 1] = b[j - 1]! + outs[i - 1]; i--; j--; }
    else if (i > 0 && (k === 1 || j === 0)) { i--; }
    else {
      // Insertion: attach to the true char on the left (or the first one when at the start).
      if (i > 0) outs[i - 1] = b[j - 1]! + outs[i - 1];
      else lead = b[j - 1]! + lead;
      j--;
    }
  }
  if (n > 0 && lead) outs[0] = lead + outs[0];
  return outs;
}

/** Count confusions over (ocr, truth) pairs; both lower case. Outputs longer than 3 chars are skipped. */
export function learnConfusion(pairs: Array<[string, string]>, source: string): ConfusionData {
  const counts: Record<string, Record<string, number>> = {};
  for (const [ocr, truth] of pairs) {
    const outs = charAlign(ocr, truth);
    const chars = [...truth];
    if (outs.some((o) => [...o].length > 3)) continue;
    chars.forEach((t, i) => {
      const row = (counts[t] ??= {});
      row[outs[i]!] = (row[outs[i]!] ?? 0) + 1;
    });
  }
  return { source, counts };
}

const ALPHA = 3;
/** Lowest probability of reading a character as itself. */
const IDENTITY_FLOOR = 0.2;

/** Cost model built from learned counts: costs are negative natural logs. */
export interface Channel {
  /** Cost of true char `t` being read as `out` (0–3 chars). */
  cost(t: string, out: string): number;
  /** Lower bound of `cost` over every true char folding to `f` (for the folded search). */
  foldedCost(f: string, out: string): number;
  /** Cost of the OCR string given a true syllable (both lower case). */
  word(ocr: string, truth: string): number;
  /** `cost(t, out)` for every true char t, indexed as TRUE_CHARS (shared, do not modify). */
  costRow(out: string): Float64Array;
  /** `foldedCost(f, out)` for every folded letter f, indexed as FOLDED_LETTERS (shared, do not modify). */
  foldedRow(out: string): Float64Array;
  /** `costRow(out)` and `foldedRow(out)` at once (shared, do not modify). */
  rowPair(out: string): { readonly exact: Float64Array; readonly folded: Float64Array };
}

/** An output string as the prior looks at it: its length in code points, and the base letters of its first two. */
interface OutputShape { n: number; b0: string; b1: string }
function shapeOf(chars: string[]): OutputShape {
  return { n: chars.length, b0: chars.length >= 1 ? base(chars[0]!) : '', b1: chars.length === 2 ? base(chars[1]!) : '' };
}

/**
 * Prior probability of an unseen confusion of `t` (base letter `bt`) read as `out` (of shape `o`);
 * unrelated outputs use the global garbage rate `g()` of `out`.
 */
function prior(t: string, bt: string, out: string, o: OutputShape, g: () => number): number {
  if (out === t) return 0.6;
  if (o.n === 0) return 0.01;
  if (o.n === 1 && o.b0 === bt) return 0.04;
  if (o.n === 2 && (o.b0 === bt || o.b1 === bt)) return 0.002;
  return g();
}

/** Build the channel from learned counts. */
export function buildChannel(data: ConfusionData): Channel {
  return new LearnedChannel(data);
}

/** One output string's costs: from every true char (indexed as TRUE_CHARS) and the folded lower bound for every folded letter (as FOLDED_LETTERS). */
interface Rows { exact: Float64Array; folded: Float64Array }

/**
 * The channel of `buildChannel`. Costs are computed a whole row at a time: for one output string, the
 * cost from every true char and the folded lower bound for every folded letter; the search reads these
 * rows directly, and `cost` and `foldedCost` read them too. An output the counts never show (most
 * 2–3 char strings of an OCR word) has a row that depends only on its shape (length, base letters of
 * its first two chars), so such rows are computed once per shape. (A class, not closures made per
 * channel: a benchmark builds a channel per run, and code optimised for one run's closures would be
 * thrown away in the next.)
 */
class LearnedChannel implements Channel {
  private readonly data: ConfusionData;
  private readonly totals = new Map<string, number>();
  /** Global count of each output when it is unrelated to the true char (digits, symbols, splits). */
  private readonly garbage = new Map<string, number>();
  private readonly all: number;
  /** Output → true char → count. */
  private readonly byOut = new Map<string, Map<string, number>>();
  private readonly total: Float64Array;
  private readonly rows = new Map<string, Rows>();
  private readonly unseenRows = new Map<string, Rows>();
  /** `estimate(0, pr, total of t, false)` for every true char t, per prior pr met (a few values recur: see `rowsOf`). */
  private readonly priorCosts = new Map<number, Float64Array>();

  constructor(data: ConfusionData) {
    this.data = data;
    for (const [t, row] of Object.entries(data.counts)) {
      let s = 0;
      for (const c of Object.values(row)) s += c;
      this.totals.set(t, s);
    }
    let all = 0;
    for (const [t, row] of Object.entries(data.counts)) {
      for (const [out, c] of Object.entries(row)) {
        all += c;
        const related = out === t || [...out].some((x) => base(x) === base(t));
        if (!related) this.garbage.set(out, (this.garbage.get(out) ?? 0) + c);
        let m = this.byOut.get(out);
        if (!m) this.byOut.set(out, (m = new Map()));
        m.set(t, c);
      }
    }
    this.all = all;
    this.total = Float64Array.from(TRUE_CHARS, (t) => this.totals.get(t) ?? 0);
  }

  /** The global rate of an output unrelated to the true char. */
  private g(out: string): number {
    return ((this.garbage.get(out) ?? 0) + 0.05 / [...out].length ** 2) / Math.max(this.all, 1000);
  }

  private rowsOf(out: string): Rows {
    let r = this.rows.get(out);
    if (r) return r;
    const chars = [...out];
    const shape = shapeOf(chars); // the output's part of the prior, once for the row
    const seen = this.byOut.get(out);
    // Unseen and no true char itself: every term below depends on the shape alone (g(out) on the length).
    const key = !seen && !TRUE_INDEX.has(out) ? `${shape.n}\u0000${shape.b0}\u0000${shape.b1}` : null;
    if (key !== null) {
      r = this.unseenRows.get(key);
      if (r) { this.rows.set(out, r); return r; }
    }
    let gv = -1;
    const gOut = () => (gv < 0 ? (gv = this.g(out)) : gv);
    const exact = new Float64Array(TRUE_CHARS.length);
    // A char never seen giving this output (most of them) costs estimate(0, prior, its total, false),
    // a function of the prior's value and the char alone: taken from the table of that value (the
    // prior takes one of a few values per output), the same number computed once per channel.
    let lastPr = NaN, lastCosts: Float64Array | null = null;
    for (let i = 0; i < TRUE_CHARS.length; i++) {
      const t = TRUE_CHARS[i]!;
      const c = seen?.get(t) ?? 0, pr = prior(t, TRUE_BASE[i]!, out, shape, gOut), identity = out === t;
      if (c === 0 && !identity) {
        if (pr !== lastPr) { lastPr = pr; lastCosts = this.costsOfPrior(pr); }
        exact[i] = lastCosts![i]!;
      } else exact[i] = estimate(c, pr, this.total[i]!, identity);
    }
    const folded = new Float64Array(FOLDED_LETTERS.length).fill(Infinity);
    for (let i = 0; i < TRUE_CHARS.length; i++) {
      const f = FOLDED_OF[i]!;
      folded[f] = Math.min(folded[f]!, exact[i]!);
    }
    r = { exact, folded };
    this.rows.set(out, r);
    if (key !== null) this.unseenRows.set(key, r);
    return r;
  }

  /** `estimate(0, pr, total, false)` for every true char's total (see `priorCosts`). */
  private costsOfPrior(pr: number): Float64Array {
    let a = this.priorCosts.get(pr);
    if (!a) {
      a = new Float64Array(TRUE_CHARS.length);
      for (let i = 0; i < TRUE_CHARS.length; i++) a[i] = estimate(0, pr, this.total[i]!, false);
      this.priorCosts.set(pr, a);
    }
    return a;
  }

  cost(t: string, out: string): number {
    const i = TRUE_INDEX.get(t);
    if (i !== undefined) return this.rowsOf(out).exact[i]!;
    return estimate(this.data.counts[t]?.[out] ?? 0, prior(t, base(t), out, shapeOf([...out]), () => this.g(out)), this.totals.get(t) ?? 0, out === t);
  }

  foldedCost(f: string, out: string): number {
    const i = FOLDED_INDEX.get(f);
    return i !== undefined ? this.rowsOf(out).folded[i]! : this.cost(f, out);
  }

  word(ocr: string, truth: string): number {
    const a = [...truth], b = [...ocr];
    const n = a.length, m = b.length;
    let prev = new Float64Array(m + 1).fill(Infinity);
    prev[0] = 0;
    for (let i = 0; i < n; i++) {
      const cur = new Float64Array(m + 1).fill(Infinity);
      for (let j = 0; j <= m; j++) {
        for (let k = 0; k <= 3 && j + k <= m; k++) {
          if (prev[j] === Infinity) continue;
          const v = prev[j]! + this.cost(a[i]!, b.slice(j, j + k).join(''));
          if (v < cur[j + k]!) cur[j + k] = v;
        }
      }
      prev = cur;
    }
    return prev[m]!;
  }

  costRow(out: string): Float64Array {
    return this.rowsOf(out).exact;
  }

  rowPair(out: string): Rows {
    return this.rowsOf(out);
  }

  foldedRow(out: string): Float64Array {
    return this.rowsOf(out).folded;
  }
}

/** Cost of `t` read as `out`: the count `c` smoothed towards the prior `pr`, over `total` (t's count). */
function estimate(c: number, pr: number, total: number, identity: boolean): number {
  let p = (c + ALPHA * pr) / (total + ALPHA);
  // A character printed correctly is always plausible, even from an engine that usually drops the
  // diacritics: without this floor, clean words forced through the restorer (`--ocr`) get rewritten.
  if (identity) p = Math.max(p, IDENTITY_FLOOR);
  return -Math.log(p);
}
