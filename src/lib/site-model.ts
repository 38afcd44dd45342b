/**
 * Pure helpers that shape corpus data for the site's pages (no Astro, unit-testable): document
 * status, article lists, role views, search-folding and relations.
 */
import type { Annotation, Article, Document } from './schema.ts';
import { fold } from './fold.ts';
import { allArticles, dutiesOf, type RoleTaxonomy } from './enrich/roles.ts';
import { formatDate } from './cite.ts';

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

const topicIndexes = new WeakMap<readonly Document[], Map<string, DocArticle[]>>();

/** Articles of the corpus grouped by topic, built once per corpus array (pages share it). */
export function articlesByTopic(corpus: readonly Document[]): Map<string, DocArticle[]> {
  let index = topicIndexes.get(corpus);
  if (index) return index;
  index = new Map();
  for (const doc of corpus) {
    for (const { article } of allArticles(doc)) {
      for (const topic of topicsOfArticle(doc, article)) {
        const list = index.get(topic) ?? [];
        list.push({ doc, article });
        index.set(topic, list);
      }
    }
  }
  topicIndexes.set(corpus, index);
  return index;
}

/**
 * Articles of other documents sharing a topic with `article`, at most `limit`: other versions of the
 * same work first, then parent/child jurisdictions, then the rest in corpus order. The cap keeps every
 * article page the same size as the corpus grows (the topic comparison pages list them all);
 * `total` says how many there are.
 */
export function relatedArticles(
  corpus: readonly Document[],
  doc: Document,
  article: Article,
  limit = 8,
): { items: DocArticle[]; total: number } {
  const index = articlesByTopic(corpus);
  const seen = new Set<string>();
  const candidates: DocArticle[] = [];
  for (const topic of topicsOfArticle(doc, article)) {
    for (const entry of index.get(topic) ?? []) {
      const key = `${entry.doc.id}/${entry.article.id}`;
      if (entry.doc.id === doc.id || seen.has(key)) continue;
      seen.add(key);
      candidates.push(entry);
    }
  }
  const j = doc.jurisdiction;
  const rank = ({ doc: o }: DocArticle) =>
    o.work === doc.work ? 0 : o.jurisdiction.parent === j.id || j.parent === o.jurisdiction.id ? 1 : 2;
  // Stable sort: within a rank, corpus order (index order) is kept.
  const items = candidates
    .map((c, i) => ({ c, i, r: rank(c) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map(({ c }) => c);
  return { items, total: candidates.length };
}
