/**
 * Content-Security-Policy for the static site. Astro's own CSP (security.csp) hashes only the scripts it
 * bundles, not Starlight's `is:inline` scripts, so after the build every HTML page gets a policy in a
 * `<meta http-equiv>` that allows exactly the inline scripts that page contains (by SHA-256 hash), scripts
 * from the site itself, and nothing else: no other inline script, no event-handler attribute, no
 * `javascript:` URL, no third-party origin. Pure functions; src/middleware.ts applies them to every page as it is rendered.
 */
import { createHash } from 'node:crypto';

/** Directives every page shares (script-src is added per page with the hashes of its inline scripts). */
export const BASE_DIRECTIVES = [
  "default-src 'self'",
  // inline <style> blocks and style attributes (Starlight, Expressive Code): styles cannot run code
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** Inline script bodies of an HTML page (scripts without `src`, JSON data blocks excluded). */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1]!;
    if (/\ssrc\s*=/i.test(attrs)) continue;
    // data blocks (application/json, ld+json, speculationrules is code-like but not executed as script)
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    out.push(m[2]!);
  }
  return out;
}

/** CSP source expression of a script body: `'sha256-<base64>'`. */
export function scriptHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** The policy of one page. `wasm-unsafe-eval` lets Pagefind compile its WebAssembly (no JS eval). */
export function policyFor(html: string): string {
  const hashes = [...new Set(inlineScripts(html).map(scriptHash))].sort();
  return [...BASE_DIRECTIVES, ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' ')].join('; ');
}

const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/** The page with its policy as the first element of <head> (replacing an earlier one), so it covers every script. */
export function withPolicy(html: string): string {
  const clean = html.replace(META, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(clean).replace(/"/g, '&quot;')}">`;
  // after <meta charset>, which must stay within the first bytes
  const charset = /<meta charset="?[^">]*"?\s*\/?>/i.exec(clean);
  if (charset) return clean.slice(0, charset.index + charset[0].length) + meta + clean.slice(charset.index + charset[0].length);
  const head = /<head[^>]*>/i.exec(clean);
  if (!head) return clean;
  return clean.slice(0, head.index + head[0].length) + meta + clean.slice(head.index + head[0].length);
}
