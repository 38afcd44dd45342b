/** CSV download of the coded matrix (one row per question × document). */
import type { APIRoute } from 'astro';
import { matrixCsv } from '../../../lib/questions.ts';
import { codedMatrix } from '../../../site/compare.ts';

export const GET: APIRoute = async () => {
  const { questions, matrix } = await codedMatrix();
  return new Response('\uFEFF' + matrixCsv(questions, matrix), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
