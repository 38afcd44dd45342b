/**
 * Article alignment between two documents: a typed, scored, global assignment computed from the text.
 *
 * Pipeline (pure functions over data):
 *  1. units: every article of the regulation (or of the decision when there is no regulation) becomes a
 *     `Unit` {id, number, title, text, position};
 *  2. features: folded (fold() — diacritics off, đ→d), lower-cased text as character 4-grams weighted by
 *     TF-IDF over both documents; titles as character 3-grams. Character n-grams instead of syllables
 *     because OCR damage usually breaks one or two letters of a syllable, not the whole syllable;
 *  3. similarity matrix: combined = wContent·cosine(content) + wTitle·cosine(title) + wPosition·(1 − |Δ rel. position|);
 *  4. global one-to-one assignment maximising Σ max(0, combined − threshold) (Hungarian algorithm), after
 *     curated overrides are fixed; pairs under the threshold stay unmatched;
 *  5. typing: order breaks (pairs outside the longest increasing subsequence) are `moved`; unmatched
 *     articles whose text is largely contained in a matched article of the other side are `split`/`merged`;
 *     the rest are `added`/`removed`; matched pairs are `renumbered` › `renamed` › `modified` › `unchanged`.
 */
import { foldKey } from './fold.ts';
import { pushTo } from './multimap.ts';
import type { Article, Clause, Document } from './schema.ts';

/** Kinds of change an aligned pair can show. */
export const CHANGE_TYPES = [
  'unchanged',
  'modified',
  'renumbered',
  'renamed',
  'moved',
  'split',
  'merged',
  'added',
  'removed',
] as const;
/** One kind of change. */
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** Vietnamese labels of the change types (UI). */
export const CHANGE_LABELS: Record<ChangeType, string> = {
  unchanged: 'Giữ nguyên',
  modified: 'Sửa đổi',
  renumbered: 'Đánh số lại',
  renamed: 'Đổi tên',
  moved: 'Chuyển vị trí',
  split: 'Tách',
  merged: 'Gộp',
  added: 'Bổ sung mới',
  removed: 'Bãi bỏ',
};

/** Something that can be aligned: an article (or a clause, for clause-level alignment). */
export interface Unit {
  /** Element id (`dieu-5`). */
  id: string;
  /** Number as printed (`5`), '' when none. */
  number: string;
  /** Heading. */
  title: string;
  /** Full text (clauses, points and tails joined). */
  text: string;
}

/** Component scores of a pair (0–1 each). */
export interface PairScores {
  /** TF-IDF cosine of folded character 4-grams of the texts. */
  content: number;
  /** Cosine of folded character 3-grams of the titles. */
  title: number;
  /** 1 − |difference of relative positions|. */
  position: number;
  /** Weighted sum used for the assignment. */
  combined: number;
}

/** One row of an alignment. */
export interface AlignedPair {
  /** Article id in the first document, null when added. */
  from: string | null;
  /** Article id in the second document, null when removed. */
  to: string | null;
  /** Article numbers as printed. */
  fromNumber: string | null;
  toNumber: string | null;
  /** Titles as printed. */
  fromTitle: string | null;
  toTitle: string | null;
  /** Kind of change. */
  type: ChangeType;
  /** Combined score of the pair (for added/removed: best score any candidate reached). */
  score: number;
  /** Component scores (for added/removed: those of the best rejected candidate, if any). */
  scores: PairScores | null;
  /** 0–1: how clearly this pair beats its alternatives (margin over the next best candidate). */
  confidence: number;
  /** What differs in a matched pair. */
  changes: { number: boolean; title: boolean; text: boolean };
  /** For split/merged: the articles of the other side involved; for added/removed: best rejected candidate. */
  related: string[];
  /** Set when the pair comes from content/align-overrides.yaml, with its reason. */
  override?: string;
}

/** The alignment of two documents. */
export interface Alignment {
  /** Document ids. */
  from: string;
  to: string;
  /** Pairs in reading order of the second document (removed ones after their predecessor). */
  pairs: AlignedPair[];
  /** Count of pairs per change type. */
  summary: Record<ChangeType, number>;
  /** Number of overrides applied. */
  overrides: number;
}

/** A curated correction of the automatic alignment. */
export interface AlignOverride {
  /** Source document id. */
  fromDoc: string;
  /** Target document id. */
  toDoc: string;
  /** Article id in the source (null: force `to` to be added). */
  from: string | null;
  /** Article id in the target (null: force `from` to be removed). */
  to: string | null;
  /** Why the algorithm is wrong here. */
  reason: string;
}

