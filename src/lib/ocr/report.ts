/** Reviewer report: the low-confidence tokens of a restored document, by element. */
import type { Document, Restoration } from '../schema.ts';
import { LOW_CONFIDENCE } from './restore.ts';

/** Every restored token under the threshold, with the id of the element that holds it. */
export function lowConfidenceTokens(doc: Document, threshold = LOW_CONFIDENCE): Document['provenance']['ocr']['lowConfidence'] {
  const out: Document['provenance']['ocr']['lowConfidence'] = [];
  const visit = (id: string, r?: Restoration) => {
    for (const t of r?.tokens ?? []) if (t.text && !t.corrected && t.confidence < threshold) out.push({ element: id, text: t.text, ocr: t.ocr, confidence: t.confidence });
  };
  for (const b of doc.decision.bases) visit(b.id, b.restoration);
  const arts = [...doc.decision.articles, ...(doc.regulation ? [...doc.regulation.articles, ...doc.regulation.chapters.flatMap((c) => { visit(c.id, c.restoration); return [...c.articles, ...c.sections.flatMap((s) => s.articles)]; })] : [])];
  for (const a of arts) {
    // An untitled article's heading line carries its first paragraph's words: report them once, there.
    if (a.title) visit(a.id, a.restoration);
    for (const c of a.clauses) { visit(c.id, c.restoration); for (const p of c.points) visit(p.id, p.restoration); }
  }
  return out;
}
