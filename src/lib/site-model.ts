/**
 * Pure helpers that shape corpus data for the site's pages (no Astro, unit-testable): document
 * status, article lists, role views, search-folding and relations.
 */
import type { Annotation, Article, Document } from './schema.ts';
import { fold } from './fold.ts';
import { allArticles, dutiesOf, type RoleTaxonomy } from './enrich/roles.ts';
import { formatDate } from './cite.ts';
import { pushTo } from './multimap.ts';

/** URL of a document page. */
export const docUrl = (id: string) => `/van-ban/${id}/`;
/** URL of an article page. */
export const articleUrl = (docId: string, articleId: string) => `/van-ban/${docId}/${articleId}/`;
/** URL of an element (anchor on the document page). */
export const elementUrl = (docId: string, elementId: string | null) => (elementId ? `${docUrl(docId)}#${elementId}` : docUrl(docId));

/** Ids of documents that replace this one (from relations, or from other documents' `replaces`). */
export function replacedBy(doc: Document, corpus: readonly Document[]): string[] {
  const ids = new Set<string>();
  for (const r of doc.relations) if (r.type === 'replaced-by' && r.target) ids.add(r.target);
  for (const other of corpus) {
    if (other.id === doc.id) continue;
    if (other.relations.some((r) => r.type === 'replaces' && r.target === doc.id)) ids.add(other.id);
  }
  return [...ids];
}

/** Ids of corpus documents this one replaces. */
export function replaces(doc: Document, corpus: readonly Document[]): string[] {
  const ids = new Set<string>();
  for (const r of doc.relations) if (r.type === 'replaces' && r.target) ids.add(r.target);
  for (const other of corpus) if (other.relations.some((r) => r.type === 'replaced-by' && r.target === doc.id)) ids.add(other.id);
  return [...ids];
}

/** `Còn hiệu lực` or `Đã bị thay thế`, from the relations. */
export function status(doc: Document, corpus: readonly Document[]): { inForce: boolean; label: string } {
  const by = replacedBy(doc, corpus);
  return by.length ? { inForce: false, label: 'Đã bị thay thế' } : { inForce: true, label: 'Còn hiệu lực' };
}

/** Decision number for display: the settled value, or a note that it was left blank. */
export function numberLabel(doc: Document): string {
  return doc.decision.number.value ?? 'Không ghi số';
}

/** Date for display (`03/5/2019`) or the year. */
export function dateLabel(doc: Document): string {
  return formatDate(doc.decision.date.value) ?? `năm ${doc.year}`;
}

/** Distinct printed variants of a value, when they disagree. */
export function printedVariants(v: Document['decision']['number']): string[] {
  const seen = new Set<string>();
  for (const p of v.variants) seen.add(p.printed.replace(/\s+/g, ' ').trim());
  return [...seen];
}

/** Regulation articles in reading order. */
export function regulationArticles(doc: Document): Article[] {
  return allArticles(doc).filter((a) => a.part === 'regulation').map((a) => a.article);
}

/** Every article with its part, in reading order (decision first). */
export { allArticles };

/** Words whose search form differs from what Pagefind indexes (Pagefind strips marks but keeps đ). */
export function foldedSearchWords(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) if (/[đĐ]/.test(w)) out.push(fold(w).toLowerCase());
  return out.join(' ');
}

/** A role's view of one document: devoted articles and the other clauses, grouped by duty. */
export interface RoleInDocument {
  doc: Document;
  subjects: Article[];
  clauses: { element: string; article: Article; text: string; relation: 'actor' | 'mentioned'; duties: string[] }[];
  counts: { subject: number; actor: number; mentioned: number };
}

/** Text of an element (clause with its tail, or point). */
function elementText(article: Article, element: string): string | null {
  for (const c of article.clauses) {
    if (c.id === element) return [c.text, ...c.points.map((p) => `${p.label}) ${p.text}`), ...c.tail].join(' ');
    for (const p of c.points) if (p.id === element) return [p.text, ...(p.tail ?? [])].join(' ');
  }
  return null;
}

