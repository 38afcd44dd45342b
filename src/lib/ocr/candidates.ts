/**
 * Candidate generation: for an OCR word, the valid syllables most likely to have produced it under
 * the learned channel. A trie of folded syllables is searched best-first with a dynamic-programming
 * row per node (lower-bound costs per folded letter), then the surviving folded forms are expanded to their
 * accented spellings and rescored exactly. All per-word costs are tabulated once per word. The
 * search's bound of a node is exact for the folded costs: the trie minimised to a few dozen states
 * gives, per word, the least folded cost of reading the rest of the word from any completion.
 *
 * Data layout (for speed; the results are those of the plain algorithm): the trie and its
 * minimised automaton are flat typed arrays built once per process (they depend only on the
 * rule-enumerated syllable set); characters are small integers; per channel, each OCR substring
 * (0–3 chars) has a lazily filled row of costs indexed by character; a search fills its word's cost
 * tables (Float64Arrays) into scratch reused by the next search, so it keeps nothing per word.
 */
import { allSyllables, syllableIndex } from './syllable.ts';
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
  parent: Int32Array; // -1 at the root
  kidStart: Int32Array; kids: Int32Array;
  wordStart: Int32Array; words: Int32Array;
  depth: number;
  /** Fewest and most letters left below a node to reach a syllable end (0 at a syllable node; the reference search's bound). */
  rmin: Int32Array; rmax: Int32Array;
  syllables: string[];
  /** Char ids of each syllable. */
  spelled: Int32Array[];
  /** Position of each syllable in a preorder walk of the trie (words of a node in insertion order). */
  rank: Int32Array;
  /** A node's syllables again, sorted by spelling (`byForm`), with the prefix each shares with the previous (`lcp`). */
  byForm: Int32Array; lcp: Int32Array;
  /** `skip[x * 8 + d]`: the first form after `byForm[x]` in its node that shares at most d letters with the form before it (the node's end if none). */
  skip: Int32Array;
  /** The char ids of the syllable at `byForm[x]`, at `formChars[x * 8 ..]` (a node's forms are as long as its depth). */
  formChars: Int32Array;
  maxKids: number;
  /**
   * The trie minimised (nodes with the same letters below them and the same syllable ends merged):
   * a small automaton (a few dozen states) on which a word's exact folded completion costs are
   * cheap to tabulate. `state[n]`: the automaton state of node n; `final[s]`: s ends a syllable;
   * the edges of state s are `edges[edgeStart[s] .. edgeStart[s + 1])`, each a step, i.e. a
   * (letter, target state) pair (`stepLetter/stepTarget`; targets are numbered below their sources,
   * and many states share steps); `stepOf[n]`: the step that enters node n from its parent.
   */
  state: Int32Array; final: Uint8Array;
  edgeStart: Int32Array; edges: Int32Array;
  stepLetter: Int32Array; stepTarget: Int32Array;
  stepOf: Int32Array;
  /** The steps first met at state s (states in increasing number): `firstSteps[firstStepStart[s] .. firstStepStart[s + 1])`. */
  firstStepStart: Int32Array; firstSteps: Int32Array;
}

let TRIE: FlatTrie | null = null;

/** The char ids of a string, by code point (a loop: `Int32Array.from(chars, charId)` takes a slow generic path, 17k times when the trie is built). */
function charIds(s: string): Int32Array {
  let n = 0;
  for (const _ of s) n++;
  const out = new Int32Array(n);
  let i = 0;
  for (const c of s) out[i++] = charId(c);
  return out;
}

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
  const parent = new Int32Array(n).fill(-1);
  order.forEach((node, i) => { for (const k of node.kids) parent[k.id] = i; });
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
  const spelled = syllables.map(charIds);
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
  const formChars = new Int32Array(words.length * 8);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let v = i; v > 0; v = parent[v]!) d++;
    for (let x = wordStart[i]!; x < wordStart[i + 1]!; x++) {
      const sp = spelled[byForm[x]!]!;
      if (sp.length !== d || d > 8) throw new Error(`candidates: ${syllables[byForm[x]!]} is not as long as its folded form`);
      if (sp.some((c) => c >= NT)) throw new Error(`candidates: ${syllables[byForm[x]!]} has a char outside TRUE_CHARS`);
      formChars.set(sp, x * 8);
    }
  }
  // skip[x * 8 + d]: the first form after x (in its node) whose prefix shared with the previous form is at most d letters.
  const skip = new Int32Array(words.length * 8);
  for (let i = 0; i < n; i++) {
    const end = wordStart[i + 1]!;
    for (let x = end - 1; x >= wordStart[i]!; x--) {
      for (let d = 0; d < 8; d++) skip[x * 8 + d] = x + 1 < end && lcp[x + 1]! > d ? skip[(x + 1) * 8 + d]! : x + 1;
    }
  }
  let maxKids = 0;
  for (let i = 0; i < n; i++) maxKids = Math.max(maxKids, kidStart[i + 1]! - kidStart[i]!);
  // Minimise: a node's state is named by whether it ends a syllable and its kids' (letter, state),
  // so nodes are numbered after their kids (reverse breadth-first order) and a new state's edges go to older states.
  const state = new Int32Array(n);
  const names = new Map<string, number>();
  const final: number[] = [], edgeStart: number[] = [], edges: number[] = [];
  const steps = new Map<string, number>(), stepLetter: number[] = [], stepTarget: number[] = [];
  const stepId = (l: number, t: number) => {
    let x = steps.get(l + ':' + t);
    if (x === undefined) { steps.set(l + ':' + t, (x = stepLetter.length)); stepLetter.push(l); stepTarget.push(t); }
    return x;
  };
  for (let i = n - 1; i >= 0; i--) {
    const out = order[i]!.kids.map((k) => [letter[k.id]!, state[k.id]!] as const).sort((a, b) => a[0] - b[0]);
    const name = (order[i]!.words.length ? 'F' : 'N') + out.map(([l, t]) => l + ':' + t).join(',');
    let st = names.get(name);
    if (st === undefined) {
      names.set(name, (st = final.length));
      final.push(order[i]!.words.length ? 1 : 0);
      edgeStart.push(edges.length);
      for (const [l, t] of out) edges.push(stepId(l, t));
    }
    state[i] = st;
  }
  edgeStart.push(edges.length);
  const stepOf = new Int32Array(n).fill(-1);
  for (let i = 1; i < n; i++) stepOf[i] = stepId(letter[i]!, state[i]!);
  // Each step listed at the first state (in increasing number) that has it: its target's completions are known by then.
  const firstStepStart: number[] = [], firstSteps: number[] = [];
  const listed = new Uint8Array(stepLetter.length);
  for (let st = 0; st < final.length; st++) {
    firstStepStart.push(firstSteps.length);
    for (let e = edgeStart[st]!; e < edgeStart[st + 1]!; e++) {
      const x = edges[e]!;
      if (stepTarget[x]! >= st) throw new Error('candidates: an automaton step does not go to an older state');
      if (!listed[x]) { listed[x] = 1; firstSteps.push(x); }
    }
  }
  firstStepStart.push(firstSteps.length);
  TRIE = {
    letter, parent, kidStart, kids: Int32Array.from(kids), wordStart, words: Int32Array.from(words), depth, rmin, rmax, syllables, spelled, rank, byForm, lcp, skip, formChars, maxKids,
    state, final: Uint8Array.from(final), edgeStart: Int32Array.from(edgeStart), edges: Int32Array.from(edges),
    stepLetter: Int32Array.from(stepLetter), stepTarget: Int32Array.from(stepTarget), stepOf,
    firstStepStart: Int32Array.from(firstStepStart), firstSteps: Int32Array.from(firstSteps),
  };
  return TRIE;
}

