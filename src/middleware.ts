/**
 * Content-Security-Policy on every HTML page, added as each page is rendered (at build time for this
 * static site): the page's own inline scripts are hashed into its policy (src/lib/csp.ts). Doing it here
 * rather than re-reading and re-writing every built file afterwards saves a pass over the whole site.
 */
import { defineMiddleware } from 'astro:middleware';
import { withPolicy } from './lib/csp.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  return new Response(withPolicy(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
