/** Per-document Markdown download (the ingest CLI's `--format md` export). */
import type { APIRoute } from 'astro';
import { documentToMarkdown } from '../../lib/export-md.ts';
import { loadCorpus } from '../../site/corpus.ts';

export async function getStaticPaths() {
  const { docs } = await loadCorpus();
  return docs.map((doc) => ({ params: { id: doc.id } }));
}
export const GET: APIRoute = async ({ params }) => {
  const doc = (await loadCorpus()).byId.get(params.id!)!;
  return new Response(documentToMarkdown(doc), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
