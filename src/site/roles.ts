/**
 * Role pages (Astro glue over src/lib/site-model.ts): what each page of a role shows. A role page must
 * not grow with the corpus, so the summary table is paged and only the first documents are shown in
 * full on the role page; every document has its own page `/vai-tro/<role>/<doc>/` with all its clauses.
 */
import type { Document } from '../lib/schema.ts';
import { paginate, pageSegment, pageSize } from '../lib/paging.ts';
import { roleInDocument, type RoleInDocument } from '../lib/site-model.ts';
import type { Corpus } from './corpus.ts';
import { pushTo } from '../lib/multimap.ts';
import { versionPairsIn, type VersionPair } from '../lib/versions.ts';

// The environment variables exist for tests, which build the five-document corpus with small pages to see the paging.
/** Rows of the summary table per page (one row per document); QUYCHE_ROLE_ROWS_PER_PAGE overrides. */
export const ROLE_ROWS_PER_PAGE = pageSize(process.env.QUYCHE_ROLE_ROWS_PER_PAGE, 50);
/** Documents whose clauses are shown in full on the role page itself (the rest: one page each); QUYCHE_ROLE_DETAIL_DOCS overrides. */
export const ROLE_DETAIL_DOCS = pageSize(process.env.QUYCHE_ROLE_DETAIL_DOCS, 5);

/** URL of a role's page n (1-based). */
export const roleUrl = (role: string, page = 1) => `/vai-tro/${role}/${pageSegment(page)}`;
/** URL of a role in one document: the devoted article and every other clause. */
export const roleDocUrl = (role: string, doc: string) => `/vai-tro/${role}/${doc}/`;

/** True when the role has an article or a clause in the document. */
export const isPresent = (v: RoleInDocument) => v.subjects.length + v.clauses.length > 0;

export interface RolePages {
  /** One view per document of the corpus, in display order. */
  views: RoleInDocument[];
  /** The views of the summary table, page by page. */
  pages: RoleInDocument[][];
  /** Documents shown in full on page 1. */
  detail: RoleInDocument[];
}

const rolePagesCache = new WeakMap<Corpus, Map<string, RolePages>>();

/**
 * Everything the pages of one role show, computed once per role and corpus: every page of the role and every
 * `/vai-tro/<role>/<doc>/` page reads it (computing it per page made the role pages quadratic in the corpus).
 */
export function rolePages(corpus: Corpus, role: string): RolePages {
  let byRole = rolePagesCache.get(corpus);
  if (!byRole) rolePagesCache.set(corpus, (byRole = new Map()));
  let pages = byRole.get(role);
  if (!pages) {
    const views = corpus.docs.map((d) => roleInDocument(d, role, corpus.roles));
    pages = { views, pages: paginate(views, ROLE_ROWS_PER_PAGE), detail: views.filter(isPresent).slice(0, ROLE_DETAIL_DOCS) };
    byRole.set(role, pages);
  }
  return pages;
}

/** Clauses of a role in one document grouped by kind of duty, in the taxonomy's order ('khac' last). */
export function dutyGroups(v: RoleInDocument, corpus: Corpus): Array<{ id: string; name: string; clauses: RoleInDocument['clauses'] }> {
  const duties = corpus.roles.duties;
  const name = new Map(duties.map((d) => [d.id, d.name]));
  const map = new Map<string, RoleInDocument['clauses']>();
  for (const c of v.clauses) {
    const key = c.duties[0] ?? 'khac';
    pushTo(map, key, c);
  }
  return [...duties.map((d) => d.id), 'khac'].filter((k) => map.has(k)).map((k) => ({ id: k, name: name.get(k) ?? 'Khác', clauses: map.get(k)! }));
}

/** Version comparisons (consecutive versions of one work) that end in one of the given documents. */
export function versionPairsOf(docs: readonly Document[], corpus: Corpus): VersionPair[] {
  const byWork = consecutiveVersions(corpus);
  const works = new Set(docs.map((d) => d.work));
  const wanted = new Set(docs.map((d) => d.id));
  return [...works].flatMap((w) => byWork.get(w) ?? []).filter((p) => wanted.has(p.to.id));
}

/** Version comparisons of a document's work that involve it (it is the older or the newer version). */
export function versionPairsAround(doc: Document, corpus: Corpus): VersionPair[] {
  return (consecutiveVersions(corpus).get(doc.work) ?? []).filter((p) => p.from.id === doc.id || p.to.id === doc.id);
}

const consecutiveCache = new WeakMap<Corpus, Map<string, VersionPair[]>>();

/** Consecutive version pairs of each work (src/lib/versions.ts: the comparison pages' own pairs and slugs), once per corpus: every role page asks. */
function consecutiveVersions(corpus: Corpus): Map<string, VersionPair[]> {
  let pairs = consecutiveCache.get(corpus);
  if (!pairs) {
    pairs = new Map();
    for (const p of versionPairsIn(corpus.docs, true)) pushTo(pairs, p.work, p);
    consecutiveCache.set(corpus, pairs);
  }
  return pairs;
}
