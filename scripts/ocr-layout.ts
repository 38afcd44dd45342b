/**
 * Whole documents through ingest under a scan's layout: each clean source given a scan's layout
 * (`damageLayout`: the letterhead's columns side by side, wrapped lines, page numbers, stamp debris) and the learned character damage, then
 * ingested end to end (detection, restoration with that source's leave-one-out models, parsing) and
 * compared with the clean source's own ingest, element by element (chapters, articles, clauses,
 * points, by id): which elements are missing or extra, and the SER of all their text. What the
 * synthetic rows of bench-ocr do not see: debris lines taken for words, words taken for debris,
 * headings and paragraphs the parser no longer finds once the text is wrapped and damaged.
 * Used by bench-ocr (section 2d); run alone it prints every document and seed.
 * Usage: node --no-warnings scripts/ocr-layout.ts [--seeds 12345,1,777]
 */
import { fileURLToPath } from 'node:url';
import { CLEAN, leaveOneOut, ocrSources } from './ocr-sources.ts';
import { damageLayout, damageText, learnDamage } from '../src/lib/ocr/damage.ts';
import { learnFromReferences } from '../src/lib/ocr/train.ts';
import { clearModelCache, restoreLines } from '../src/lib/ocr/index.ts';
import { detectOcr } from '../src/lib/ocr/detect.ts';
import { syllableErrorRate } from '../src/lib/ocr/ser.ts';
import { ingestBytes } from '../src/lib/ingest.ts';
import { readManifest } from '../src/lib/ingest-cli.ts';
import type { ConfusionData } from '../src/lib/ocr/confusion.ts';
import type { Document } from '../src/lib/schema.ts';

/** One element of a document's structure and all its text (tails included), by id. */
export interface Element { id: string; text: string }

/** The elements of a document in reading order: the decision's articles, then the regulation's chapters, sections, articles, clauses and points. */
export function elements(doc: Document): Element[] {
  const out: Element[] = [];
  type Article = NonNullable<Document['regulation']>['articles'][number];
  const article = (a: Article) => {
    out.push({ id: a.id, text: a.title ?? '' });
    for (const c of a.clauses) {
      out.push({ id: c.id, text: [c.text, ...c.tail].join(' ') });
      for (const p of c.points) out.push({ id: p.id, text: [p.text, ...p.tail].join(' ') });
    }
  };
  for (const a of doc.decision.articles) article(a);
  const reg = doc.regulation;
  if (!reg) return out;
  for (const ch of reg.chapters) {
    out.push({ id: ch.id, text: `${ch.number} ${ch.title}` });
    for (const s of ch.sections) {
      out.push({ id: s.id, text: `${s.number} ${s.title}` });
      for (const a of s.articles) article(a);
    }
    for (const a of ch.articles) article(a);
  }
  for (const a of reg.articles) article(a);
  return out;
}

/** The decision's metadata a reader sees, by field: letterhead (authority lines), number, date, place, issuer, title, signer, and the regulation's title. */
export function metadata(doc: Document): Record<string, string> {
  const d = doc.decision, sig = d.signature;
  return {
    authority: d.authority.join(' / '), number: String(d.number.value ?? ''), date: String(d.date.value ?? ''), place: d.place ?? '', issuer: d.issuer ?? '', title: d.title,
    signer: sig ? `${sig.capacity ?? ''} / ${sig.title ?? ''} / ${sig.name ?? ''}` : '', regulation: doc.regulation?.title ?? '',
  };
}

/** How one damaged document came through. */
export interface LayoutRun {
  id: string;
  seed: number;
  detected: boolean;
  /** Elements of the clean ingest, and of the scan's. */
  clean: number;
  scanned: number;
  missing: string[];
  extra: string[];
  /** SER of the scan's element texts (in order) against the clean ones'. */
  ser: number;
  gold: number;
  /** Metadata fields (see `metadata`): how many, and those that differ from the clean ingest's. */
  metadataFields: number;
  metadataWrong: string[];
}

/** Every clean source (or those of `ids`) under a scan's layout and the learned damage, for each seed, through ingest. */
export function layoutRuns(root: URL, seeds: number[], ids: readonly string[] = CLEAN): LayoutRun[] {
  const src = ocrSources(root);
  const { damage, sets } = leaveOneOut(src, { learnDamage, learnFromReferences });
  const manifest = readManifest(fileURLToPath(root));
  const runs: LayoutRun[] = [];
  for (const set of sets.filter((x) => ids.includes(x.id))) {
    const entry = manifest.sources.find((s) => s.id === set.id) ?? null;
    clearModelCache();
    const cleanDoc = ingestBytes(new TextEncoder().encode(set.clean), `${set.id}.txt`, entry, {}).document;
    const cleanEls = elements(cleanDoc), cleanMeta = metadata(cleanDoc);
    const cleanIds = new Set(cleanEls.map((e) => e.id));
    for (const seed of seeds) {
      const scanned = damageText(damageLayout(set.clean, seed), damage, seed);
      clearModelCache();
      // Detection decides (the manifest's `ocr` flag is off), as for a new source of unknown origin.
      const doc = ingestBytes(new TextEncoder().encode(scanned), `${set.id}.ocr.txt`, entry && { ...entry, ocr: false }, {
        detector: detectOcr,
        restorer: (lines, ctx) => restoreLines(lines, { ...ctx, references: set.refs, confusion: set.confusion as ConfusionData, force: true }),
      }).document;
      const els = elements(doc);
      const ids = new Set(els.map((e) => e.id));
      const s = syllableErrorRate(cleanEls.map((e) => e.text).join('\n'), els.map((e) => e.text).join('\n'));
      runs.push({
        id: set.id, seed, detected: doc.provenance.ocr.detected, clean: cleanEls.length, scanned: els.length,
        missing: cleanEls.filter((e) => !ids.has(e.id)).map((e) => e.id), extra: els.filter((e) => !cleanIds.has(e.id)).map((e) => e.id),
        ser: s.ser, gold: s.gold,
        metadataFields: Object.keys(cleanMeta).length,
        metadataWrong: Object.entries(metadata(doc)).filter(([k, v]) => v !== cleanMeta[k]).map(([k, v]) => `${k}: ${JSON.stringify(v)} (clean ${JSON.stringify(cleanMeta[k])})`),
      });
    }
  }
  return runs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--seeds');
  const seeds = (at > 0 ? process.argv[at + 1]! : '12345,1,777').split(',').map(Number);
  const runs = layoutRuns(new URL('../', import.meta.url), seeds);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  console.log(`| document | seed | detected | elements (clean / scan) | missing | extra | SER | metadata not as in the clean ingest |\n| --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (const r of runs) console.log(`| ${r.id} | ${r.seed} | ${r.detected ? 'yes' : 'NO'} | ${r.clean} / ${r.scanned} | ${r.missing.join(' ') || '—'} | ${r.extra.join(' ') || '—'} | ${pct(r.ser)} | ${r.metadataWrong.join('; ') || '—'} |`);
  const whole = runs.reduce((s, r) => s + r.ser * r.gold, 0) / runs.reduce((s, r) => s + r.gold, 0);
  const fields = runs.reduce((s, r) => s + r.metadataFields, 0), wrong = runs.reduce((s, r) => s + r.metadataWrong.length, 0);
  console.log(`\n${runs.length} documents, ${runs.filter((r) => !r.missing.length && !r.extra.length).length} with every element found and none extra; SER over all ${pct(whole)}; metadata fields as in the clean ingest ${fields - wrong} of ${fields}. Clean sources: ${CLEAN.join(', ')}.`);
}