// The exact costs of the outputs past the end of a word.
const INF_ROW = new Float64Array(NT).fill(Infinity);
const INF_FOLDED = new Float64Array(NF).fill(Infinity);
// Scratch of `tabulateCompletions` (grown as needed): the offset of each j's column.
let COL_AT = new Int32Array(64);
// The folded tables and completion costs of the word being searched (see `WordTables.prepare`).
let PREPARED: WordTables | null = null;
let FOLDED = new Float64Array(0), BELOW = new Float64Array(0), STEP = new Float64Array(0);

/**
 * The cost tables of one OCR word under a channel. Kept for the run (`channelCost` scores many
 * targets against the same words): the channel rows of its outputs (the 0–3 chars at each j) and,
 * on first use, the costs of chars outside syllables (`extraTable`). Filled when its search starts, in scratch
 * shared by the searches: the folded tables (`folded`) and the completion costs (`completions`).
 */
class WordTables {
  readonly m: number;
  readonly stride: number;
  private readonly chars: string[];
  /** The channel row of each output (the k chars at j, at j * 4 + k; past the end a row of Infinity). */
  readonly rows: Float64Array[];
  private extra: Map<number, Float64Array> | null = null;
  private readonly channel: Channel;
  /**
   * What is known of target strings already scored against this word: the exact cost (≥ 0), or
   * -1 - b for a target whose cost is known to exceed b (`within`), the largest such bound.
   */
  private known: Map<string, number> | null = null;
  /** The folded rows of the outputs, as `rows` (see `prepare`). */
  private readonly frows: Float64Array[];

  constructor(ocr: string, channel: Channel) {
    const b = (this.chars = [...ocr]);
    const m = (this.m = b.length);
    const stride = (this.stride = (m + 1) * S);
    this.channel = channel;
    this.rows = new Array(stride).fill(INF_ROW); // past the end: Infinity
    this.frows = new Array(stride).fill(INF_FOLDED);
    for (let j = 0; j <= m; j++) {
      let sub = '';
      for (let k = 0; k <= MAXOUT && j + k <= m; k++) {
        if (k > 0) sub += b[j + k - 1]!;
        const i = j * S + k;
        const r = channel.rowPair(sub);
        this.rows[i] = r.exact;
        this.frows[i] = r.folded;
      }
    }
  }

  /**
   * The folded tables (letter c read as the k chars at j: `folded[c * stride + j * 4 + k]`) and the
   * completion costs (see `completions`) of the word being searched: scratch shared by the searches,
   * which never overlap, so a search allocates nothing that outlives it.
   */
  private prepare(): void {
    if (PREPARED === this) return;
    const stride = this.stride, frows = this.frows;
    if (FOLDED.length < NF * stride) FOLDED = new Float64Array(2 * NF * stride);
    const folded = FOLDED;
    for (let i = 0; i < stride; i++) {
      const f = frows[i]!;
      for (let c = 0, o = i; c < NF; c++, o += stride) folded[o] = f[c]!;
    }
    this.tabulateCompletions();
    PREPARED = this;
  }

  get folded(): Float64Array {
    this.prepare();
    return FOLDED;
  }

  /**
   * Exact folded completion costs on the minimised trie (see `FlatTrie.state`), for W = m + 1:
   * `step[x * W + j]`: least folded cost of the OCR chars from j on being read as step x's letter
   * (as the k chars at j) then the letters of a path from its target state down to a syllable end
   * (the target's own end included); `below[s * W + j]`: the least over the steps of state s. So a
   * trie node n with row r has no syllable strictly below it cheaper than min over j of
   * r[j] + below[state[n] * W + j], and none at or below it cheaper than min over j of its parent's
   * row at j plus step[stepOf[n] * W + j]. Tabulated when the search starts, in scratch (valid until another word is prepared).
   */
  completions(): { below: Float64Array; step: Float64Array } {
    this.prepare();
    return { below: BELOW, step: STEP };
  }

