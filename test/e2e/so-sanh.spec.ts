import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';

/**
 * Comparison pages (/so-sanh/…) in Chromium against the built site. Expectations are read off the texts
 * (see test/unit/align.test.ts and test/unit/questions.test.ts for the same facts at library level).
 */
const pages: [string, string][] = [
  ['index', '/so-sanh/'],
  ['version', '/so-sanh/kien-giang/2019-2022/'],
  ['topic', '/so-sanh/chu-de/cuoc-hop/'],
  ['matrix', '/so-sanh/bang/'],
  ['codebook', '/so-sanh/bang/ma-hoa/'],
  ['any-two', '/so-sanh/tu-chon/'],
];

test.describe('each comparison page renders, in Vietnamese, without axe violations', () => {
  for (const [name, url] of pages) {
    test(name, async ({ page }) => {
      test.setTimeout(120_000); // axe on the long version page takes a while on a busy 2-core machine
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
      expect(await axeViolations(page), `axe violations on ${url}`).toEqual([]);
    });
  }
});

test('comparison pages are kept out of the search index (they repeat the documents\' text)', async ({ page }) => {
  for (const [, url] of pages) {
    await page.goto(url);
    await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
  }
});

test('version history Kiên Giang 2019 → 2022: the alignment found from the text, with scores and switches', async ({ page }) => {
  await page.goto('/so-sanh/kien-giang/2019-2022/');
  const rows = page.locator('[data-alignment] tbody tr');
  await expect(rows).toHaveCount(13);
  // Điều 8–12 become 9–13; 2022 Điều 8 (Cơ quan Thường trực) is new; 4 and 5 are renamed roles
  for (let n = 8; n <= 12; n++) await expect(page.locator(`[data-alignment] tr[data-from="dieu-${n}"]`)).toHaveAttribute('data-to', `dieu-${n + 1}`);
  await expect(page.locator('[data-alignment] tr[data-to="dieu-8"]')).toHaveAttribute('data-type', 'added');
  await expect(page.locator('[data-alignment] tr[data-from="dieu-4"]')).toHaveAttribute('data-type', 'renamed');
  await expect(page.locator('[data-alignment] tr[data-from="dieu-5"]')).toHaveAttribute('data-to', 'dieu-5');
  await expect(page.locator('[data-summary] li[data-type="renumbered"] strong')).toHaveText('5');
  // inline view by default; side by side on request
  const firstPair = page.locator('.rl-pair').first();
  await expect(firstPair.locator('.rl-inline').first()).toBeVisible();
  await expect(firstPair.locator('.rl-side').first()).toBeHidden();
  await page.getByLabel('Song song').check();
  await expect(firstPair.locator('.rl-side').first()).toBeVisible();
  await expect(firstPair.locator('.rl-inline').first()).toBeHidden();
  // redline links to the clause in the document
  await expect(page.locator('#cap-8 a[href="/van-ban/kien-giang-2022/#dieu-9"]')).toHaveCount(1);
});

test('version history: hiding systematic substitutions hides their runs only', async ({ page }) => {
  await page.goto('/so-sanh/kien-giang/2019-2022/');
  const renamed = page.locator('#rl-root del[data-rename]');
  const plain = page.locator('#rl-root del:not([data-rename])');
  // Kiên Giang 2019 → 2022 renames its programme across articles: the legend must find it (a skip would hide a regression).
  expect(await renamed.count()).toBeGreaterThan(0);
  await expect(renamed.first()).toBeVisible();
  await page.getByLabel('Ẩn thay thế có hệ thống').check();
  await expect(renamed.first()).toBeHidden();
  await expect(plain.first()).toBeVisible();
});

