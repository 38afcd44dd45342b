/**
 * Regenerate src/lib/ocr/data/confusion.json: the OCR confusion counts learned by aligning the OCR
 * source with its near-duplicate clean sources (never with a hand transcription).
 * Usage: npm run train:ocr
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { learnFromReferences } from '../src/lib/ocr/train.ts';

const dir = new URL('../content/sources/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');
const refs = [
  { id: 'phu-quoc-2022', text: read('phu-quoc-2022.txt') },
  { id: 'kien-giang-2019', text: read('kien-giang-2019.txt') },
];
const data = learnFromReferences(read('kien-giang-2022.ocr.txt'), refs);
const sorted = Object.fromEntries(Object.keys(data.counts).sort().map((k) => [k, Object.fromEntries(Object.entries(data.counts[k]!).sort((a, b) => (a[0] < b[0] ? -1 : 1)))]));
const out = new URL('../src/lib/ocr/data/confusion.json', import.meta.url);
writeFileSync(out, JSON.stringify({ source: data.source, counts: sorted }, null, 1) + '\n');
console.log(`wrote ${out.pathname}: ${Object.keys(sorted).length} characters`);