  private tabulateCompletions(): void {
    const T = trie();
    const m = this.m, W = m + 1, frows = this.frows, b = this.chars;
    const final = T.final, edgeStart = T.edgeStart, edges = T.edges, stepLetter = T.stepLetter, stepTarget = T.stepTarget;
    const firstStepStart = T.firstStepStart, firstSteps = T.firstSteps;
    const ns = final.length, nx = stepLetter.length, BO = nx, WO = nx + ns, C = nx + 2 * ns;
    if (BELOW.length < ns * W) BELOW = new Float64Array(2 * ns * W);
    if (STEP.length < nx * W) STEP = new Float64Array(2 * nx * W);
    const below = BELOW, step = STEP;
    // The completion costs from j on depend only on the chars from j on: a column (every step, then
    // every state's below, then its below with its own end) per distinct suffix of the run's words,
    // computed once per channel from the columns of the suffixes 1-3 chars shorter.
    const pc = perChannel(this.channel);
    if (COL_AT.length < W) COL_AT = new Int32Array(2 * W);
    const at = COL_AT;
    let suffix = '';
    for (let j = m; j >= 0; j--) {
      if (j < m) suffix = b[j]! + suffix;
      let o = pc.suffixCol.get(suffix);
      if (o === undefined) {
        pc.suffixCol.set(suffix, (o = pc.newCol(C)));
        const col = pc.cols;
        const f0 = frows[j * S]!, f1 = frows[j * S + 1]!, f2 = frows[j * S + 2]!, f3 = frows[j * S + 3]!;
        const o1 = j + 1 <= m ? at[j + 1]! + WO : -1, o2 = j + 2 <= m ? at[j + 2]! + WO : -1, o3 = j + 3 <= m ? at[j + 3]! + WO : -1;
        const ow = o + WO;
        // States in increasing number: a step's target comes before any state that has the step.
        for (let st = 0; st < ns; st++) {
          for (let e = firstStepStart[st]!, end = firstStepStart[st + 1]!; e < end; e++) {
            // Pulled as in dpStep, backwards: the letter read as the k chars at j, then the rest from j + k.
            const x = firstSteps[e]!, t = stepTarget[x]!, l = stepLetter[x]!;
            let v = f0[l]! + col[ow + t]!;
            if (o1 >= 0) { const c = f1[l]! + col[o1 + t]!; if (c < v) v = c; }
            if (o2 >= 0) { const c = f2[l]! + col[o2 + t]!; if (c < v) v = c; }
            if (o3 >= 0) { const c = f3[l]! + col[o3 + t]!; if (c < v) v = c; }
            col[o + x] = v;
          }
          let bl = Infinity;
          for (let e = edgeStart[st]!, end = edgeStart[st + 1]!; e < end; e++) { const v = col[o + edges[e]!]!; if (v < bl) bl = v; }
          col[o + BO + st] = bl;
          col[ow + st] = j === m && final[st] ? 0 : bl;
        }
      }
      at[j] = o;
    }
    const col = pc.cols;
    for (let j = 0; j <= m; j++) {
      const o = at[j]!;
      for (let x = 0, q = j; x < nx; x++, q += W) step[q] = col[o + x]!;
      for (let st = 0, q = j, p = o + BO; st < ns; st++, q += W) below[q] = col[p + st]!;
    }
  }

  /** The exact channel cost of this word given a target string (see `channelCost`). */
  cost(target: string): number {
    const known = (this.known ??= new Map());
    const hit = known.get(target);
    if (hit !== undefined && hit >= 0) return hit;
    const r = exact(spelledOf(target, this.channel), this, Infinity);
    known.set(target, r);
    return r;
  }

  /** The cost if at most `bound`, else Infinity (see `channelCostWithin`); `spelled`: the target's char ids (`spell`), if known. */
  within(target: string, bound: number, spelled?: Int32Array): number {
    const known = (this.known ??= new Map());
    const hit = known.get(target);
    if (hit !== undefined) {
      if (hit >= 0) return hit <= bound ? hit : Infinity;
      if (-1 - hit >= bound) return Infinity;
    }
    const r = exact(spelled ?? spelledOf(target, this.channel), this, bound);
    if (r === Infinity) {
      known.set(target, -1 - bound); // (larger than any bound it was known to exceed, or it would have returned above)
      return Infinity;
    }
    known.set(target, r);
    return r <= bound ? r : Infinity;
  }

  /**
   * Every true char's exact costs at once, output by output: the cost of char c read as the k chars
   * at j at `(j * 4 + k) * NT + c` of `into` (which must hold NT * stride).
   */
  fillExact(into: Float64Array): void {
    const rows = this.rows;
    for (let i = 0; i < this.stride; i++) into.set(rows[i]!, i * NT);
  }

  /**
   * The costs of a char outside the true chars (met in a `channelCost` target), tabulated on first use:
   * the cost of it read as the k chars at j at j * 4 + k (Infinity past the end).
   */
  extraTable(c: number): Float64Array {
    let t = this.extra?.get(c);
    if (!t) {
      t = new Float64Array(this.stride);
      for (let i = 0; i < this.stride; i++) t[i] = this.rows[i] !== INF_ROW ? this.channel.cost(CHARS[c]!, this.chars.slice(i / S | 0, (i / S | 0) + (i % S)).join('')) : Infinity;
      (this.extra ??= new Map()).set(c, t);
    }
    return t;
  }
}

