/**
 * Versions of one work (documents that share `work`): the pairs the comparison pages are made for, and
 * the one way a pair is named in their URLs (`/so-sanh/<work>/<slug>/`). The comparisons index, the
 * version pages and the role pages' links all take their pairs from here, so a link always names a page
 * that exists.
 */
import type { Document } from './schema.ts';
import { pushTo } from './multimap.ts';

/** What naming a version pair needs of a document. */
type Version = Pick<Document, 'id' | 'work' | 'year'>;

/** Two versions of a work, older → newer, and the pair's URL segment. */
export interface VersionPair<D extends Version = Document> {
  work: string;
  slug: string;
  from: D;
  to: D;
}

/**
 * The version pairs of every work, older → newer by year (then by id), works in corpus order: every
 * pair, or only consecutive versions. The slug joins the two versions' years (`2019-2022`), or their
 * ids where the work has several versions in that year. Linear in the versions per work for
 * `consecutive`, quadratic otherwise.
 */
export function versionPairsIn<D extends Version>(docs: readonly D[], consecutive = false): VersionPair<D>[] {
  const works = new Map<string, D[]>();
  for (const d of docs) pushTo(works, d.work, d);
  const out: VersionPair<D>[] = [];
  for (const [work, vs] of works) {
    const sorted = [...vs].sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
    const perYear = new Map<number, number>();
    for (const d of sorted) perYear.set(d.year, (perYear.get(d.year) ?? 0) + 1);
    const key = (d: D) => (perYear.get(d.year)! > 1 ? d.id : String(d.year));
    for (let i = 0; i < sorted.length; i++) {
      const last = consecutive ? Math.min(i + 2, sorted.length) : sorted.length;
      for (let j = i + 1; j < last; j++) out.push({ work, slug: `${key(sorted[i]!)}-${key(sorted[j]!)}`, from: sorted[i]!, to: sorted[j]! });
    }
  }
  return out;
}
