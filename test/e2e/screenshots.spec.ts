import { test } from '@playwright/test';
import { builtCorpus } from './corpus.ts';

/** Screenshots of each page type at desktop and phone width, for a human to look at (SCREENSHOTS=1). */
const docs = builtCorpus();
const ocr = docs.find((d) => d.provenance.ocr.detected) ?? docs[0]!;
const doc = docs.find((d) => d.id === 'kien-giang-2019') ?? docs[0]!;
const pages: [string, string][] = [
  ['home', '/'],
  ['document', `/van-ban/${doc.id}/`],
  ['document-ocr', `/van-ban/${ocr.id}/`],
  ['article', `/van-ban/${doc.id}/dieu-5/#dieu-5-khoan-2`],
  ['roles', '/vai-tro/'],
  ['role', '/vai-tro/truong-ban/'],
  ['role-document', `/vai-tro/truong-ban/${doc.id}/`],
  ['topic', '/so-sanh/chu-de/cuoc-hop/'],
  ['search', '/tim-kiem/?q=hop+dinh+ky'],
  ['data', '/du-lieu/'],
  ['about', '/gioi-thieu/'],
];
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1');
for (const [name, url] of pages) {
  for (const [w, h, tag] of [[1280, 900, 'desktop'], [390, 844, 'phone']] as const) {
    test(`${name} ${tag}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(url);
      if (name === 'search') await page.locator('.search-hit').first().waitFor();
      if (name === 'document-ocr') {
        // The restored text itself: the first clause with a low-confidence word, its OCR line opened.
        const clause = page.locator('.khoan:has(mark.ocr-low)').first();
        await clause.locator('details.ocr-original summary').first().click();
        await clause.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-results/screens/${name}-body-${tag}.png` });
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      await page.screenshot({ path: `test-results/screens/${name}-${tag}.png`, fullPage: false });
      if (name === 'document') {
        // A clause with its copy buttons (made by /copy.js), then the header search dialog (Pagefind UI loaded on opening).
        await page.locator(`[id="${doc.id === 'kien-giang-2019' ? 'dieu-5-khoan-2' : 'dieu-1'}"]`).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-results/screens/${name}-clause-${tag}.png` });
        await page.locator('button[data-open-modal]').click();
        await page.locator('#starlight__search input.pagefind-ui__search-input').fill('truong ban');
        await page.locator('#starlight__search .pagefind-ui__result').first().waitFor();
        await page.screenshot({ path: `test-results/screens/search-dialog-${tag}.png` });
      }
    });
  }
}
