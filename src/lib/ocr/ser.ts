/**
 * Syllable error rate. Both texts are reduced to syllable tokens (maximal runs of letters/digits,
 * NFC, case-sensitive; punctuation-only tokens ignored; Markdown markers and the gold's own `## Căn cứ`
 * label stripped from the gold),
 * then aligned by Levenshtein distance over tokens. The hypothesis may carry extra material before
 * and after the gold region (semi-global alignment: free leading/trailing hypothesis tokens), so a
 * whole restored document can be scored against the gold of one region.
 */
import { scoreTokens } from './text.ts';

/** Result of scoring: edits (substitutions + deletions + insertions) over gold tokens. */
export interface SerResult { edits: number; gold: number; ser: number; sub: number; del: number; ins: number; errors: Array<[string, string]> }

/** Strip Markdown (front matter, heading marks, list bullets, emphasis) from the gold file. */
export function stripMarkdown(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .split('\n')
    // Section labels the gold adds that the document does not print (`## Căn cứ`).
    .filter((l) => !/^#{1,6}\s+Căn cứ\s*$/u.test(l))
    .map((l) => l.replace(/^#{1,6}\s+/u, '').replace(/^[-*]\s+/u, '').replace(/\*\*|__/gu, ''))
    .join('\n');
}

/** Syllable error rate of `hyp` against `gold` (see the module comment for what is counted). */
export function syllableErrorRate(gold: string, hyp: string): SerResult {
  const g = scoreTokens(gold), h = scoreTokens(hyp);
  const n = g.length, m = h.length, W = m + 1;
  const dp = new Int32Array((n + 1) * W);
  const bt = new Uint8Array((n + 1) * W);
  for (let i = 1; i <= n; i++) { dp[i * W] = i; bt[i * W] = 1; }
  // Row 0 is all zeros: hypothesis tokens before the region are free.
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    const d = dp[(i - 1) * W + j - 1]! + (g[i - 1] === h[j - 1] ? 0 : 1);
    const u = dp[(i - 1) * W + j]! + 1, l = dp[i * W + j - 1]! + 1;
    let b = d, k = 0;
    if (u < b) { b = u; k = 1; }
    if (l < b) { b = l; k = 2; }
    dp[i * W + j] = b; bt[i * W + j] = k;
  }
  // Free trailing hypothesis tokens: best end column in the last row.
  let end = 0;
  for (let j = 1; j <= m; j++) if (dp[n * W + j]! < dp[n * W + end]!) end = j;
  let sub = 0, del = 0, ins = 0;
  const errors: Array<[string, string]> = [];
  let i = n, j = end;
  while (i > 0) {
    const k = bt[i * W + j];
    if (j > 0 && k === 0) { if (g[i - 1] !== h[j - 1]) { sub++; errors.push([g[i - 1]!, h[j - 1]!]); } i--; j--; }
    else if (k === 1 || j === 0) { del++; errors.push([g[i - 1]!, '']); i--; }
    else { ins++; errors.push(['', h[j - 1]!]); j--; }
  }
  errors.reverse();
  const edits = dp[n * W + end]!;
  return { edits, gold: n, ser: n ? edits / n : 0, sub, del, ins, errors };
}
