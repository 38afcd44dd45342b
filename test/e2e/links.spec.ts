import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { checkLinks } from './link-check.ts';

/**
 * Link check over dist/: every internal href (pages, downloads, anchors) resolves to a file in dist/
 * and every fragment to an id in the target page. No browser needed.
 */
const DIST = 'dist';

test('0 broken internal links or anchors in dist/', () => {
  expect(existsSync(DIST), 'run npm run build first').toBe(true);
  const { checked, broken } = checkLinks(DIST);
  expect(checked).toBeGreaterThan(100);
  expect(broken).toEqual([]);
});
