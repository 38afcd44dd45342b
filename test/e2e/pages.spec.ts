import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { cite, elementLabel } from '../../src/lib/cite.ts';
import { parseDocument } from '../../src/lib/schema.ts';
import { allArticles } from '../../src/lib/enrich/roles.ts';
import { builtCorpus } from './corpus.ts';

const docs = builtCorpus();
const label = (d: (typeof docs)[number], id: string) => elementLabel(d, id) ?? id;
const doc = docs.find((d) => d.id === 'kien-giang-2019') ?? docs[0]!;
const firstRegArticle = allArticles(doc).find((a) => a.part === 'regulation')!.article;

/** One URL per page type. */
const pageTypes: [string, string][] = [
  ['home', '/'],
  ['document', `/van-ban/${doc.id}/`],
  ['article', `/van-ban/${doc.id}/${firstRegArticle.id}/`],
  ['roles', '/vai-tro/'],
  ['role', '/vai-tro/truong-ban/'],
  ['role in one document', `/vai-tro/truong-ban/${doc.id}/`],
  ['search', '/tim-kiem/?q=truong+ban'],
  ['data', '/du-lieu/'],
  ['about', '/gioi-thieu/'],
];

test.describe('each page type renders and has no axe violations', () => {
  // axe over a long page (a role across five documents) takes tens of seconds on a loaded 2-core box.
  test.describe.configure({ timeout: 120_000 });
  for (const [name, url] of pageTypes) {
    test(name, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
      if (name === 'search') await expect(page.locator('.search-hit').first()).toBeVisible();
      expect(await axeViolations(page), `axe violations on ${url}`).toEqual([]);
    });
  }
});

test('document page: every clause and point has its anchor and a TOC of the regulation', async ({ page }) => {
  await page.goto(`/van-ban/${doc.id}/`);
  for (const { article } of allArticles(doc)) {
    await expect(page.locator(`[id="${article.id}"]`)).toHaveCount(1);
    for (const c of article.clauses) {
      await expect(page.locator(`[id="${c.id}"]`)).toHaveCount(1);
      for (const p of c.points) await expect(page.locator(`[id="${p.id}"]`)).toHaveCount(1);
    }
  }
  await expect(page.locator(`starlight-toc a[href="#${firstRegArticle.id}"]`).first()).toBeAttached();
});

test('copy citation writes the Vietnamese citation of the clause', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-write']);
  const article = allArticles(doc).find(({ article: a, part }) => part === 'regulation' && a.clauses.some((c) => c.kind === 'numbered' && c.number === '2'))!.article;
  const clause = article.clauses.find((c) => c.number === '2')!;
  // What the page hands the Clipboard API, recorded on its way through: Chromium writes the system
  // clipboard only for a focused document, and in full parallel runs the write sometimes never landed
  // (the clipboard stayed empty, twice in a row in one clean-clone run), which says nothing of the page.
  await page.addInitScript(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => { w.__copied.push(text); return write(text); };
  });
  await page.goto(`/van-ban/${doc.id}/`);
  // (The page writes asynchronously after the click: read the record until the write has been made.)
  const clipboard = () => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.at(-1) ?? '');
  await page.bringToFront();
  // Click once the page has settled: every copy button placed (in idle-time slices) and the fonts loaded.
  // In a clean-clone run the click was once lost with the page still moving: the button took the focus
  // on the press, but no click followed and nothing was copied (a press and a release on different spots).
  await page.waitForFunction(() => {
    const hosts = document.querySelectorAll('[data-cite].dieu > .dieu-tools, [data-cite]:not(.dieu) > .khoan-line').length;
    return hosts > 0 && document.querySelectorAll('button[data-copy]').length === 2 * hosts && document.fonts.status === 'loaded';
  });
  await page.locator(`[id="${clause.id}"] > .khoan-line button[data-copy="cite"]`).click();
  await expect.poll(clipboard).toBe(cite(doc, clause.id));
  const copied = await clipboard();
  if (doc.id === 'kien-giang-2019' && clause.id === 'dieu-5-khoan-2') {
    expect(copied).toBe(
      'khoản 2 Điều 5 Quy chế hoạt động của Ban Chỉ đạo Chính quyền điện tử tỉnh Kiên Giang ban hành kèm theo ' +
        'Quyết định số 85/QĐ-BCĐ ngày 03/5/2019 của Trưởng Ban Chỉ đạo Chính quyền điện tử tỉnh Kiên Giang',
    );
  }
  await page.locator(`[id="${clause.id}"] > .khoan-line button[data-copy="link"]`).click();
  const pathOf = (text: string) => (URL.canParse(text) ? new URL(text).pathname + new URL(text).hash : text);
  await expect.poll(async () => pathOf(await clipboard())).toBe(`/van-ban/${doc.id}/#${clause.id}`);
  // The buttons are made by /copy.js from the element's label: one pair per clause, named for screen readers.
  await expect(page.locator(`[id="${clause.id}"] > .khoan-line button[data-copy]`)).toHaveCount(2);
  await expect(page.locator(`[id="${clause.id}"] > .khoan-line button[data-copy="cite"]`)).toHaveAccessibleName(`Trích dẫn ${label(doc, clause.id)}`);
  await expect(page.locator('section.dieu > .dieu-tools button[data-copy="link"]').first()).toBeVisible();
  // The buttons are placed in idle-time slices: every article and clause gets its pair in the end, none twice.
  const hosts = await page.evaluate(() => document.querySelectorAll('[data-cite].dieu > .dieu-tools, [data-cite]:not(.dieu) > .khoan-line').length);
  expect(hosts).toBeGreaterThan(20);
  await expect(page.locator('button[data-copy]')).toHaveCount(2 * hosts);
});

