/**
 * The depth-first candidate search that the best-first one in src/lib/ocr/candidates.ts replaced,
 * kept as the reference its results must equal (same syllables, same costs, same order). Only the
 * walk of the trie is kept here; the exact scoring of accented forms, the tightening cutoff and the
 * final ranking are the search's own (`FormScorer`), which both walks call the same way.
 */
import { searchInternals, type Candidate } from '../../../src/lib/ocr/candidates.ts';
import { FOLDED_LETTERS, type Channel } from '../../../src/lib/ocr/confusion.ts';

const { trie, wordTables, dpStep, FormScorer } = searchInternals;
type Tables = ReturnType<typeof wordTables>;

/** `candidates()` as it was: a tight depth-first search, widened when it finds fewer than 12. */
export function referenceCandidates(ocr: string, channel: Channel, limit = 30, bound = 14): Candidate[] {
  const tabs = wordTables(ocr, channel);
  const bounds = completionBounds(tabs, channel);
  const tight = depthFirstSearch(tabs, bounds, limit, Math.min(9, bound));
  if (tight.length >= 12) return tight;
  return depthFirstSearch(tabs, bounds, limit, bound);
}

/**
 * The bounds the depth-first search used (the best-first search has exact ones of its own):
 * `minDel`, the lowest folded cost of reading any letter as nothing, and `suffix[j]`, the lowest
 * folded cost of producing the OCR chars from j on with any letters.
 */
function completionBounds(tabs: Tables, channel: Channel): { minDel: number; suffix: Float64Array } {
  const m = tabs.m, stride = tabs.stride, folded = tabs.folded, S = 4;
  const suffix = new Float64Array(m + 1).fill(Infinity);
  suffix[m] = 0;
  for (let j = m - 1; j >= 0; j--) {
    for (let k = 1; k <= 3 && j + k <= m; k++) {
      let low = Infinity;
      for (let c = 0; c < FOLDED_LETTERS.length; c++) low = Math.min(low, folded[c * stride + j * S + k]!);
      suffix[j] = Math.min(suffix[j]!, low + suffix[j + k]!);
    }
  }
  return { minDel: Math.min(...channel.foldedRow('')), suffix };
}

/**
 * The `limit` syllables of least channel cost not above `bound`, ties broken by the folded lower
 * bound, then by trie order (the order of the plain algorithm: score folded forms by increasing lower
 * bound, keep the best). The trie is walked depth first, the kids of a node by increasing lower bound,
 * and the bound tightens to the `limit`-th best exact cost found so far, so most subtrees are pruned
 * once good candidates are known; every syllable within the final bound is still found.
 */
export function depthFirstSearch(tabs: Tables, bounds: { minDel: number; suffix: Float64Array }, limit: number, bound: number): Candidate[] {
  const T = trie();
  const m = tabs.m;
  const W = m + 1;
  const { minDel, suffix } = bounds;
  // Folded rows: for each depth, one row per kid of the node being expanded.
  const rows = new Float64Array((T.depth + 1) * T.maxKids * W).fill(Infinity);
  const levelSize = T.maxKids * W;
  rows[0] = 0;
  const forms = new FormScorer(T, tabs, limit, bound);
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
      if (min <= forms.cutoff) {
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
      if (p <= forms.cutoff) {
        let at = len++;
        while (at > 0 && pri[pbase + orderBuf[pbase + at - 1]!]! > p) { orderBuf[pbase + at] = orderBuf[pbase + at - 1]!; at--; }
        orderBuf[pbase + at] = x;
      }
    }
    for (let o = 0; o < len; o++) {
      const x = orderBuf[pbase + o]!;
      if (pri[pbase + x]! > forms.cutoff) break;
      const kid = T.kids[k0 + x]!;
      const no = base + x * W;
      const last = rows[no + m]!;
      if (T.wordStart[kid + 1]! > T.wordStart[kid]! && last <= forms.cutoff) forms.score(kid, last);
      rowAt[d + 1] = no;
      visit(kid, d + 1);
    }
  };
  const rowAt = new Int32Array(T.depth + 2);
  rowAt[0] = 0;
  visit(0, 0);
  return forms.result(forms.cutoff, (syllable: string, _index: number, channel: number): Candidate => ({ syllable, channel }));
}
