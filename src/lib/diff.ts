/**
 * Redlines: word-level (Vietnamese syllable-level) diffs computed WITHIN aligned article pairs, clause by
 * clause where clauses align. Uses `diffArrays` of the `diff` package on syllable/punctuation tokens that
 * keep their leading whitespace, so the original spacing is reproduced exactly.
 */
import { diffArrays } from 'diff';
import { alignUnits, clauseText, documentArticles, DEFAULT_ALIGN_OPTIONS } from './align.ts';
import type { Alignable, AlignOptions, Alignment, Unit } from './align.ts';
import { foldKey } from './fold.ts';
import type { Article } from './schema.ts';

/** One run of a redline. */
export interface Part {
  /** eq: in both; del: only in the old text; ins: only in the new text. */
  op: 'eq' | 'del' | 'ins';
  /** The text of the run, with its leading whitespace. */
  text: string;
  /** Key of the systematic substitution (renames.ts) this run belongs to, when it is one. */
  rename?: string;
}

/** Redline of one clause pair (or of an added/removed clause). */
export interface ClauseRedline {
  /** Clause id in the old article (null: added clause). */
  from: string | null;
  /** Clause id in the new article (null: removed clause). */
  to: string | null;
  /** Printed labels of the old and new passage (`2.`, `a)`, '' for paragraphs). */
  labels?: [string, string];
  /** The runs. */
  parts: Part[];
}

/** Redline of an aligned article pair. */
export interface ArticleRedline {
  /** Article ids (null on the side where the article does not exist). */
  from: string | null;
  to: string | null;
  /** Redline of the heading. */
  title: Part[];
  /** Redlines of the clauses, in the new article's order. */
  clauses: ClauseRedline[];
  /** Tokens deleted / inserted / kept (for "biggest changes first"). */
  stats: { del: number; ins: number; eq: number };
}

/** Comparison mode: exact tokens, or folded (diacritic- and case-insensitive, for raw OCR text). */
export type DiffMode = 'exact' | 'folded';

const TOKEN = /\s*(?:[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}])/gu;

/** Split text into syllable and punctuation tokens, each with its leading whitespace. */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

/**
 * Absorb an equal run of a single token sandwiched between two changes into the change (a semantic
 * clean-up in the spirit of diff-match-patch's cleanupSemantic): "X a Y" → "X' a Y'" reads better as one
 * replacement than as two with a lone shared comma in between.
 */
function cleanup(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const prev = out[out.length - 1];
    const next = parts[k + 1];
    if (p.op === 'eq' && prev && prev.op !== 'eq' && next && next.op !== 'eq' && tokenize(p.text).length === 1) {
      out.push({ op: 'del', text: p.text }, { op: 'ins', text: p.text });
      continue;
    }
    out.push({ ...p });
  }
  // order each change block as all deletions then all insertions, merged
  const merged: Part[] = [];
  let k = 0;
  while (k < out.length) {
    if (out[k]!.op === 'eq') {
      const last = merged[merged.length - 1];
      if (last && last.op === 'eq') last.text += out[k]!.text;
      else merged.push(out[k]!);
      k++;
      continue;
    }
    let del = '';
    let ins = '';
    while (k < out.length && out[k]!.op !== 'eq') {
      if (out[k]!.op === 'del') del += out[k]!.text;
      else ins += out[k]!.text;
      k++;
    }
    if (del) merged.push({ op: 'del', text: del });
    if (ins) merged.push({ op: 'ins', text: ins });
  }
  return merged;
}

/** Word-level diff of two texts (syllables and punctuation), as runs. */
export function diffText(a: string, b: string, mode: DiffMode = 'exact'): Part[] {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const key = mode === 'folded' ? (t: string) => foldKey(t.trim()) : (t: string) => t.trim();
  // diff precomputed keys with ===; spacing and spelling are restored from the token arrays by position
  const changes = diffArrays(ta.map(key), tb.map(key));
  const parts: Part[] = [];
  let ib = 0;
  let ia = 0;
  for (const c of changes) {
    if (c.added) {
      parts.push({ op: 'ins', text: tb.slice(ib, ib + c.value.length).join('') });
      ib += c.value.length;
    } else if (c.removed) {
      parts.push({ op: 'del', text: ta.slice(ia, ia + c.value.length).join('') });
      ia += c.value.length;
    } else {
      ia += c.value.length;
      // show the new text's spelling for equal runs
      parts.push({ op: 'eq', text: tb.slice(ib, ib + c.value.length).join('') });
      ib += c.value.length;
    }
  }
  return cleanup(parts.filter((p) => p.text !== ''));
}

