/**
 * Sequence alignment helpers: Needleman–Wunsch over tokens or characters, and an anchored variant
 * (patience-diff anchors on exact keys, Needleman–Wunsch inside the gaps)
 * that keeps document-length alignments fast.
 */

/** One aligned pair; -1 marks a gap on that side. */
export type Pair = [number, number];

/**
 * Global alignment of a (length n) and b (length m) minimising sub(i, j) and gap costs. With offsets
 * `a0`, `b0` the sequences are a window of longer ones: `sub` is called with the positions in those.
 */
export function needlemanWunsch(n: number, m: number, sub: (i: number, j: number) => number, gapA = 1, gapB = 1, a0 = 0, b0 = 0): Pair[] {
  return needlemanWunschRows(n, m, new CellRows(sub), gapA, gapB, a0, b0);
}

/**
 * Substitution costs a row at a time: `fill(i, j0, m, out)` sets `out[y]` = sub(i, j0 + y) for y < m.
 * A caller with its costs in arrays fills a row in one tight loop instead of a call per cell. (An
 * object with a method rather than a function: a caller that makes one per run keeps one class, so
 * the optimised alignment is not thrown away at the next run's new closure.)
 */
export interface SubRows { fill(i: number, j0: number, m: number, out: Float64Array): void }

/** The rows of a cell function. */
class CellRows implements SubRows {
  private readonly sub: (i: number, j: number) => number;
  constructor(sub: (i: number, j: number) => number) { this.sub = sub; }
  fill(i: number, j0: number, m: number, out: Float64Array): void {
    for (let y = 0; y < m; y++) out[y] = this.sub(i, j0 + y);
  }
}

// Scratch of the alignments (which never overlap), grown as needed: a row of substitution costs, the
// score table and the back-pointer table.
let SUB_ROW = new Float64Array(256);
let DP = new Float64Array(1 << 12);
let BT = new Uint8Array(1 << 12);

/** `needlemanWunsch` with the costs given a row at a time (the same cells, the same result). */
export function needlemanWunschRows(n: number, m: number, rows: SubRows, gapA = 1, gapB = 1, a0 = 0, b0 = 0): Pair[] {
  const W = m + 1;
  const cells = (n + 1) * W;
  // (A table of more than 4M cells is the call's own, not kept for the process's life.)
  const big = cells > 1 << 22;
  if (!big && DP.length < cells) { DP = new Float64Array(Math.min(2 * cells, 1 << 22)); BT = new Uint8Array(DP.length); }
  if (SUB_ROW.length < m) SUB_ROW = new Float64Array(2 * m);
  // (Every cell read is written first: row 0 and column 0 here, the others in order.)
  const dp = big ? new Float64Array(cells) : DP, bt = big ? new Uint8Array(cells) : BT, sub = SUB_ROW; // bt: 0 diag, 1 up (a gap in b), 2 left
  dp[0] = 0; bt[0] = 0;
  for (let i = 1; i <= n; i++) { dp[i * W] = i * gapA; bt[i * W] = 1; }
  for (let j = 1; j <= m; j++) { dp[j] = j * gapB; bt[j] = 2; }
  for (let i = 1; i <= n; i++) {
    rows.fill(a0 + i - 1, b0, m, sub);
    const up = (i - 1) * W, at = i * W;
    for (let j = 1; j <= m; j++) {
      const d = dp[up + j - 1]! + sub[j - 1]!;
      const u = dp[up + j]! + gapA;
      const l = dp[at + j - 1]! + gapB;
      let best = d, b = 0;
      if (u < best) { best = u; b = 1; }
      if (l < best) { best = l; b = 2; }
      dp[at + j] = best;
      bt[at + j] = b;
    }
  }
  const out: Pair[] = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    const b = bt[i * W + j];
    if (i > 0 && j > 0 && b === 0) { out.push([i - 1, j - 1]); i--; j--; }
    else if (i > 0 && (b === 1 || j === 0)) { out.push([i - 1, -1]); i--; }
    else { out.push([-1, j - 1]); j--; }
  }
  return out.reverse();
}

