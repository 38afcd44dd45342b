/**
 * The OCR scripts' common set-up (bench-ocr, ocr-snapshot, ocr-ab): the repository's OCR source and
 * the four clean sources, read from a checkout, and text split into the restorer's source lines.
 */
import { readFileSync } from 'node:fs';

/** The clean sources: the references of the OCR source and the documents the synthetic damage is applied to. */
export const CLEAN = ['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021'];

/** Split a text into source lines (the normaliser's shape, enough for the restorer). */
export const sourceLines = (t: string) => t.split(/\r?\n/).map((l, i) => ({ n: i + 1, text: l.trim(), raw: l }));

/** Files of a checkout (`root`: its directory as a file URL ending in `/`). */
export function ocrSources(root: URL) {
  const read = (p: string) => readFileSync(new URL(p, root), 'utf8');
  return {
    read,
    /** A clean source's text (NFC). */
    text: (id: string) => read(`content/sources/${id}.txt`).normalize('NFC'),
    /** The OCR source as stored. */
    ocrText: read('content/sources/kien-giang-2022.ocr.txt'),
  };
}
