/**
 * Synthetic corpora for scale benchmarks: full Documents (valid against DocumentSchema) for many
 * jurisdictions × versions, built by recombining and perturbing the articles of the real corpus.
 * Deterministic for a given seed. Unlike src/lib/synthetic.ts (alignment workload only), these are
 * complete documents the site can build.
 */
import { createHash } from 'node:crypto';
import type { Annotation, Article, Document, Relation } from './schema.ts';
import { DocumentSchema } from './schema.ts';
import { slugify as slug } from './fold.ts';
import { rng } from './random.ts';

/** The 63 provinces and cities under central authority (before the 2025 merger). */
export const PROVINCES = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bạc Liêu', 'Bắc Giang', 'Bắc Kạn', 'Bắc Ninh', 'Bến Tre', 'Bình Dương', 'Bình Định',
  'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Cần Thơ', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên', 'Đồng Nai',
  'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương', 'Hải Phòng', 'Hậu Giang', 'Hòa Bình',
  'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lạng Sơn', 'Lào Cai', 'Lâm Đồng', 'Long An', 'Nam Định',
  'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh',
  'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế', 'Tiền Giang',
  'TP Hồ Chí Minh', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];

/** Options of generateCorpus. */
export interface GenerateOptions {
  /** Number of documents. */
  count: number;
  /** PRNG seed (same seed, same corpus). */
  seed?: number;
  /** Versions per work (the last work may have fewer). */
  versions?: number;
  /** Share of articles replaced by an article of another document (0–1). */
  recombine?: number;
}

interface Work { id: string; name: string; level: 'tinh' | 'thanh-pho' | 'huyen'; parent: string | null }

/** Work k: the 63 provinces first, then district-level units of each province in turn. */
function workAt(k: number): Work {
  const p = PROVINCES[k % PROVINCES.length]!;
  const round = Math.floor(k / PROVINCES.length);
  if (round === 0) return { id: slug(p), name: p, level: 'tinh', parent: null };
  const name = round % 2 ? `Thành phố ${p} ${round}` : `Huyện ${p} ${round}`;
  return { id: slug(name), name, level: round % 2 ? 'thanh-pho' : 'huyen', parent: slug(p) };
}

type Json = unknown;

/** Deep-map every string in a JSON value. */
function mapStrings<T extends Json>(value: T, f: (s: string, key: string) => string, key = ''): T {
  if (typeof value === 'string') return f(value, key) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, k)])) as T;
  }
  return value;
}

/** Keys whose strings are identifiers or machine values, never prose. */
const ID_KEYS = new Set(['id', 'element', 'key', 'relation', 'source', 'kind', 'severity', 'code', 'reason', 'sha256', 'encoding', 'layout', 'value', 'target', 'where', 'programme', 'level', 'parent', 'work']);

/** Drop OCR provenance whose tokens no longer spell the element's text (the invariant of RestoredLine). */
function dropStaleRestoration(value: Json): void {
  if (Array.isArray(value)) { value.forEach(dropStaleRestoration); return; }
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, Json>;
  const r = o.restoration as { tokens?: Array<{ text: string }> } | undefined;
  if (r && typeof o.text === 'string') {
    const spelled = (r.tokens ?? []).filter((t) => t.text !== '').map((t) => t.text).join(' ');
    if (spelled !== o.text) delete o.restoration;
  } else if (r && typeof o.title === 'string') {
    delete o.restoration; // heading provenance: the renumbered heading no longer matches it
  }
  for (const v of Object.values(o)) dropStaleRestoration(v);
}

/** Reword one sentence a little: drop, insert or swap syllables, as successive versions do. */
function perturb(text: string, r: () => number): string {
  const w = text.split(' ');
  if (w.length < 6) return text;
  const i = Math.floor(r() * (w.length - 3));
  const op = r();
  if (op < 0.35) w.splice(i, 2);
  else if (op < 0.7) w.splice(i, 0, ...(['và', 'các', 'cơ', 'quan', 'có', 'liên', 'quan'].slice(0, 2 + Math.floor(r() * 5))));
  else if (op < 0.85) [w[i], w[i + 1]] = [w[i + 1]!, w[i]!];
  else w.splice(i, 0, 'chuyển', 'đổi', 'số');
  return w.join(' ');
}

/** All regulation articles with their chapter index, in order. */
function regulationArticles(doc: Document): Array<{ chapter: number; article: Article }> {
  return (doc.regulation?.chapters ?? []).flatMap((c, chapter) => [
    ...c.articles.map((article) => ({ chapter, article })),
    ...c.sections.flatMap((s) => s.articles.map((article) => ({ chapter, article }))),
  ]);
}

/** Rename an article (and every element id under it) to number n, with its annotations. */
function renumberArticle(article: Article, n: number, annotations: Annotation[]): { article: Article; annotations: Annotation[] } {
  const from = article.id;
  const to = `dieu-${n}`;
  const re = (id: string) => (id === from ? to : id.startsWith(`${from}-`) ? to + id.slice(from.length) : id);
  const renamed = mapStrings(article, (s, key) => (key === 'id' ? re(s) : s));
  renamed.number = String(n);
  return {
    article: renamed,
    annotations: annotations.filter((a) => a.element === from || a.element.startsWith(`${from}-`)).map((a) => ({ ...a, element: re(a.element) })),
  };
}

