import { expect, test } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SEARCH_GLOB } from '../../src/site/search-index.ts';

/**
 * The Pagefind index reads only SEARCH_GLOB (src/site/search-index.ts). On the built site: every page that
 * asks to be searchable (`data-pagefind-body`) is inside the glob, and the index holds exactly those pages.
 * No browser needed.
 */
const DIST = 'dist';
const html = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? html(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));

test('every searchable page is inside the Pagefind glob and the index holds exactly them', () => {
  expect(existsSync(DIST), 'run npm run build first').toBe(true);
  // The glob's three forms (`**/`, `*`, literal text) as a regular expression.
  const source = SEARCH_GLOB.split(/(\*\*\/|\*)/).map((t) => (t === '**/' ? '(?:.*/)?' : t === '*' ? '[^/]*' : t.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
  const inGlob = new RegExp(`^${source}$`);
  expect(inGlob.test('van-ban/a/dieu-1/index.html') && !inGlob.test('vai-tro/a/index.html')).toBe(true);
  const searchable = html(DIST).map((f) => relative(DIST, f)).filter((f) => /\sdata-pagefind-body[\s>=]/.test(readFileSync(join(DIST, f), 'utf8')));
  expect(searchable.length).toBeGreaterThan(10);
  expect(searchable.filter((f) => !inGlob.test(f))).toEqual([]);
  const entry = JSON.parse(readFileSync(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  expect(indexed).toBe(searchable.length);
});