/**
 * What the searches and costs keep per channel (so per run): the tables of each OCR word met, the
 * char ids of the target strings met, and the completion costs of each suffix of an OCR word met
 * (a column of `cols` at `suffixCol`, see `WordTables.tabulateCompletions`).
 */
class PerChannel {
  readonly words = new Map<string, WordTables>();
  readonly spelled = new Map<string, Int32Array>();
  readonly suffixCol = new Map<string, number>();
  cols = new Float64Array(1 << 16);
  private used = 0;
  /** Room for a column of n cells, at the offset returned. */
  newCol(n: number): number {
    if (this.used + n > this.cols.length) { const b = new Float64Array(2 * this.cols.length + n); b.set(this.cols); this.cols = b; }
    const o = this.used;
    this.used += n;
    return o;
  }
}
const PER_CHANNEL = new WeakMap<Channel, PerChannel>();
function perChannel(channel: Channel): PerChannel {
  let pc = PER_CHANNEL.get(channel);
  if (!pc) PER_CHANNEL.set(channel, (pc = new PerChannel()));
  return pc;
}

function wordTables(ocr: string, channel: Channel): WordTables {
  const words = perChannel(channel).words;
  let w = words.get(ocr);
  if (!w) words.set(ocr, (w = new WordTables(ocr, channel)));
  return w;
}

/** One DP step: next[j] = min over k of row[j - k] + t[(j - k) * 4 + k]; returns the minimum of `next`. */
function dpStep(row: Float64Array, ro: number, t: Float64Array, to: number, next: Float64Array, no: number, m: number): number {
  let min = Infinity;
  // The cost of reading k chars ending at j is at o - 3k, for o = to + j * 4.
  for (let j = 0, o = to; j <= m; j++, o += S) {
    const r = ro + j;
    let v = row[r]! + t[o]!;
    if (j >= 1) { const x = row[r - 1]! + t[o - 3]!; if (x < v) v = x; }
    if (j >= 2) { const x = row[r - 2]! + t[o - 6]!; if (x < v) v = x; }
    if (j >= 3) { const x = row[r - 3]! + t[o - 9]!; if (x < v) v = x; }
    next[no + j] = v;
    if (v < min) min = v;
  }
  return min;
}

/**
 * `dpStep` on output-major costs (char c's cost for output i = j * 4 + k at `i * NT + c`, see
 * `fillExact`), returning instead the minimum of next[j] + b[bo + j] (b: costs of reading the rest).
 */
function dpStepBound(row: Float64Array, ro: number, t: Float64Array, c: number, next: Float64Array, no: number, m: number, b: Float64Array, bo: number): number {
  let min = Infinity;
  // The cost of reading k chars ending at j is at o - 3k * NT, for o = j * 4 * NT + c.
  const Q = S * NT, K1 = 3 * NT, K2 = 6 * NT, K3 = 9 * NT;
  for (let j = 0, o = c; j <= m; j++, o += Q) {
    const r = ro + j;
    let v = row[r]! + t[o]!;
    if (j >= 1) { const x = row[r - 1]! + t[o - K1]!; if (x < v) v = x; }
    if (j >= 2) { const x = row[r - 2]! + t[o - K2]!; if (x < v) v = x; }
    if (j >= 3) { const x = row[r - 3]! + t[o - K3]!; if (x < v) v = x; }
    next[no + j] = v;
    const w = v + b[bo + j]!;
    if (w < min) min = w;
  }
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
  const rows = tabs.rows;
  for (let i = 0; i < spelled.length; i++) {
    const c = spelled[i]!;
    let min = Infinity;
    if (c < NT) {
      // A true char's costs straight from the channel rows (as dpStep, no table to build).
      for (let j = 0; j <= m; j++) {
        const r = ro + j;
        let v = buf[r]! + rows[j * S]![c]!;
        if (j >= 1) { const x = buf[r - 1]! + rows[(j - 1) * S + 1]![c]!; if (x < v) v = x; }
        if (j >= 2) { const x = buf[r - 2]! + rows[(j - 2) * S + 2]![c]!; if (x < v) v = x; }
        if (j >= 3) { const x = buf[r - 3]! + rows[(j - 3) * S + 3]![c]!; if (x < v) v = x; }
        buf[no + j] = v;
        if (v < min) min = v;
      }
    } else {
      min = dpStep(buf, ro, tabs.extraTable(c), 0, buf, no, m);
    }
    // Costs are non-negative: once every cell exceeds the cutoff, so does the result.
    if (min > cutoff) return Infinity;
    const x = ro; ro = no; no = x;
  }
  return buf[ro + m]!;
}

/**
 * Up to `limit` syllables for an OCR word (lower case), best channel cost first, none above `bound`
 * and none more than `beam` above the best one. The result is that of a tight search (bound 9) when
 * it finds at least 12 syllables, else that of the full bound: most words are cheap. One best-first
 * search gives both (see `search`).
 */
export function candidates(ocr: string, channel: Channel, limit = 30, bound = 14, beam = Infinity): Candidate[] {
  return search(wordTables(ocr, channel), limit, Math.min(9, bound), bound, plainCandidate, beam);
}
const plainCandidate = (syllable: string, _index: number, channel: number): Candidate => ({ syllable, channel });

/**
 * `candidates`, each made by `make` from the syllable, its index (a number per syllable, the same in
 * every run of the process: its index in `allSyllables()`) and its channel cost. (`make` is called while
 * the search's scratch is read: it must not search or score itself.)
 */
export function candidatesWith<T>(ocr: string, channel: Channel, limit: number, bound: number, make: (syllable: string, index: number, channel: number) => T, beam = Infinity): T[] {
  return search(wordTables(ocr, channel), limit, Math.min(9, bound), bound, make, beam);
}

