/**
 * Structure survives OCR damage: each plain-text clean source, corrupted with the damage model learned from the
 * real OCR (the same one `npm run bench:ocr` uses), is ingested as an unknown file with auto-detection and
 * restoration, with itself excluded from the references. Its skeleton — chapters, article numbers, clause and
 * point counts — must equal the clean source's. (Bắc Giang is Markdown-flavoured: damage there would hit `**`
 * markup no scan has, so it is left out.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../../src/lib/ingest.ts';
import { damageText, learnDamage } from '../../../src/lib/ocr/damage.ts';
import { ocrHooks } from '../../../src/lib/ocr/hooks.ts';
import type { Document } from '../../../src/lib/schema.ts';

const root = new URL('../../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');
const CLEAN = ['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021'];
const damage = learnDamage(read('content/sources/kien-giang-2022.ocr.txt'), read('test/fixtures/gold/kien-giang-2022.dev.md'));

const skeleton = (d: Document) => [
  ...d.decision.articles.map((a) => `QĐ Điều ${a.number}`),
  ...(d.regulation?.chapters ?? []).flatMap((c) => [`Chương ${c.number}`, ...c.articles.map((a) => `Điều ${a.number}: ${a.clauses.length} khoản, ${a.clauses.reduce((n, k) => n + k.points.length, 0)} điểm`)]),
];

describe('document structure after synthetic OCR damage and restoration', () => {
  it.each(['kien-giang-2019', 'phu-quoc-2022', 'binh-dinh-2021'])('%s', (id) => {
    const clean = JSON.parse(read(`content/regulations/${id}.json`)) as Document;
    const damaged = damageText(read(`content/sources/${id}.txt`).normalize('NFC'), damage, 7);
    const references = CLEAN.filter((x) => x !== id).map((x) => read(`content/sources/${x}.txt`).normalize('NFC'));
    const { document } = ingestBytes(new TextEncoder().encode(damaged), `${id}.damaged.txt`, null, { references, ...ocrHooks() });
    expect(document.provenance.ocr?.restored).toBe(true);
    expect(skeleton(document)).toEqual(skeleton(clean));
  }, 120_000);
});
