/** JSON Schema (draft 2020-12) of a Document, generated from the Zod schema. */
import type { APIRoute } from 'astro';
import { documentJsonSchema } from '../../lib/schema.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(documentJsonSchema(), null, 2) + '\n', { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