/**
 * Generate `count` documents: works (provinces, then district units) × versions. Version 1 of a work is
 * a real document (round robin) with its jurisdiction renamed and a share of its articles replaced by
 * articles of the other real documents; each later version rewords some clauses of the previous one,
 * sometimes adds an article. Relations (version-of, replaces/replaced-by, part-of) link them. Every
 * document is validated against DocumentSchema.
 */
export function generateCorpus(real: Document[], opts: GenerateOptions): Document[] {
  const r = rng(opts.seed ?? 1);
  const versions = opts.versions ?? 3;
  const recombine = opts.recombine ?? 0.3;
  const templates = [...real].sort((a, b) => a.id.localeCompare(b.id)).filter((d) => d.regulation && regulationArticles(d).length > 0);
  if (templates.length === 0) throw new Error('generateCorpus: no real document with regulation articles');
  const pool = templates.flatMap((doc) => regulationArticles(doc).map(({ article }) => ({ doc, article })));
  const out: Document[] = [];
  for (let k = 0; out.length < opts.count; k++) {
    const work = workAt(k);
    const template = templates[k % templates.length]!;
    const baseYear = 2019 + Math.floor(r() * 3);
    let prev: Document | null = null;
    for (let v = 0; v < versions && out.length < opts.count; v++) {
      const year = baseYear + 2 * v;
      const source: Document = structuredClone(prev ?? template);
      const oldName: string = (prev ?? template).jurisdiction.name;
      // rename the jurisdiction in prose (mixed and upper case)
      let doc: Document = mapStrings(source, (s: string, key: string) =>
        ID_KEYS.has(key) ? s : s.split(oldName).join(work.name).split(oldName.toUpperCase()).join(work.name.toUpperCase()));
      // recombine (first version) or reword (later versions) the regulation articles
      const arts = regulationArticles(doc);
      const annotations: Annotation[] = doc.annotations.filter((a) => !/^dieu-\d/.test(a.element));
      const chapters = doc.regulation!.chapters.map((c) => ({ ...c, articles: [] as Article[], sections: [] as typeof c.sections }));
      let n = 0;
      const place = (chapter: number, article: Article, from: Annotation[]) => {
        const moved = renumberArticle(article, ++n, from);
        chapters[Math.min(chapter, chapters.length - 1)]!.articles.push(moved.article);
        annotations.push(...moved.annotations);
      };
      for (const { chapter, article } of arts) {
        if (!prev && r() < recombine) {
          const pick = pool[Math.floor(r() * pool.length)]!;
          place(chapter, mapStrings(structuredClone(pick.article), (s, key) => (ID_KEYS.has(key) ? s : s.split(pick.doc.jurisdiction.name).join(work.name))), pick.doc.annotations);
        } else {
          const a = prev ? mapStrings(article, (s, key) => (key === 'text' && r() < 0.15 ? perturb(s, r) : s)) : article;
          place(chapter, a, doc.annotations);
        }
        if (prev && r() < 0.08) {
          const pick = pool[Math.floor(r() * pool.length)]!;
          place(chapter, structuredClone(pick.article), pick.doc.annotations);
        }
      }
      doc.regulation = { ...doc.regulation!, chapters, articles: [] };
      doc.annotations = annotations;
      dropStaleRestoration(doc);
      const id = `${work.id}-${year}`;
      const number = `${10 + Math.floor(r() * 190)}/QĐ-BCĐ`;
      const date = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
      const printedDate = `ngày ${Number(date.slice(8))} tháng ${Number(date.slice(5, 7))} năm ${year}`;
      const line = doc.decision.lines[0];
      doc = {
        ...doc,
        id,
        work: work.id,
        year,
        title: `Quy chế hoạt động Ban Chỉ đạo Chuyển đổi số ${work.level === 'tinh' ? 'tỉnh' : ''} ${work.name} ${year}`.replace(/\s+/g, ' '),
        jurisdiction: { id: work.id, name: work.name, level: work.level, parent: work.parent },
        committee: { name: `Ban Chỉ đạo Chuyển đổi số ${work.name}`, programme: 'chuyen-doi-so' },
        decision: {
          ...doc.decision,
          number: { value: number, variants: [{ printed: number, value: number, where: 'header', line }] },
          date: { value: date, variants: [{ printed: printedDate, value: date, where: 'header', line }] },
          place: work.name,
          replaces: [],
        },
        relations: [],
      };
      const body = JSON.stringify(doc);
      doc.provenance = {
        ...doc.provenance,
        source: `synthetic/${id}.txt`,
        original: null,
        sha256: createHash('sha256').update(body).digest('hex'),
        diagnostics: doc.provenance.diagnostics.filter((d) => d.severity !== 'error'),
      };
      if (work.parent) doc.relations.push({ type: 'part-of', target: work.parent, label: work.parent });
      if (prev) {
        const label = (d: Document) => `Quyết định số ${d.decision.number.value} ngày ${d.decision.date.value} (${d.id})`;
        const back: Relation[] = [{ type: 'replaced-by', target: id, label: label(doc) }, { type: 'version-of', target: id, label: label(doc) }];
        prev.relations.push(...back);
        doc.relations.push({ type: 'replaces', target: prev.id, label: label(prev) }, { type: 'version-of', target: prev.id, label: label(prev) });
      }
      out.push(doc);
      prev = doc;
    }
  }
  return out.map((d) => {
    const res = DocumentSchema.safeParse(d);
    if (!res.success) throw new Error(`generateCorpus: ${d.id} invalid at ${res.error.issues[0]!.path.join('.')}: ${res.error.issues[0]!.message}`);
    return res.data;
  });
}
