/** Relations between corpus documents computed from their data (for the graph and pages). */
import type { Document } from './schema.ts';
import { normaliseNumber } from './references.ts';

/** Key of a cited document: its normalised number, or its kind + title for laws cited by name. */
function referenceKey(ref: Document['decision']['bases'][number]['references'][number]): string | null {
  if (ref.number) return normaliseNumber(ref.number);
  if (ref.title) return `${ref.kind}:${ref.title.toLowerCase()}`;
  return null;
}

/** Pairs of documents citing the same legal bases, with how many they share (a < b, corpus order). */
export function sharedBases(docs: readonly Document[]): { a: string; b: string; count: number; shared: string[] }[] {
  const keys = docs.map((d) => new Map(d.decision.bases.flatMap((b) => b.references).map((r) => [referenceKey(r), r.text] as const).filter(([k]) => k !== null)));
  const out: { a: string; b: string; count: number; shared: string[] }[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const shared = [...keys[i]!.keys()].filter((k) => keys[j]!.has(k)).map((k) => keys[i]!.get(k)!);
      if (shared.length) out.push({ a: docs[i]!.id, b: docs[j]!.id, count: shared.length, shared });
    }
  }
  return out;
}