/**
 * The exact scoring of a search's accented forms, whatever order the trie is walked in: the forms
 * found within the cutoff, and the cutoff, which tightens from `bound` to the `limit`-th best exact
 * cost found so far.
 */
let EXACT_SCRATCH = new Float64Array(0);
// More scratch of the form scoring (see `FormScorer`), grown as needed.
let FOUND_SI = new Int32Array(256), FOUND_COST = new Float64Array(256), FOUND_LB = new Float64Array(256);
let BEST = new Float64Array(64), EROWS = new Float64Array(9 * 64), ENDS = new Float64Array(64), ORDER = new Int32Array(256);

class FormScorer {
  /** The forms scored within the cutoff at the time (syllable index, exact cost, folded lower bound): scratch shared by the searches, which never overlap. */
  private foundSi = FOUND_SI;
  private foundCost = FOUND_COST;
  private foundLb = FOUND_LB;
  private nFound = 0;
  private readonly best: Float64Array; // the best `limit` exact costs so far, increasing
  private nBest = 0;
  /** Pruning bound for pushing and scoring: min(bound, `kth()`, the best exact cost found + beam). */
  cutoff: number;
  // Exact rows for the accented forms of a folded node, one per depth of the spelled form.
  private readonly erows: Float64Array;
  // What reading the rest of a form costs at least (see `score`): the word's completion costs through
  // each step of the automaton, the row of nothing left, and per depth the offset of the next letter's row in `step`.
  private readonly step: Float64Array;
  private readonly ends: Float64Array;
  private readonly boff = new Int32Array(9);
  private readonly exact: Float64Array;

  private readonly T: FlatTrie;
  private readonly tabs: WordTables;
  private readonly limit: number;
  /** How far above the best exact cost found so far a form may cost (Infinity: no beam). */
  private readonly beam: number;

  constructor(T: FlatTrie, tabs: WordTables, limit: number, bound: number, beam = Infinity) {
    this.T = T; this.tabs = tabs; this.limit = limit; this.beam = beam;
    this.cutoff = bound;
    this.lim = bound;
    // Scratch shared by the searches, which never overlap: all the true chars' exact tables, the best costs, the exact rows.
    if (BEST.length < limit + 1) BEST = new Float64Array(2 * limit + 2);
    this.best = BEST;
    if (EXACT_SCRATCH.length < NT * tabs.stride) EXACT_SCRATCH = new Float64Array(2 * NT * tabs.stride);
    tabs.fillExact((this.exact = EXACT_SCRATCH));
    const W = tabs.m + 1;
    if (EROWS.length < 9 * W) { EROWS = new Float64Array(18 * W); ENDS = new Float64Array(2 * W); }
    this.erows = EROWS.fill(Infinity, 0, 9 * W);
    this.erows[0] = 0;
    this.step = tabs.completions().step;
    this.ends = ENDS.fill(Infinity, 0, W);
    this.ends[tabs.m] = 0;
  }

  /** Whether forms are scored under a cap (see `setCap`), and the bound they are kept within now. */
  capped(): boolean { return this.cap < Infinity; }
  limitNow(): number { return this.lim; }

  /** The `limit`-th best exact cost so far (Infinity until `limit` are found). */
  kth(): number {
    return this.nBest === this.limit ? this.best[this.limit - 1]! : Infinity;
  }

  private keep(si: number, c: number, lb: number): void {
    if (this.nFound === this.foundSi.length) {
      const n = 2 * this.nFound;
      const a = new Int32Array(n); a.set(this.foundSi); FOUND_SI = this.foundSi = a;
      const b = new Float64Array(n); b.set(this.foundCost); FOUND_COST = this.foundCost = b;
      const d = new Float64Array(n); d.set(this.foundLb); FOUND_LB = this.foundLb = d;
    }
    this.foundSi[this.nFound] = si; this.foundCost[this.nFound] = c; this.foundLb[this.nFound] = lb;
    this.nFound++;
    const best = this.best, limit = this.limit;
    let at = this.nBest;
    while (at > 0 && best[at - 1]! > c) at--;
    if (at < limit) {
      for (let i = Math.min(this.nBest, limit - 1); i > at; i--) best[i] = best[i - 1]!;
      best[at] = c;
      if (this.nBest < limit) this.nBest++;
      if (this.nBest === limit) this.tighten(best[limit - 1]!);
    }
    // The beam: nothing more than `beam` above the best form found so far (so above the best of all).
    this.tighten(c + this.beam);
  }

  /** Lower the cutoff to `x` if that is lower (and `lim` with it). */
  private tighten(x: number): void {
    if (x < this.cutoff) { this.cutoff = x; this.lim = Math.min(x, this.cap); }
  }

  /**
   * Forms are completed and kept only within min(cutoff, `cap`) (see `BestFirst.search`); `lim` is
   * that, kept up to date as the cutoff tightens.
   */
  private cap = Infinity;
  private lim = Infinity;
  setCap(cap: number): void {
    this.cap = cap;
    this.lim = Math.min(this.cutoff, cap);
  }

