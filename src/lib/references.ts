/**
 * Reference finder: recognises references inside Vietnamese legal text — "Điều 3", "khoản 2 Điều 5",
 * "điểm a khoản 1 Điều 4", "Điều 3 của QĐ", "Quy chế này", "Quyết định số 85/QĐ-BCĐ ngày 03/5/2019" —
 * and resolves them against the corpus as data (document id + element id). Presentation (links) is
 * done elsewhere (rehype-references.ts); this module knows nothing about HTML.
 */
import type { Document } from './schema.ts';
import { foldKey } from './fold.ts';

/** Anchor of the regulation part on a document page. */
export const REGULATION_ANCHOR = 'quy-che';
/** Anchor of the decision part on a document page. */
export const DECISION_ANCHOR = 'quyet-dinh';

/** Where a piece of text sits, so relative references ("Điều này", "Điều 3" in the decision) resolve. */
export interface ReferenceContext {
  /** The document the text belongs to. */
  doc: Document;
  /** Which part of the document the text is in. */
  part: 'decision' | 'regulation';
  /** Id of the article the text is in (`dieu-5`, `qd-dieu-3`), when inside one. */
  article?: string | null;
  /** Every corpus document, to resolve references to other documents. */
  corpus: readonly Document[];
}

/** Kinds of reference the finder recognises. */
export type ReferenceKind = 'element' | 'self' | 'document';

/** A resolved target: a corpus document and optionally an element (or part anchor) inside it. */
export interface ReferenceTarget {
  /** Corpus document id. */
  doc: string;
  /** Element id or part anchor on the document page; null for the document as a whole. */
  element: string | null;
}

/** One reference found in a text. */
export interface FoundReference {
  /** Offset of the first character in the text. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** The recognised span, as printed. */
  text: string;
  /** What kind of thing it names. */
  kind: ReferenceKind;
  /** Resolved target, or null when it cannot be resolved. */
  target: ReferenceTarget | null;
  /** True for documents outside the corpus (laws, decrees): expected to stay unresolved. */
  external: boolean;
  /** Why the target is null (for the build report). */
  reason?: string;
}

const LETTER = '[a-zđ]';
const ELEMENT_REF =
  String.raw`(?:điểm\s+(${LETTER})(?:\s*(?:,|và)\s*${LETTER})*\s+)?` +
  String.raw`(?:khoản\s+(\d+)(?:\s*(?:,|và)\s*\d+)*\s+)?` +
  String.raw`Điều\s+(\d+[a-z]?\b|này)` +
  String.raw`(?:\s+(?:của\s+)?(QĐ|Quyết định này|Quy chế này))?`;
const CLAUSE_ONLY_REF = String.raw`(?:điểm\s+(${LETTER})\s+)?khoản\s+(\d+)(?!\s*(?:,|và)?\s*(?:\d|Điều))`;
const DOC_TYPES = 'Luật|Bộ luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch|Tờ trình|Công văn';
const DOC_NUMBER = String.raw`\d+[a-zA-Z]?(?:\s*\/\s*\d{4})?\s*\/\s*[A-ZĐ][A-ZĐa-zđ0-9]*(?:\s*[-–]\s*[A-ZĐa-zđ0-9]+)*`;
const DOC_DATE = String.raw`ngày\s+(\d{1,2})\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4})`;
const DOCUMENT_REF = String.raw`(${DOC_TYPES})\s+(?:số\s*:?\s*)?(${DOC_NUMBER})(?:\s+${DOC_DATE})?`;
const SELF_REF = String.raw`(Quy chế này|Quyết định này)`;

/**
 * The one pattern (global, case-insensitive) that matches every candidate reference; alternatives
 * are tried longest-first so "khoản 2 Điều 5" wins over "Điều 5".
 */
export const REFERENCE_PATTERN = new RegExp(
  `(?<!\\p{L})(?:${DOCUMENT_REF}|${ELEMENT_REF}|${CLAUSE_ONLY_REF}|${SELF_REF})`,
  'giu',
);

const FOLLOWED_BY_OTHER_DOCUMENT = new RegExp(
  String.raw`^(?:\s*(?:,|và)\s*\d+[a-z]?)*\s*(?:của\s+)?(?:${DOC_TYPES}|Hiến pháp)`,
  'iu',
);

/** Normalise a document number for comparison: no spaces, en dash → hyphen, folded, lower-case. */
export function normaliseNumber(number: string): string {
  return foldKey(number.replace(/\s+/g, '').replace(/–/g, '-'));
}

