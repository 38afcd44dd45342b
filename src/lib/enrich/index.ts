/**
 * Corpus-level enrichment: relations between documents (replaces / replaced-by, based-on, part-of,
 * version-of) and annotation layers from the `enrichers` list. Pure and deterministic: same corpus
 * in, same documents out (documents and their relations/annotations sorted).
 */
import type { Annotation, Document, LegalReference, Relation } from '../schema.ts';
import { topicsEnricher } from './topics.ts';
import { enrichRoles, type RoleTaxonomy as Roles } from './roles.ts';
import type { TopicTaxonomy as Topics } from './topics.ts';

/** Role taxonomy (content/roles.yaml, site helper) — shape owned by its author. */
export type RoleTaxonomy = Roles;
/** Topic taxonomy (content/topics.yaml, compare helper): see TopicTaxonomySchema in ./topics.ts. */
export type TopicTaxonomy = Topics;

/** What an enricher sees besides its document. */
export interface EnrichContext {
  corpus: Document[];
  roles?: RoleTaxonomy;
  topics?: TopicTaxonomy;
}

/** An annotator: document → annotations (roles, topics …) keyed by element id. */
export type Enricher = (doc: Document, ctx: EnrichContext) => Annotation[];

/** Registered annotators, run in order by enrichCorpus. Other helpers append here (roles, topics). */
export const enrichers: Enricher[] = [
  (doc, ctx) => topicsEnricher(doc, ctx), // topics (compare helper): needs ctx.topics, borrows through ctx.corpus
  (doc, ctx) => enrichRoles(doc, ctx), // roles (site helper): needs ctx.roles (content/roles.yaml)
];

/** Comparable form of a document number: `85/QĐ-BCĐ` → `85/qd-bcd` (folded, no spaces). */
export function numberKey(number: string | null): string | null {
  if (!number) return null;
  return number.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, '');
}

/** Corpus document a reference points to: same number (any printed variant), and same date when both known. */
export function resolveReference(ref: LegalReference, corpus: Document[], self: Document): Document | null {
  const key = numberKey(ref.number);
  if (!key) return null;
  for (const doc of corpus) {
    if (doc.id === self.id) continue;
    const keys = new Set([doc.decision.number.value, ...doc.decision.number.variants.map((v) => v.value)].map(numberKey).filter(Boolean));
    if (!keys.has(key)) continue;
    const dates = new Set([doc.decision.date.value, ...doc.decision.date.variants.map((v) => v.value)].filter(Boolean));
    if (ref.date && dates.size > 0 && !dates.has(ref.date)) continue;
    return doc;
  }
  return null;
}

function refLabel(ref: LegalReference): string {
  return [ref.type, ref.number ? `số ${ref.number}` : ref.title, ref.date ? `ngày ${ref.date.split('-').reverse().map((x) => String(Number(x))).join('/')}` : null]
    .filter(Boolean).join(' ');
}

function docLabel(doc: Document): string {
  const d = doc.decision;
  return `${d.type ? 'Quyết định' : 'Văn bản'}${d.number.value ? ` số ${d.number.value}` : ''}${d.date.value ? ` ngày ${d.date.value.split('-').reverse().map((x) => String(Number(x))).join('/')}` : ''} (${doc.id})`;
}

const RELATION_ORDER: Relation['type'][] = ['replaces', 'replaced-by', 'version-of', 'part-of', 'based-on'];

/** Relations of one document within the corpus (and resolves reference targets in place on a copy). */
function relationsOf(doc: Document, corpus: Document[]): { relations: Relation[]; doc: Document } {
  const copy: Document = structuredClone(doc);
  const relations: Relation[] = [];
  for (const ref of copy.decision.replaces) {
    const target = resolveReference(ref, corpus, copy);
    ref.target = target?.id ?? null;
    relations.push({ type: 'replaces', target: target?.id ?? null, label: refLabel(ref) });
  }
  for (const other of corpus) {
    if (other.id === copy.id) continue;
    if (other.decision.replaces.some((r) => resolveReference(r, corpus, other)?.id === copy.id)) {
      relations.push({ type: 'replaced-by', target: other.id, label: docLabel(other) });
    }
    if (other.work === copy.work) relations.push({ type: 'version-of', target: other.id, label: docLabel(other) });
  }
  for (const basis of copy.decision.bases) {
    for (const ref of basis.references) {
      const target = resolveReference(ref, corpus, copy);
      ref.target = target?.id ?? null;
      if (target) relations.push({ type: 'based-on', target: target.id, label: refLabel(ref) });
    }
  }
  const parent = copy.jurisdiction.parent;
  if (parent) {
    const name = corpus.find((d) => d.jurisdiction.id === parent)?.jurisdiction.name ?? parent;
    relations.push({ type: 'part-of', target: parent, label: name });
  }
  relations.sort((a, b) => RELATION_ORDER.indexOf(a.type) - RELATION_ORDER.indexOf(b.type) || String(a.target).localeCompare(String(b.target)) || a.label.localeCompare(b.label));
  return { relations, doc: copy };
}

/** Enrich the whole corpus: relations and annotations. Input documents are not mutated. */
export function enrichCorpus(docs: Document[], ctx: Omit<EnrichContext, 'corpus'> = {}): Document[] {
  const corpus = [...docs].sort((a, b) => a.id.localeCompare(b.id));
  const full: EnrichContext = { ...ctx, corpus };
  return corpus.map((d) => {
    const { relations, doc } = relationsOf(d, corpus);
    doc.relations = relations;
    const annotations = enrichers.flatMap((e) => e(doc, full));
    annotations.sort((a, b) => a.element.localeCompare(b.element) || a.key.localeCompare(b.key) || a.relation.localeCompare(b.relation));
    doc.annotations = annotations;
    return doc;
  });
}