/** Build the per-document view of a role from annotations. */
export function roleInDocument(doc: Document, role: string, taxonomy: RoleTaxonomy): RoleInDocument {
  const articles = allArticles(doc).map((a) => a.article);
  const ann = doc.annotations.filter((a: Annotation) => a.key === role);
  const subjects = articles.filter((a) => ann.some((x) => x.relation === 'subject' && x.element === a.id));
  const subjectIds = new Set(subjects.map((a) => a.id));
  const clauses: RoleInDocument['clauses'] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    if (subjectIds.has(article.id)) continue;
    for (const x of ann) {
      if (x.relation !== 'actor' && x.relation !== 'mentioned') continue;
      if (seen.has(x.element)) continue;
      const text = elementText(article, x.element);
      if (text === null) continue;
      // A point whose clause is listed already adds nothing.
      const parentListed = [...seen].some((s) => x.element.startsWith(`${s}-diem-`));
      if (parentListed) continue;
      seen.add(x.element);
      clauses.push({ element: x.element, article, text, relation: x.relation, duties: dutiesOf(text, taxonomy) });
    }
  }
  return {
    doc,
    subjects,
    clauses,
    counts: {
      subject: subjects.length,
      actor: clauses.filter((c) => c.relation === 'actor').length,
      mentioned: clauses.filter((c) => c.relation === 'mentioned').length,
    },
  };
}

/** Roles annotated anywhere in an article (for search filters and article pages). */
export function rolesOfArticle(doc: Document, article: Article): string[] {
  const ids = new Set<string>([article.id, ...article.clauses.flatMap((c) => [c.id, ...c.points.map((p) => p.id)])]);
  const keys = new Set<string>();
  for (const a of doc.annotations) if (ids.has(a.element) && a.relation !== 'topic') keys.add(a.key);
  return [...keys];
}

/** Topics of an article (annotations with relation `topic`, from the topics enricher when present). */
export function topicsOfArticle(doc: Document, article: Article): string[] {
  return [...new Set(doc.annotations.filter((a) => a.relation === 'topic' && a.element === article.id).map((a) => a.key))];
}

/** An article of a corpus document. */
export interface DocArticle {
  doc: Document;
  article: Article;
}

/** A corpus article in the topic index, numbered in corpus order (one number per document id and article id). */
interface Entry extends DocArticle {
  ordinal: number;
}

/** What relatedArticles needs, built once per corpus array (every article page asks). */
interface RelatedIndex {
  /** Topic → its articles in corpus order. */
  byTopic: Map<string, Entry[]>;
  /** Topic → work → its articles in corpus order. */
  byTopicWork: Map<string, Map<string, Entry[]>>;
  /** Topic → jurisdiction id → its articles in corpus order. */
  byTopicPlace: Map<string, Map<string, Entry[]>>;
  /** Jurisdiction id → ids of the jurisdictions whose parent it is. */
  children: Map<string, Set<string>>;
  /** How many distinct articles carry each exact set of topics. */
  signatures: Array<{ topics: Set<string>; count: number }>;
  /** Document id → the topic set of each of its distinct articles. */
  ownTopics: Map<string, Array<Set<string>>>;
}

const relatedIndexes = new WeakMap<readonly Document[], RelatedIndex>();

