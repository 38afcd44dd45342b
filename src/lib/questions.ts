/**
 * Coded answers (LawAtlas-style): for every question of content/questions.yaml and every document, an answer
 * extracted BY RULES from the text, with the quote and the id of the clause it came from. Rules are data
 * (regexes over folded text); the kinds of extraction are the small functions below.
 */
import { z } from 'zod';
import { documentArticles } from './align.ts';
import { slugify } from './fold.ts';
import type { Alignable } from './align.ts';
import type { Annotation, Article } from './schema.ts';

const LexiconEntry = z.object({
  /** Regex over the folded text of the extracted part. */
  pattern: z.string(),
  /** Coded value (kebab-case). */
  value: z.string(),
  /** Vietnamese label. */
  label: z.string(),
});
const Scope = z.object({
  /** Regex over folded text locating the sentence. */
  pattern: z.string(),
  /** Only in articles with one of these topics. */
  topics: z.array(z.string()).optional(),
});

/** One question of content/questions.yaml. */
export const QuestionSchema = z.object({
  /** Kebab-case id (CSV column, anchor). */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** The question, in Vietnamese. */
  label: z.string(),
  /** What it asks about (codebook). */
  description: z.string(),
  /** How the answer is coded (codebook). */
  coding: z.string(),
  /** Extraction kind. */
  kind: z.enum(['period', 'list', 'span', 'presence', 'roles', 'name']),
  /** period: where to look. */
  scopes: z.array(Scope).default([]),
  /** period: coded answers for sentences without a period. */
  alternatives: z.array(LexiconEntry).default([]),
  /** list/presence/roles: the pattern (list: group 1 is the list). */
  pattern: z.string().optional(),
  /** span: patterns tried in order, group 1 is the answer. */
  patterns: z.array(z.string()).default([]),
  /** list: marker after which parts are proposals. */
  proposal: z.string().optional(),
  /** roles: condition attached to the role. */
  qualifier: z.string().optional(),
  /** span/name: only in articles with one of these topics. */
  topics: z.array(z.string()).optional(),
  /** Codes for parts of the answer. */
  lexicon: z.array(LexiconEntry).default([]),
});
export type Question = z.infer<typeof QuestionSchema>;

/** The whole file. */
export const QuestionsFileSchema = z.object({ questions: z.array(QuestionSchema).min(1) });

/** Validate parsed YAML of content/questions.yaml; names the file and checks every regex compiles. */
export function parseQuestions(data: unknown, file: string): Question[] {
  const r = QuestionsFileSchema.safeParse(data);
  if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const q of r.data.questions) {
    const all = [q.pattern, q.proposal, q.qualifier, ...q.patterns, ...q.scopes.map((s) => s.pattern), ...q.lexicon.map((l) => l.pattern), ...q.alternatives.map((l) => l.pattern)];
    for (const p of all.filter((x): x is string => !!x))
      try {
        compile(p);
      } catch (e) {
        throw new Error(`${file}: question ${q.id}: bad regex ${p}: ${(e as Error).message}`);
      }
  }
  return r.data.questions;
}

/** A coded answer of one document to one question. */
export interface Answer {
  /** Question id. */
  question: string;
  /** Document id. */
  document: string;
  /** Coded value (`3`, `to-thu-ky`, `truong-ban;pho-truong-ban` …, `khong-quy-dinh`). */
  value: string;
  /** Vietnamese label of the coded value. */
  label: string;
  /** Exact text the answer was read from (original spelling), or null when not regulated. */
  quote: string | null;
  /** Element id of the clause/point/article quoted (`dieu-9-khoan-1`), or null. */
  element: string | null;
}

/** The value and label of "not regulated". */
export const NOT_REGULATED = { value: 'khong-quy-dinh', label: 'Không quy định' } as const;

// ─── folded text with positions ───────────────────────────────────────────────────────────────

