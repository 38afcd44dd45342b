/**
 * Candidate generation: for an OCR word, the valid syllables most likely to have produced it under
 * the learned channel. A trie of folded syllables is searched with a dynamic-programming row per
 * node (lower-bound costs per folded letter), then the surviving folded forms are expanded to their
 * accented spellings and rescored exactly. All per-word costs are tabulated once per word.
 *
 * Data layout (for speed; the results are those of the plain algorithm): the trie is flat typed
 * arrays built once per process (it depends only on the rule-enumerated syllable set); characters
 * are small integers; per channel, each OCR substring (0–3 chars) has a lazily filled row of costs
 * indexed by character; per OCR word, the cost tables are Float64Arrays indexed by character.
 */
import { allSyllables } from './syllable.ts';
import { FOLDED_INDEX, FOLDED_LETTERS, TRUE_CHARS, TRUE_INDEX, type Channel } from './confusion.ts';
import { foldKey } from '../fold.ts';

/** A syllable candidate with its channel cost (negative log probability). */
export interface Candidate { syllable: string; channel: number }

const MAXOUT = 3;
const S = MAXOUT + 1; // table stride per OCR position

/**
 * Characters as small integers: true chars as indexed in TRUE_CHARS, then any other char met in a
 * target string (scored with `channel.cost` directly); folded trie letters as in FOLDED_LETTERS.
 */
const CHARS: string[] = [...TRUE_CHARS];
const CHAR_ID = new Map(TRUE_INDEX);
function charId(c: string): number {
  let i = CHAR_ID.get(c);
  if (i === undefined) { CHAR_ID.set(c, (i = CHARS.length)); CHARS.push(c); }
  return i;
}
const NT = TRUE_CHARS.length;
const NF = FOLDED_LETTERS.length;

/**
 * The folded-syllable trie as flat arrays. Node 0 is the root; the kids of a node are
 * `kids[kidStart[n] .. kidStart[n + 1])` in insertion order; a node's syllables are
 * `words[wordStart[n] .. wordStart[n + 1])` (indices into `syllables`).
 */
interface FlatTrie {
  letter: Int32Array; // folded letter of the node (index in FOLDED_LETTERS)
  kidStart: Int32Array; kids: Int32Array;
  wordStart: Int32Array; words: Int32Array;
  depth: number;
  /** Fewest and most letters left below a node to reach a syllable end (0 at a syllable node). */
  rmin: Int32Array; rmax: Int32Array;
  syllables: string[];
  /** Char ids of each syllable. */
  spelled: Int32Array[];
  /** Position of each syllable in a preorder walk of the trie (words of a node in insertion order). */
  rank: Int32Array;
  /** A node's syllables again, sorted by spelling (`byForm`), with the prefix each shares with the previous (`lcp`). */
  byForm: Int32Array; lcp: Int32Array;
  maxKids: number;
}

let TRIE: FlatTrie | null = null;

function trie(): FlatTrie {
  if (TRIE) return TRIE;
  interface Node { ch: string; kids: Node[]; words: number[]; id: number }
  const syllables = allSyllables();
  const root: Node = { ch: '', kids: [], words: [], id: 0 };
  let depth = 0;
  syllables.forEach((s, si) => {
    let node = root, d = 0;
    for (const c of foldKey(s)) {
      let k = node.kids.find((x) => x.ch === c);
      if (!k) node.kids.push((k = { ch: c, kids: [], words: [], id: -1 }));
      node = k;
      d++;
    }
    depth = Math.max(depth, d);
    node.words.push(si);
  });
  // Number the nodes breadth-first so that each node's kids are contiguous.
  const order: Node[] = [root];
  for (let i = 0; i < order.length; i++) for (const k of order[i]!.kids) { k.id = order.length; order.push(k); }
  const n = order.length;
  const letter = new Int32Array(n), kidStart = new Int32Array(n + 1), wordStart = new Int32Array(n + 1);
  const kids: number[] = [], words: number[] = [];
  order.forEach((node, i) => {
    letter[i] = node.ch ? FOLDED_INDEX.get(node.ch)! : -1;
    kidStart[i] = kids.length;
    for (const k of node.kids) kids.push(k.id);
    wordStart[i] = words.length;
    words.push(...node.words);
  });
  kidStart[n] = kids.length;
  wordStart[n] = words.length;
  const rmin = new Int32Array(n).fill(1 << 20), rmax = new Int32Array(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    if (order[i]!.words.length) { rmin[i] = 0; rmax[i] = Math.max(rmax[i]!, 0); }
    for (const k of order[i]!.kids) {
      rmin[i] = Math.min(rmin[i]!, rmin[k.id]! + 1);
      rmax[i] = Math.max(rmax[i]!, rmax[k.id]! + 1);
    }
  }
  const spelled = syllables.map((s) => Int32Array.from([...s], charId));
  const rank = new Int32Array(syllables.length);
  let r = 0;
  const pre = (node: Node) => { for (const w of node.words) rank[w] = r++; for (const k of node.kids) pre(k); };
  pre(root);
  const byForm = new Int32Array(words.length), lcp = new Int32Array(words.length);
  const cmp = (a: Int32Array, b: Int32Array) => { for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!; return a.length - b.length; };
  for (let i = 0; i < n; i++) {
    const ws = words.slice(wordStart[i]!, wordStart[i + 1]!).sort((a, b) => cmp(spelled[a]!, spelled[b]!));
    ws.forEach((w, x) => {
      byForm[wordStart[i]! + x] = w;
      let l = 0;
      if (x > 0) { const a = spelled[ws[x - 1]!]!, b = spelled[w]!; while (l < a.length && l < b.length && a[l] === b[l]) l++; }
      lcp[wordStart[i]! + x] = l;
    });
  }
  let maxKids = 0;
  for (let i = 0; i < n; i++) maxKids = Math.max(maxKids, kidStart[i + 1]! - kidStart[i]!);
  TRIE = { letter, kidStart, kids: Int32Array.from(kids), wordStart, words: Int32Array.from(words), depth, rmin, rmax, syllables, spelled, rank, byForm, lcp, maxKids };
  return TRIE;
}

