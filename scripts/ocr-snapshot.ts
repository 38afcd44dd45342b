/**
 * Snapshot of the restorer's output (a check for refactors that must not change it): restores the
 * OCR source and the four leave-one-out synthetic documents of bench-ocr and writes every token's
 * text and confidence (3 decimals, as stored) as JSON lines. With `--compare <file>` it diffs the
 * fresh snapshot against a saved one and exits 1 on any difference.
 * With `--all-seeds` the synthetic documents are also damaged with the bench's extra seeds (1, 777, 2026).
 * Usage: node --no-warnings scripts/ocr-snapshot.ts <out.jsonl> [--all-seeds] [--compare <before.jsonl>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CLEAN, leaveOneOut, ocrSources, sourceLines } from './ocr-sources.ts';
import { clearModelCache, restoreLines } from '../src/lib/ocr/index.ts';
import { learnDamage, damageText } from '../src/lib/ocr/damage.ts';
import { learnFromReferences } from '../src/lib/ocr/train.ts';

const src = ocrSources(new URL('../', import.meta.url));
const { text, ocrText } = src;

const out: string[] = [];
const dump = (doc: string, r: ReturnType<typeof restoreLines>) => {
  out.push(JSON.stringify({ doc, mean: r.meanConfidence, discarded: r.discarded.map((d) => d.line) }));
  for (const l of r.lines) out.push(JSON.stringify([doc, l.n, (l.tokens ?? []).map((t) => [t.text, t.ocr, t.confidence.toFixed(3)])]));
};
clearModelCache();
dump('kien-giang-2022', restoreLines(sourceLines(ocrText), { references: CLEAN.map(text) }));
const { damage, sets } = leaveOneOut(src, { learnDamage, learnFromReferences });
for (const { id, clean, refs, confusion } of sets) {
  clearModelCache();
  dump(`synthetic ${id}`, restoreLines(sourceLines(damageText(clean, damage, 12345)), { references: refs, confusion, force: true }));
  if (!process.argv.includes('--all-seeds')) continue;
  for (const seed of [1, 777, 2026]) {
    clearModelCache();
    dump(`synthetic ${id} seed ${seed}`, restoreLines(sourceLines(damageText(clean, damage, seed)), { references: refs, confusion, force: true }));
  }
}
const file = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '/tmp/ocr-snapshot.jsonl';
writeFileSync(file, out.join('\n') + '\n');
const cmp = process.argv.indexOf('--compare');
if (cmp > 0) {
  const before = readFileSync(process.argv[cmp + 1]!, 'utf8').trimEnd().split('\n');
  let diffs = 0;
  for (let i = 0; i < Math.max(before.length, out.length); i++) {
    if (before[i] !== out[i]) {
      if (diffs++ < 20) console.error(`- ${before[i]}\n+ ${out[i]}`);
    }
  }
  console.error(diffs ? `${diffs} differing lines` : `identical (${out.length} lines)`);
  process.exit(diffs ? 1 : 0);
}
console.error(`wrote ${out.length} lines to ${file}`);
