/**
 * Role enricher: attaches roles from the curated taxonomy (content/roles.yaml) to articles and
 * clauses as annotations — `subject` (the article is devoted to the role), `actor` (the role acts in
 * the clause: convenes, chairs, reports, signs …) or `mentioned` (named only, e.g. as a recipient).
 * Matching is done on folded text (fold.ts) so OCR-restored and differently-spelled texts
 * ("Uỷ viên"/"Ủy viên", "Ban chỉ đạo"/"Ban Chỉ đạo") behave alike.
 */
import { z } from 'zod';
import type { Annotation, Article, Document } from '../schema.ts';
import { foldKey } from '../fold.ts';

/** One canonical role of a steering committee. */
export const RoleSchema = z.object({
  /** Kebab-case id used in URLs (`/vai-tro/<id>/`). */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Display name (Vietnamese). */
  name: z.string(),
  /** Family of the role: committee members, support bodies, agencies and heads. */
  group: z.enum(['ban-chi-dao', 'giup-viec', 'co-quan']),
  /** One-sentence description for the role page. */
  description: z.string(),
  /** Ways documents name the role (matched folded, longest first). */
  aliases: z.array(z.string()).min(1),
});
export type Role = z.infer<typeof RoleSchema>;

/** A kind of duty, used to group a role's clauses. */
export const DutySchema = z.object({
  /** Kebab-case id. */
  id: z.string(),
  /** Display name. */
  name: z.string(),
  /** Words that signal the duty (matched folded). */
  keywords: z.array(z.string()).min(1),
});
export type Duty = z.infer<typeof DutySchema>;

/** The whole role taxonomy file. */
export const RoleTaxonomySchema = z.object({
  /** Roles in display order. */
  roles: z.array(RoleSchema).min(1),
  /** Kinds of duty in display order. */
  duties: z.array(DutySchema).default([]),
});
export type RoleTaxonomy = z.infer<typeof RoleTaxonomySchema>;

/** A role named in a text, with its position in the folded text. */
export interface RoleMention {
  role: string;
  start: number;
  end: number;
}

/** Boundary test on folded text: letters/digits are word characters. */
const WORD = /[a-z0-9]/;

function compileAliases(taxonomy: RoleTaxonomy): { key: string; role: string }[] {
  const list = taxonomy.roles.flatMap((r) => r.aliases.map((a) => ({ key: foldKey(a).replace(/\s+/g, ' ').trim(), role: r.id })));
  return list.sort((a, b) => b.key.length - a.key.length);
}
const compiled = new WeakMap<RoleTaxonomy, { key: string; role: string }[]>();
function aliasesOf(taxonomy: RoleTaxonomy) {
  let a = compiled.get(taxonomy);
  if (!a) compiled.set(taxonomy, (a = compileAliases(taxonomy)));
  return a;
}

/** Fold a text for matching: folded, lower-case, whitespace collapsed (length changes are fine here). */
export function matchKey(text: string): string {
  return foldKey(text).replace(/\s+/g, ' ');
}

