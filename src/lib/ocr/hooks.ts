/** The OCR stages as ingest hooks (detector, restorer, corrector), shared by the CLI and tests. */
import { applyCorrections } from './corrections.ts';
import { detectOcr } from './detect.ts';
import { restoreLines } from './restore.ts';
import type { SourceLine } from './detect.ts';

/** Ingest hooks; `force` restores even when detection finds no damage (`--ocr`). */
export function ocrHooks(force = false) {
  return {
    detector: detectOcr,
    restorer: (lines: SourceLine[], ctx: { references: string[] }) => restoreLines(lines, { ...ctx, force }),
    corrector: applyCorrections,
  };
}
