/**
 * Paging of lists that grow with the corpus (role and topic pages): a page shows a bounded number of
 * documents, so a page's weight does not grow with the corpus; the pages are linked by a short pager.
 */

/** Splits items into pages of at most `size` items; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** Path segment of page n (1-based) after the list's base URL: page 1 is the base itself. */
export const pageSegment = (n: number): string => (n === 1 ? '' : `trang-${n}/`);

/** True for a path segment that page URLs use (`trang-2`), so routes can refuse ids that would collide. */
export const isPageSegment = (segment: string): boolean => /^trang-\d+$/.test(segment);

/**
 * Page numbers a pager shows: the first, the last and `radius` pages either side of the current one;
 * `null` marks a gap. Bounded (at most 2 × radius + 5 items) whatever the number of pages.
 */
export function pagerItems(current: number, total: number, radius = 2): Array<number | null> {
  const shown = [...new Set([1, total, ...Array.from({ length: 2 * radius + 1 }, (_, i) => current - radius + i)])]
    .filter((n) => n >= 1 && n <= total)
    .sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of shown) {
    const prev = out.length ? out[out.length - 1] : null;
    if (typeof prev === 'number' && n - prev === 2) out.push(n - 1);
    else if (typeof prev === 'number' && n - prev > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/** A page size from configuration text (an environment variable): a positive integer, else the fallback. */
export function pageSize(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}