/**
 * The cost tables of one OCR word under a channel: for a char `c`, `t[c * stride + j * 4 + k]` is the
 * cost of `c` being read as the `k` chars at `j` (Infinity past the end). Folded tables are filled
 * at once (the search needs nearly all letters); exact ones per char on first use.
 */
class WordTables {
  readonly m: number;
  readonly stride: number;
  readonly folded: Float64Array;
  readonly exact: Float64Array;
  /** Lowest folded cost of reading any letter as nothing. */
  readonly minDel: number;
  /** `suffix[j]`: lowest folded cost of producing the OCR chars from j on with any letters. */
  readonly suffix: Float64Array;
  private readonly built: Uint8Array;
  private readonly subs: string[];
  private readonly rows: Float64Array[];
  private readonly extra = new Map<number, Float64Array>();
  private readonly channel: Channel;
  /** Exact costs of target strings already scored against this word. */
  readonly costs = new Map<string, number>();

  constructor(ocr: string, channel: Channel) {
    const b = [...ocr];
    const m = (this.m = b.length);
    const stride = (this.stride = (m + 1) * S);
    this.channel = channel;
    this.subs = new Array(stride).fill('');
    this.rows = new Array(stride);
    this.folded = new Float64Array(NF * stride).fill(Infinity);
    this.exact = new Float64Array(NT * stride).fill(Infinity);
    this.built = new Uint8Array(NT);
    this.minDel = Math.min(...channel.foldedRow(''));
    for (let j = 0; j <= m; j++) {
      for (let k = 0; k <= MAXOUT && j + k <= m; k++) {
        const sub = b.slice(j, j + k).join('');
        const i = j * S + k;
        this.subs[i] = sub;
        this.rows[i] = channel.costRow(sub);
        const f = channel.foldedRow(sub);
        for (let c = 0; c < NF; c++) this.folded[c * stride + i] = f[c]!;
      }
    }
    this.suffix = new Float64Array(m + 1).fill(Infinity);
    this.suffix[m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      for (let k = 1; k <= MAXOUT && j + k <= m; k++) {
        let low = Infinity;
        for (let c = 0; c < NF; c++) low = Math.min(low, this.folded[c * stride + j * S + k]!);
        this.suffix[j] = Math.min(this.suffix[j]!, low + this.suffix[j + k]!);
      }
    }
  }

  /** The exact table of char id `c` (its offset is `exactOffset(c)`). */
  exactTable(c: number): Float64Array {
    if (c >= NT) {
      let t = this.extra.get(c);
      if (!t) {
        t = new Float64Array(this.stride).fill(Infinity);
        for (let i = 0; i < this.stride; i++) if (this.rows[i]) t[i] = this.channel.cost(CHARS[c]!, this.subs[i]!);
        this.extra.set(c, t);
      }
      return t;
    }
    if (!this.built[c]) {
      const o = c * this.stride;
      for (let i = 0; i < this.stride; i++) { const r = this.rows[i]; if (r) this.exact[o + i] = r[c]!; }
      this.built[c] = 1;
    }
    return this.exact;
  }

