/**
 * Synthetic corpus generator (benchmarks): recombines and perturbs the real documents into `count`
 * schema-valid documents (provinces × versions), deterministic for a seed.
 *   node scripts/gen-corpus.ts --count 200 --out /tmp/corpus-200 [--seed 1] [--from content/regulations]
 * Build a site from it with QUYCHE_DATA_DIR=/tmp/corpus-200 npm run build.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../src/lib/schema.ts';
import { generateCorpus } from '../src/lib/synthetic-corpus.ts';
import { serialise, writeAtomic } from '../src/lib/ingest-cli.ts';

const USAGE = 'usage: node scripts/gen-corpus.ts --count N --out DIR [--seed S] [--from content/regulations] [--versions 3]';
let values;
try {
  values = parseArgs({ options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, from: { type: 'string', default: 'content/regulations' }, versions: { type: 'string', default: '3' } } }).values;
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
const count = Number(values.count);
if (!values.out || !Number.isInteger(count) || count < 1) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const real = readdirSync(values.from).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()
  .map((f) => parseDocument(JSON.parse(readFileSync(join(values.from!, f), 'utf8')), join(values.from!, f)));
const t0 = performance.now();
const docs = generateCorpus(real, { count, seed: Number(values.seed), versions: Number(values.versions) });
rmSync(values.out, { recursive: true, force: true });
mkdirSync(values.out, { recursive: true });
for (const d of docs) writeAtomic(join(values.out, `${d.id}.json`), serialise(d));
const works = new Set(docs.map((d) => d.work)).size;
process.stdout.write(`wrote ${docs.length} documents (${works} works) to ${values.out} in ${Math.round(performance.now() - t0)} ms\n`);
