/**
 * The corrections layer: reviewed human fixes from `content/corrections/<id>.yaml`, keyed to element
 * ids, applied to the parsed Document after the automatic restoration. Each correction names the
 * text it expects (the whole current text or a unique substring); when the automatic output changes
 * so that the expectation no longer holds, ingest fails loudly instead of applying a stale fix.
 */
import { diffArrays } from 'diff';
import { z } from 'zod';
import type { Document, Restoration, RestoredToken } from '../schema.ts';

/** One reviewed correction. */
export const CorrectionSchema = z.object({
  /** Element id (`dieu-5-khoan-2`, `qd-dieu-3`, `can-cu-2`, `chuong-2`). */
  id: z.string(),
  /** `text` (default) or `title` (article and chapter headings). */
  field: z.enum(['text', 'title']).default('text'),
  /** Current automatic text, or a unique substring of it. */
  expect: z.string().min(1),
  /** Replacement for `expect`. */
  replace: z.string().optional(),
  /** Whole new text of the field (instead of `replace`). */
  text: z.string().optional(),
  /** Why: what the scan shows (reviewers read this). */
  note: z.string().min(1),
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** A corrections file. */
export const CorrectionsFileSchema = z.object({
  /** Document id the file belongs to. */
  document: z.string(),
  /** Corrections in any order. */
  corrections: z.array(CorrectionSchema),
});

interface Target { get(): string; set(v: string): void; restoration?: Restoration; setRestoration(r: Restoration): void }

function targets(doc: Document): Map<string, { text?: Target; title?: Target }> {
  const map = new Map<string, { text?: Target; title?: Target }>();
  const textOf = (o: { text: string; restoration?: Restoration }): Target => ({
    get: () => o.text, set: (v) => { o.text = v; }, restoration: o.restoration, setRestoration: (r) => { o.restoration = r; },
  });
  const titleOf = (o: { title: string; restoration?: Restoration }): Target => ({
    get: () => o.title, set: (v) => { o.title = v; }, restoration: o.restoration, setRestoration: (r) => { o.restoration = r; },
  });
  for (const b of doc.decision.bases) map.set(b.id, { text: textOf(b) });
  const articles = [...doc.decision.articles];
  if (doc.regulation) {
    articles.push(...doc.regulation.articles);
    for (const ch of doc.regulation.chapters) {
      map.set(ch.id, { title: titleOf(ch) });
      articles.push(...ch.articles, ...ch.sections.flatMap((s) => s.articles));
    }
  }
  for (const a of articles) {
    map.set(a.id, { title: titleOf(a) });
    for (const c of a.clauses) {
      map.set(c.id, { text: textOf(c) });
      for (const p of c.points) map.set(p.id, { text: textOf(p) });
    }
  }
  return map;
}

/** Re-align restoration tokens with a corrected text: unchanged words keep their tokens, changed ones are marked `corrected`. */
export function retokenise(r: Restoration, text: string): Restoration {
  const live = r.tokens.filter((t) => t.text !== '');
  const words = text.split(/\s+/u).filter(Boolean);
  const out: RestoredToken[] = [];
  let i = 0; // index into r.tokens
  const takeDeleted = () => { while (i < r.tokens.length && r.tokens[i]!.text === '') out.push(r.tokens[i++]!); };
  for (const ch of diffArrays(live.map((t) => t.text), words)) {
    if (!ch.added && !ch.removed) {
      for (let k = 0; k < ch.value.length; k++) { takeDeleted(); out.push(r.tokens[i++]!); }
    } else if (ch.removed) {
      const gone: string[] = [];
      for (let k = 0; k < ch.value.length; k++) { takeDeleted(); gone.push(r.tokens[i++]!.ocr); }
      (out as Array<RestoredToken & { pendingOcr?: string }>).push({ text: '', ocr: gone.filter(Boolean).join(' '), confidence: 1, corrected: true });
    } else {
      const last = out[out.length - 1];
      let ocr = '';
      if (last && last.text === '' && last.corrected) { ocr = last.ocr; out.pop(); }
      ch.value.forEach((w, k) => out.push({ text: w, ocr: k === 0 ? ocr : '', confidence: 1, corrected: true }));
    }
  }
  takeDeleted();
  const kept = out.filter((t) => t.text !== '');
  const confidence = kept.length ? Math.round((kept.reduce((a, t) => a + t.confidence, 0) / kept.length) * 1000) / 1000 : 1;
  return { original: r.original, confidence, tokens: out };
}

/** Apply reviewed corrections to a document; throws naming file, id and expected text on a stale one. */
export function applyCorrections(doc: Document, corrections: unknown, file: string): Document {
  const parsed = CorrectionsFileSchema.safeParse(corrections);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`${file}: invalid corrections file at ${i.path.join('.')}: ${i.message}`);
  }
  const out = structuredClone(doc);
  const map = targets(out);
  const applied: string[] = [];
  parsed.data.corrections.forEach((c, n) => {
    const t = map.get(c.id)?.[c.field];
    if (!t) throw new Error(`${file}: correction #${n + 1} (${c.id}): no element ${c.field} with this id`);
    const cur = t.get();
    const at = cur.indexOf(c.expect);
    if (at < 0 || cur.indexOf(c.expect, at + 1) >= 0) {
      throw new Error(`${file}: correction #${n + 1} (${c.id}) is stale: expected ${at < 0 ? '' : 'a unique '}"${c.expect}" in "${cur}"`);
    }
    if (c.replace === undefined && c.text === undefined) throw new Error(`${file}: correction #${n + 1} (${c.id}) has neither replace nor text`);
    const next = c.text ?? cur.slice(0, at) + c.replace + cur.slice(at + c.expect.length);
    t.set(next);
    if (t.restoration) t.setRestoration(retokenise(t.restoration, next));
    applied.push(c.id);
  });
  out.provenance.ocr.corrections = [...new Set([...out.provenance.ocr.corrections, ...applied])];
  return out;
}