  /**
   * Score the accented forms of a folded node (`lb`: its folded cost), sharing the DP rows of common
   * prefixes; keep those within min(cutoff, cap) and above `floor` (the forms up to `floor` were kept
   * when the node was scored before, under a cap).
   */
  score(node: number, lb: number, floor = -Infinity): void {
    const T = this.T, tabs = this.tabs, erows = this.erows, m = tabs.m, W = m + 1;
    // A form's prefix whose exact row plus a lower bound of reading the rest exceeds the cutoff is not
    // completed (allowing for rounding: the bound adds the costs in another order than the DP does).
    const exact = this.exact, step = this.step, ends = this.ends, boff = this.boff;
    // The bound of a form's prefix of d letters: its row plus, for d < n, the least folded cost of
    // reading the rest through the node's letter d + 1 (its ancestor's at depth d + 1, or its own) then
    // any completion (the minimised trie's, see `WordTables.completions`), and for d = n nothing left (`ends`).
    let n = 0;
    for (let v = node; v > 0; v = T.parent[v]!) n++;
    for (let v = node, d = n - 1; d > 0; v = T.parent[v]!, d--) boff[d] = T.stepOf[v]! * W;
    const chars = T.formChars, lcp = T.lcp, skip = T.skip;
    let valid = 0; // rows 0..valid are those of the previous form's prefix (row 0: the empty prefix's)
    for (let x = T.wordStart[node]!, end = T.wordStart[node + 1]!; x < end;) {
      const l = lcp[x]!;
      let d = l < valid ? l : valid;
      for (; d < n; d++) {
        const low = d + 1 < n
          ? dpStepBound(erows, d * W, exact, chars[x * 8 + d]!, erows, (d + 1) * W, m, step, boff[d + 1]!)
          : dpStepBound(erows, d * W, exact, chars[x * 8 + d]!, erows, (d + 1) * W, m, ends, 0);
        if (low - 1e-9 > this.lim) break;
      }
      // A prefix of d + 1 letters exceeded the cutoff: so do the next forms that share it.
      if (d < n) { valid = d; x = skip[x * 8 + d]!; continue; }
      valid = n;
      const c = erows[n * W + m]!;
      if (c <= this.lim && c > floor) this.keep(T.byForm[x]!, c, lb);
      x++;
    }
  }

  /** The (at most `limit`) forms found within `within`, by exact cost, then folded lower bound, then trie order. */
  result<T>(within: number, make: (syllable: string, index: number, channel: number) => T): T[] {
    const cost = this.foundCost, lb = this.foundLb, si = this.foundSi, rank = this.T.rank;
    // The best `limit` by an insertion sort (a few dozen forms are found) into the first places of `order`.
    if (ORDER.length < this.limit + 1) ORDER = new Int32Array(2 * this.limit + 2);
    const order = ORDER, limit = this.limit;
    let n = 0;
    for (let i = 0; i < this.nFound; i++) {
      const c = cost[i]!;
      if (!(c <= within)) continue;
      const b = lb[i]!, r = rank[si[i]!]!;
      let at = n;
      while (at > 0) {
        const o = order[at - 1]!, co = cost[o]!;
        // Does i come before o (by cost, then folded bound, then trie order)?
        if (!(c < co || (c === co && (b < lb[o]! || (b === lb[o]! && r < rank[si[o]!]!))))) break;
        at--;
      }
      if (at >= limit) continue;
      for (let k = n < limit ? n : limit - 1; k > at; k--) order[k] = order[k - 1]!;
      order[at] = i;
      if (n < limit) n++;
    }
    const out: T[] = new Array(n);
    for (let k = 0; k < n; k++) { const i = order[k]!, x = si[i]!; out[k] = make(this.T.syllables[x]!, x, cost[i]!); }
    return out;
  }

  /** How many forms were found within `within`. */
  countWithin(within: number): number {
    const cost = this.foundCost;
    let n = 0;
    for (let i = 0; i < this.nFound; i++) if (cost[i]! <= within) n++;
    return n;
  }
}

// Scratch of the best-first search, reused by every search (searches never overlap) and grown as needed.
let HEAP = new Int32Array(256); // item ids, a binary min-heap on PRI
let PRI = new Float64Array(256); // item priority (a lower bound of every syllable the item leads to)
let NODE = new Int32Array(256); // item trie node
let ROW = new Int32Array(256); // what to do with the item's node: see `run`
let ROWS = new Float64Array(4096);
let DEFER = new Int32Array(256); // items listed but not pushed (see `BestFirst`)
let SCORED_NODE = new Int32Array(256), SCORED_LB = new Float64Array(256), SCORED_CAP = new Float64Array(256);

/**
 * The `limit` syllables of least channel cost not above the cutoff, ties broken by the folded lower
 * bound, then by trie order (the order of the plain algorithm: score folded forms by increasing lower
 * bound, keep the best). The cutoff is `tight` (or the `limit`-th best cost, if lower) when that
 * finds at least 12 syllables, else `bound` (or the `limit`-th best cost); and never more than `beam`
 * above the best cost of all (the cutoff tightens to the best cost found so far + `beam`: the best is
 * always found, since it is within every cutoff).
 *
 * Best-first (A*, Hart, Nilsson & Raphael 1968) over the trie of folded syllables: an item is either
 * a trie node to expand (priority: the least folded cost of the syllables below it, from the word's
 * completion tables, so only nodes leading to a syllable within the cutoff are expanded) or a node whose
 * accented forms are to be scored exactly (priority: the node's folded cost, a lower bound of each
 * form's exact cost). Items are taken by increasing priority and the search stops once the next
 * priority exceeds the cutoff, which tightens to the `limit`-th best exact cost found: every syllable
 * within the final cutoff is then scored (its items' priorities are below its cost), and no node
 * whose bound exceeds the final cutoff is expanded. (A depth-first walk expands every node within
 * the cutoff known when it gets there, several times as many.) The output is a function of the exact
 * costs, folded costs and trie order alone, so it does not depend on the order items are taken in.
 */
function search<T>(tabs: WordTables, limit: number, tight: number, bound: number, make: (syllable: string, index: number, channel: number) => T, beam: number): T[] {
  return (SEARCH ??= new BestFirst(trie())).search(tabs, limit, tight, bound, make, beam);
}
let SEARCH: BestFirst | null = null;

