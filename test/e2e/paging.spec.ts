/**
 * Role and topic pages stay bounded as the corpus grows: they are paged, and the home page turns from cards
 * into a catalogue. The real five documents fit on one page, so this builds them again with small limits
 * (2 documents a page, 1 in full on a role page, a catalogue above 2 documents)
 * and checks that the pages link to each other, that together they show every document, and that no
 * link of the paged site is broken.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/lib/ingest-cli.ts';
import { builtCorpus } from './corpus.ts';
import { checkLinks } from './link-check.ts';
import { serveDist } from './static-server.ts';

const docs = builtCorpus();
const work = mkdtempSync(join(tmpdir(), 'quyche-paging-'));
const dist = join(work, 'dist');
let server: Server;
let base = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(10 * 60_000);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: ROOT,
    env: { ...process.env, QUYCHE_ROLE_ROWS_PER_PAGE: '2', QUYCHE_ROLE_DETAIL_DOCS: '1', QUYCHE_TOPIC_DOCS_PER_PAGE: '2', QUYCHE_HOME_CARDS: '2', ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  expect(r.status, `${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`).toBe(0);
  ({ server, base } = await serveDist(dist));
});

test.afterAll(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

const pages = Math.ceil(docs.length / 2);

test('role page: the summary is paged, every page links the next, together they list every document', async ({ page }) => {
  expect(pages).toBeGreaterThan(1);
  await page.goto(`${base}/vai-tro/truong-ban/`);
  await expect(page.locator('table.counts-table caption')).toContainText(`Trang 1/${pages}`);
  // one document in full on the role page, the others on their own pages
  await expect(page.locator('section.role-doc')).toHaveCount(1);
  const seen: string[] = [];
  for (let n = 1; n <= pages; n++) {
    await expect(page.locator('table.counts-table tbody tr')).toHaveCount(n < pages ? 2 : docs.length - 2 * (pages - 1));
    seen.push(...(await page.locator('table.counts-table tbody th').allInnerTexts()));
    if (n < pages) {
      await page.locator('nav.pager a[rel="next"]').click();
      await expect(page).toHaveURL(new RegExp(`/vai-tro/truong-ban/trang-${n + 1}/$`));
    }
  }
  expect(seen.map((t) => docs.find((d) => t.startsWith(d.title))?.id).sort()).toEqual(docs.map((d) => d.id).sort());
  // a document's row opens the role's page for that document
  const row = page.locator('table.counts-table tbody th a').first();
  const href = (await row.getAttribute('href'))!;
  await row.click();
  await expect(page).toHaveURL(base + href);
  await expect(page.locator('.role-clause, .dieu').first()).toBeVisible();
});

test('topic page: documents side by side a few at a time, every document on some page, base switch within the page', async ({ page }) => {
  const ids: string[] = [];
  for (let n = 1; n <= pages; n++) {
    await page.goto(`${base}/so-sanh/chu-de/cuoc-hop/${n > 1 ? `trang-${n}/` : ''}`);
    await expect(page.locator('nav.pager [aria-current="page"]')).toHaveText(String(n));
    const cols = await page.locator('.topic-col').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.doc!));
    expect(cols.length).toBe(n < pages ? 2 : docs.length - 2 * (pages - 1));
    ids.push(...cols);
    if (cols.length > 1) {
      await page.locator('[data-topic-base]').selectOption(cols[1]!);
      await expect(page.locator(`.topic-col[data-doc="${cols[1]}"]`)).toHaveClass(/is-base/);
    }
  }
  expect([...ids].sort()).toEqual(docs.map((d) => d.id).sort());
});

test('home page: above the card limit, a catalogue row per place links every document, the graph moves to the data page', async ({ page }) => {
  await page.goto(`${base}/`);
  await expect(page.locator('.doc-card')).toHaveCount(0);
  await expect(page.locator('main figure.graph')).toHaveCount(0);
  const places = new Set(docs.map((d) => d.jurisdiction.id));
  await expect(page.locator('table.catalogue tbody tr')).toHaveCount(places.size);
  for (const id of places) await expect(page.locator(`table.catalogue tr[id="${id}"]`)).toHaveCount(1);
  const hrefs = await page.locator('table.catalogue td a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect([...hrefs].sort()).toEqual(docs.map((d) => `/van-ban/${d.id}/`).sort());
  await expect(page.locator('main a[href="/du-lieu/"]').first()).toBeVisible();
});

test('no broken link or anchor in the paged site', () => {
  const { checked, broken } = checkLinks(dist);
  expect(checked).toBeGreaterThan(100);
  expect(broken).toEqual([]);
});
