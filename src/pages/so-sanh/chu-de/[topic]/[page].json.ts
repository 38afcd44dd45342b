/**
 * The articles of one page of a topic comparison (`/so-sanh/chu-de/<topic>/<n>.json`), fetched by the page when
 * the reader changes the base document: the redline is recomputed in the browser from them. Not embedded in the
 * page: the page shows the same text already, rendered; embedding it again made topic pages a third heavier.
 */
import type { APIRoute } from 'astro';
import { loadTopics, topicPages } from '../../../../site/compare.ts';

export async function getStaticPaths() {
  const paths = [];
  for (const t of loadTopics().topics) {
    const pages = await topicPages(t.id);
    for (let n = 1; n <= pages.length; n++) paths.push({ params: { topic: t.id, page: String(n) } });
  }
  return paths;
}

export const GET: APIRoute = async ({ params }) => {
  const pages = await topicPages(params.topic!);
  const columns = pages[Number(params.page) - 1]!;
  return new Response(JSON.stringify(columns.map((c) => ({ id: c.doc.id, article: c.article }))), { headers: { 'Content-Type': 'application/json' } });
};
