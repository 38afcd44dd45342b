/**
 * Candidate generation: for an OCR word, the valid syllables most likely to have produced it under
 * the learned channel. A trie of folded syllables is searched with a dynamic-programming row per
 * node (lower-bound costs per folded letter), then the surviving folded forms are expanded to their
 * accented spellings and rescored exactly. All per-word costs are tabulated once per word.
 */
import { allSyllables } from './syllable.ts';
import type { Channel } from './confusion.ts';
import { foldKey } from '../fold.ts';

interface TrieNode { ch: string; kids: TrieNode[]; words: string[] }

/** A syllable candidate with its channel cost (negative log probability). */
export interface Candidate { syllable: string; channel: number }

let TRIE: TrieNode | null = null;

function trie(): TrieNode {
  if (TRIE) return TRIE;
  const root: TrieNode = { ch: '', kids: [], words: [] };
  for (const s of allSyllables()) {
    let node = root;
    for (const c of foldKey(s)) {
      let k = node.kids.find((x) => x.ch === c);
      if (!k) node.kids.push((k = { ch: c, kids: [], words: [] }));
      node = k;
    }
    node.words.push(s);
  }
  TRIE = root;
  return root;
}

const MAXOUT = 3;

/** Per-word table of cost(char, ocr[j..j+k)) for k = 0..3. */
function table(ocr: string[], cost: (c: string, out: string) => number) {
  const m = ocr.length;
  const memo = new Map<string, Float64Array>();
  // The substrings are the same for every char: build them once per word.
  const subs: string[] = new Array((m + 1) * (MAXOUT + 1)).fill('');
  for (let j = 0; j <= m; j++) for (let k = 0; k <= MAXOUT && j + k <= m; k++) subs[j * (MAXOUT + 1) + k] = ocr.slice(j, j + k).join('');
  return (c: string): Float64Array => {
    let t = memo.get(c);
    if (t) return t;
    t = new Float64Array((m + 1) * (MAXOUT + 1)).fill(Infinity);
    for (let j = 0; j <= m; j++) for (let k = 0; k <= MAXOUT && j + k <= m; k++) t[j * (MAXOUT + 1) + k] = cost(c, subs[j * (MAXOUT + 1) + k]!);
    memo.set(c, t);
    return t;
  };
}

function dpStep(row: Float64Array, t: Float64Array, m: number): Float64Array {
  const next = new Float64Array(m + 1).fill(Infinity);
  for (let j = 0; j <= m; j++) {
    const r = row[j]!;
    if (r === Infinity) continue;
    for (let k = 0; k <= MAXOUT && j + k <= m; k++) {
      const v = r + t[j * (MAXOUT + 1) + k]!;
      if (v < next[j + k]!) next[j + k] = v;
    }
  }
  return next;
}

/** Exact channel cost of an OCR word (as chars) given a syllable, using a per-word table. */
function exact(syllable: string, m: number, tab: (c: string) => Float64Array): number {
  let row: Float64Array = new Float64Array(m + 1).fill(Infinity);
  row[0] = 0;
  for (const c of syllable) row = dpStep(row, tab(c), m);
  return row[m]!;
}

/**
 * Up to `limit` syllables for an OCR word (lower case), best channel cost first, none above `bound`.
 */
export function candidates(ocr: string, channel: Channel, limit = 30, bound = 14): Candidate[] {
  // Widen the search only when the tight bound finds too little: most words are cheap.
  const tight = search(ocr, channel, limit, Math.min(9, bound));
  if (tight.length >= 12) return tight;
  return search(ocr, channel, limit, bound);
}

function search(ocr: string, channel: Channel, limit: number, bound: number): Candidate[] {
  const b = [...ocr];
  const m = b.length;
  const ftab = table(b, channel.foldedCost);
  const etab = table(b, channel.cost);
  const folded: Array<{ words: string[]; lb: number }> = [];
  const visit = (node: TrieNode, row: Float64Array) => {
    for (const kid of node.kids) {
      const next = dpStep(row, ftab(kid.ch), m);
      let min = Infinity;
      for (let j = 0; j <= m; j++) if (next[j]! < min) min = next[j]!;
      if (min > bound) continue;
      if (kid.words.length && next[m]! <= bound) folded.push({ words: kid.words, lb: next[m]! });
      visit(kid, next);
    }
  };
  const start = new Float64Array(m + 1).fill(Infinity);
  start[0] = 0;
  visit(trie(), start);
  folded.sort((x, y) => x.lb - y.lb);
  const out: Candidate[] = [];
  let cutoff = bound;
  for (const f of folded) {
    if (f.lb > cutoff) break;
    for (const s of f.words) {
      const c = exact(s, m, etab);
      if (c <= cutoff) out.push({ syllable: s, channel: c });
    }
    if (out.length >= limit) {
      out.sort((x, y) => x.channel - y.channel);
      out.length = limit;
      cutoff = out[limit - 1]!.channel;
    }
  }
  return out.sort((x, y) => x.channel - y.channel).slice(0, limit);
}

// Per-channel memo of the per-word cost tables and of exact costs (the same OCR word recurs).
const TABLES = new WeakMap<Channel, Map<string, (c: string) => Float64Array>>();
const COSTS = new WeakMap<Channel, Map<string, number>>();

/** Exact channel cost of an OCR word given any target string (lower case). */
export function channelCost(ocr: string, target: string, channel: Channel): number {
  let costs = COSTS.get(channel);
  if (!costs) COSTS.set(channel, (costs = new Map()));
  const key = ocr + '\u0000' + target;
  const hit = costs.get(key);
  if (hit !== undefined) return hit;
  let tables = TABLES.get(channel);
  if (!tables) TABLES.set(channel, (tables = new Map()));
  let tab = tables.get(ocr);
  if (!tab) tables.set(ocr, (tab = table([...ocr], channel.cost)));
  const r = exact(target, [...ocr].length, tab);
  costs.set(key, r);
  return r;
}
