/**
 * One ingest of every manifest source into `<root>/content/regulations/`, with or without OCR
 * restoration: the unit that scripts/bench.ts times. Never touches the repository's own content/.
 *   node scripts/bench-ingest.ts --root <copy of the repo's content/ parent> [--ocr | --no-ocr]
 * Exit codes as ingest: 0 ok, 1 invalid input, 2 usage (or: the OCR stage is not available).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestManifest, ROOT, type Hooks } from '../src/lib/ingest-cli.ts';

const { values } = parseArgs({ options: { root: { type: 'string' }, ocr: { type: 'boolean' }, 'no-ocr': { type: 'boolean' } } });
if (!values.root || values.ocr === values['no-ocr']) {
  process.stderr.write('usage: node scripts/bench-ingest.ts --root DIR (--ocr | --no-ocr)\n');
  process.exit(2);
}

let hooks: Hooks = {};
if (values.ocr) {
  const file = join(ROOT, 'src/lib/ocr/index.ts');
  if (!existsSync(file)) {
    process.stderr.write('OCR restoration is not available (src/lib/ocr/index.ts missing)\n');
    process.exit(2);
  }
  // The OCR helper's wiring, whatever shape it has landed in (ocrHooks() or the three functions).
  const ocr = (await import(file)) as Record<string, unknown>;
  if (typeof ocr.ocrHooks === 'function') hooks = (ocr.ocrHooks as () => Hooks)();
  else hooks = { detector: ocr.detectOcr as Hooks['detector'], restorer: ocr.restoreLines as Hooks['restorer'], corrector: ocr.applyCorrections as Hooks['corrector'] };
}
process.exit(ingestManifest({ root: values.root, hooks, corrections: Boolean(values.ocr), out: () => {} }));
