import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Axe over the whole page, one line per violation (rule, impact, first three targets).
 *
 * Long pages mark their blocks `content-visibility: auto` (src/styles/site.css): off screen, the browser
 * does not render them, and axe's colour-contrast rule then reads a wrong background for their text and
 * reports it (seen on the version page's redline pairs). Every such block is rendered first, through the
 * CSSOM (the CSP forbids injected style elements), so that axe checks all of the text with its real
 * colours rather than skipping or misreading the part below the fold.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const { rendered, skipped } = await page.evaluate(() => {
    const skippable = () => [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => getComputedStyle(el).contentVisibility === 'auto');
    const blocks = skippable();
    for (const el of blocks) el.style.contentVisibility = 'visible';
    return { rendered: blocks.length, skipped: skippable().length };
  });
  const results = await new AxeBuilder({ page }).analyze();
  return [
    ...results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
    // A block left unrendered (say, a stylesheet rule marked !important) would hide its text from the contrast
    // check: fail rather than pass silently.
    ...(skipped ? [`content-visibility: ${skipped} of ${rendered} blocks still skipped`] : []),
  ];
}
