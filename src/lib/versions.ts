/**
 * Versions of one work (documents that share `work`): the pairs the comparison pages are made for, and
 * the one way a pair is named in their URLs (`/so-sanh/<work>/<slug>/`). The comparisons index, the
 * version pages and the role pages' links all take their pairs from here, so a link always names a page
 * that exists.
 */
import type { Document } from './schema.ts';
import { pushTo } from './multimap.ts';

/** Two versions of a work, older → newer, and the pair's URL segment. */
export interface VersionPair {
  work: string;
  slug: string;
  from: Document;
  to: Document;
}

/**
 * The version pairs of every work, older → newer by year (then by id), works in corpus order: every
 * pair, or only consecutive versions. The slug joins the two versions' years (`2019-2022`), or their
 * ids where the work has several versions in that year. Linear in the versions per work for
 * `consecutive`, quadratic otherwise.
 */
export function versionPairsIn(docs: readonly Pick<Document, 'id' | 'work' | 'year'>[], consecutive = false): VersionPair[] {
  const works = new Map<string, Array<Pick<Document, 'id' | 'work' | 'year'>>>();
  for (const d of docs) pushTo(works, d.work, d);
  const out: VersionPair[] = [];
  for (const [work, vs] of works) {
    const sorted = [...vs].sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
    const perYear = new Map<number, number>();
    for (const d of sorted) perYear.set(d.year, (perYear.get(d.year) ?? 0) + 1);
    const key = (d: Pick<Document, 'id' | 'year'>) => (perYear.get(d.year)! > 1 ? d.id : String(d.year));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < (consecutive ? Math.min(i + 2, sorted.length) : sorted.length); j++) {
        out.push({ work, slug: `${key(sorted[i]!)}-${key(sorted[j]!)}`, from: sorted[i]! as Document, to: sorted[j]! as Document });
      }
    }
  }
  return out;
}