/**
 * The state of one `search` (one object reused by every search, which never overlap): the heap of
 * items, and one item held out of it (the least of those pushed since the last take, if below every
 * item in the heap: most items are taken right after they are pushed); items whose priority is above
 * the tight cutoff are only listed while the tight phase lasts (it never takes them) and go into the
 * heap if the wide phase runs.
 */
class BestFirst {
  private readonly T: FlatTrie;
  private m = 0; private W = 0; private stride = 0;
  private folded: Float64Array = INF_FOLDED; private below: Float64Array = INF_FOLDED; private step: Float64Array = INF_FOLDED;
  private forms: FormScorer | null = null;
  private items = 0; private size = 0; private rowTop = 0; private held = -1;
  /** Items above `deferAbove` listed in DEFER (`nDefer` of them) instead of pushed. */
  private deferAbove = Infinity; private nDefer = 0;
  /** The nodes scored in the tight phase, with their folded cost and the cap they were scored under (SCORED_*). */
  private nScored = 0;

  constructor(T: FlatTrie) { this.T = T; }

  search<T>(tabs: WordTables, limit: number, tight: number, bound: number, make: (syllable: string, index: number, channel: number) => T, beam: number): T[] {
    const m = (this.m = tabs.m);
    const W = (this.W = m + 1);
    this.folded = tabs.folded; this.stride = tabs.stride;
    const { below, step } = tabs.completions();
    this.below = below; this.step = step;
    const forms = (this.forms = new FormScorer(this.T, tabs, limit, bound, beam));
    this.items = 0; this.size = 0; this.rowTop = 0; this.held = -1; this.nDefer = 0;
    this.deferAbove = tight;
    const root = this.newRow();
    for (let j = 0; j <= m; j++) ROWS[root + j] = Infinity;
    ROWS[root] = 0;
    this.push(0, root, -Infinity);
    // Tight phase: items are kept under the full cutoff (the wide phase may need them) but taken only
    // within the tight one, and forms are completed only within the tight one too (so the limit-th best
    // cost known may be a larger number than under the full cutoff, but never where it matters: with
    // `limit` forms within `tight` the two agree). The nodes scored are listed with the cap they had,
    // and scored again above it if the wide phase runs.
    this.nScored = 0;
    forms.setCap(tight);
    this.run(tight);
    // (The cutoff is min(bound, the limit-th best cost, the best cost + beam); the tight one never exceeds it.)
    const tc = Math.min(tight, forms.cutoff);
    // (The tight result has min(limit, found within tc) syllables.)
    if (Math.min(limit, forms.countWithin(tc)) >= 12) { this.forms = null; return forms.result(tc, make); }
    this.forms = forms;
    forms.setCap(Infinity);
    for (let i = 0; i < this.nScored; i++) if (SCORED_LB[i]! <= forms.cutoff) forms.score(SCORED_NODE[i]!, SCORED_LB[i]!, SCORED_CAP[i]!);
    this.nScored = 0;
    this.deferAbove = Infinity;
    for (let i = 0; i < this.nDefer; i++) { const it = DEFER[i]!; if (PRI[it]! <= forms.cutoff) this.heapAdd(it); }
    this.nDefer = 0;
    this.run(Infinity);
    this.forms = null;
    void W;
    return forms.result(forms.cutoff, make);
  }

  private push(node: number, row: number, p: number): void {
    if (p > this.deferAbove) {
      const it = this.store(node, row, p);
      if (this.nDefer === DEFER.length) { const b = new Int32Array(2 * DEFER.length); b.set(DEFER); DEFER = b; }
      DEFER[this.nDefer++] = it;
      return;
    }
    const held = this.held;
    if (held < 0) { if (this.size === 0 || p < PRI[HEAP[0]!]!) { this.held = this.store(node, row, p); return; } }
    else if (p < PRI[held]!) { this.held = this.store(node, row, p); this.heapAdd(held); return; }
    this.heapAdd(this.store(node, row, p));
  }

  private store(node: number, row: number, p: number): number {
    if (this.items === NODE.length) {
      const grow = <A extends Int32Array | Float64Array>(a: A): A => { const b = new (a.constructor as new (n: number) => A)(2 * a.length); b.set(a); return b; };
      NODE = grow(NODE); ROW = grow(ROW); PRI = grow(PRI); HEAP = grow(HEAP);
    }
    const it = this.items++;
    NODE[it] = node; ROW[it] = row; PRI[it] = p;
    return it;
  }

