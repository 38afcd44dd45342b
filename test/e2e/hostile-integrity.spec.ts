/**
 * Integrity of the built site (issue 6), over the real `dist/` that `npm test` builds: every page is valid
 * HTML (html-validate), carries a Content-Security-Policy that covers each of its inline scripts and has
 * no event-handler attribute or `javascript:` URL, and every published JSON document validates against
 * the published JSON Schema (ajv, draft 2020-12). No browser needed.
 */
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from '../../src/lib/ingest-cli.ts';

const DIST = join(ROOT, 'dist');
const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
const files = existsSync(DIST) ? walk(DIST) : [];
const pages = files.filter((f) => f.endsWith('.html'));

test('dist/ exists (npm run build ran first)', () => {
  expect(pages.length).toBeGreaterThan(10);
});

test('every page is valid HTML', async () => {
  test.setTimeout(5 * 60_000);
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended', 'html-validate:document'],
    rules: {
      // style preferences, not validity: Astro writes <meta/>, Starlight omits button types and uses style=""
      'void-style': 'off',
      'no-implicit-button-type': 'off',
      'no-inline-style': 'off',
      'long-title': 'off',
      // same-origin assets need no Subresource Integrity
      'require-sri': 'off',
      // HTML allows ids such as Starlight's "_top"
      'valid-id': ['error', { relaxed: true }],
      // Starlight's own layout: the mobile "on this page" nav (an h2 and a second nav) precedes the page h1
      'heading-level': 'off',
      'unique-landmark': 'off',
    },
  });
  const problems: string[] = [];
  for (const f of pages) {
    const report = await validator.validateString(readFileSync(f, 'utf8'), relative(DIST, f));
    for (const r of report.results) for (const m of r.messages) problems.push(`${r.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  expect(problems.slice(0, 30), `${problems.length} problems`).toEqual([]);
});

test('every page has a Content-Security-Policy covering each inline script, and no inline handlers', () => {
  const problems: string[] = [];
  for (const f of pages) {
    const html = readFileSync(f, 'utf8');
    const rel = relative(DIST, f);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    if (!meta) { problems.push(`${rel}: no CSP meta`); continue; }
    const firstScript = html.search(/<script\b/i);
    if (firstScript >= 0 && meta.index > firstScript) problems.push(`${rel}: CSP meta comes after a script`);
    const scriptSrc = meta[1]!.replace(/&quot;/g, '"').split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    if (/'unsafe-inline'|'unsafe-eval'/.test(scriptSrc)) problems.push(`${rel}: script-src allows unsafe inline/eval`);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      if (/\ssrc\s*=/i.test(m[1]!) || /type="application\/(ld\+)?json"/i.test(m[1]!)) continue;
      const hash = `'sha256-${createHash('sha256').update(m[2]!).digest('base64')}'`;
      if (!scriptSrc.includes(hash)) problems.push(`${rel}: inline script not covered by the policy: ${m[2]!.slice(0, 60)}`);
    }
    for (const h of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=/gi)) problems.push(`${rel}: event-handler attribute ${h[1]}`);
    if (/(href|src)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push(`${rel}: javascript: URL`);
  }
  expect(problems.slice(0, 30), `${problems.length} problems`).toEqual([]);
});

test('every published JSON document validates against the published JSON Schema', () => {
  const schemaFile = files.find((f) => /du-lieu\/schema\.json$/.test(f));
  expect(schemaFile, 'dist/du-lieu/schema.json').toBeTruthy();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile!, 'utf8')));
  const docs = files.filter((f) => /du-lieu\/[^/]+\.json$/.test(f) && f !== schemaFile);
  expect(docs.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const f of docs) {
    if (!validate(JSON.parse(readFileSync(f, 'utf8')))) problems.push(`${relative(DIST, f)}: ${ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 400)}`);
  }
  expect(problems).toEqual([]);
});