/** Token counts of a redline. */
export function partStats(parts: Part[]): { del: number; ins: number; eq: number } {
  const s = { del: 0, ins: 0, eq: 0 };
  for (const p of parts) s[p.op] += tokenize(p.text).length;
  return s;
}

/**
 * Passages of an article for redlining: a clause without points is one passage; a clause with points or
 * tail paragraphs is split into its lead-in, each point and each tail paragraph, so that texts that
 * structure the same content differently (a clause here, three points there) still align piece by piece.
 * Tail passages get ids `<clause or point id>@<n>` (mapped back to that element for links).
 */
export function passageUnits(a: Article): Array<Unit & { label: string }> {
  const out: Array<Unit & { label: string }> = [];
  for (const c of a.clauses) {
    const label = c.number ? `${c.number}.` : '';
    if (!c.points.length && !(c.tail ?? []).length) {
      out.push({ id: c.id, number: c.number ?? '', title: '', text: clauseText(c), label });
      continue;
    }
    if (c.text) out.push({ id: c.id, number: c.number ?? '', title: '', text: c.text, label });
    for (const p of c.points) {
      out.push({ id: p.id, number: p.label, title: '', text: p.text, label: `${p.label})` });
      (p.tail ?? []).forEach((t, k) => out.push({ id: `${p.id}@${k + 1}`, number: '', title: '', text: t, label: '' }));
    }
    (c.tail ?? []).forEach((t, k) => out.push({ id: `${c.id}@${k + 1}`, number: '', title: '', text: t, label: '' }));
  }
  return out;
}

/** Element id of a passage id (tail passages belong to their clause or point). */
const elementOf = (id: string | null) => (id ? id.replace(/@\d+$/, '') : null);

/** Clause alignment inside an article pair: content only, with order as the tie-breaker. */
const CLAUSE_OPTIONS: AlignOptions = {
  ...DEFAULT_ALIGN_OPTIONS,
  wContent: 0.8,
  wTitle: 0,
  wPosition: 0.2,
  threshold: 0.25,
  minContent: 0.15,
};

/** Redline of two articles (either may be null for added/removed), clause by clause where clauses align. */
export function redlineArticles(a: Article | null, b: Article | null, mode: DiffMode = 'exact'): ArticleRedline {
  const title = diffText(a?.title ?? '', b?.title ?? '', mode);
  const clauses: ClauseRedline[] = [];
  if (a && b) {
    const ca = passageUnits(a);
    const cb = passageUnits(b);
    const byA = new Map(ca.map((u) => [u.id, u]));
    const byB = new Map(cb.map((u) => [u.id, u]));
    for (const p of alignUnits(ca, cb, CLAUSE_OPTIONS)) {
      const ua = p.from ? byA.get(p.from)! : null;
      const ub = p.to ? byB.get(p.to)! : null;
      clauses.push({
        from: elementOf(p.from),
        to: elementOf(p.to),
        labels: [ua?.label ?? '', ub?.label ?? ''],
        parts: diffText(ua?.text ?? '', ub?.text ?? '', mode),
      });
    }
  } else {
    const only = (a ?? b)!;
    for (const u of passageUnits(only)) {
      clauses.push({ from: a ? elementOf(u.id) : null, to: b ? elementOf(u.id) : null, labels: [a ? u.label : '', b ? u.label : ''], parts: [{ op: a ? 'del' : 'ins', text: u.text }] });
    }
  }
  const stats = [title, ...clauses.map((c) => c.parts)].map(partStats).reduce(
    (s, x) => ({ del: s.del + x.del, ins: s.ins + x.ins, eq: s.eq + x.eq }),
    { del: 0, ins: 0, eq: 0 },
  );
  return { from: a?.id ?? null, to: b?.id ?? null, title, clauses, stats };
}

/** Redlines for every pair of an alignment (same order as `alignment.pairs`). */
export function redlineAlignment(
  docA: Alignable,
  docB: Alignable,
  alignment: Alignment,
  mode: DiffMode = 'exact',
): ArticleRedline[] {
  const aa = new Map(documentArticles(docA).map((x) => [x.id, x]));
  const bb = new Map(documentArticles(docB).map((x) => [x.id, x]));
  return alignment.pairs.map((p) =>
    redlineArticles(p.from ? aa.get(p.from)! : null, p.to ? bb.get(p.to)! : null, mode),
  );
}

/** Share of tokens changed in a redline (0 = identical, 1 = all new). */
export function changeRatio(r: ArticleRedline): number {
  const total = r.stats.eq + Math.max(r.stats.del, r.stats.ins);
  return total ? Math.max(r.stats.del, r.stats.ins) / total : 0;
}
