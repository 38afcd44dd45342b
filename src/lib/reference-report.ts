/** Build report of references across the corpus: resolved, unresolved (internal) and external. */
import type { Document } from './schema.ts';
import { allArticles } from './enrich/roles.ts';
import { findReferences, type FoundReference } from './references.ts';

/** One reference with where it was found. */
export interface ReportedReference extends Omit<FoundReference, 'start' | 'end'> {
  doc: string;
  element: string;
}

/** Every reference found in every text of every document, classified. */
export function referenceReport(corpus: readonly Document[]): { resolved: number; unresolved: ReportedReference[]; external: ReportedReference[] } {
  const unresolved: ReportedReference[] = [];
  const external: ReportedReference[] = [];
  let resolved = 0;
  for (const doc of corpus) {
    const texts: { element: string; text: string; part: 'decision' | 'regulation'; article: string | null }[] = [];
    for (const b of doc.decision.bases) texts.push({ element: b.id, text: b.text, part: 'decision', article: null });
    for (const [i, r] of doc.decision.recipients.entries()) texts.push({ element: `noi-nhan-${i + 1}`, text: r.text, part: 'decision', article: null });
    for (const { article, part } of allArticles(doc)) {
      for (const c of article.clauses) {
        texts.push({ element: c.id, text: [c.text, ...c.tail].join(' '), part, article: article.id });
        for (const p of c.points) texts.push({ element: p.id, text: [p.text, ...(p.tail ?? [])].join(' '), part, article: article.id });
      }
    }
    for (const t of texts) {
      for (const { start: _s, end: _e, ...ref } of findReferences(t.text, { doc, corpus, part: t.part, article: t.article })) {
        if (ref.target) resolved++;
        else (ref.external ? external : unresolved).push({ ...ref, doc: doc.id, element: t.element });
      }
    }
  }
  return { resolved, unresolved, external };
}
