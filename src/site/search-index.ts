/**
 * The Pagefind index, built after `astro build`: the same steps as Starlight's own `astro:build:done` hook
 * (src/integrations/pagefind.ts in @astrojs/starlight 0.42.4), restricted to the pages that carry
 * `data-pagefind-body`. Only document and article pages (/van-ban/) are searchable; every other page sets
 * `pagefind: false`. Starlight hands Pagefind the whole output, and Pagefind reads and parses every HTML
 * file to find that out: at 200 synthetic documents that was 16 s of a 124 s build (6,665 files read,
 * 3,827 indexed). test/e2e/search-index.spec.ts checks on the built site that no page outside the glob carries
 * `data-pagefind-body`, so the restriction cannot silently drop a searchable page.
 */
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Files Pagefind reads, relative to the output directory. */
export const SEARCH_GLOB = 'van-ban/**/*.html';

interface Logger {
  info(message: string): void;
  error(message: string): void;
}

function ok<T extends { errors: string[] }>(response: T, logger: Logger): T {
  if (response.errors.length > 0) {
    for (const e of response.errors) logger.error(`Pagefind error: ${e}`);
    throw new Error('Pagefind response contained errors.');
  }
  return response;
}

/** Index the searchable pages of the built site in `dir` into `<dir>/pagefind/`. */
export async function buildSearchIndex({ dir, logger }: { dir: URL; logger: Logger }): Promise<void> {
  const t0 = performance.now();
  logger.info(`Building search index with Pagefind (${SEARCH_GLOB})...`);
  try {
    const { index } = ok(await pagefind.createIndex(), logger);
    if (!index) throw new Error('Pagefind did not create an index.');
    const { page_count } = ok(await index.addDirectory({ path: fileURLToPath(dir), glob: SEARCH_GLOB }), logger);
    if (page_count === 0) throw new Error(`Pagefind found no page matching ${SEARCH_GLOB}: search would be empty.`);
    logger.info(`Indexed ${page_count} HTML files.`);
    ok(await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', dir)) }), logger);
    logger.info(`Finished building search index in ${((performance.now() - t0) / 1000).toFixed(2)}s.`);
  } finally {
    await pagefind.close();
  }
}