  /** Offset of char `c`'s costs in `exactTable(c)`. */
  exactOffset(c: number): number {
    return c >= NT ? 0 : c * this.stride;
  }
}

// Per channel (so per run): the tables of each OCR word met.
const WORDS = new WeakMap<Channel, Map<string, WordTables>>();

function wordTables(ocr: string, channel: Channel): WordTables {
  let words = WORDS.get(channel);
  if (!words) WORDS.set(channel, (words = new Map()));
  let w = words.get(ocr);
  if (!w) words.set(ocr, (w = new WordTables(ocr, channel)));
  return w;
}

/** One DP step: next[j + k] = min(row[j] + t[j * 4 + k]); returns the minimum of `next`. */
function dpStep(row: Float64Array, ro: number, t: Float64Array, to: number, next: Float64Array, no: number, m: number): number {
  for (let j = 0; j <= m; j++) next[no + j] = Infinity;
  for (let j = 0; j <= m; j++) {
    const r = row[ro + j]!;
    if (r === Infinity) continue;
    for (let k = 0; k <= MAXOUT && j + k <= m; k++) {
      const v = r + t[to + j * S + k]!;
      if (v < next[no + j + k]!) next[no + j + k] = v;
    }
  }
  let min = Infinity;
  for (let j = 0; j <= m; j++) if (next[no + j]! < min) min = next[no + j]!;
  return min;
}

// Scratch rows for the exact DP (two rows of at most 64 + 1 cells; longer words get their own).
let SCRATCH = new Float64Array(2 * 65);

/** Exact channel cost of the word given a spelled target (char ids); Infinity once above `cutoff`. */
function exact(spelled: Int32Array, tabs: WordTables, cutoff: number): number {
  const m = tabs.m;
  if (SCRATCH.length < 2 * (m + 1)) SCRATCH = new Float64Array(2 * (m + 1));
  const buf = SCRATCH;
  let ro = 0, no = m + 1;
  for (let j = 0; j <= m; j++) buf[j] = Infinity;
  buf[0] = 0;
  for (let i = 0; i < spelled.length; i++) {
    const c = spelled[i]!;
    const min = dpStep(buf, ro, tabs.exactTable(c), tabs.exactOffset(c), buf, no, m);
    // Costs are non-negative: once every cell exceeds the cutoff, so does the result.
    if (min > cutoff) return Infinity;
    const x = ro; ro = no; no = x;
  }
  return buf[ro + m]!;
}

/**
 * Up to `limit` syllables for an OCR word (lower case), best channel cost first, none above `bound`.
 */
export function candidates(ocr: string, channel: Channel, limit = 30, bound = 14): Candidate[] {
  const tabs = wordTables(ocr, channel);
  // Widen the search only when the tight bound finds too little: most words are cheap.
  const tight = search(tabs, limit, Math.min(9, bound));
  if (tight.length >= 12) return tight;
  return search(tabs, limit, bound);
}

/**
 * The `limit` syllables of least channel cost not above `bound`, ties broken by the folded lower
 * bound, then by trie order (the order of the plain algorithm: score folded forms by increasing lower
 * bound, keep the best). The trie is walked depth first, the kids of a node by increasing lower bound,
 * and the bound tightens to the `limit`-th best exact cost found so far, so most subtrees are pruned
 * once good candidates are known; every syllable within the final bound is still found.
 */