/**
 * Fold character by character so that offsets in the folded string are offsets in the original (NFC
 * Vietnamese letters fold to exactly one letter): lower-case, no marks, đ→d; other characters kept.
 */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    out += f.length === ch.length ? f : ch.length === 1 ? (f[0] ?? ' ') : ch;
  }
  return out;
}

/** Compile a folded-text pattern: a literal space matches any run of non-alphanumerics. */
export function compile(pattern: string): RegExp {
  return new RegExp(pattern.replace(/ /g, '[^a-z0-9]+'));
}

/** A piece of text an answer can come from. */
interface Passage {
  /** Element id. */
  id: string;
  /** Original text (NFC). */
  text: string;
  /** foldAligned(text). */
  folded: string;
  /** Article it belongs to. */
  article: Article;
}

const passageCache = new WeakMap<object, Passage[]>();

function passagesOf(doc: Alignable): Passage[] {
  const cached = passageCache.get(doc);
  if (cached) return cached;
  const out: Passage[] = [];
  passageCache.set(doc, out);
  const push = (id: string, text: string, article: Article) => {
    const t = text.normalize('NFC');
    out.push({ id, text: t, folded: foldAligned(t), article });
  };
  for (const a of documentArticles(doc)) {
    push(a.id, a.title, a);
    for (const c of a.clauses) {
      push(c.id, [c.text, ...(c.tail ?? [])].join(' '), a);
      for (const p of c.points) push(p.id, [p.text, ...(p.tail ?? [])].join(' '), a);
    }
  }
  return out;
}

function topicArticles(annotations: Annotation[], topics: string[] | undefined): Set<string> | null {
  if (!topics) return null;
  return new Set(annotations.filter((x) => x.relation === 'topic' && topics.includes(x.key)).map((x) => x.element));
}

const inTopics = (p: Passage, set: Set<string> | null) => !set || set.has(p.article.id);

const tidy = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s,:;]+|[\s,:;.]+$/g, '');

// ─── extraction kinds ─────────────────────────────────────────────────────────────────────────

const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, muoi: 10 };
const UNIT_MONTHS: Record<string, number> = { thang: 1, quy: 3, nam: 12 };
const PERIOD = /(?:\b(\d+|mot|hai|ba|bon|sau|muoi hai)[^a-z0-9]+(thang|quy|nam)\b|\bhang (thang|quy|nam)\b)/;

/** Months of the first period expression in folded text, with its offset, or null. */
export function findPeriod(folded: string): { months: number; index: number; length: number } | null {
  const m = PERIOD.exec(folded);
  if (!m) return null;
  if (m[3]) return { months: UNIT_MONTHS[m[3]]!, index: m.index, length: m[0].length };
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : m[1] === 'muoi hai' ? 12 : NUMBER_WORDS[m[1]!]!;
  return { months: n * UNIT_MONTHS[m[2]!]!, index: m.index, length: m[0].length };
}

/** End of the sentence that contains offset `from` (next `.`/`;` not between digits). */
function sentenceEnd(folded: string, from: number): number {
  const m = /[.;](?!\d)/.exec(folded.slice(from));
  return m ? from + m.index + 1 : folded.length;
}

function monthsLabel(n: number): string {
  return n % 12 === 0 ? `${n / 12} năm` : n === 3 ? '3 tháng (hằng quý)' : `${n} tháng`;
}

