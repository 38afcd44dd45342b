/**
 * The comparison report of two documents: alignment + redlines + systematic substitutions, and its
 * renderings (JSON object, Markdown). Shared by the CLI, the pages and the benchmark.
 */
import { alignDocuments, CHANGE_LABELS, CHANGE_TYPES, DEFAULT_ALIGN_OPTIONS } from './align.ts';
import type { Alignable, AlignOverride, Alignment, ChangeType } from './align.ts';
import { changeRatio, redlineAlignment } from './diff.ts';
import type { ArticleRedline, DiffMode, Part } from './diff.ts';
import { detectRenames, markRenames, substantiveStats } from './renames.ts';
import type { Substitution } from './renames.ts';

/** Everything a comparison page or the CLI shows. */
export interface CompareReport {
  /** How tokens were compared. */
  mode: DiffMode;
  /** The alignment. */
  alignment: Alignment;
  /** Redlines, same order as alignment.pairs, with systematic substitutions tagged. */
  redlines: ArticleRedline[];
  /** Systematic substitutions (legend). */
  renames: Substitution[];
  /** Indices into pairs, biggest substantive change first (unchanged pairs left out). */
  biggest: number[];
}

/**
 * Diff mode for a pair: folded (diacritic-insensitive token equality) when either text came from OCR —
 * lost or wrong diacritics there are scan damage, not amendments — else exact.
 */
export function diffModeFor(a: Alignable, b: Alignable): DiffMode {
  const ocr = (d: Alignable) => Boolean((d as { provenance?: { ocr?: { detected?: boolean } } }).provenance?.ocr?.detected);
  return ocr(a) || ocr(b) ? 'folded' : 'exact';
}

/** Compare two documents (diff mode: see diffModeFor). */
export function compareDocuments(
  a: Alignable,
  b: Alignable,
  overrides: AlignOverride[] = [],
  mode: DiffMode = diffModeFor(a, b),
): CompareReport {
  const alignment = alignDocuments(a, b, overrides, DEFAULT_ALIGN_OPTIONS);
  const raw = redlineAlignment(a, b, alignment, mode);
  const renames = detectRenames(raw);
  const redlines = markRenames(raw, renames);
  const size = redlines.map((r) => {
    const s = substantiveStats(r);
    return s.del + s.ins;
  });
  const biggest = alignment.pairs
    .map((_, i) => i)
    .filter((i) => alignment.pairs[i]!.type !== 'unchanged' && size[i]! > 0)
    .sort((x, y) => size[y]! - size[x]! || x - y);
  return { mode, alignment, redlines, renames, biggest };
}

/** Compact JSON view: the pairs with from, to, type, score, confidence, component scores and change size. */
export function reportJson(r: CompareReport): unknown {
  return {
    from: r.alignment.from,
    to: r.alignment.to,
    mode: r.mode,
    summary: r.alignment.summary,
    overrides: r.alignment.overrides,
    renames: r.renames.map(({ from, to, count, articles }) => ({ from, to, count, articles })),
    pairs: r.alignment.pairs.map((p, i) => ({
      from: p.from,
      to: p.to,
      type: p.type,
      score: p.score,
      confidence: p.confidence,
      scores: p.scores,
      changes: p.changes,
      related: p.related,
      changeRatio: Math.round(changeRatio(r.redlines[i]!) * 1000) / 1000,
      ...(p.override ? { override: p.override } : {}),
    })),
  };
}

function mdParts(parts: Part[]): string {
  return parts
    .map((p) => {
      const t = p.text.replace(/([*~_`\\[\]])/g, '\\$1');
      const lead = t.match(/^\s*/)![0];
      const body = t.slice(lead.length);
      if (p.op === 'eq' || !body) return t;
      const mark = p.rename ? '°' : '';
      return p.op === 'del' ? `${lead}~~${body}~~${mark}` : `${lead}**${body}**${mark}`;
    })
    .join('');
}

/** Markdown rendering: summary, legend of substitutions, pair table, redlines. */
export function reportMarkdown(r: CompareReport): string {
  const { alignment: al } = r;
  const out: string[] = [`# So sánh ${al.from} → ${al.to}`, ''];
  out.push('| Loại thay đổi | Số điều |', '|---|---|');
  for (const t of CHANGE_TYPES) if (al.summary[t]) out.push(`| ${CHANGE_LABELS[t]} (${t}) | ${al.summary[t]} |`);
  out.push('');
  if (r.renames.length) {
    out.push('## Thay thế có hệ thống (°)', '');
    for (const s of r.renames) out.push(`- "${s.from}" → "${s.to}" — ${s.count} lần, ${s.articles.length} điều`);
    out.push('');
  }
  out.push('## Đối chiếu', '', '| from | to | type | score | confidence | content | title | position |', '|---|---|---|---|---|---|---|---|');
  for (const p of al.pairs)
    out.push(
      `| ${p.from ?? '—'} | ${p.to ?? '—'} | ${p.type} | ${p.score} | ${p.confidence} | ${p.scores?.content ?? ''} | ${p.scores?.title ?? ''} | ${p.scores?.position ?? ''} |`,
    );
  out.push('', '## Chi tiết (~~xóa~~, **thêm**)', '');
  al.pairs.forEach((p, i) => {
    const rl = r.redlines[i]!;
    const head = p.to && p.from ? `Điều ${p.fromNumber} → Điều ${p.toNumber}` : p.to ? `Điều ${p.toNumber} (mới)` : `Điều ${p.fromNumber} (bỏ)`;
    out.push(`### ${head} — ${CHANGE_LABELS[p.type as ChangeType]}`, '', `Tiêu đề: ${mdParts(rl.title)}`, '');
    for (const c of rl.clauses) out.push(`- ${mdParts(c.parts)}`);
    out.push('');
  });
  return out.join('\n');
}
