/** Relations between corpus documents computed from their data (for the graph and pages). */
import type { Document } from './schema.ts';
import { normaliseNumber } from './references.ts';

/** Key of a cited document: its normalised number, or its kind + title for laws cited by name. */
function referenceKey(ref: Document['decision']['bases'][number]['references'][number]): string | null {
  if (ref.number) return normaliseNumber(ref.number);
  if (ref.title) return `${ref.kind}:${ref.title.toLowerCase()}`;
  return null;
}

/** Cited documents of a document's legal bases: key → text as cited. */
function citedKeys(d: Document): Map<string, string> {
  return new Map(d.decision.bases.flatMap((b) => b.references).map((r) => [referenceKey(r), r.text] as const).filter((e): e is [string, string] => e[0] !== null));
}

/** The jurisdiction family of a document: its province (a city or district belongs to its parent's family). */
const family = (d: Document) => d.jurisdiction.parent ?? d.jurisdiction.id;

/**
 * Pairs of documents of one jurisdiction family (a province, its earlier versions, its cities and districts)
 * citing the same legal bases, with how many they share (a < b, corpus order). Across provinces every text
 * cites the same national laws, so such pairs say little and their number grows with the square of the
 * corpus: `mostCitedBases` summarises them instead.
 */
export function sharedBases(docs: readonly Document[]): { a: string; b: string; count: number; shared: string[] }[] {
  const keys = docs.map(citedKeys);
  const groups = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const members = groups.get(family(d));
    if (members) members.push(i);
    else groups.set(family(d), [i]);
  });
  const out: { a: number; b: number; count: number; shared: string[] }[] = [];
  for (const members of groups.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!, j = members[y]!;
        const shared = [...keys[i]!.keys()].filter((k) => keys[j]!.has(k)).map((k) => keys[i]!.get(k)!);
        if (shared.length) out.push({ a: i, b: j, count: shared.length, shared });
      }
    }
  }
  return out.sort((p, q) => p.a - q.a || p.b - q.b).map((p) => ({ ...p, a: docs[p.a]!.id, b: docs[p.b]!.id }));
}

/** The legal bases cited by the most documents of the corpus (at least two), most cited first. */
export function mostCitedBases(docs: readonly Document[], limit = 10): { text: string; docs: string[] }[] {
  const by = new Map<string, { text: string; docs: string[] }>();
  for (const d of docs) {
    for (const [k, text] of citedKeys(d)) {
      const e = by.get(k) ?? { text, docs: [] };
      e.docs.push(d.id);
      by.set(k, e);
    }
  }
  return [...by.values()].filter((e) => e.docs.length >= 2).sort((a, b) => b.docs.length - a.docs.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).slice(0, limit);
}