/** Tunable parameters (defaults chosen on the Kiên Giang pair and checked on all pairs of the corpus). */
export interface AlignOptions {
  /** Weight of the content cosine. */
  wContent: number;
  /** Weight of the title cosine. */
  wTitle: number;
  /** Weight of the position prior. */
  wPosition: number;
  /** Minimum combined score for a match. */
  threshold: number;
  /** Minimum content cosine for a match (titles alone never pair two articles). */
  minContent: number;
  /** Minimum share of an unmatched text found in a matched article for split/merged. */
  containment: number;
  /** Title edit ratio above which a title counts as changed (tolerates residual OCR errors). */
  titleChange: number;
  /** Minimum combined score for a pair that breaks the order (a move is a stronger claim than a match in place). */
  moveThreshold: number;
}

/** Default parameters. */
export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  wContent: 0.65,
  wTitle: 0.2,
  wPosition: 0.15,
  threshold: 0.3,
  minContent: 0.2,
  containment: 0.6,
  titleChange: 0.25,
  moveThreshold: 0.4,
};

// ─── units ────────────────────────────────────────────────────────────────────────────────────

/** Full text of a clause: its own text, its points (with their tail paragraphs) and its tail paragraphs. */
export function clauseText(c: Clause): string {
  return [c.text, ...c.points.flatMap((p) => [`${p.label}) ${p.text}`, ...(p.tail ?? [])]), ...(c.tail ?? [])].filter(Boolean).join(' ');
}

/** Full text of an article (clauses joined; the heading is not included). */
export function articleText(a: Article): string {
  return a.clauses.map(clauseText).join(' ');
}

/** The document part alignment works on: the regulation's articles, else the decision's. */
export type Alignable = Pick<Document, 'id'> & {
  regulation: Pick<NonNullable<Document['regulation']>, 'chapters' | 'articles'> | null;
  decision?: Pick<Document['decision'], 'articles'>;
};

/** Articles of a document in reading order (regulation chapters → sections, then loose articles). */
export function documentArticles(doc: Alignable): Article[] {
  const reg = doc.regulation;
  if (!reg) return doc.decision?.articles ?? [];
  const out: Article[] = [];
  for (const ch of reg.chapters) {
    out.push(...ch.articles);
    for (const s of ch.sections ?? []) out.push(...s.articles);
  }
  out.push(...(reg.articles ?? []));
  return out;
}

/** Turn an article into an alignment unit. */
export function articleUnit(a: Article): Unit {
  return { id: a.id, number: a.number, title: a.title, text: articleText(a) };
}

// ─── features ─────────────────────────────────────────────────────────────────────────────────

/** Folded, lower-cased, punctuation-free text with single spaces (the comparison key). */
export function foldedWords(text: string): string {
  return foldKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A sparse vector over character n-grams: gram ids in ascending order and their weights. The similarity
 * matrix is the hot loop of every comparison page (topics, versions); string-keyed maps made it so, and
 * sorted id arrays let a dot product be one merge.
 */
export interface Sparse {
  ids: Int32Array;
  w: Float64Array;
}

/** Folded text uses 37 symbols (space, a–z, 0–9), so an n-gram (n ≤ 5) is exactly an integer below 37ⁿ. */
const GRAM_BASE = 37;
function gramCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 96; // a–z → 1–26
  if (c >= 48 && c <= 57) return c - 21; // 0–9 → 27–36
  return 0; // space (foldedWords leaves nothing else)
}

// Bags recur: a base document's clauses on every page of a topic, each version in two comparisons. A bounded
// memo (cleared when full) keeps memory flat on any corpus.
const BAG_MEMO = new Map<string, Sparse>();
const BAG_MEMO_MAX = 50_000;

/** Character n-gram counts of folded text (spaces kept as word boundaries) as a sparse vector of gram ids. */
export function gramCounts(text: string, n: number): Sparse {
  const key = `${n}\u0000${text}`;
  const hit = BAG_MEMO.get(key);
  if (hit) return hit;
  const s = ` ${foldedWords(text)} `;
  const count = Math.max(0, s.length - n + 1);
  const all = new Int32Array(count);
  const mod = GRAM_BASE ** (n - 1);
  let id = 0;
  for (let i = 0; i < s.length; i++) {
    id = (i >= n ? id % mod : id) * GRAM_BASE + gramCode(s.charCodeAt(i));
    if (i >= n - 1) all[i - n + 1] = id;
  }
  all.sort();
  let k = 0;
  const ids = new Int32Array(count);
  const w = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (k > 0 && ids[k - 1] === all[i]) w[k - 1]!++;
    else {
      ids[k] = all[i]!;
      w[k++] = 1;
    }
  }
  const bag = { ids: ids.slice(0, k), w: w.slice(0, k) };
  if (BAG_MEMO.size >= BAG_MEMO_MAX) BAG_MEMO.clear();
  BAG_MEMO.set(key, bag);
  return bag;
}

