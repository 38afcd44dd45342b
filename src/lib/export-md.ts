/**
 * Markdown export of a Document (downloadable, and re-parseable: parse → export → parse gives the
 * same tree). `# title`, the decision first (type, title, bases, `Điều` articles, recipients,
 * signature), then the regulation: `## Chương I. TITLE`, `### Điều N. Title`, one paragraph per
 * clause (`1. …`, `- …` for bullets) and per point (`a) …`).
 */
import type { Article, Document } from './schema.ts';

/** Escape what the Markdown reader would take as markup (emphasis, a leading `#`). */
export function escapeMd(text: string): string {
  return text.replace(/([\\*])/g, '\\$1').replace(/__/g, '\\_\\_').replace(/^#/, '\\#');
}

function articleMd(a: Article): string[] {
  const out: string[] = [`### Điều ${a.number}.${a.title ? ` ${escapeMd(a.title)}` : ''}`];
  for (const c of a.clauses) {
    const lead = c.kind === 'numbered' ? `${c.number}. ` : c.kind === 'bullet' ? `${c.marker ?? '-'} ` : '';
    if (c.text || lead) out.push(`${lead}${escapeMd(c.text)}`.trimEnd());
    for (const p of c.points) {
      out.push(/^[-–—+•·∙▪]$/.test(p.marker) ? `${p.marker} ${escapeMd(p.text)}` : `${p.label}) ${escapeMd(p.text)}`);
      for (const t of p.tail) out.push(escapeMd(t));
    }
    for (const t of c.tail) out.push(escapeMd(t));
  }
  return out;
}

/** Render a Document as Markdown (paragraphs separated by blank lines, trailing newline). */
export function documentToMarkdown(doc: Document): string {
  const blocks: string[] = [`# ${doc.title}`];
  const d = doc.decision;
  if (d.type) {
    blocks.push(...d.authority);
    if (d.number.variants[0]?.where === 'header') blocks.push(`Số: ${d.number.variants[0].printed}`);
    const headerDate = d.date.variants.find((v) => v.where === 'header');
    if (headerDate) blocks.push(`${d.place ? `${d.place}, ` : ''}${headerDate.printed}`);
    blocks.push(`**${d.type}**`);
    if (d.title) blocks.push(d.title);
    if (d.note) blocks.push(...d.note.split('\n').map(escapeMd));
    if (d.issuer) blocks.push(d.issuer);
    for (const b of d.bases) blocks.push(`*${b.text}*`);
    blocks.push('QUYẾT ĐỊNH:');
    for (const a of d.articles) blocks.push(...articleMd(a));
    if (d.recipients.length) blocks.push(`Nơi nhận:\n${d.recipients.map((r) => `- ${r.text}`).join('\n')}`);
    const s = d.signature;
    if (s) {
      const capacity = s.capacity ? s.capacity.split(' / ') : [];
      const lines = [s.mode ? `${s.mode} ${capacity.shift() ?? ''}`.trim() : capacity.shift(), ...capacity, ...(s.title ? s.title.split(' / ') : []), s.name].filter(Boolean);
      if (lines.length) blocks.push(lines.join('\n'));
    }
  }
  const r = doc.regulation;
  if (r) {
    if (r.type) blocks.push(`**${r.type}**`);
    if (r.title) blocks.push(r.title);
    if (r.issuedWith) blocks.push(r.issuedWith);
    for (const a of r.articles) blocks.push(...articleMd(a));
    for (const ch of r.chapters) {
      blocks.push(`## Chương ${ch.number}.${ch.title ? ` ${ch.title}` : ''}`);
      for (const a of ch.articles) blocks.push(...articleMd(a));
      for (const s of ch.sections) {
        blocks.push(`## Mục ${s.number}.${s.title ? ` ${s.title}` : ''}`);
        for (const a of s.articles) blocks.push(...articleMd(a));
      }
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