test('without JavaScript the clause anchors stay links and no dead copy button shows', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/van-ban/${doc.id}/`);
  await expect(page.locator('button[data-copy]')).toHaveCount(0);
  const marker = page.locator('.khoan .el-text > a.so').first();
  const href = (await marker.getAttribute('href'))!;
  expect(href).toMatch(/^#/);
  await expect(page.locator(`[id="${href.slice(1)}"]`)).toHaveCount(1);
  await context.close();
});

test('a cross-reference link lands on its anchor', async ({ page }) => {
  await page.goto(`/van-ban/${doc.id}/`);
  const link = page.locator('main a.ref[href*="#"]:visible').first();
  const href = (await link.getAttribute('href'))!;
  const id = decodeURIComponent(href.split('#')[1]!);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  const target = page.locator(`[id="${id}"]`);
  await expect(target).toHaveCount(1);
  await expect(target).toBeInViewport();
});

test('article page has prev/next navigation and reading pages load no script but the copy buttons', async ({ page }) => {
  await page.goto(`/van-ban/${doc.id}/${firstRegArticle.id}/`);
  await expect(page.locator('nav.prev-next a[rel="next"]')).toBeVisible();
  const own = await page.locator('script[src]').evaluateAll((els) => els.map((e) => e.getAttribute('src')!).filter((s) => !s.startsWith('/_astro/')));
  expect(own).toEqual(['/copy.js']);
});

test('role page: counts per document linked to the role\'s page for each document, the first documents in full', async ({ page }) => {
  await page.goto('/vai-tro/truong-ban/');
  await expect(page.locator('table.counts-table tbody tr')).toHaveCount(docs.length);
  await expect(page.locator('.role-doc').first()).toBeVisible();
  await expect(page.locator('.role-doc .dieu').first()).toBeVisible();
  await expect(page.locator('.role-clause').first()).toBeVisible();
  // Every row of a document that names the role links to the role's page for that document.
  const links = await page.locator('table.counts-table tbody th a[href^="/vai-tro/truong-ban/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links.length).toBeGreaterThan(0);
  expect(links).toContain(`/vai-tro/truong-ban/${doc.id}/`);
});

test('role in one document: the devoted article in full and every other clause, linked to the document', async ({ page }) => {
  await page.goto(`/vai-tro/truong-ban/${doc.id}/`);
  await expect(page.locator('h1')).toContainText(doc.title);
  await expect(page.locator('.dieu').first()).toBeVisible();
  const where = page.locator('.role-clause a.where').first();
  await expect(where).toHaveAttribute('href', new RegExp(`^/van-ban/${doc.id}/#`));
  // The same clauses as in the document's section of the role page.
  const onRolePage = await (async () => {
    const other = await page.context().newPage();
    await other.goto('/vai-tro/truong-ban/');
    const n = await other.locator(`section.role-doc[aria-labelledby="${doc.id}"] .role-clause`).count();
    await other.close();
    return n;
  })();
  await expect(page.locator('.role-clause')).toHaveCount(onRolePage);
  await page.locator('a', { hasText: 'Trưởng ban trong mọi văn bản' }).click();
  await expect(page).toHaveURL(/\/vai-tro\/truong-ban\/$/);
});

test('data downloads are generated and the JSON matches the schema', async ({ request }) => {
  const json = await (await request.get(`/du-lieu/${doc.id}.json`)).json();
  expect(parseDocument(json, `${doc.id}.json`).id).toBe(doc.id);
  const schema = await (await request.get('/du-lieu/schema.json')).json();
  expect(schema.$schema).toContain('2020-12');
  const md = await (await request.get(`/du-lieu/${doc.id}.md`)).text();
  expect(md).toMatch(/^# /);
  expect((await request.get(`/du-lieu/${doc.id}.txt`)).status()).toBe(200);
});