function periodAnswer(q: Question, ps: Passage[], ann: Annotation[]): Omit<Answer, 'question' | 'document'> {
  let fallback: Omit<Answer, 'question' | 'document'> | null = null;
  for (const scope of q.scopes) {
    const set = topicArticles(ann, scope.topics);
    const re = compile(scope.pattern);
    for (const p of ps) {
      if (!inTopics(p, set)) continue;
      const m = re.exec(p.folded);
      if (!m) continue;
      const end = sentenceEnd(p.folded, m.index);
      const per = findPeriod(p.folded.slice(m.index, end));
      const quote = tidy(p.text.slice(m.index, end));
      if (per) return { value: String(per.months), label: monthsLabel(per.months), quote, element: p.id };
      fallback ??= { value: 'khong-neu-chu-ky', label: 'Định kỳ, không nêu chu kỳ', quote, element: p.id };
    }
  }
  for (const alt of q.alternatives) {
    const re = compile(alt.pattern);
    for (const p of ps) {
      const m = re.exec(p.folded);
      if (m) return { value: alt.value, label: alt.label, quote: tidy(p.text.slice(m.index, sentenceEnd(p.folded, m.index))), element: p.id };
    }
  }
  return fallback ?? { ...NOT_REGULATED, quote: null, element: null };
}

function code(lexicon: Question['lexicon'], folded: string, all: boolean) {
  const hits = lexicon.filter((l) => compile(l.pattern).test(folded));
  return all ? hits : hits.slice(0, 1);
}

function listAnswer(q: Question, ps: Passage[]): Omit<Answer, 'question' | 'document'> {
  const re = compile(q.pattern!);
  for (const p of ps) {
    const m = re.exec(p.folded);
    if (!m || m[1] === undefined) continue;
    const start = m.index + m[0].length - m[1].length;
    const text = p.text.slice(start, start + m[1].length);
    const folded = p.folded.slice(start, start + m[1].length);
    const propIdx = q.proposal ? folded.search(compile(q.proposal)) : -1;
    const parts: Array<{ value: string; label: string }> = [];
    // split at commas and "hoặc"/"và", keeping offsets to tell proposals from conveners
    const sep = /,|\bhoac\b|\bva\b/g;
    let last = 0;
    const cut = (a: number, b: number) => {
      const f = folded.slice(a, b).replace(compile(q.proposal ?? '$^'), ' ').trim();
      for (const c of code(q.lexicon, f, false)) {
        const proposal = propIdx >= 0 && b > propIdx;
        const v = { value: proposal ? `de-nghi:${c.value}` : c.value, label: proposal ? `${c.label} (đề nghị)` : c.label };
        if (!parts.some((x) => x.value === v.value)) parts.push(v);
      }
    };
    for (let s = sep.exec(folded); s; s = sep.exec(folded)) {
      cut(last, s.index);
      last = s.index + s[0].length;
    }
    cut(last, folded.length);
    return {
      value: parts.map((x) => x.value).join(';') || 'khac',
      label: parts.map((x) => x.label).join('; ') || tidy(text),
      quote: tidy(text),
      element: p.id,
    };
  }
  return { ...NOT_REGULATED, quote: null, element: null };
}

function spanAnswer(q: Question, ps: Passage[], ann: Annotation[]): Omit<Answer, 'question' | 'document'> {
  const set = topicArticles(ann, q.topics);
  for (const pat of q.patterns) {
    const re = compile(pat);
    for (const p of ps) {
      if (!inTopics(p, set)) continue;
      const m = re.exec(p.folded);
      if (!m || m[1] === undefined) continue;
      const start = m.index + m[0].indexOf(m[1]);
      const quote = tidy(p.text.slice(start, start + m[1].length));
      const hits = code(q.lexicon, tidy(p.folded.slice(start, start + m[1].length)), true);
      return {
        value: hits.length ? hits.map((h) => h.value).join(';') : quote.toLowerCase(),
        label: hits.length ? hits.map((h) => h.label).join('; ') : quote,
        quote,
        element: p.id,
      };
    }
  }
  return { ...NOT_REGULATED, quote: null, element: null };
}

function presenceAnswer(q: Question, ps: Passage[]): Omit<Answer, 'question' | 'document'> {
  const re = compile(q.pattern!);
  const hit = ps.find((p) => re.test(p.folded));
  return hit
    ? { value: 'co', label: `Có (Điều ${hit.article.number})`, quote: tidy(hit.text), element: hit.id }
    : { ...NOT_REGULATED, quote: null, element: null };
}