function relatedIndex(corpus: readonly Document[]): RelatedIndex {
  let index = relatedIndexes.get(corpus);
  if (index) return index;
  const byTopic = new Map<string, Entry[]>();
  const byTopicWork = new Map<string, Map<string, Entry[]>>();
  const byTopicPlace = new Map<string, Map<string, Entry[]>>();
  const children = new Map<string, Set<string>>();
  const keys = new Map<string, { ordinal: number; topics: Set<string>; doc: string }>();
  for (const doc of corpus) {
    const parent = doc.jurisdiction.parent;
    if (parent) children.set(parent, (children.get(parent) ?? new Set()).add(doc.jurisdiction.id));
    for (const { article } of allArticles(doc)) {
      const topics = topicsOfArticle(doc, article);
      if (!topics.length) continue;
      const key = `${doc.id}/${article.id}`;
      let info = keys.get(key);
      if (!info) keys.set(key, (info = { ordinal: keys.size, topics: new Set(), doc: doc.id }));
      for (const topic of topics) {
        if (info.topics.has(topic)) continue;
        info.topics.add(topic);
        const entry: Entry = { doc, article, ordinal: info.ordinal };
        pushTo(byTopic, topic, entry);
        if (!byTopicWork.has(topic)) byTopicWork.set(topic, new Map());
        pushTo(byTopicWork.get(topic)!, doc.work, entry);
        if (!byTopicPlace.has(topic)) byTopicPlace.set(topic, new Map());
        pushTo(byTopicPlace.get(topic)!, doc.jurisdiction.id, entry);
      }
    }
  }
  const bySignature = new Map<string, { topics: Set<string>; count: number }>();
  const ownTopics = new Map<string, Array<Set<string>>>();
  for (const info of keys.values()) {
    const sig = [...info.topics].sort().join('\u0000');
    const s = bySignature.get(sig);
    if (s) s.count++;
    else bySignature.set(sig, { topics: info.topics, count: 1 });
    pushTo(ownTopics, info.doc, info.topics);
  }
  index = { byTopic, byTopicWork, byTopicPlace, children, signatures: [...bySignature.values()], ownTopics };
  relatedIndexes.set(corpus, index);
  return index;
}

/**
 * Articles of other documents sharing a topic with `article`, at most `limit`: other versions of the
 * same work first, then parent/child jurisdictions, then the rest in corpus order (within each rank, in
 * the order of the article's topics, then corpus order). The cap keeps every article page the same size as
 * the corpus grows (the topic comparison pages list them all); `total` says how many there are.
 * Each rank is read from its own index and the total from counts per set of topics, so a page costs the
 * same whatever the size of the corpus (scanning every article of its topics made the article pages
 * quadratic in the corpus).
 */
export function relatedArticles(
  corpus: readonly Document[],
  doc: Document,
  article: Article,
  limit = 8,
): { items: DocArticle[]; total: number } {
  const index = relatedIndex(corpus);
  const topics = topicsOfArticle(doc, article);
  const j = doc.jurisdiction;
  const family = (o: Document) => o.jurisdiction.parent === j.id || j.parent === o.jurisdiction.id;
  const items: DocArticle[] = [];
  const taken = new Set<number>();
  const take = (e: Entry) => {
    if (items.length >= limit || taken.has(e.ordinal)) return;
    taken.add(e.ordinal);
    items.push({ doc: e.doc, article: e.article });
  };
  // 1. other versions of the same work
  for (const t of topics) for (const e of index.byTopicWork.get(t)?.get(doc.work) ?? []) if (e.doc.id !== doc.id) take(e);
  // 2. parent and child jurisdictions (their articles of each topic merged back into corpus order)
  const places = [...(index.children.get(j.id) ?? []), ...(j.parent ? [j.parent] : [])];
  for (const t of topics) {
    if (items.length >= limit) break;
    const byPlace = index.byTopicPlace.get(t);
    const near = places.flatMap((p) => byPlace?.get(p) ?? []).filter((e) => e.doc.work !== doc.work && family(e.doc));
    for (const e of near.sort((a, b) => a.ordinal - b.ordinal)) take(e);
  }
  // 3. the rest, in corpus order: skipping ranks 1–2 costs only the size of this work and family
  for (const t of topics) {
    if (items.length >= limit) break;
    for (const e of index.byTopic.get(t) ?? []) {
      if (items.length >= limit) break;
      if (e.doc.id === doc.id || e.doc.work === doc.work || family(e.doc)) continue;
      take(e);
    }
  }
  const wanted = new Set(topics);
  const hits = (set: Set<string>) => [...set].some((t) => wanted.has(t));
  let total = 0;
  for (const s of index.signatures) if (hits(s.topics)) total += s.count;
  for (const own of index.ownTopics.get(doc.id) ?? []) if (hits(own)) total--;
  return { items, total };
}