function isoDate(d: string, m: string, y: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Every element id of a document (bases, decision and regulation elements). */
export function elementIds(doc: Document): Set<string> {
  const ids = new Set<string>([REGULATION_ANCHOR, DECISION_ANCHOR]);
  for (const b of doc.decision.bases) ids.add(b.id);
  const addArticles = (articles: Document['decision']['articles']) => {
    for (const a of articles) {
      ids.add(a.id);
      for (const c of a.clauses) {
        ids.add(c.id);
        for (const p of c.points) ids.add(p.id);
      }
    }
  };
  addArticles(doc.decision.articles);
  if (doc.regulation) {
    addArticles(doc.regulation.articles);
    for (const ch of doc.regulation.chapters) {
      ids.add(ch.id);
      addArticles(ch.articles);
      for (const s of ch.sections) {
        ids.add(s.id);
        addArticles(s.articles);
      }
    }
  }
  return ids;
}

const idCache = new WeakMap<Document, Set<string>>();
function idsOf(doc: Document): Set<string> {
  let ids = idCache.get(doc);
  if (!ids) idCache.set(doc, (ids = elementIds(doc)));
  return ids;
}

/** Find the corpus document a cited number (and date) designates; null when none or ambiguous. */
export function resolveDocument(
  corpus: readonly Document[],
  number: string,
  date: string | null,
): string | null {
  const key = normaliseNumber(number);
  const candidates = corpus.filter((d) => {
    const numbers = [d.decision.number.value, ...d.decision.number.variants.map((v) => v.value)];
    if (!numbers.some((n) => n !== null && normaliseNumber(n) === key)) return false;
    if (!date) return true;
    const dates = [d.decision.date.value, ...d.decision.date.variants.map((v) => v.value)];
    return dates.includes(date);
  });
  return candidates.length === 1 ? candidates[0]!.id : null;
}

function lower(s: string | undefined): string | undefined {
  return s === undefined ? undefined : s.toLocaleLowerCase('vi');
}

/** Classify one match of REFERENCE_PATTERN at `index` in `input` and resolve it. */
export function resolveMatch(match: RegExpExecArray | string[], index: number, input: string, ctx: ReferenceContext): FoundReference | null {
  const text = match[0]!;
  const base = { start: index, end: index + text.length, text };
  const [, docType, docNumber, dd, mm, yyyy, point, clause, article, owner, point2, clause2, self] = match;
  if (docType && docNumber) {
    const date = dd && mm && yyyy ? isoDate(dd, mm, yyyy) : null;
    const target = resolveDocument(ctx.corpus, docNumber, date);
    return target
      ? { ...base, kind: 'document', target: { doc: target, element: null }, external: false }
      : { ...base, kind: 'document', target: null, external: true, reason: 'document not in the corpus' };
  }
  if (self) {
    const isRegulation = foldKey(self).startsWith('quy che');
    if (isRegulation && !ctx.doc.regulation) return null;
    return { ...base, kind: 'self', target: { doc: ctx.doc.id, element: isRegulation ? REGULATION_ANCHOR : DECISION_ANCHOR }, external: false };
  }
  let articleId: string | null = null;
  let p = point;
  let k = clause;
  if (article) {
    // "Điều 8, 9 Nghị định số …" cites another document: not ours.
    if (FOLLOWED_BY_OTHER_DOCUMENT.test(input.slice(index + text.length)) && !owner) return null;
    if (article.toLowerCase() === 'này') {
      articleId = ctx.article ?? null;
    } else {
      const ownerKey = owner ? foldKey(owner) : null;
      const inDecision = ownerKey ? ownerKey.startsWith('qd') || ownerKey.startsWith('quyet dinh') : ctx.part === 'decision';
      articleId = `${inDecision ? 'qd-' : ''}dieu-${lower(article)}`;
    }
  } else if (clause2) {
    // A bare "khoản 2" refers to the current article (standard drafting usage).
    if (!ctx.article) return null;
    articleId = ctx.article;
    p = point2;
    k = clause2;
  } else {
    return null;
  }
  if (!articleId) return { ...base, kind: 'element', target: null, external: false, reason: 'relative reference outside an article' };
  let element = articleId;
  if (k) element += `-khoan-${k}`;
  if (p) element += `-diem-${foldKey(p) === 'd' && p.toLowerCase() === 'đ' ? 'dd' : foldKey(p)}`;
  const ids = idsOf(ctx.doc);
  if (ids.has(element)) return { ...base, kind: 'element', target: { doc: ctx.doc.id, element }, external: false };
  return { ...base, kind: 'element', target: null, external: false, reason: `no element ${element} in ${ctx.doc.id}` };
}

/** Find and resolve every reference in a text (data form, for tests, reports and enrichers). */
export function findReferences(text: string, ctx: ReferenceContext): FoundReference[] {
  const out: FoundReference[] = [];
  const re = new RegExp(REFERENCE_PATTERN.source, REFERENCE_PATTERN.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const found = resolveMatch(m, m.index, text, ctx);
    if (found) out.push(found);
  }
  return out;
}