function rolesAnswer(q: Question, ps: Passage[]): Omit<Answer, 'question' | 'document'> {
  const re = compile(q.pattern!);
  const qual = q.qualifier ? compile(q.qualifier) : null;
  const found: Array<{ label: string; p: Passage }> = [];
  for (const p of ps) {
    if (p.id === p.article.id) continue; // the clauses say who acts; the heading names the role
    const m = re.exec(p.folded);
    if (!m) continue;
    const qm = qual?.exec(p.folded);
    const role = tidy(p.article.title);
    const label = qm ? `${role} (${tidy(p.text.slice(qm.index, qm.index + qm[0].length))})` : role;
    if (!found.some((f) => f.label === label)) found.push({ label, p });
  }
  if (!found.length) return { ...NOT_REGULATED, quote: null, element: null };
  return {
    value: found.map((f) => slugify(f.label)).join(';'),
    label: found.map((f) => f.label).join('; '),
    quote: tidy(found[0]!.p.text),
    element: found[0]!.p.id,
  };
}

function nameAnswer(q: Question, ps: Passage[], ann: Annotation[]): Omit<Answer, 'question' | 'document'> {
  const counts = q.lexicon.map((l) => {
    const re = new RegExp(compile(l.pattern).source, 'g');
    return ps.reduce((n, p) => n + (p.folded.match(re)?.length ?? 0), 0);
  });
  const max = Math.max(0, ...counts);
  if (!max) return { ...NOT_REGULATED, quote: null, element: null };
  const entry = q.lexicon[counts.indexOf(max)]!;
  const set = topicArticles(ann, q.topics);
  const re = compile(entry.pattern);
  // prefer a heading that IS the name (`Tổ Thư ký`), then any heading of the topic naming it, then any mention
  const where =
    ps.find((p) => p.id === p.article.id && inTopics(p, set) && re.exec(p.folded)?.index === 0) ??
    ps.find((p) => p.id === p.article.id && inTopics(p, set) && re.test(p.folded)) ??
    ps.find((p) => re.test(p.folded))!;
  return { value: entry.value, label: entry.label, quote: tidy(where.text), element: where.id };
}

/** Answer one question for one document (annotations: its topic layer, for topic-scoped rules). */
export function answerQuestion(q: Question, doc: Alignable, annotations: Annotation[]): Answer {
  const ps = passagesOf(doc);
  const base = { question: q.id, document: doc.id };
  switch (q.kind) {
    case 'period':
      return { ...base, ...periodAnswer(q, ps, annotations) };
    case 'list':
      return { ...base, ...listAnswer(q, ps) };
    case 'span':
      return { ...base, ...spanAnswer(q, ps, annotations) };
    case 'presence':
      return { ...base, ...presenceAnswer(q, ps) };
    case 'roles':
      return { ...base, ...rolesAnswer(q, ps) };
    case 'name':
      return { ...base, ...nameAnswer(q, ps, annotations) };
  }
}

/** The matrix: one row per question, one answer per document (documents in the given order). */
export function answerMatrix(questions: Question[], docs: Array<{ doc: Alignable; annotations: Annotation[] }>): Answer[][] {
  return questions.map((q) => docs.map(({ doc, annotations }) => answerQuestion(q, doc, annotations)));
}

function csvCell(s: string): string {
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV of the matrix (long format: one row per question × document), UTF-8 with header. */
export function matrixCsv(questions: Question[], matrix: Answer[][], linkBase = '/van-ban/'): string {
  const rows = [['question', 'question_label', 'document', 'value', 'label', 'element', 'link', 'quote']];
  matrix.forEach((row, i) =>
    row.forEach((a) =>
      rows.push([a.question, questions[i]!.label, a.document, a.value, a.label, a.element ?? '', a.element ? `${linkBase}${a.document}/#${a.element}` : '', a.quote ?? '']),
    ),
  );
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
