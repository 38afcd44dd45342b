/**
 * Systematic substitutions ("Chính quyền điện tử" → "chuyển đổi số", "tỉnh" ↔ "thành phố", a renamed
 * body): replacement hunks of the redlines that recur, with the same folded wording, in several aligned
 * article pairs. They are shown as a legend and can be hidden so that substantive changes stand out.
 */
import { foldKey } from './fold.ts';
import type { ArticleRedline, Part } from './diff.ts';

/** A recurring substitution found across the aligned pairs of two documents. */
export interface Substitution {
  /** Stable key: folded old text + `→` + folded new text. */
  key: string;
  /** Old wording (as first seen; '' for a recurring insertion). */
  from: string;
  /** New wording (as first seen; '' for a recurring deletion). */
  to: string;
  /** How many times it occurs. */
  count: number;
  /** Ids of the new-side articles (or old-side, when removed) where it occurs. */
  articles: string[];
}

/** Options for detection. */
export interface RenameOptions {
  /** Minimum number of distinct article pairs a substitution must occur in. */
  minArticles: number;
  /** Maximum length, in syllables, of either side (longer hunks are rewrites, not renames). */
  maxTokens: number;
}

/** Defaults: in at least two articles, at most twelve syllables per side. */
export const DEFAULT_RENAME_OPTIONS: RenameOptions = { minArticles: 2, maxTokens: 12 };

/** Normalised key of one side of a hunk: folded, lower-case, punctuation trimmed at both ends. */
function side(text: string): string {
  return foldKey(text)
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:()\-–]+|[\s,.;:()\-–]+$/g, '');
}

function syllables(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Change hunks of a run list: consecutive del/ins runs between equal runs, with the part indices. */
export function hunks(parts: Part[]): Array<{ del: string; ins: string; idx: number[] }> {
  const out: Array<{ del: string; ins: string; idx: number[] }> = [];
  let cur: { del: string; ins: string; idx: number[] } | null = null;
  parts.forEach((p, i) => {
    if (p.op === 'eq') {
      if (cur) out.push(cur);
      cur = null;
      return;
    }
    cur ??= { del: '', ins: '', idx: [] };
    if (p.op === 'del') cur.del += p.text;
    else cur.ins += p.text;
    cur.idx.push(i);
  });
  if (cur) out.push(cur);
  return out;
}

/** Key of a hunk, or null when it is too long or empty to be a rename. */
export function hunkKey(del: string, ins: string, opts: RenameOptions = DEFAULT_RENAME_OPTIONS): string | null {
  const d = side(del);
  const n = side(ins);
  if (d === n) return null;
  if (!/[a-z0-9]/.test(d + n)) return null; // punctuation-only changes are not renames
  // "và" → ",": a conjunction traded for a comma is style, too small to be a rename worth a legend entry
  if ((d + n).replace(/[^a-z0-9]/g, '').length < 4) return null;
  if (syllables(d) > opts.maxTokens || syllables(n) > opts.maxTokens) return null;
  return `${d}→${n}`;
}

/** Find substitutions that recur across several aligned article pairs, most frequent first. */
export function detectRenames(redlines: ArticleRedline[], opts: RenameOptions = DEFAULT_RENAME_OPTIONS): Substitution[] {
  const found = new Map<string, Substitution>();
  for (const r of redlines) {
    if (!r.from || !r.to) continue; // only changes within aligned pairs
    for (const parts of [r.title, ...r.clauses.filter((c) => c.from && c.to).map((c) => c.parts)]) {
      for (const h of hunks(parts)) {
        const key = hunkKey(h.del, h.ins, opts);
        if (!key) continue;
        const s = found.get(key) ?? { key, from: h.del.trim(), to: h.ins.trim(), count: 0, articles: [] };
        s.count++;
        if (!s.articles.includes(r.to)) s.articles.push(r.to);
        found.set(key, s);
      }
    }
  }
  return [...found.values()]
    .filter((s) => s.articles.length >= opts.minArticles)
    .sort((x, y) => y.count - x.count || x.key.localeCompare(y.key));
}

/** Copy of the redlines with every run of a detected substitution tagged with its key. */
export function markRenames(redlines: ArticleRedline[], subs: Substitution[], opts: RenameOptions = DEFAULT_RENAME_OPTIONS): ArticleRedline[] {
  const keys = new Set(subs.map((s) => s.key));
  const mark = (parts: Part[]): Part[] => {
    const out = parts.map((p) => ({ ...p }));
    for (const h of hunks(parts)) {
      const key = hunkKey(h.del, h.ins, opts);
      if (key && keys.has(key)) for (const i of h.idx) out[i]!.rename = key;
    }
    return out;
  };
  return redlines.map((r) => ({
    ...r,
    title: mark(r.title),
    clauses: r.clauses.map((c) => ({ ...c, parts: mark(c.parts) })),
  }));
}

/** Token counts of the redline once the systematic substitutions are hidden (substantive change only). */
export function substantiveStats(r: ArticleRedline): { del: number; ins: number } {
  let del = 0;
  let ins = 0;
  for (const parts of [r.title, ...r.clauses.map((c) => c.parts)])
    for (const p of parts) {
      if (p.op === 'eq' || p.rename) continue;
      const n = syllables(p.text);
      if (p.op === 'del') del += n;
      else ins += n;
    }
  return { del, ins };
}
