/**
 * Ingest CLI (thin: parses arguments, calls src/lib, prints, sets the exit code).
 *   npm run ingest                      all manifest sources → content/regulations/<id>.json
 *   npm run --silent ingest -- --file <path> [--format json|md] [--ocr|--no-ocr] [--no-corrections]
 * Exit codes: 0 ok, 1 invalid input (file:line: reason), 2 usage.
 */
import { parseArgs } from 'node:util';
import { ingestFile, ingestManifest } from '../src/lib/ingest-cli.ts';
import { ocrHooks } from '../src/lib/ocr/index.ts';

const USAGE = `usage: npm run ingest
       npm run --silent ingest -- --file <path> [--format json|md] [--ocr|--no-ocr] [--no-corrections]`;

let args;
try {
  args = parseArgs({
    options: {
      file: { type: 'string' },
      format: { type: 'string', default: 'json' },
      ocr: { type: 'boolean' },
      'no-ocr': { type: 'boolean' },
      'no-corrections': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  }).values;
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.format !== 'json' && args.format !== 'md') {
  process.stderr.write(`unknown --format ${args.format} (json or md)\n${USAGE}\n`);
  process.exit(2);
}
if (args.ocr && args['no-ocr']) {
  process.stderr.write(`--ocr and --no-ocr exclude each other\n${USAGE}\n`);
  process.exit(2);
}
const ocr = args.ocr ? true : args['no-ocr'] ? false : undefined;
const corrections = !args['no-corrections'];
// The OCR stages: auto-detection, restoration (when detected, or forced by --ocr), reviewed corrections.
const hooks = ocrHooks();
const code = args.file
  ? ingestFile(args.file, { format: args.format as 'json' | 'md', ocr, corrections, hooks })
  : args.format !== 'json' || args.ocr !== undefined || args['no-ocr'] !== undefined
    ? (process.stderr.write(`--format/--ocr/--no-ocr need --file\n${USAGE}\n`), 2)
    : ingestManifest({ corrections, hooks });
// exitCode, not exit(): a large --format json/md output written to a pipe must drain before the process ends.
process.exitCode = code;
