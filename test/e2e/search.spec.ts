import { expect, test, type Page } from '@playwright/test';
import { foldKey } from '../../src/lib/fold.ts';
import { allArticles } from '../../src/lib/enrich/roles.ts';
import type { Article, Document } from '../../src/lib/schema.ts';
import { builtCorpus } from './corpus.ts';

const docs = builtCorpus();

/** Text of the element a result links to: the clause (with points and tail) or the whole article. */
function linkedText(href: string): { doc: Document; article: Article; text: string } {
  const url = new URL(href, 'http://x');
  const [, , docId, articleId] = url.pathname.split('/');
  const doc = docs.find((d) => d.id === docId)!;
  if (!articleId) {
    // The document page: indexed for its title and legal bases (part "Quyết định").
    const basis = doc.decision.bases.find((b) => b.id === url.hash.slice(1));
    const text = basis ? basis.text : [doc.title, doc.decision.title, ...doc.decision.bases.map((b) => b.text)].join(' ');
    return { doc, article: { id: '', number: '', title: doc.title, lines: [1, 1], clauses: [] }, text };
  }
  const article = allArticles(doc).find((a) => a.article.id === articleId)!.article;
  const id = url.hash.slice(1);
  const clause = article.clauses.find((c) => c.id === id || c.points.some((p) => p.id === id));
  const point = clause?.points.find((p) => p.id === id);
  const whole = [`Điều ${article.number}. ${article.title}`, ...article.clauses.flatMap((c) => [c.text, ...c.points.map((p) => p.text), ...c.tail])].join(' ');
  const text = point ? point.text : clause ? [clause.text, ...clause.points.map((p) => p.text), ...clause.tail].join(' ') : whole;
  return { doc, article, text };
}

async function search(page: Page, query: string, params = ''): Promise<string[]> {
  await page.goto(`/tim-kiem/?q=${encodeURIComponent(query)}${params}`);
  await expect(page.locator('[data-search-status]')).toContainText(/khớp|Không tìm thấy/);
  return page.locator('.search-hit > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

const words = (q: string) => foldKey(q).split(/\s+/);

for (const query of ['truong ban', 'Trưởng ban', 'hop dinh ky', 'họp định kỳ', 'chuyen doi so', 'chuyển đổi số', 'de xuat', 'đề xuất', 'don vi']) {
  test(`search "${query}": the first result links to a clause containing every word`, async ({ page }) => {
    const hits = await search(page, query);
    const hasWords = (text: string) => words(query).every((w) => new RegExp(`(^|[^a-z0-9])${w}($|[^a-z0-9])`).test(foldKey(text)));
    const present = docs.some((d) => allArticles(d).some(({ article }) => article.clauses.some((c) => hasWords([c.text, ...c.points.map((p) => p.text), ...c.tail].join(' ')))));
    expect(present, `the corpus should contain "${query}" (these queries are chosen from it)`).toBe(true);
    expect(hits.length).toBeGreaterThan(0);
    const { text, article } = linkedText(hits[0]!);
    // Deep-linked to a clause, unless the article heading itself answers the query.
    if (!hits[0]!.includes('#')) expect(foldKey(article.number ? `Điều ${article.number} ${article.title}` : text)).toContain(words(query).join(' '));
    const key = foldKey(text);
    for (const w of words(query)) expect(key, `${hits[0]} should contain "${w}"`).toMatch(new RegExp(`(^|[^a-z0-9])${w}`));
  });
}

test('a query no text contains says so in Vietnamese and lists nothing', async ({ page }) => {
  const query = 'dat dai thue xyz';
  expect(docs.some((d) => allArticles(d).some(({ article }) => foldKey(JSON.stringify(article)).includes('xyz')))).toBe(false);
  const hits = await search(page, query);
  expect(hits).toEqual([]);
  await expect(page.locator('[data-search-status]')).toContainText('Không tìm thấy');
});

test('search "dieu 5" (no diacritics, no đ) finds article 5 first', async ({ page }) => {
  const hits = await search(page, 'dieu 5');
  expect(hits.length).toBeGreaterThan(0);
  expect(linkedText(hits[0]!).article.number).toBe('5');
});

for (const query of ['truong ban', 'Trưởng ban']) {
  test(`search "${query}" lands first on an article devoted to the Trưởng ban`, async ({ page }) => {
    const hits = await search(page, query);
    const { article } = linkedText(hits[0]!);
    expect(foldKey(article.title)).toMatch(/^truong ban/);
  });
}

test('exact-diacritic matches rank first: "họp" before "hợp"', async ({ page }) => {
  const hits = await search(page, 'họp');
  expect(hits.length).toBeGreaterThan(0);
  expect(linkedText(hits[0]!).text.toLocaleLowerCase('vi')).toContain('họp');
});

test('a filter narrows the results', async ({ page }) => {
  const all = await search(page, 'ban chi dao');
  const part = await search(page, 'ban chi dao', `&f3=${encodeURIComponent('Quyết định')}`);
  expect(part.length).toBeGreaterThan(0);
  expect(part.length).toBeLessThan(all.length);
  // Decision articles, or the document page itself (its legal bases belong to the decision).
  for (const h of part) expect(h).toMatch(/\/qd-dieu-\d+\/|\/van-ban\/[^/]+\/(#can-cu-\d+)?$/);
  await expect(page.locator('select[data-filter="phần"]')).toHaveValue('Quyết định');
});

test('typing in the box searches as you type and deep-links to the clause', async ({ page }) => {
  await page.goto('/tim-kiem/');
  await page.getByLabel('Từ khóa (có dấu hoặc không dấu)').fill('trieu tap');
  await expect(page.locator('.search-hit').first()).toBeVisible();
  const href = (await page.locator('.search-hit > a').first().getAttribute('href'))!;
  await page.locator('.search-hit > a').first().click();
  const id = href.split('#')[1]!;
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('header search: the Pagefind UI is downloaded only when the dialog opens, then finds clauses', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`/van-ban/${docs[0]!.id}/`, { waitUntil: 'networkidle' });
  // The UI (tens of KB) and the index are not part of a reading page's weight.
  expect(fetched.filter((p) => /ui-core|\/pagefind\//.test(p))).toEqual([]);
  await page.locator('button[data-open-modal]').click();
  // (The search box by its class: once Pagefind has loaded the filters, the dialog holds their checkboxes too.)
  const box = page.locator('#starlight__search input.pagefind-ui__search-input');
  await expect(box).toBeFocused();
  await box.fill('truong ban');
  await expect(page.locator('#starlight__search .pagefind-ui__result').first()).toBeVisible();
  expect(fetched.some((p) => p.includes('ui-core'))).toBe(true);
  // Pagefind UI first draws each result as a row of placeholder dots and fills it in when that
  // result's fragment arrives, so wait for the real text before reading it.
  const results = page.locator('#starlight__search .pagefind-ui__results');
  await expect(results.locator('.pagefind-ui__loading')).toHaveCount(0);
  await expect(results).toContainText(/Trưởng [Bb]an/);
  // The folded copy of the text is indexed for diacritic-free search but never shown to the reader.
  expect((await results.textContent()) ?? '').not.toMatch(/folded/i);
  // The dialog's own strings are Vietnamese too (Starlight leaves Pagefind's in English).
  await expect(page.locator('#starlight__search .pagefind-ui__message')).toHaveText(/^\d+ kết quả cho truong ban$/);
});
