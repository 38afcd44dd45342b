/**
 * Vietnamese citation forms for elements of a document, e.g.
 * "khoản 2 Điều 5 Quy chế hoạt động của Ban Chỉ đạo … ban hành kèm theo Quyết định số 85/QĐ-BCĐ
 * ngày 03/5/2019 của Trưởng Ban Chỉ đạo …".
 */
import type { Article, Clause, Document } from './schema.ts';
import { fold, foldKey } from './fold.ts';

/** Format an ISO date the way Vietnamese legal texts cite it: `03/5/2019` (day padded, month not). */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return `${m[3]}/${Number(m[2])}/${m[1]}`;
}

/** Lower-case the first letter (for a title that continues a sentence). */
function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}
function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** True when a string has no lower-case letters (headings and letterheads are printed in capitals). */
function isUpper(s: string): boolean {
  return s === s.toLocaleUpperCase('vi') && s !== s.toLocaleLowerCase('vi');
}

/**
 * Sentence-case an issuer line printed in capitals, restoring the committee and jurisdiction names
 * (`TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH KIÊN GIANG` → `Trưởng Ban Chỉ đạo Chuyển đổi số tỉnh Kiên Giang`).
 */
export function formatIssuer(issuer: string, doc: Pick<Document, 'committee' | 'jurisdiction'>): string {
  let s = issuer.replace(/\s+/g, ' ').trim();
  if (!isUpper(s)) return s;
  s = s.toLocaleLowerCase('vi');
  for (const name of [doc.committee.name, doc.jurisdiction.name]) {
    const at = foldKey(s).indexOf(foldKey(name));
    // fold() keeps string length for NFC Vietnamese only via NFD, so search on a same-length key.
    if (at >= 0 && fold(s).length === s.length) s = s.slice(0, at) + name + s.slice(at + name.length);
  }
  return upperFirst(s);
}

/** The decision as cited: `Quyết định số 85/QĐ-BCĐ ngày 03/5/2019 của Trưởng Ban Chỉ đạo …`. */
export function decisionCitation(doc: Document): string {
  const d = doc.decision;
  const type = upperFirst(d.type.toLocaleLowerCase('vi'));
  const number = d.number.value ?? null;
  const date = formatDate(d.date.value);
  let s = type;
  s += number ? ` số ${number}` : ' (chưa ghi số)';
  s += date ? ` ngày ${date}` : ` năm ${doc.year}`;
  if (d.issuer) s += ` của ${formatIssuer(d.issuer, doc)}`;
  return s;
}

/** The regulation as cited: `Quy chế hoạt động của … ban hành kèm theo Quyết định số …`. */
export function regulationCitation(doc: Document): string {
  const r = doc.regulation;
  if (!r) return decisionCitation(doc);
  const type = upperFirst(r.type.toLocaleLowerCase('vi'));
  const title = r.title.replace(/\s+/g, ' ').trim();
  return `${type} ${isUpper(title) ? title.toLocaleLowerCase('vi') : lowerFirst(title)} ban hành kèm theo ${decisionCitation(doc)}`;
}

/** Where an element sits in the tree. */
export interface ElementPath {
  part: 'decision' | 'regulation' | 'bases';
  chapter?: { number: string; id: string };
  article?: Article;
  clause?: Clause;
  clauseIndex?: number;
  point?: Clause['points'][number];
}

/** Locate an element id in a document; null when it does not exist. */
export function locate(doc: Document, id: string): ElementPath | null {
  if (doc.decision.bases.some((b) => b.id === id)) return { part: 'bases' };
  const scan = (articles: Article[], part: ElementPath['part'], chapter?: ElementPath['chapter']): ElementPath | null => {
    for (const article of articles) {
      if (article.id === id) return { part, chapter, article };
      for (const [clauseIndex, clause] of article.clauses.entries()) {
        if (clause.id === id) return { part, chapter, article, clause, clauseIndex };
        for (const point of clause.points) if (point.id === id) return { part, chapter, article, clause, clauseIndex, point };
      }
    }
    return null;
  };
  const inDecision = scan(doc.decision.articles, 'decision');
  if (inDecision) return inDecision;
  const r = doc.regulation;
  if (!r) return null;
  const top = scan(r.articles, 'regulation');
  if (top) return top;
  for (const ch of r.chapters) {
    const chapter = { number: ch.number, id: ch.id };
    if (ch.id === id) return { part: 'regulation', chapter };
    const found = scan(ch.articles, 'regulation', chapter) ?? ch.sections.map((s) => scan(s.articles, 'regulation', chapter)).find(Boolean);
    if (found) return found;
  }
  return null;
}

/** The element's own label: `điểm a khoản 1 Điều 4`, `khoản 2 Điều 5`, `Điều 5`, `Chương II`. */
export function elementLabel(doc: Document, id: string): string | null {
  const path = locate(doc, id);
  if (!path) return null;
  if (path.part === 'bases') return 'phần căn cứ';
  if (!path.article) return path.chapter ? `Chương ${path.chapter.number}` : null;
  let label = `Điều ${path.article.number}`;
  const clause = path.clause;
  if (clause) {
    if (clause.kind === 'paragraph') {
      const paragraphs = path.article.clauses.filter((c) => c.kind === 'paragraph');
      // A lone paragraph is the article itself; otherwise count paragraphs (đoạn).
      if (path.article.clauses.length > 1) label = `đoạn ${paragraphs.indexOf(clause) + 1} ${label}`;
    } else if (clause.number) {
      label = `khoản ${clause.number} ${label}`;
    }
  }
  if (path.point) label = `điểm ${path.point.label} ${label}`;
  return label;
}

/** The citation that follows an element label: the regulation or the decision, fully identified. */
export function citationSuffix(doc: Document, id: string): string {
  const path = locate(doc, id);
  return path?.part === 'regulation' ? regulationCitation(doc) : decisionCitation(doc);
}

/** Full Vietnamese citation of an element (or of the document when `id` is null or unknown). */
export function cite(doc: Document, id: string | null): string {
  if (!id) return regulationCitation(doc);
  const label = elementLabel(doc, id);
  if (!label) return regulationCitation(doc);
  if (label === 'phần căn cứ') return decisionCitation(doc);
  return `${label} ${citationSuffix(doc, id)}`;
}
