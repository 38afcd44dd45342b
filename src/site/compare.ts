/**
 * Site glue for the comparison pages (/so-sanh/…): taxonomies, version pairs, topic views and the coded
 * matrix, computed once per build from the corpus. Logic lives in src/lib; this only wires it.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { alignDocuments, clauseText, DEFAULT_ALIGN_OPTIONS, documentArticles, type Alignment, type AlignOverride } from '../lib/align.ts';
import { compareDocuments, type CompareReport } from '../lib/compare-report.ts';
import { parseAlignOverrides } from '../lib/align-overrides.ts';
import { articlesForTopic, parseTopics, topicAnnotations } from '../lib/enrich/topics.ts';
import type { TopicTaxonomy } from '../lib/enrich/topics.ts';
import { answerMatrix, parseQuestions } from '../lib/questions.ts';
import type { Answer, Question } from '../lib/questions.ts';
import type { Annotation, Article, Document } from '../lib/schema.ts';
import { loadCorpus } from './corpus.ts';
import { paginate, pageSegment, pageSize } from '../lib/paging.ts';
import { versionPairsIn, type VersionPair } from '../lib/versions.ts';

// The taxonomies are read once per build: every article page asks for the topics (parsing the YAML and
// its schema per page cost ~8 % of the build).
let topics: TopicTaxonomy | null = null;
let questions: Question[] | null = null;
let overrides: AlignOverride[] | null = null;

/** content/topics.yaml (read once per build). */
export function loadTopics(): TopicTaxonomy {
  return (topics ??= parseTopics(parseYaml(readFileSync('content/topics.yaml', 'utf8')), 'content/topics.yaml'));
}
/** content/questions.yaml (read once per build). */
export function loadQuestions(): Question[] {
  return (questions ??= parseQuestions(parseYaml(readFileSync('content/questions.yaml', 'utf8')), 'content/questions.yaml'));
}
/** content/align-overrides.yaml (read once per build). */
export function loadAlignOverrides(): AlignOverride[] {
  return (overrides ??= parseAlignOverrides(parseYaml(readFileSync('content/align-overrides.yaml', 'utf8')), 'content/align-overrides.yaml'));
}

/** Topic annotations of a document: those written by ingest, or computed now for documents without them. */
export function topicLayer(doc: Document, corpus: Document[], topics: TopicTaxonomy): Annotation[] {
  const own = doc.annotations.filter((a) => a.relation === 'topic');
  return own.length ? own : topicAnnotations(doc, topics, corpus);
}

/** A version pair of one work: the URL segment and the two documents (older first). */
/** Every pair of versions of every work (versions share `work`), older → newer (see src/lib/versions.ts). */
export async function versionPairs(): Promise<VersionPair[]> {
  const { docs } = await loadCorpus();
  return versionPairsIn(docs);
}

// Alignment summaries of the version pairs, remembered as each version page computes its comparison: the
// comparisons index lists every pair with its summary, and aligning them all again cost it seconds per
// hundred documents.
const pairSummaries = new Map<string, Alignment['summary']>();
const pairKey = (from: Document, to: Document) => `${from.id}\u0000${to.id}`;

/** The comparison shown on a version page (with the curated overrides). */
export function compareVersions(from: Document, to: Document): CompareReport {
  const report = compareDocuments(from, to, loadAlignOverrides());
  pairSummaries.set(pairKey(from, to), report.alignment.summary);
  return report;
}

/** Summary of a version pair's alignment, the same as on its version page (overrides included). */
export function versionSummary(from: Document, to: Document): Alignment['summary'] {
  return pairSummaries.get(pairKey(from, to)) ?? alignDocuments(from, to, loadAlignOverrides(), DEFAULT_ALIGN_OPTIONS).summary;
}

/** What one document says about one topic: a pseudo-article made of the relevant articles' clauses. */
export interface TopicColumn {
  doc: { id: string; title: string; short: string; year: number };
  /** Articles involved, with the elements that carry the topic. */
  articles: Array<{ id: string; number: string; title: string; direct: boolean; elements: string[] }>;
  /** Pseudo-article (clauses of whole articles, or only the matching clauses/points) for the redline island. */
  article: Article;
}

/** Short label of a document for column heads (`Kiên Giang 2022`). */
export function shortName(doc: Document): string {
  return `${doc.jurisdiction.name} ${doc.year}`;
}

/** Columns of a topic page, one per document (documents with nothing on the topic get an empty column). */
export function topicColumns(topic: string, docs: Document[], topics: TopicTaxonomy): TopicColumn[] {
  return docs.map((doc) => {
    const hits = articlesForTopic(doc, topicLayer(doc, docs, topics), topic);
    const clauses: Article['clauses'] = [];
    for (const h of hits) {
      for (const c of h.article.clauses) {
        const whole = h.direct || h.elements.includes(c.id);
        const points = c.points.filter((p) => h.elements.includes(p.id));
        if (whole) clauses.push(c);
        else if (points.length) clauses.push({ ...c, text: '', points, tail: [] });
      }
    }
    return {
      doc: { id: doc.id, title: doc.title, short: shortName(doc), year: doc.year },
      articles: hits.map((h) => ({ id: h.article.id, number: h.article.number, title: h.article.title, direct: h.direct, elements: h.elements })),
      article: { id: `chu-de-${topic}`, number: '', title: hits.map((h) => `Điều ${h.article.number}. ${h.article.title}`).join(' · '), lines: [1, 1], clauses },
    };
  });
}

/**
 * Documents side by side on one page of a topic: enough for the real corpus on one page, bounded at scale.
 * QUYCHE_TOPIC_DOCS_PER_PAGE overrides (tests build the real corpus with small pages to see the paging).
 */
export const TOPIC_DOCS_PER_PAGE = pageSize(process.env.QUYCHE_TOPIC_DOCS_PER_PAGE, 5);

/** URL of page n (1-based) of a topic comparison. */
export const topicUrl = (topic: string, page = 1) => `/so-sanh/chu-de/${topic}/${pageSegment(page)}`;

const topicPageCache = new Map<string, Promise<TopicColumn[][]>>();

/**
 * The columns of a topic, page by page (TOPIC_DOCS_PER_PAGE documents each, in corpus order), computed once
 * per topic and build: a topic page shows one page, so its weight does not grow with the corpus.
 */
export function topicPages(topic: string): Promise<TopicColumn[][]> {
  let pages = topicPageCache.get(topic);
  if (!pages) {
    pages = loadCorpus().then(({ docs }) => paginate(topicColumns(topic, docs, loadTopics()), TOPIC_DOCS_PER_PAGE));
    topicPageCache.set(topic, pages);
  }
  return pages;
}

/** The coded matrix for all documents (rows = questions). */
export async function codedMatrix(): Promise<{ questions: Question[]; docs: Document[]; matrix: Answer[][] }> {
  const { docs } = await loadCorpus();
  const topics = loadTopics();
  const questions = loadQuestions();
  const matrix = answerMatrix(questions, docs.map((doc) => ({ doc, annotations: topicLayer(doc, docs, topics) })));
  return { questions, docs, matrix };
}

/** Plain text of a pseudo-article (for checks and search). */
export function columnText(a: Article): string {
  return a.clauses.map(clauseText).join('\n');
}

export { documentArticles };
