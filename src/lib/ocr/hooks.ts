/** The OCR stages as ingest hooks (detector, restorer, corrector), shared by the CLI and tests. */
import { applyCorrections } from './corrections.ts';
import { detectOcr } from './detect.ts';
import { restoreLines } from './restore.ts';
import type { SourceLine } from './detect.ts';

/**
 * Ingest hooks. Ingest calls the restorer only once it has decided to restore (the detector found
 * damage, or `--ocr`), so the restorer does not detect again.
 */
export function ocrHooks() {
  return {
    detector: detectOcr,
    restorer: (lines: SourceLine[], ctx: { references: string[] }) => restoreLines(lines, { ...ctx, force: true }),
    corrector: applyCorrections,
  };
}
