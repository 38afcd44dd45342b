/** Per-document JSON download (schema-valid: re-validated on the way out). */
import type { APIRoute } from 'astro';
import { DocumentSchema } from '../../lib/schema.ts';
import { loadCorpus } from '../../site/corpus.ts';

export async function getStaticPaths() {
  const { docs } = await loadCorpus();
  return docs.map((doc) => ({ params: { id: doc.id } }));
}
export const GET: APIRoute = async ({ params }) => {
  const doc = (await loadCorpus()).byId.get(params.id!)!;
  return new Response(JSON.stringify(DocumentSchema.parse(doc), null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
