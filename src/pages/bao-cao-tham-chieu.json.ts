/** Build report of references: unresolved internal references and external documents (stay as text). */
import type { APIRoute } from 'astro';
import { referenceReport } from '../lib/reference-report.ts';
import { loadCorpus } from '../site/corpus.ts';

export const GET: APIRoute = async () => {
  const report = referenceReport((await loadCorpus()).docs);
  if (report.unresolved.length) console.warn(`[quyche] ${report.unresolved.length} unresolved references (dist/bao-cao-tham-chieu.json)`);
  return new Response(JSON.stringify(report, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
