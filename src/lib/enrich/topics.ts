/**
 * Topic enricher: assigns every article (by its heading) and, where the text says so, clauses and points
 * (by their wording) to topics of the curated taxonomy content/topics.yaml. Output is an annotation layer
 * (relation 'topic'), never a change to the text.
 */
import { z } from 'zod';
import { alignDocuments, documentArticles, foldedWords } from '../align.ts';
import type { Alignable } from '../align.ts';
import type { Annotation, Article } from '../schema.ts';

/** One topic of content/topics.yaml. */
export const TopicSchema = z.object({
  /** Kebab-case id, used in URLs (`/so-sanh/chu-de/<id>/`). */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Vietnamese label. */
  label: z.string(),
  /** One-sentence description shown on the topic page. */
  description: z.string(),
  /** Regexes over the folded article heading. */
  title: z.array(z.string()).default([]),
  /** Regexes over the folded clause/point text. */
  text: z.array(z.string()).default([]),
});
export type Topic = z.infer<typeof TopicSchema>;

/** A manual correction of the rules for one element. */
export const TopicOverrideSchema = z.object({
  /** Document id. */
  document: z.string(),
  /** Element id (article, clause or point). */
  element: z.string(),
  /** Topic id. */
  topic: z.string(),
  /** Why the rules are wrong here. */
  reason: z.string().min(10),
  /** Remove the topic instead of adding it. */
  remove: z.boolean().default(false),
});

/** The whole taxonomy file. */
export const TopicTaxonomySchema = z.object({
  /** Topics in display order. */
  topics: z.array(TopicSchema).min(1),
  /** Overrides. */
  overrides: z.array(TopicOverrideSchema).default([]),
});
export type TopicTaxonomy = z.infer<typeof TopicTaxonomySchema>;

/** Validate the parsed YAML of content/topics.yaml (checks regexes compile and overrides name topics). */
export function parseTopics(data: unknown, file: string): TopicTaxonomy {
  const r = TopicTaxonomySchema.safeParse(data);
  if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ids = new Set(r.data.topics.map((t) => t.id));
  for (const t of r.data.topics)
    for (const re of [...t.title, ...t.text])
      try {
        new RegExp(re);
      } catch (e) {
        throw new Error(`${file}: topic ${t.id}: bad regex ${re}: ${(e as Error).message}`);
      }
  for (const o of r.data.overrides) if (!ids.has(o.topic)) throw new Error(`${file}: override names unknown topic ${o.topic}`);
  return r.data;
}

const matches = (patterns: string[], folded: string) => patterns.some((p) => new RegExp(p).test(folded));

/** Elements of an article that carry text of their own: clauses and points, with their text. */
function passages(a: Article): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  for (const c of a.clauses) {
    out.push({ id: c.id, text: [c.text, ...(c.tail ?? [])].join(' ') });
    for (const p of c.points) out.push({ id: p.id, text: [p.text, ...(p.tail ?? [])].join(' ') });
  }
  return out;
}

/** Topics of an article by its heading alone. */
function titleTopics(a: Article, taxonomy: TopicTaxonomy): Topic[] {
  const title = foldedWords(a.title);
  return taxonomy.topics.filter((t) => matches(t.title, title));
}

/**
 * For articles whose heading matches no rule (a new heading, or one damaged by OCR), borrow the topics of
 * the best-aligned article of another corpus document whose heading does match (align.ts, same scores as
 * the comparison pages). Returns article id → [topic ids, source].
 */
function borrowedTopics(doc: Alignable, taxonomy: TopicTaxonomy, corpus: Alignable[], maxReferences: number): Map<string, [string[], string]> {
  const orphans = new Set(documentArticles(doc).filter((a) => !titleTopics(a, taxonomy).length).map((a) => a.id));
  const best = new Map<string, { score: number; topics: string[]; source: string }>();
  if (!orphans.size) return new Map();
  // A bounded number of references keeps the enricher linear in the corpus: versions of the same work
  // first (closest wording), then the other documents in corpus order.
  const work = (doc as { work?: string }).work;
  const refs = corpus
    .filter((o) => o.id !== doc.id)
    .sort((x, y) => Number((y as { work?: string }).work === work) - Number((x as { work?: string }).work === work))
    .slice(0, maxReferences);
  for (const other of refs) {
    const arts = new Map(documentArticles(other).map((a) => [a.id, a]));
    for (const p of alignDocuments(doc, other).pairs) {
      if (!p.from || !p.to || !orphans.has(p.from)) continue;
      const topics = titleTopics(arts.get(p.to)!, taxonomy).map((t) => t.id);
      if (!topics.length) continue;
      const cur = best.get(p.from);
      if (!cur || p.score > cur.score) best.set(p.from, { score: p.score, topics, source: `rule:aligned:${other.id}#${p.to}` });
    }
  }
  return new Map([...best].map(([k, v]) => [k, [v.topics, v.source]]));
}

/**
 * Topic annotations of one document (deterministic: document order, topic order). With a corpus, articles
 * whose heading matches no rule borrow the topics of their best-aligned counterpart in another document.
 */
export function topicAnnotations(doc: Alignable, taxonomy: TopicTaxonomy, corpus: Alignable[] = [], maxReferences = 8): Annotation[] {
  const borrowed = borrowedTopics(doc, taxonomy, corpus, maxReferences);
  const out: Annotation[] = [];
  const seen = new Set<string>();
  const add = (element: string, key: string, source: string) => {
    const k = `${element} ${key}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ element, key, relation: 'topic', source });
  };
  for (const a of documentArticles(doc)) {
    const byTitle = titleTopics(a, taxonomy);
    for (const t of byTitle) add(a.id, t.id, 'rule:title');
    const lent = byTitle.length ? undefined : borrowed.get(a.id);
    if (lent) for (const t of lent[0]) add(a.id, t, lent[1]);
    const ps = passages(a);
    for (const t of taxonomy.topics) {
      if (!t.text.length || byTitle.includes(t)) continue;
      const hits = ps.filter((p) => matches(t.text, foldedWords(p.text)));
      for (const p of hits) add(p.id, t.id, 'rule:text');
      // an article with no heading match takes the topic its text shows most
      if (!byTitle.length && !lent && hits.length) add(a.id, t.id, 'rule:text');
    }
  }
  const removed = new Set<string>();
  for (const o of taxonomy.overrides) {
    if (o.document !== doc.id) continue;
    if (o.remove) removed.add(`${o.element} ${o.topic}`);
    else add(o.element, o.topic, 'override');
  }
  return out.filter((x) => !removed.has(`${x.element} ${x.key}`));
}

/** Enricher entry point (signature of src/lib/enrich/index.ts): needs ctx.topics. */
export function topicsEnricher(doc: Alignable, ctx: { topics?: TopicTaxonomy; corpus?: Alignable[] }): Annotation[] {
  return ctx.topics ? topicAnnotations(doc, ctx.topics, ctx.corpus ?? []) : [];
}

/** Articles of a document with a topic (directly, or through one of their clauses/points), in order. */
export function articlesForTopic(doc: Alignable, annotations: Annotation[], topic: string): Array<{ article: Article; elements: string[]; direct: boolean }> {
  const hits = annotations.filter((x) => x.relation === 'topic' && x.key === topic).map((x) => x.element);
  const out: Array<{ article: Article; elements: string[]; direct: boolean }> = [];
  for (const a of documentArticles(doc)) {
    const direct = hits.includes(a.id);
    const inner = hits.filter((h) => h.startsWith(`${a.id}-`));
    if (direct || inner.length) out.push({ article: a, elements: inner, direct });
  }
  return out;
}