/** Anchors: keys unique in both sequences, kept in a longest increasing chain (patience diff). */
export function patienceAnchors<K>(a: readonly K[], b: readonly K[]): Pair[] {
  const count = (xs: readonly K[]) => {
    const m = new Map<K, number>();
    xs.forEach((x, i) => m.set(x, m.has(x) ? -1 : i));
    return m;
  };
  const ua = count(a), ub = count(b);
  const cand: Pair[] = [];
  for (const [k, i] of ua) {
    const j = ub.get(k);
    if (i >= 0 && j !== undefined && j >= 0) cand.push([i, j]);
  }
  cand.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence on the b index.
  const tails: number[] = [];
  const prev = new Array<number>(cand.length).fill(-1);
  for (let c = 0; c < cand.length; c++) {
    let lo = 0, hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cand[tails[mid]!]![1] < cand[c]![1]) lo = mid + 1; else hi = mid;
    }
    if (lo > 0) prev[c] = tails[lo - 1]!;
    tails[lo] = c;
  }
  const out: Pair[] = [];
  for (let c = tails.length ? tails[tails.length - 1]! : -1; c >= 0; c = prev[c]!) out.push(cand[c]!);
  return out.reverse();
}

/**
 * Align two long token sequences (keys: strings, or interned ids): anchors from keys unique in both (patience diff), then
 * Needleman–Wunsch with `sub` inside each gap (gaps larger than `maxCells` are left unaligned, or with
 * `inner` aligned through anchors unique inside them, recursively: `anchorPlan`). `sub` must be 0 for
 * equal keys (it is called for them too). `known`: the anchors, if the caller has them already
 * (`patienceAnchors(aKeys, bKeys)`).
 * (`inner` is the reference evidence's; the confusion and damage models are learned without it, so
 * the committed `data/confusion.json` stays what it was learned as.)
 */
export function anchoredAlign<K extends string | number>(aKeys: readonly K[], bKeys: readonly K[], sub: (i: number, j: number) => number, gap = 1, maxCells = 400_000, known?: Pair[], inner = false): Pair[] {
  return alignPlan(anchorPlan(aKeys, bKeys, maxCells, known, inner), new CellRows(sub), gap);
}

/** `anchoredAlign` with the substitution costs given a row at a time (see `SubRows`; the same result). */
export function anchoredAlignRows<K extends string | number>(aKeys: readonly K[], bKeys: readonly K[], rows: SubRows, gap = 1, maxCells = 400_000, known?: Pair[], inner = false): Pair[] {
  return alignPlan(anchorPlan(aKeys, bKeys, maxCells, known, inner), rows, gap);
}

/** How deep `anchorPlan` looks for anchors inside a gap too large to align (a few levels find all there are). */
const MAX_ANCHOR_DEPTH = 4;

/**
 * A piece of an anchored alignment, in order: an anchor pair (`a0`, `b0`), a gap aligned cell by cell
 * (`aKeys[a0, a1)` with `bKeys[b0, b1)`), or a gap left unaligned.
 */
export interface PlanPiece { kind: 'anchor' | 'align' | 'open'; a0: number; a1: number; b0: number; b1: number }

/**
 * The shape of `anchoredAlign(aKeys, bKeys, …, maxCells, known, inner)` before any cell is computed:
 * its anchors and its gaps, each gap of at most `maxCells` to be aligned cell by cell; with `inner` a
 * larger gap gets anchors of its own, keys unique inside the gap in both (a document and its
 * near-duplicate share words too common to be unique in the whole text, but unique within a few
 * articles), recursively; any other gap stays unaligned. `alignPlan` aligns it, `planBound` bounds it.
 */
export function anchorPlan<K extends string | number>(aKeys: readonly K[], bKeys: readonly K[], maxCells = 400_000, known?: Pair[], inner = false): PlanPiece[] {
  const out: PlanPiece[] = [];
  planBetween(aKeys, bKeys, maxCells, known ?? patienceAnchors(aKeys, bKeys), 0, aKeys.length, 0, bKeys.length, inner ? MAX_ANCHOR_DEPTH : 0, out);
  return out;
}

function planBetween<K>(aKeys: readonly K[], bKeys: readonly K[], maxCells: number, anchors: Pair[], a0: number, a1: number, b0: number, b1: number, depthLeft: number, out: PlanPiece[]): void {
  let i = a0, j = b0;
  for (let k = 0; k <= anchors.length; k++) {
    const [ai, bj] = k < anchors.length ? anchors[k]! : [a1, b1];
    const n = ai - i, m = bj - j;
    if (n > 0 && m > 0 && n * m <= maxCells) out.push({ kind: 'align', a0: i, a1: ai, b0: j, b1: bj });
    else if (n > 0 || m > 0) {
      const inner = n > 0 && m > 0 && depthLeft > 0 ? patienceAnchors(aKeys.slice(i, ai), bKeys.slice(j, bj)) : [];
      if (inner.length) planBetween(aKeys, bKeys, maxCells, inner.map(([x, y]) => [i + x, j + y] as Pair), i, ai, j, bj, depthLeft - 1, out);
      else out.push({ kind: 'open', a0: i, a1: ai, b0: j, b1: bj });
    }
    if (k < anchors.length) out.push({ kind: 'anchor', a0: ai, a1: ai + 1, b0: bj, b1: bj + 1 });
    i = ai + 1; j = bj + 1;
  }
}