  private heapAdd(it: number): void {
    const p = PRI[it]!;
    let at = this.size++;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (PRI[HEAP[up]!]! <= p) break;
      HEAP[at] = HEAP[up]!;
      at = up;
    }
    HEAP[at] = it;
  }

  private pop(): number {
    const top = HEAP[0]!;
    const size = --this.size;
    const last = HEAP[size]!;
    const p = PRI[last]!;
    let at = 0;
    for (;;) {
      let kid = 2 * at + 1;
      if (kid >= size) break;
      if (kid + 1 < size && PRI[HEAP[kid + 1]!]! < PRI[HEAP[kid]!]!) kid++;
      if (PRI[HEAP[kid]!]! >= p) break;
      HEAP[at] = HEAP[kid]!;
      at = kid;
    }
    HEAP[at] = last;
    return top;
  }

  private newRow(): number {
    const W = this.W;
    if (this.rowTop + W > ROWS.length) { const b = new Float64Array(2 * ROWS.length + W); b.set(ROWS); ROWS = b; }
    const r = this.rowTop;
    this.rowTop += W;
    return r;
  }

  /**
   * Expand a node: each kid's item if its bound is within the cutoff. The bound (the least folded
   * cost of any syllable at or below the kid, from the parent's row and the kid's edge completions)
   * needs no row of the kid's own: that is computed when the kid is taken, so the kids whose bound
   * the tightening cutoff overtakes never cost a row.
   */
  private expand(node: number, parentRow: number): void {
    const T = this.T, m = this.m, W = this.W, step = this.step, rows = ROWS, cutoff = this.forms!.cutoff;
    for (let x = T.kidStart[node]!, end = T.kidStart[node + 1]!; x < end; x++) {
      const kid = T.kids[x]!;
      const xo = T.stepOf[kid]! * W;
      let quick = Infinity;
      for (let j = 0; j <= m; j++) { const v = rows[parentRow + j]! + step[xo + j]!; if (v < quick) quick = v; }
      // The bound adds costs in another order than the DP does: allow for rounding.
      quick -= 1e-9;
      if (quick <= cutoff) this.push(kid, -2 - parentRow, quick);
    }
  }

  /** A kid taken: its DP row from its parent's, then its forms and its own expansion as items. */
  private reach(kid: number, parentRow: number): void {
    const T = this.T, m = this.m, W = this.W, cutoff = this.forms!.cutoff;
    const no = this.newRow();
    const min = dpStep(ROWS, parentRow, this.folded, T.letter[kid]! * this.stride, ROWS, no, m);
    if (min > cutoff) { this.rowTop = no; return; }
    const last = ROWS[no + m]!;
    // The kid's own forms cost at least its folded cost (each exact char cost is at least its folded one).
    if (T.wordStart[kid + 1]! > T.wordStart[kid]! && last <= cutoff) this.push(kid, -1, last);
    if (T.kidStart[kid + 1]! === T.kidStart[kid]!) { this.rowTop = no; return; }
    // The least folded cost of any syllable strictly below the kid (allowing for rounding, as above).
    const below = this.below, bo = T.state[kid]! * W, rows = ROWS;
    let p = Infinity;
    for (let j = 0; j <= m; j++) { const v = rows[no + j]! + below[bo + j]!; if (v < p) p = v; }
    p -= 1e-9;
    if (p <= cutoff) this.push(kid, no, p);
    else this.rowTop = no;
  }

  /**
   * Take items while the next priority is within min(`until`, the cutoff, the `limit`-th best cost).
   * An item is a node to expand (ROW: its DP row, ≥ 0), a node whose forms are to be scored (ROW -1),
   * or a kid not reached yet (ROW -2 - its parent's row).
   */
  private run(until: number): void {
    const forms = this.forms!;
    for (;;) {
      const u = until < Infinity ? Math.min(until, forms.kth()) : forms.cutoff;
      let it: number;
      const held = this.held;
      if (held >= 0) {
        if (PRI[held]! > u) { this.heapAdd(held); this.held = -1; break; }
        it = held; this.held = -1;
      } else {
        if (this.size === 0 || PRI[HEAP[0]!]! > u) break;
        it = this.pop();
      }
      const r = ROW[it]!;
      if (r >= 0) this.expand(NODE[it]!, r);
      else if (r === -1) {
        if (forms.capped()) {
          if (this.nScored === SCORED_NODE.length) {
            const n = 2 * this.nScored;
            const a = new Int32Array(n); a.set(SCORED_NODE); SCORED_NODE = a;
            const b = new Float64Array(n); b.set(SCORED_LB); SCORED_LB = b;
            const c = new Float64Array(n); c.set(SCORED_CAP); SCORED_CAP = c;
          }
          SCORED_NODE[this.nScored] = NODE[it]!; SCORED_LB[this.nScored] = PRI[it]!; SCORED_CAP[this.nScored] = forms.limitNow();
          this.nScored++;
        }
        forms.score(NODE[it]!, PRI[it]!);
      }
      else this.reach(NODE[it]!, -2 - r);
    }
  }
}

// Char ids of a target string: a syllable's from the trie (per process: the syllable set does not
// depend on the input), any other string's kept per channel (so per run, like the word tables).
function spelledOf(target: string, channel: Channel): Int32Array {
  const T = trie();
  const si = syllableIndex().get(target);
  if (si !== undefined) return T.spelled[si]!;
  const m = perChannel(channel).spelled;
  let sp = m.get(target);
  if (!sp) m.set(target, (sp = charIds(target)));
  return sp;
}

/** Exact channel cost of an OCR word given any target string (lower case). */
export function channelCost(ocr: string, target: string, channel: Channel): number {
  return wordTables(ocr, channel).cost(target);
}

/** The channel costs of target strings given one OCR word: `channelCost` and `channelCostWithin` without looking the word up each time. */
export interface WordCosts {
  cost(target: string): number;
  /** `spelled`: the target's char ids (see `spell`), when the caller keeps them. */
  within(target: string, bound: number, spelled?: Int32Array): number;
}

/** A target string's char ids, as `WordCosts.within` takes them (valid for the channel's run). */
export function spell(target: string, channel: Channel): Int32Array {
  return spelledOf(target, channel);
}

/** The costs of targets given an OCR word (lower case) under a channel (kept for the run, like `channelCost`'s). */
export function wordCosts(ocr: string, channel: Channel): WordCosts {
  return wordTables(ocr, channel);
}

/**
 * `channelCost` if it is at most `bound`, else Infinity. The DP stops at the first row whose every
 * cell exceeds the bound (costs only grow), so a target far from the word costs a few rows; a cost
 * found is the same number `channelCost` gives (the same DP) and shared with it.
 */
export function channelCostWithin(ocr: string, target: string, channel: Channel, bound: number): number {
  return wordTables(ocr, channel).within(target, bound);
}

/** The search's building blocks, for tests only (the depth-first reference search in test/unit/ocr checks the best-first one's walk of the trie; both score forms with `FormScorer`). */
export const searchInternals = { trie, wordTables, dpStep, FormScorer };
