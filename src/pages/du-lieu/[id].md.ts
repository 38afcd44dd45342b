/** Per-document Markdown download. */
import type { APIRoute } from 'astro';
import { toPlainText } from '../../lib/plain-text.ts';
import { loadCorpus } from '../../site/corpus.ts';

export async function getStaticPaths() {
  const { docs } = await loadCorpus();
  return docs.map((doc) => ({ params: { id: doc.id } }));
}
export const GET: APIRoute = async ({ params }) => {
  const doc = (await loadCorpus()).byId.get(params.id!)!;
  return new Response(toPlainText(doc, true), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