/** TF-IDF vectors (sublinear tf, smoothed idf) of n-gram bags over a small corpus of texts, unit length. */
export function tfidf(bags: Sparse[]): Sparse[] {
  const df = new Map<number, number>();
  for (const b of bags) for (const id of b.ids) df.set(id, (df.get(id) ?? 0) + 1);
  const n = bags.length;
  return bags.map((b) => {
    const w = new Float64Array(b.w.length);
    for (let i = 0; i < w.length; i++) w[i] = (1 + Math.log(b.w[i]!)) * Math.log((n + 1) / (df.get(b.ids[i]!)! + 0.5));
    return unit({ ids: b.ids, w });
  });
}

/** Scale a vector to unit length (the cosine of unit vectors is their dot product). Returns a new vector. */
export function unit(v: Sparse): Sparse {
  let s = 0;
  for (const x of v.w) s += x * x;
  const nv = Math.sqrt(s);
  return { ids: v.ids, w: nv ? v.w.map((x) => x / nv) : v.w };
}

/** Dot product of two sparse vectors (a merge over the sorted ids). */
function dot(a: Sparse, b: Sparse): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) d += a.w[i++]! * b.w[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return d;
}

/** Levenshtein distance (two rows). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Edit distance of the folded forms divided by the longer length (0 = same, 1 = nothing shared). */
export function editRatio(a: string, b: string): number {
  const x = foldedWords(a);
  const y = foldedWords(b);
  const len = Math.max(x.length, y.length);
  return len ? levenshtein(x, y) / len : 0;
}

/** Folded syllable trigrams of a text (multiset). */
function syllableTrigrams(text: string): Map<string, number> {
  const w = foldedWords(text).split(' ').filter(Boolean);
  const m = new Map<string, number>();
  for (let i = 0; i + 3 <= w.length; i++) {
    const g = `${w[i]} ${w[i + 1]} ${w[i + 2]}`;
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/**
 * Share of `part`'s folded syllable trigrams that also occur in `whole` (0–1); 0 for parts shorter than
 * `minSyllables`, whose phrases are too common in this genre to prove anything.
 */
export function containment(part: string, whole: string, minSyllables = 20): number {
  return containmentOf(syllableTrigrams(part), syllableTrigrams(whole), minSyllables);
}

function containmentOf(p: Map<string, number>, w: Map<string, number>, minSyllables = 20): number {
  let total = 0;
  let hit = 0;
  for (const [g, c] of p) {
    total += c;
    hit += Math.min(c, w.get(g) ?? 0);
  }
  return total + 2 >= minSyllables ? hit / total : 0;
}

// ─── assignment ───────────────────────────────────────────────────────────────────────────────

/**
 * Hungarian algorithm (Kuhn–Munkres, potentials form) for a rectangular cost matrix with rows ≤ columns.
 * Returns for each row the assigned column. O(rows² · columns).
 */
export function hungarian(cost: number[][]): number[] {
  const n = cost.length;
  if (!n) return [];
  const m = cost[0]!.length;
  if (n > m) throw new Error('hungarian: more rows than columns');
  const INF = Number.POSITIVE_INFINITY;
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(INF);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const c = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (c < minv[j]!) {
          minv[j] = c;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const rowToCol = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]) rowToCol[p[j]! - 1] = j - 1;
  return rowToCol;
}

/** Indices (into `seq`) of one longest strictly increasing subsequence. O(n log n). */
export function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out = new Set<number>();
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    out.add(k);
    k = prev[k]!;
  }
  return out;
}

