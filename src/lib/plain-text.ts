/** Plain-text rendering of a Document for downloads (Markdown comes from export-md.ts). */
import type { Article, Document } from './schema.ts';
import { allArticles } from './enrich/roles.ts';

function articleLines(a: Article, md: boolean): string[] {
  const out: string[] = [];
  out.push(md ? `### Điều ${a.number}.${a.title ? ` ${a.title}` : ''}` : `Điều ${a.number}.${a.title ? ` ${a.title}` : ''}`);
  out.push('');
  for (const c of a.clauses) {
    out.push(c.kind === 'paragraph' ? c.text : `${c.marker ?? `${c.number}.`} ${c.text}`);
    out.push('');
    for (const p of c.points) {
      out.push(`${p.marker} ${p.text}`);
      out.push('');
      for (const t of p.tail ?? []) out.push(t, '');
    }
    for (const t of c.tail) {
      out.push(t);
      out.push('');
    }
  }
  return out;
}

/** The document as plain text: decision (bases, articles) then the regulation, one paragraph per element. */
export function toPlainText(doc: Document, md = false): string {
  const d = doc.decision;
  const out: string[] = [];
  const h = (level: number, text: string) => (md ? `${'#'.repeat(level)} ${text}` : text);
  out.push(h(1, doc.title), '');
  out.push(`${d.type} số ${d.number.value ?? '…'}${d.date.value ? ` ngày ${d.date.value}` : ''}`, '');
  out.push(d.title, '');
  if (d.note) for (const x of d.note.split('\n').filter((l) => l.trim())) out.push(x, '');
  if (d.issuer) out.push(d.issuer, '');
  for (const b of d.bases) out.push(b.text, '');
  for (const a of d.articles) out.push(...articleLines(a, md));
  const r = doc.regulation;
  if (r) {
    out.push(h(1, `${r.type} ${r.title}`), '');
    if (r.issuedWith) out.push(r.issuedWith, '');
    for (const a of r.articles) out.push(...articleLines(a, md));
    for (const ch of r.chapters) {
      out.push(h(2, `Chương ${ch.number}. ${ch.title}`), '');
      for (const a of ch.articles) out.push(...articleLines(a, md));
      for (const s of ch.sections) {
        out.push(h(2, `Mục ${s.number}. ${s.title}`), '');
        for (const a of s.articles) out.push(...articleLines(a, md));
      }
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Count of articles per part (for the data page). */
export function articleCounts(doc: Document): { decision: number; regulation: number } {
  const all = allArticles(doc);
  return { decision: all.filter((a) => a.part === 'decision').length, regulation: all.filter((a) => a.part === 'regulation').length };
}
