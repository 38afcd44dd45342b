/**
 * The corrections layer: reviewed human fixes from `content/corrections/<id>.yaml`, keyed to element
 * ids, applied to the parsed Document after the automatic restoration. Each correction names the
 * text it expects (the whole current text or a unique substring); when the automatic output changes
 * so that the expectation no longer holds, ingest fails loudly instead of applying a stale fix.
 */
import { diffArrays } from 'diff';
import { z } from 'zod';
import type { Document, Restoration, RestoredToken } from '../schema.ts';
import { InputError } from '../errors.ts';
import { effectOf } from '../parse/index.ts';
import { findReferences } from '../parse/references.ts';

/** One reviewed correction. */
export const CorrectionSchema = z.object({
  /** Element id (`dieu-5-khoan-2`, `qd-dieu-3`, `can-cu-2`, `chuong-2`) or a decision field key (`qd-issuer`, `qd-effect`, `qd-authority-2`, `qd-recipient-6`, `qd-signature-name`). */
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
  // Decision metadata printed outside any element get `qd-` keys of their own.
  const dec = doc.decision;
  const field = (get: () => string, set: (v: string) => void): Target => ({ get, set, setRestoration: () => {} });
  if (dec.issuer !== null) map.set('qd-issuer', { text: field(() => dec.issuer ?? '', (v) => { dec.issuer = v; }) });
  if (dec.effect !== null) map.set('qd-effect', { text: field(() => dec.effect ?? '', (v) => { dec.effect = v; }) });
  dec.authority.forEach((_, i) => map.set(`qd-authority-${i + 1}`, { text: field(() => dec.authority[i]!, (v) => { dec.authority[i] = v; }) }));
  dec.recipients.forEach((r, i) => map.set(`qd-recipient-${i + 1}`, { text: field(() => r.text, (v) => { r.text = v; }) }));
  const sig = dec.signature;
  if (sig?.name) map.set('qd-signature-name', { text: field(() => sig.name ?? '', (v) => { sig.name = v; }) });
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
  let gone: string[] = []; // OCR of the tokens a change removed, waiting for the words that replace them
  for (const ch of diffArrays(live.map((t) => t.text), words)) {
    if (!ch.added && !ch.removed) {
      for (const g of gone) out.push({ text: '', ocr: g, confidence: 1, corrected: true });
      gone = [];
      for (let k = 0; k < ch.value.length; k++) { takeDeleted(); out.push(r.tokens[i++]!); }
    } else if (ch.removed) {
      for (let k = 0; k < ch.value.length; k++) { takeDeleted(); gone.push(r.tokens[i++]!.ocr); }
    } else {
      // One word for one token keeps the pairing; otherwise the first new word carries all the OCR.
      const oneToOne = gone.length === ch.value.length;
      ch.value.forEach((w, k) => out.push({ text: w, ocr: oneToOne ? gone[k]! : k === 0 ? gone.filter(Boolean).join(' ') : '', confidence: 1, corrected: true }));
      gone = [];
    }
  }
  for (const g of gone) out.push({ text: '', ocr: g, confidence: 1, corrected: true });
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
    throw new InputError(file, null, `invalid corrections file at ${i.path.join('.')}: ${i.message}`);
  }
  // Name the corrections file itself in errors (by convention content/corrections/<document>.yaml).
  const where = `content/corrections/${parsed.data.document}.yaml`;
  const fail = (msg: string): never => { throw new InputError(where, null, `${msg} (while ingesting ${file})`); };
  const out = structuredClone(doc);
  const map = targets(out);
  const applied: string[] = [];
  parsed.data.corrections.forEach((c, n) => {
    const t = map.get(c.id)?.[c.field] as Target;
    if (!t) fail(`correction #${n + 1} (${c.id}): no element ${c.field} with this id`);
    if (!t) return;
    const cur = t.get();
    const at = cur.indexOf(c.expect);
    if (at < 0 || cur.indexOf(c.expect, at + 1) >= 0) {
      fail(`correction #${n + 1} (${c.id}) is stale: expected ${at < 0 ? '' : 'a unique '}"${c.expect}" in "${cur}"`);
    }
    if (c.replace === undefined && c.text === undefined) fail(`correction #${n + 1} (${c.id}) has neither replace nor text`);
    const next = c.text ?? cur.slice(0, at) + c.replace + cur.slice(at + c.expect.length);
    t.set(next);
    if (t.restoration) t.setRestoration(retokenise(t.restoration, next));
    applied.push(c.id);
  });
  // What parsing read out of the texts is read again from the corrected ones: the documents a legal
  // basis cites (`đổi tên Ban Chỉ đạo …` in a cited decision's title) and those the decision replaces.
  if (applied.length) {
    for (const b of out.decision.bases) b.references = findReferences(b.text);
    out.decision.replaces = effectOf(out.decision.articles, out.regulation).replaces;
  }
  out.provenance.ocr.corrections = [...new Set([...out.provenance.ocr.corrections, ...applied])];
  return out;
}