function search(tabs: WordTables, limit: number, bound: number): Candidate[] {
  const T = trie();
  const m = tabs.m;
  const W = m + 1;
  const minDel = tabs.minDel, suffix = tabs.suffix;
  // Folded rows: for each depth, one row per kid of the node being expanded.
  const rows = new Float64Array((T.depth + 1) * T.maxKids * W).fill(Infinity);
  const levelSize = T.maxKids * W;
  rows[0] = 0;
  // Exact rows for the accented forms of a folded node, one per depth of the spelled form.
  const erows = new Float64Array(9 * W);
  const found: Array<{ syllable: string; channel: number; lb: number; rank: number }> = [];
  const best: number[] = []; // the best `limit` exact costs so far, increasing
  let cutoff = bound;
  const keep = (c: number) => {
    let at = best.length;
    while (at > 0 && best[at - 1]! > c) at--;
    if (at < limit) {
      best.splice(at, 0, c);
      if (best.length > limit) best.length = limit;
      if (best.length === limit) cutoff = Math.min(bound, best[limit - 1]!);
    }
  };
  // Score the accented forms of a folded node, sharing the DP rows of common prefixes.
  const scoreForms = (node: number, lb: number) => {
    let valid = 0; // rows 0..valid are those of the previous form's prefix
    let dead = 1 << 20; // a prefix of this length already exceeded the cutoff
    for (let x = T.wordStart[node]!, end = T.wordStart[node + 1]!; x < end; x++) {
      const si = T.byForm[x]!;
      const sp = T.spelled[si]!;
      const l = T.lcp[x]!;
      if (l >= dead) continue;
      dead = 1 << 20;
      let d = Math.min(l, valid);
      if (d === 0) { for (let j = 0; j <= m; j++) erows[j] = Infinity; erows[0] = 0; }
      let c = 0;
      for (; d < sp.length; d++) {
        const ch = sp[d]!;
        const min = dpStep(erows, d * W, tabs.exactTable(ch), tabs.exactOffset(ch), erows, (d + 1) * W, m);
        if (min > cutoff) break;
      }
      if (d < sp.length) { dead = d + 1; valid = d; continue; }
      valid = sp.length;
      c = erows[sp.length * W + m]!;
      if (c <= cutoff) { found.push({ syllable: T.syllables[si]!, channel: c, lb, rank: T.rank[si]! }); keep(c); }
    }
  };
  const pri = new Float64Array((T.depth + 1) * T.maxKids);
  const orderBuf = new Int32Array((T.depth + 1) * T.maxKids);
  const visit = (node: number, d: number) => {
    const k0 = T.kidStart[node]!, nk = T.kidStart[node + 1]! - k0;
    const base = (d + 1) * levelSize, pbase = (d + 1) * T.maxKids;
    const parentRow = rowAt[d]!; // offset of the node's own row
    let len = 0; // kids to visit, in orderBuf[pbase ..], by increasing lower bound
    for (let x = 0; x < nk; x++) {
      const kid = T.kids[k0 + x]!;
      const no = base + x * W;
      const min = dpStep(rows, parentRow, tabs.folded, T.letter[kid]! * tabs.stride, rows, no, m);
      let p = Infinity;
      if (min <= cutoff) {
        // A lower bound of every completion below the kid: the OCR chars left (q of them) must be
        // produced (at least suffix[j]); with at least rmin letters to come, at least rmin - q of
        // them are read as nothing (each at least minDel); no letter produces more than 3 chars.
        const rmin = T.rmin[kid]!, rmax3 = 3 * T.rmax[kid]!;
        for (let j = 0; j <= m; j++) {
          const q = m - j;
          if (q > rmax3) continue;
          const v = rows[no + j]! + suffix[j]! + (rmin > q ? (rmin - q) * minDel : 0);
          if (v < p) p = v;
        }
        // The bound adds costs in another order than the DP does: allow for rounding.
        p -= 1e-9;
      }
      pri[pbase + x] = p;
      if (p <= cutoff) {
        let at = len++;
        while (at > 0 && pri[pbase + orderBuf[pbase + at - 1]!]! > p) { orderBuf[pbase + at] = orderBuf[pbase + at - 1]!; at--; }
        orderBuf[pbase + at] = x;
      }
    }
    for (let o = 0; o < len; o++) {
      const x = orderBuf[pbase + o]!;
      if (pri[pbase + x]! > cutoff) break;
      const kid = T.kids[k0 + x]!;
      const no = base + x * W;
      const last = rows[no + m]!;
      if (T.wordStart[kid + 1]! > T.wordStart[kid]! && last <= cutoff) scoreForms(kid, last);
      rowAt[d + 1] = no;
      visit(kid, d + 1);
    }
  };
  const rowAt = new Int32Array(T.depth + 2);
  rowAt[0] = 0;
  visit(0, 0);
  found.sort((a, b) => a.channel - b.channel || a.lb - b.lb || a.rank - b.rank);
  const out: Candidate[] = [];
  for (const f of found) {
    if (out.length >= limit || f.channel > cutoff) break;
    out.push({ syllable: f.syllable, channel: f.channel });
  }
  return out;
}

// Per channel (so per run, like the word tables): char ids of the target strings met.
const SPELLED = new WeakMap<Channel, Map<string, Int32Array>>();
function spelledOf(target: string, channel: Channel): Int32Array {
  let m = SPELLED.get(channel);
  if (!m) SPELLED.set(channel, (m = new Map()));
  let sp = m.get(target);
  if (!sp) m.set(target, (sp = Int32Array.from([...target], charId)));
  return sp;
}

/** Exact channel cost of an OCR word given any target string (lower case). */
export function channelCost(ocr: string, target: string, channel: Channel): number {
  const tabs = wordTables(ocr, channel);
  const hit = tabs.costs.get(target);
  if (hit !== undefined) return hit;
  const r = exact(spelledOf(target, channel), tabs, Infinity);
  tabs.costs.set(target, r);
  return r;
}