/** The pairs of an alignment plan: anchors as they are, aligned gaps by Needleman–Wunsch, open gaps unpaired. */
export function alignPlan(plan: readonly PlanPiece[], rows: SubRows, gap = 1): Pair[] {
  const out: Pair[] = [];
  for (const { kind, a0, a1, b0, b1 } of plan) {
    if (kind === 'anchor') out.push([a0, b0]);
    else if (kind === 'align') for (const [x, y] of needlemanWunschRows(a1 - a0, b1 - b0, rows, gap, gap, a0, b0)) out.push([x < 0 ? -1 : a0 + x, y < 0 ? -1 : b0 + y]);
    else {
      for (let x = a0; x < a1; x++) out.push([x, -1]);
      for (let y = b0; y < b1; y++) out.push([-1, y]);
    }
  }
  return out;
}

/**
 * An upper bound on the pairs with equal keys that `alignPlan` gives for a plan, without any
 * Needleman–Wunsch: every anchor, plus for each aligned gap at most min(n, m) and at most the common
 * keys (as multisets) inside it. Lets a caller that only wants near-duplicates skip the alignment of a
 * sequence that cannot be one.
 */
export function planBound<K extends string | number>(aKeys: readonly K[], bKeys: readonly K[], plan: readonly PlanPiece[]): number {
  let bound = 0;
  const count = new Map<K, number>();
  for (const { kind, a0, a1, b0, b1 } of plan) {
    if (kind === 'anchor') { bound++; continue; }
    if (kind !== 'align') continue;
    count.clear();
    for (let x = a0; x < a1; x++) count.set(aKeys[x]!, (count.get(aKeys[x]!) ?? 0) + 1);
    let common = 0;
    for (let y = b0; y < b1; y++) {
      const c = count.get(bKeys[y]!);
      if (c) { common++; count.set(bKeys[y]!, c - 1); }
    }
    bound += Math.min(common, a1 - a0, b1 - b0);
  }
  return bound;
}

/** `planBound` of `anchorPlan(aKeys, bKeys, maxCells, known, inner)` (see there). */
export function exactPairsBound<K extends string | number>(aKeys: readonly K[], bKeys: readonly K[], maxCells = 400_000, known?: Pair[], inner = false): number {
  return planBound(aKeys, bKeys, anchorPlan(aKeys, bKeys, maxCells, known, inner));
}

// Bit masks of the pattern's ASCII chars (one bit per position), reset after every call.
const PEQ = new Int32Array(128);

/**
 * Levenshtein distance of two strings (unit costs, by UTF-16 unit). Bit-parallel (Myers 1999, in
 * Hyyrö's form for the global distance): one pass over `b` with the columns of up to 32 chars of `a`
 * held in machine words; longer strings take the two-row dynamic programme.
 */
export function levenshtein(a: string, b: string): number {
  if (a.length > 32 && b.length <= 32) { const x = a; a = b; b = x; }
  const n = a.length, m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if (n > 32) return levenshteinRows(a, b);
  // Chars beyond ASCII are few (folded keys are mostly ASCII): their masks in a short list.
  let wide: number[] | null = null; // char, mask, char, mask …
  for (let i = 0; i < n; i++) {
    const c = a.charCodeAt(i);
    if (c < 128) PEQ[c]! |= 1 << i;
    else {
      wide ??= [];
      let k = 0;
      while (k < wide.length && wide[k] !== c) k += 2;
      if (k === wide.length) wide.push(c, 0);
      wide[k + 1]! |= 1 << i;
    }
  }
  const last = 1 << (n - 1);
  let pv = -1, mv = 0, score = n;
  for (let j = 0; j < m; j++) {
    const c = b.charCodeAt(j);
    let eq = 0;
    if (c < 128) eq = PEQ[c]!;
    else if (wide) for (let k = 0; k < wide.length; k += 2) if (wide[k] === c) { eq = wide[k + 1]!; break; }
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // Row 0 of the table is 0, 1, 2 …: every column adds +1 there.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let i = 0; i < n; i++) { const c = a.charCodeAt(i); if (c < 128) PEQ[c] = 0; }
  return score;
}

/** The same by the two-row dynamic programme (strings of any length). */
function levenshteinRows(a: string, b: string): number {
  const m = b.length;
  let prev = new Int32Array(m + 1), cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
    const x = prev; prev = cur; cur = x;
  }
  return prev[m]!;
}
