/**
 * HTML rendering of redlines, shared by the static pages (set:html) and the browser islands, so both
 * show exactly the same markup. Inline view: one text with <del>/<ins>; side-by-side: old | new columns.
 * Runs of systematic substitutions carry data-rename so a switch can hide them (CSS only).
 */
import { CHANGE_LABELS } from './align.ts';
import type { AlignedPair } from './align.ts';
import type { ArticleRedline, Part } from './diff.ts';

/** Escape text for HTML. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function run(p: Part): string {
  const lead = p.text.match(/^\s*/)![0];
  const body = esc(p.text.slice(lead.length));
  if (p.op === 'eq') return esc(p.text);
  const tag = p.op === 'del' ? 'del' : 'ins';
  const attr = p.rename ? ` data-rename="${esc(p.rename)}"` : '';
  return `${lead}<${tag} class="rl-${p.op}"${attr}>${body}</${tag}>`;
}

/** Inline redline of a run list. */
export function inlineHtml(parts: Part[]): string {
  return parts.map(run).join('');
}

/** One side (old: equal + deleted runs; new: equal + inserted runs). */
export function sideHtml(parts: Part[], side: 'old' | 'new'): string {
  return parts.filter((p) => p.op === 'eq' || p.op === (side === 'old' ? 'del' : 'ins')).map(run).join('');
}

/** Clause label shown before a clause row (`khoản 2` / `mới` / `bỏ`). */
function clauseLabel(id: string | null): string {
  if (!id) return '';
  const m = /-(khoan|doan)-(\w+)$/.exec(id);
  return m ? (m[1] === 'khoan' ? `${m[2]}.` : '') : '';
}

/**
 * Redline of an article pair: heading, then one row per clause with the inline view and the two columns
 * of the side-by-side view (the page's view switch shows one of them).
 */
export function articleRedlineHtml(r: ArticleRedline, opts: { fromHref?: (id: string) => string; toHref?: (id: string) => string } = {}): string {
  const rows = r.clauses
    .map((c) => {
      const la = c.labels ? c.labels[0] : clauseLabel(c.from);
      const lb = c.labels ? c.labels[1] : clauseLabel(c.to);
      const link = (id: string | null, href?: (id: string) => string) => (id && href ? ` <a class="rl-anchor" href="${esc(href(id))}" aria-label="Mở ${esc(id)}">#</a>` : '');
      return `<div class="rl-row">` +
        `<p class="rl-inline">${lb || la ? `<span class="rl-num">${esc(lb || la)}</span> ` : ''}${inlineHtml(c.parts)}${link(c.to ?? c.from, c.to ? opts.toHref : opts.fromHref)}</p>` +
        `<div class="rl-side"><p>${la ? `<span class="rl-num">${esc(la)}</span> ` : ''}${sideHtml(c.parts, 'old')}${link(c.from, opts.fromHref)}</p>` +
        `<p>${lb ? `<span class="rl-num">${esc(lb)}</span> ` : ''}${sideHtml(c.parts, 'new')}${link(c.to, opts.toHref)}</p></div>` +
        `</div>`;
    })
    .join('');
  return `<div class="rl-article"><p class="rl-title">${inlineHtml(r.title)}</p>${rows}</div>`;
}

/** Heading text of an aligned pair (`Điều 8 → Điều 9`, `Điều 8 (mới)`). */
export function pairHeading(p: AlignedPair): string {
  if (p.from && p.to) return p.fromNumber === p.toNumber ? `Điều ${p.toNumber}` : `Điều ${p.fromNumber} → Điều ${p.toNumber}`;
  return p.to ? `Điều ${p.toNumber} (mới)` : `Điều ${p.fromNumber} (bỏ)`;
}

/** Vietnamese label of a pair's change type. */
export function pairLabel(p: AlignedPair): string {
  return CHANGE_LABELS[p.type];
}

/**
 * A whole comparison report as HTML (used by the any-two island): summary counts, legend of systematic
 * substitutions, alignment table with scores, then the redline of every pair.
 */
export function reportHtml(
  r: { alignment: { pairs: AlignedPair[]; summary: Record<string, number> }; redlines: ArticleRedline[]; renames: Array<{ from: string; to: string; count: number; articles: string[] }> },
  names: { from: string; to: string; fromDoc: string; toDoc: string },
): string {
  const al = r.alignment;
  const href = (doc: string) => (id: string) => `/van-ban/${doc}/#${id}`;
  const summary = Object.entries(al.summary)
    .filter(([, n]) => n)
    .map(([t, n]) => `<li data-type="${t}"><strong>${n}</strong>${esc(CHANGE_LABELS[t as AlignedPair['type']])}</li>`)
    .join('');
  const legend = r.renames.length
    ? `<h3>Thay thế có hệ thống</h3><ul class="legend">${r.renames
        .map((s) => `<li>${s.from ? `<del class="rl-del">${esc(s.from)}</del>` : '<em>(thêm)</em>'} → ${s.to ? `<ins class="rl-ins">${esc(s.to)}</ins>` : '<em>(bỏ)</em>'} — ${s.count} lần trong ${s.articles.length} điều</li>`)
        .join('')}</ul>`
    : '';
  const rows = al.pairs
    .map(
      (p, i) =>
        `<tr data-from="${p.from ?? ''}" data-to="${p.to ?? ''}" data-type="${p.type}"><td>${p.from ? `<a href="#tc-${i}">Điều ${esc(p.fromNumber ?? '')}. ${esc(p.fromTitle ?? '')}</a>` : '—'}</td><td>${p.to ? `<a href="#tc-${i}">Điều ${esc(p.toNumber ?? '')}. ${esc(p.toTitle ?? '')}</a>` : '—'}</td><td>${esc(CHANGE_LABELS[p.type])}</td><td>${p.score.toFixed(2)}</td><td>${p.confidence.toFixed(2)}</td></tr>`,
    )
    .join('');
  const pairs = al.pairs
    .map(
      (p, i) =>
        `<article class="rl-pair" id="tc-${i}" data-type="${p.type}"><h3>${esc(pairHeading(p))}<span class="type-badge type-${p.type}">${esc(CHANGE_LABELS[p.type])}</span></h3>` +
        (p.scores ? `<p class="rl-meta">điểm ${p.score.toFixed(2)} (nội dung ${p.scores.content.toFixed(2)}, tiêu đề ${p.scores.title.toFixed(2)}, vị trí ${p.scores.position.toFixed(2)}), tin cậy ${p.confidence.toFixed(2)}</p>` : '') +
        articleRedlineHtml(r.redlines[i]!, { fromHref: href(names.fromDoc), toHref: href(names.toDoc) }) +
        `</article>`,
    )
    .join('');
  return (
    `<h2>Tóm tắt</h2><ul class="summary-grid" data-summary>${summary}</ul>${legend}` +
    `<h2>Đối chiếu các điều</h2><div class="scroll-x"><table class="align-table" data-alignment><thead><tr><th scope="col">${esc(names.from)}</th><th scope="col">${esc(names.to)}</th><th scope="col">Loại</th><th scope="col">Điểm</th><th scope="col">Độ tin cậy</th></tr></thead><tbody>${rows}</tbody></table></div>` +
    `<h2>Chi tiết thay đổi</h2>${pairs}`
  );
}
