import { readFileSync } from 'node:fs';
import { restoreLines } from '../../../src/lib/ocr/index.ts';
import type { WEIGHTS } from '../../../src/lib/ocr/index.ts';

const root = new URL('../../../', import.meta.url);
/** Read a repository file. */
export const read = (p: string) => readFileSync(new URL(p, root), 'utf8');
/** The four clean sources. */
export const CLEAN = ['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021'];
/** Clean source text by id. */
export const clean = (id: string) => read(`content/sources/${id}.txt`).normalize('NFC');
/** The OCR source. */
export const ocrSource = () => read('content/sources/kien-giang-2022.ocr.txt');
/** Split a text into SourceLines (the normaliser's shape, enough for the restorer). */
export const lines = (t: string) => t.split(/\r?\n/).map((l, i) => ({ n: i + 1, text: l.trim(), raw: l }));
/** Restore a line or lines (forced) with the given clean sources as references and optional weights; the restored lines' text joined by spaces. */
export function restoreWith(refIds: string[], lines: string | string[], weights: Partial<typeof WEIGHTS> = {}): string {
  const ls = typeof lines === 'string' ? [lines] : lines;
  return restoreLines(ls.map((t, i) => ({ n: i + 1, text: t, raw: t })), { references: refIds.map(clean), force: true, weights }).lines.map((l) => l.text).join(' ');
}