test('topic page: all documents side by side; switching the base recomputes the redline in the browser', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/so-sanh/chu-de/cuoc-hop/', { waitUntil: 'networkidle' });
  // The articles for recomputing are fetched when the base changes, not embedded in (or loaded with) the page.
  await expect(page.locator('script[type="application/json"]')).toHaveCount(0);
  expect(fetched.filter((p) => p.endsWith('.json'))).toEqual([]);
  const cols = page.locator('.topic-col');
  await expect(cols).toHaveCount(5);
  const base = page.locator('[data-topic-base]');
  const first = await base.inputValue();
  await expect(page.locator(`.topic-col[data-doc="${first}"]`)).toHaveClass(/is-base/);
  // the base column has no changes against itself
  await expect(page.locator(`.topic-col[data-doc="${first}"] ins, .topic-col[data-doc="${first}"] del`)).toHaveCount(0);
  for (const id of ['kien-giang-2019', 'bac-giang-2021']) {
    await base.selectOption(id);
    await expect(page.locator(`.topic-col[data-doc="${id}"]`)).toHaveClass(/is-base/);
    await expect(page.locator('.topic-col.is-base')).toHaveCount(1);
    await expect(page.locator(`.topic-col[data-doc="${id}"] ins, .topic-col[data-doc="${id}"] del`)).toHaveCount(0);
  }
  expect(fetched).toContain('/so-sanh/chu-de/cuoc-hop/1.json');
  // Bắc Giang says "một quý một lần", Bình Định "06 tháng một lần": the redline against Bắc Giang shows it
  await expect(page.locator('.topic-col[data-doc="binh-dinh-2021"] ins', { hasText: '06 tháng' }).first()).toBeVisible();
  await expect(page.locator('.topic-col[data-doc="binh-dinh-2021"] del').first()).toBeVisible();
});

test('coded matrix: answers link to the clause they came from; CSV download', async ({ page, request }) => {
  await page.goto('/so-sanh/bang/');
  const cell = page.locator('tr[data-question="hop-dinh-ky"] td[data-doc="bac-giang-2021"]');
  await expect(cell).toHaveAttribute('data-value', '3');
  await expect(cell.locator('a')).toHaveAttribute('href', '/van-ban/bac-giang-2021/#dieu-10-khoan-1');
  await expect(page.locator('tr[data-question="con-dau"] td[data-doc="kien-giang-2019"]')).toHaveText('Không quy định');
  await expect(page.locator('tr[data-question="tai-lieu-truoc-hop"] td[data-doc="binh-dinh-2021"]')).toContainText('48 giờ');
  // the link target exists on the document page
  await cell.locator('a').click();
  await expect(page.locator('[id="dieu-10-khoan-1"]')).toHaveCount(1);
  const csv = await request.get('/so-sanh/bang/bang-ma-hoa.csv');
  expect(csv.ok()).toBe(true);
  const text = await csv.text();
  expect(text).toContain('hop-dinh-ky');
  expect(text).toContain('/van-ban/bac-giang-2021/#dieu-10-khoan-1');
});

test('codebook lists every question of the matrix', async ({ page }) => {
  await page.goto('/so-sanh/bang/');
  const ids = await page.locator('tr[data-question]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-question')));
  await page.goto('/so-sanh/bang/ma-hoa/');
  for (const id of ids) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
});

test('any two: documents compared in the browser from the published JSON', async ({ page }) => {
  await page.goto('/so-sanh/tu-chon/');
  await page.getByLabel('Văn bản A').selectOption('phu-quoc-2022');
  await page.getByLabel('Văn bản B').selectOption('kien-giang-2022');
  await page.getByRole('button', { name: 'So sánh' }).click();
  await expect(page.locator('[data-status]')).toContainText('Đã so sánh');
  const rows = page.locator('[data-alignment] tbody tr');
  await expect(rows).toHaveCount(13);
  for (const r of await rows.all()) expect(await r.getAttribute('data-from')).toBe(await r.getAttribute('data-to'));
});

test('any two: two chosen articles', async ({ page }) => {
  await page.goto('/so-sanh/tu-chon/');
  await page.getByLabel('Văn bản A').selectOption('kien-giang-2019');
  await page.getByLabel('Điều (A)').selectOption('dieu-8');
  await page.getByLabel('Văn bản B').selectOption('binh-dinh-2021');
  await page.getByLabel('Điều (B)').selectOption('dieu-10');
  await page.getByRole('button', { name: 'So sánh' }).click();
  await expect(page.locator('[data-result] h2')).toContainText('Điều 8 → Bình Định 2021, Điều 10');
  await expect(page.locator('[data-result] del').first()).toBeVisible();
  await expect(page.locator('[data-result] ins').first()).toBeVisible();
});
