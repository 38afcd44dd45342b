/**
 * Instructions per steady cold restoration of the OCR source (a benchmark tool, not a test): a
 * count that does not depend on the machine's load, for comparing checkouts where CPU times cannot
 * (on this shared 2-core virtual machine the same code's CPU time swings by 1.5× within minutes).
 *
 * Each checkout restores the OCR source cold (models rebuilt, as `bench:ocr`'s throughput runs) N1
 * times in one process and, in another, N2 times, under valgrind's instruction counter
 * (`cachegrind --cache-sim=no`) with V8's `--predictable` (garbage collection and compilation on the
 * JavaScript thread, at fixed points, so the count repeats to the instruction); the difference over
 * N2 − N1 is the instructions of one restoration past the process's first ones (its steady state).
 * The count includes the collector's and the compiler's work. It is a proxy for CPU time, not CPU
 * time: it weighs an instruction that waits on memory as much as any other (the collector's copying
 * is mostly that), and `--predictable` does that work on one thread instead of two.
 *
 * Needs valgrind (`apt-get install -y valgrind`). Two processes run at once (one per count).
 * Usage: node --no-warnings scripts/ocr-instr.ts [checkout ...] [--runs N1,N2]   (default: this checkout, 12,20)
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const [n1 = NaN, n2 = NaN] = at >= 0 ? args.splice(at, 2)[1]!.split(',').map(Number) : [12, 20];
if (!(n1 >= 1 && n2 > n1)) { console.error('usage: scripts/ocr-instr.ts [checkout ...] [--runs N1,N2] (N2 > N1 ≥ 1)'); process.exit(2); }
const checkouts = args.length ? args : [resolve(import.meta.dirname, '..')];

// One process: N cold restorations of the OCR source with the checkout's own restorer.
const CHILD = `
const root = new URL(process.argv[1]);
const n = Number(process.argv[2]);
const { CLEAN, ocrSources, sourceLines } = await import(new URL('scripts/ocr-sources.ts', root).href);
const { clearModelCache, restoreLines } = await import(new URL('src/lib/ocr/index.ts', root).href);
const { text, ocrText } = ocrSources(root);
const lines = sourceLines(ocrText), refs = CLEAN.map(text);
for (let i = 0; i < n; i++) { clearModelCache(); restoreLines(lines, { references: refs }); }
`;

async function instructions(checkout: string, n: number): Promise<number> {
  const root = new URL(`file://${resolve(checkout)}/`).href;
  const { stderr } = await run('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null',
    process.execPath, '--no-warnings', '--predictable', '--input-type=module', '-e', CHILD, root, String(n)], { maxBuffer: 1 << 26 });
  const m = /I\s+refs:\s+([\d,]+)/u.exec(stderr);
  if (!m) throw new Error(`no instruction count from valgrind for ${checkout}:\n${stderr.slice(-2000)}`);
  return Number(m[1]!.replaceAll(',', ''));
}

for (const checkout of checkouts) {
  const [a, b] = await Promise.all([instructions(checkout, n1), instructions(checkout, n2)]);
  console.log(`${checkout}: ${((b - a) / (n2 - n1) / 1e6).toFixed(0)} M instructions per steady cold restoration (runs ${n1 + 1}–${n2})`);
}
