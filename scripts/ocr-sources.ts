/**
 * The OCR scripts' common set-up (bench-ocr, ocr-snapshot, ocr-ab): the repository's OCR source and
 * the four clean sources, read from a checkout, text split into the restorer's source lines, and the
 * leave-one-out synthetic set-up.
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

/** What the leave-one-out set-up needs of a checkout's OCR modules (damage.ts, train.ts): passed in, so that a tool can use another checkout's. */
export interface LeaveOneOutModules<C> {
  learnDamage(ocrText: string, goldMd: string): C;
  learnFromReferences(ocrText: string, refs: Array<{ id: string; text: string }>): C;
}

/**
 * bench-ocr's leave-one-out synthetic set-up: the damage model learned from the OCR source against the
 * dev gold, and for each clean source its text, the other sources as references and a confusion model
 * learned from those of them the OCR export aligns with (Phú Quốc 2022, Kiên Giang 2019). The callers
 * damage each text with the seeds they need (`damageText`).
 */
export function leaveOneOut<C>(src: ReturnType<typeof ocrSources>, m: LeaveOneOutModules<C>) {
  const damage = m.learnDamage(src.ocrText, src.read('test/fixtures/gold/kien-giang-2022.dev.md'));
  const sets = CLEAN.map((id) => {
    const others = CLEAN.filter((x) => x !== id);
    const aligned = others.filter((x) => x === 'phu-quoc-2022' || x === 'kien-giang-2019');
    const confusion = m.learnFromReferences(src.ocrText, aligned.map((x) => ({ id: x, text: src.text(x) })));
    return { id, clean: src.text(id), refs: others.map(src.text), confusion };
  });
  return { damage, sets };
}