/** Full similarity matrix of two unit lists, with component scores. */
export function similarityMatrix(a: Unit[], b: Unit[], opts: AlignOptions = DEFAULT_ALIGN_OPTIONS): PairScores[][] {
  const vecs = tfidf([...a, ...b].map((u) => gramCounts(u.text, 4)));
  const va = vecs.slice(0, a.length);
  const vb = vecs.slice(a.length);
  const ta = a.map((u) => unit(gramCounts(u.title, 3)));
  const tb = b.map((u) => unit(gramCounts(u.title, 3)));
  const rel = (i: number, n: number) => (n > 1 ? i / (n - 1) : 0.5);
  return a.map((_, i) =>
    b.map((_, j) => {
      const content = Math.min(1, dot(va[i]!, vb[j]!));
      const title = a[i]!.title || b[j]!.title ? Math.min(1, dot(ta[i]!, tb[j]!)) : 0;
      const position = 1 - Math.abs(rel(i, a.length) - rel(j, b.length));
      const combined = opts.wContent * content + opts.wTitle * title + opts.wPosition * position;
      return { content: round(content), title: round(title), position: round(position), combined: round(combined) };
    }),
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** Raw one-to-one assignment over a similarity matrix: pairs [i, j] with score ≥ threshold. */
export function assign(
  sim: PairScores[][],
  opts: AlignOptions = DEFAULT_ALIGN_OPTIONS,
  fixed: Array<[number | null, number | null]> = [],
): Array<[number, number]> {
  const n = sim.length;
  const m = n ? sim[0]!.length : 0;
  const fixedRows = new Set(fixed.map(([i]) => i).filter((i): i is number => i !== null));
  const fixedCols = new Set(fixed.map(([, j]) => j).filter((j): j is number => j !== null));
  const rows = [...Array(n).keys()].filter((i) => !fixedRows.has(i));
  const cols = [...Array(m).keys()].filter((j) => !fixedCols.has(j));
  const gain = (i: number, j: number) => {
    const s = sim[i]![j]!;
    return s.content >= opts.minContent ? Math.max(0, s.combined - opts.threshold) : 0;
  };
  const out: Array<[number, number]> = fixed.filter((f): f is [number, number] => f[0] !== null && f[1] !== null);
  if (rows.length && cols.length) {
    const transpose = rows.length > cols.length;
    const R = transpose ? cols : rows;
    const C = transpose ? rows : cols;
    const cost = R.map((r) => C.map((c) => -(transpose ? gain(c, r) : gain(r, c))));
    const res = hungarian(cost);
    res.forEach((k, ri) => {
      if (k < 0) return;
      const [i, j] = transpose ? [C[k]!, R[ri]!] : [R[ri]!, C[k]!];
      if (gain(i, j) > 0) out.push([i, j]);
    });
  }
  out.sort((x, y) => x[1] - y[1]);
  // Weak pairs that break the order are dropped: the position prior speaks against them, and without
  // strong text evidence "moved" is a worse explanation than "removed here, added there".
  const fixedPairs = new Set(fixed.map(([i, j]) => `${i}:${j}`));
  const inOrder = longestIncreasing(out.map(([i]) => i));
  const kept = out.filter(([i, j], k) => inOrder.has(k) || fixedPairs.has(`${i}:${j}`) || sim[i]![j]!.combined >= opts.moveThreshold);
  return fillGaps(sim, opts, kept, fixedRows, fixedCols);
}

/**
 * Second pass, inside the order: unmatched units of both sides that sit in the same gap between two
 * consecutive in-order matches are paired (Hungarian within the gap) when their combined score passes the
 * threshold, even with little shared text. This is how a rewritten article that keeps its place and its
 * subject (2019 Điều 4 "Phó Trưởng ban" → 2022 Điều 4 "Phó Trưởng ban Thường trực") is told from a new one:
 * the order of the neighbours vouches for it. A weak title or content signal is still required.
 */
function fillGaps(
  sim: PairScores[][],
  opts: AlignOptions,
  matches: Array<[number, number]>,
  fixedRows: Set<number>,
  fixedCols: Set<number>,
): Array<[number, number]> {
  const n = sim.length;
  const m = n ? sim[0]!.length : 0;
  const keep = longestIncreasing(matches.map(([i]) => i));
  const anchors = matches.filter((_, k) => keep.has(k));
  const usedA = new Set([...matches.map(([i]) => i), ...fixedRows]);
  const usedB = new Set([...matches.map(([, j]) => j), ...fixedCols]);
  const bounds: Array<[number, number]> = [[-1, -1], ...anchors, [n, m]];
  const extra: Array<[number, number]> = [];
  const gain = (i: number, j: number) => {
    const s = sim[i]![j]!;
    const signal = s.content >= opts.minContent / 2 || s.title >= 0.5;
    return signal ? Math.max(0, s.combined - opts.threshold) : 0;
  };
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [i0, j0] = bounds[k]!;
    const [i1, j1] = bounds[k + 1]!;
    const rows: number[] = [];
    const cols: number[] = [];
    for (let i = i0 + 1; i < i1; i++) if (!usedA.has(i)) rows.push(i);
    for (let j = j0 + 1; j < j1; j++) if (!usedB.has(j)) cols.push(j);
    if (!rows.length || !cols.length) continue;
    const transpose = rows.length > cols.length;
    const R = transpose ? cols : rows;
    const C = transpose ? rows : cols;
    const res = hungarian(R.map((r) => C.map((c) => -(transpose ? gain(c, r) : gain(r, c)))));
    res.forEach((kk, ri) => {
      if (kk < 0) return;
      const [i, j] = transpose ? [C[kk]!, R[ri]!] : [R[ri]!, C[kk]!];
      if (gain(i, j) > 0) extra.push([i, j]);
    });
  }
  return [...matches, ...extra].sort((x, y) => x[1] - y[1]);
}

// ─── typing ───────────────────────────────────────────────────────────────────────────────────

/** Normalise whitespace for the strict "unchanged" test. */
function squash(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Align two lists of units and type every pair. Generic: used for articles and (in diff.ts) for clauses.
 * `fixed` pairs (indices, null = forced unmatched) come from overrides and are kept as they are.
 */
export function alignUnits(
  a: Unit[],
  b: Unit[],
  opts: AlignOptions = DEFAULT_ALIGN_OPTIONS,
  fixed: Array<[number | null, number | null, string]> = [],
): AlignedPair[] {
  const sim = similarityMatrix(a, b, opts);
  const matches = assign(
    sim,
    opts,
    fixed.map(([i, j]) => [i, j]),
  );
  const overrideReason = new Map<string, string>();
  for (const [i, j, reason] of fixed) overrideReason.set(`${i}:${j}`, reason);
  const aTo = new Map<number, number>(matches.map(([i, j]) => [i, j]));
  const bFrom = new Map<number, number>(matches.map(([i, j]) => [j, i]));
  const inOrder = longestIncreasing(matches.map(([i]) => i)); // matches sorted by j

  const pairs: AlignedPair[] = [];
  const tri = new Map<Unit, Map<string, number>>();
  const trigramsOf = (u: Unit) => {
    let t = tri.get(u);
    if (!t) tri.set(u, (t = syllableTrigrams(u.text)));
    return t;
  };
  const bestRow = (i: number, except: number) =>
    sim[i]!.reduce((best, s, j) => (j !== except && s.combined > best ? s.combined : best), 0);
  const bestCol = (j: number, except: number) =>
    sim.reduce((best, row, i) => (i !== except && row[j]!.combined > best ? row[j]!.combined : best), 0);

  const matched: AlignedPair[] = matches.map(([i, j], k) => {
    const s = sim[i]![j]!;
    const ua = a[i]!;
    const ub = b[j]!;
    const changes = {
      number: ua.number !== ub.number,
      title: editRatio(ua.title, ub.title) > opts.titleChange,
      text: squash(ua.text) !== squash(ub.text) || squash(ua.title) !== squash(ub.title),
    };
    const type: ChangeType = !inOrder.has(k)
      ? 'moved'
      : changes.number
        ? 'renumbered'
        : changes.title
          ? 'renamed'
          : changes.text
            ? 'modified'
            : 'unchanged';
    const margin = s.combined - Math.max(bestRow(i, j), bestCol(j, i));
    const reason = overrideReason.get(`${i}:${j}`);
    return {
      from: ua.id,
      to: ub.id,
      fromNumber: ua.number,
      toNumber: ub.number,
      fromTitle: ua.title,
      toTitle: ub.title,
      type,
      score: s.combined,
      scores: s,
      confidence: reason ? 1 : round(clamp01(0.5 + 1.5 * margin)),
      changes,
      related: [],
      ...(reason ? { override: reason } : {}),
    };
  });

  // Unmatched units: split (one old article became several), merged (several became one), or added/removed.
  const unmatched = (side: 'a' | 'b', idx: number): AlignedPair => {
    const u = side === 'a' ? a[idx]! : b[idx]!;
    const other = side === 'a' ? b : a;
    const partnerOf = side === 'a' ? bFrom : aTo; // other index → its partner on this side
    let best = -1;
    let bestScore = 0;
    other.forEach((_, k) => {
      const sc = side === 'a' ? sim[idx]![k]!.combined : sim[k]![idx]!.combined;
      if (sc > bestScore) [best, bestScore] = [k, sc];
    });
    // containment in a matched article of the other side whose own partner does not already hold this text
    let structural: { type: ChangeType; related: string[]; score: number } | null = null;
    other.forEach((o, k) => {
      const partner = partnerOf.get(k);
      if (partner === undefined) return;
      const c = containmentOf(trigramsOf(u), trigramsOf(o));
      if (c < opts.containment) return;
      const partnerUnit = side === 'a' ? a[partner]! : b[partner]!;
      if (containmentOf(trigramsOf(u), trigramsOf(partnerUnit)) >= opts.containment) return; // a duplicate, not a split
      if (!structural || c > structural.score)
        structural = { type: side === 'a' ? 'merged' : 'split', related: [o.id, partnerUnit.id], score: round(c) };
    });
    const reason = overrideReason.get(side === 'a' ? `${idx}:null` : `null:${idx}`);
    const s = best >= 0 ? (side === 'a' ? sim[idx]![best]! : sim[best]![idx]!) : null;
    const st = structural as { type: ChangeType; related: string[]; score: number } | null;
    return {
      from: side === 'a' ? u.id : null,
      to: side === 'b' ? u.id : null,
      fromNumber: side === 'a' ? u.number : null,
      toNumber: side === 'b' ? u.number : null,
      fromTitle: side === 'a' ? u.title : null,
      toTitle: side === 'b' ? u.title : null,
      type: st ? st.type : side === 'a' ? 'removed' : 'added',
      score: st ? st.score : round(bestScore),
      scores: s,
      confidence: reason ? 1 : round(clamp01(st ? st.score : 1 - bestScore / (2 * opts.threshold) + 0.5)),
      changes: { number: false, title: false, text: true },
      related: st ? st.related : best >= 0 ? [other[best]!.id] : [],
      ...(reason ? { override: reason } : {}),
    };
  };

  // Reading order of the target; removed articles are placed after the pair holding their predecessor.
  const removedAfter = new Map<number, AlignedPair[]>(); // key: j index (−1 = before everything)
  for (let i = 0; i < a.length; i++) {
    if (aTo.has(i)) continue;
    let anchor = -1;
    for (let p = i - 1; p >= 0; p--)
      if (aTo.has(p)) {
        anchor = aTo.get(p)!;
        break;
      }
    pushTo(removedAfter, anchor, unmatched('a', i));
  }
  pairs.push(...(removedAfter.get(-1) ?? []));
  const byTo = new Map(matched.map((p, k) => [matches[k]![1], p]));
  for (let j = 0; j < b.length; j++) {
    pairs.push(byTo.get(j) ?? unmatched('b', j));
    pairs.push(...(removedAfter.get(j) ?? []));
  }
  return pairs;
}

/** Count pairs per change type. */
export function summarise(pairs: AlignedPair[]): Record<ChangeType, number> {
  const out = Object.fromEntries(CHANGE_TYPES.map((t) => [t, 0])) as Record<ChangeType, number>;
  for (const p of pairs) out[p.type]++;
  return out;
}

/** Align the articles of two documents (regulation articles; decision articles when there is no regulation). */
export function alignDocuments(
  docA: Alignable,
  docB: Alignable,
  overrides: AlignOverride[] = [],
  opts: AlignOptions = DEFAULT_ALIGN_OPTIONS,
): Alignment {
  const a = documentArticles(docA).map(articleUnit);
  const b = documentArticles(docB).map(articleUnit);
  const ia = new Map(a.map((u, i) => [u.id, i]));
  const ib = new Map(b.map((u, i) => [u.id, i]));
  const fixed: Array<[number | null, number | null, string]> = [];
  for (const o of overrides) {
    if (o.fromDoc !== docA.id || o.toDoc !== docB.id) continue;
    const i = o.from === null ? null : ia.get(o.from);
    const j = o.to === null ? null : ib.get(o.to);
    if (i === undefined || j === undefined || (i === null && j === null))
      throw new Error(`align override ${o.fromDoc}→${o.toDoc} ${o.from}→${o.to}: article not found (stale override)`);
    fixed.push([i, j, o.reason]);
  }
  const pairs = alignUnits(a, b, opts, fixed);
  return { from: docA.id, to: docB.id, pairs, summary: summarise(pairs), overrides: fixed.length };
}