/** Find role mentions in a text: longest alias wins, mentions never overlap. */
export function findRoleMentions(text: string, taxonomy: RoleTaxonomy): RoleMention[] {
  const key = matchKey(text);
  const taken: boolean[] = new Array(key.length).fill(false);
  const out: RoleMention[] = [];
  for (const alias of aliasesOf(taxonomy)) {
    let from = 0;
    for (let at = key.indexOf(alias.key, from); at >= 0; at = key.indexOf(alias.key, from)) {
      const end = at + alias.key.length;
      from = at + 1;
      if ((at > 0 && WORD.test(key[at - 1]!)) || (end < key.length && WORD.test(key[end]!))) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      out.push({ role: alias.role, start: at, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Verbs (folded) that make a role the actor when they follow it: "Trưởng ban triệu tập …". */
const ACTION_VERBS = [
  'trieu tap', 'chu tri', 'ky', 'quyet dinh', 'bao cao', 'de nghi', 'chi dao', 'phan cong', 'ban hanh', 'su dung',
  'giup', 'tham muu', 'tong hop', 'cho y kien', 'hop', 'lam viec', 'co trach nhiem', 'chiu trach nhiem', 'duoc',
  'thuc hien', 'xay dung', 'to chuc', 'theo doi', 'don doc', 'kiem tra', 'phoi hop', 'trinh', 'cu', 'luu giu',
  'quan ly', 'thay mat', 'dieu hanh', 'chuan bi', 'nghien cuu', 'tham du', 'de xuat', 'quan triet', 'lam dau moi',
  'co the', 'truc tiep', 'dinh ky', 'can cu', 'tham gia', 'giao', 'uy quyen', 'phu trach', 'trien khai',
];
/** Words (folded) before a role that make it the agent: "theo triệu tập của Trưởng ban", "do Tổ trưởng quyết định". */
const AGENT_MARKERS = [
  'do', 'theo trieu tap cua', 'theo de nghi cua', 'theo yeu cau cua', 'theo phan cong cua', 'theo chi dao cua',
  'theo uy quyen cua', 'duoc su dong y cua', 'y kien ket luan cua', 'ket luan, chi dao cua', 'ket luan cua',
];
/** What may sit between a role and its verb: another role in a list, the committee name, a bracket. */
const LIST_GLUE = /^(?:\s*(?:,|va|hoac|;)\s*)$/;
const FILLER = /^\s*(?:ban chi dao|bcd|(?:\([^)]*\)))?\s*(?:cac\s+)?$/;

function startsWithWord(s: string, word: string): boolean {
  return s.startsWith(word) && (s.length === word.length || !WORD.test(s[word.length]!));
}

/**
 * Decide, for each role named in a text, whether it acts or is only mentioned. A role acts when a
 * verb follows it (possibly after other roles of a list) or an agent marker precedes it.
 */
export function classifyMentions(text: string, taxonomy: RoleTaxonomy): Map<string, 'actor' | 'mentioned'> {
  const key = matchKey(text);
  const mentions = findRoleMentions(text, taxonomy);
  const result = new Map<string, 'actor' | 'mentioned'>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    // Skip over a list of roles ("Trưởng ban, Phó Trưởng ban định kỳ …"): the verb after the last one counts.
    let j = i;
    while (j + 1 < mentions.length && LIST_GLUE.test(key.slice(mentions[j]!.end, mentions[j + 1]!.start))) j++;
    let after = key.slice(mentions[j]!.end);
    const filler = FILLER.exec(after.slice(0, 40));
    after = after.slice(filler ? filler[0].length : 0).trimStart();
    const before = key.slice(Math.max(0, m.start - 40), m.start).trimEnd();
    const acts =
      ACTION_VERBS.some((v) => startsWithWord(after, v)) ||
      AGENT_MARKERS.some((a) => before.endsWith(a) && (before.length === a.length || !WORD.test(before[before.length - a.length - 1]!)));
    if (acts) result.set(m.role, 'actor');
    else if (!result.has(m.role)) result.set(m.role, 'mentioned');
  }
  return result;
}

const TITLE_LEAD = /^(?:(?:trach nhiem|nhiem vu|nhiem vu, quyen han|quyen han|chuc nang, nhiem vu)(?: cua)?\s+)?(?:cac\s+)?/;

/**
 * Roles an article heading is devoted to: the roles listed at the very start of the title, e.g.
 * "Ủy viên thường trực, Tổ trưởng Tổ công tác giúp việc Trưởng ban" → uy-vien-thuong-truc, to-truong
 * (the trailing "Trưởng ban" is whom they help, not the subject).
 */
export function titleRoles(title: string, taxonomy: RoleTaxonomy): string[] {
  const key = matchKey(title).trim();
  const lead = TITLE_LEAD.exec(key)?.[0].length ?? 0;
  const mentions = findRoleMentions(title, taxonomy);
  const out: string[] = [];
  let pos = lead;
  for (const m of mentions) {
    if (m.start < pos) continue;
    const gap = key.slice(pos, m.start);
    if (out.length === 0 ? gap.trim() !== '' : !LIST_GLUE.test(gap)) break;
    if (!out.includes(m.role)) out.push(m.role);
    pos = m.end;
  }
  return out;
}

/** Every article of a document with its part. */
export function allArticles(doc: Document): { article: Article; part: 'decision' | 'regulation' }[] {
  const out: { article: Article; part: 'decision' | 'regulation' }[] = doc.decision.articles.map((article) => ({ article, part: 'decision' as const }));
  const r = doc.regulation;
  if (r) {
    for (const article of r.articles) out.push({ article, part: 'regulation' });
    for (const ch of r.chapters) {
      for (const article of ch.articles) out.push({ article, part: 'regulation' });
      for (const s of ch.sections) for (const article of s.articles) out.push({ article, part: 'regulation' });
    }
  }
  return out;
}

/**
 * The role enricher (signature of `Enricher` in enrich/index.ts): `subject` on articles whose
 * heading names the role, `actor`/`mentioned` on clauses and points that name it.
 */
export function enrichRoles(doc: Document, ctx: { roles?: RoleTaxonomy }): Annotation[] {
  const taxonomy = ctx.roles;
  if (!taxonomy) return [];
  const out: Annotation[] = [];
  for (const { article, part } of allArticles(doc)) {
    if (part === 'regulation') {
      for (const role of titleRoles(article.title, taxonomy)) {
        out.push({ element: article.id, key: role, relation: 'subject', source: 'rule:title' });
      }
    }
    for (const clause of article.clauses) {
      const texts: [string, string][] = [[clause.id, [clause.text, ...clause.tail].join(' ')]];
      for (const p of clause.points) texts.push([p.id, [p.text, ...(p.tail ?? [])].join(' ')]);
      for (const [element, text] of texts) {
        for (const [role, relation] of classifyMentions(text, taxonomy)) {
          out.push({ element, key: role, relation, source: relation === 'actor' ? 'rule:actor' : 'rule:mention' });
        }
      }
    }
  }
  return out;
}

/** Kinds of duty a clause text performs (ids from the taxonomy, in taxonomy order; may be empty). */
export function dutiesOf(text: string, taxonomy: RoleTaxonomy): string[] {
  const key = ` ${matchKey(text)} `;
  return taxonomy.duties
    .filter((d) => d.keywords.some((k) => new RegExp(`(?<![a-z0-9])${matchKey(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`).test(key)))
    .map((d) => d.id);
}

/** Validate a parsed content/roles.yaml; errors name the file and the field. */
export function parseRoles(data: unknown, file: string): RoleTaxonomy {
  const result = RoleTaxonomySchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 10).map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Invalid role taxonomy\n${issues.join('\n')}`);
}
