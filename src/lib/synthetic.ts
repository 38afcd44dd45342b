/**
 * Synthetic corpus for benchmarks: documents recombined and perturbed from the articles of real ones
 * (deterministic, seeded). Each synthetic work has several versions, each derived from the previous one by
 * edits that the comparison must handle: reworded clauses, a dropped clause, a new article, a swap.
 */
import { documentArticles } from './align.ts';
import type { Alignable } from './align.ts';
import type { Article } from './schema.ts';
import { rng } from './random.ts';

/** A benchmark document: alignable, with its work id. */
export type SynthDoc = Alignable & { work: string };

function renumber(arts: Article[]): Article[] {
  return arts.map((a, i) => ({ ...a, id: `dieu-${i + 1}`, number: String(i + 1), clauses: a.clauses.map((c, k) => ({ ...c, id: `dieu-${i + 1}-khoan-${k + 1}`, points: [] })) }));
}

function perturbText(text: string, r: () => number): string {
  const w = text.split(' ');
  if (w.length < 6) return text;
  const i = Math.floor(r() * (w.length - 3));
  const op = r();
  if (op < 0.4) w.splice(i, 2); // delete two syllables
  else if (op < 0.8) w.splice(i, 0, 'và', 'các', 'đơn', 'vị'); // insert a phrase
  else [w[i], w[i + 1]] = [w[i + 1]!, w[i]!]; // swap
  return w.join(' ');
}

/** Next version of a document: some clauses reworded, maybe one dropped, maybe one article added or swapped. */
export function nextVersion(doc: SynthDoc, pool: Article[], r: () => number, id: string): SynthDoc {
  let arts = documentArticles(doc).map((a) => ({
    ...a,
    clauses: a.clauses
      .filter(() => r() > 0.05)
      .map((c) => (r() < 0.3 ? { ...c, text: perturbText(c.text, r) } : c)),
  }));
  if (r() < 0.5) arts.splice(Math.floor(r() * arts.length), 0, pool[Math.floor(r() * pool.length)]!);
  if (r() < 0.3 && arts.length > 3) {
    const i = Math.floor(r() * (arts.length - 1));
    [arts[i], arts[i + 1]] = [arts[i + 1]!, arts[i]!];
  }
  arts = renumber(arts);
  return { id, work: doc.work, regulation: { chapters: [{ articles: arts, sections: [] } as never], articles: [] } };
}

/**
 * `n` documents grouped in works of `versions` versions: the first version of each work takes 10–15
 * articles at random from the real corpus (kept in their order), the next ones follow with nextVersion.
 */
export function syntheticCorpus(real: Alignable[], n: number, versions = 3, seed = 1): SynthDoc[] {
  const r = rng(seed);
  const pool = real.flatMap((d) => documentArticles(d));
  const out: SynthDoc[] = [];
  for (let w = 0; out.length < n; w++) {
    const k = 10 + Math.floor(r() * 6);
    const picks = [...pool.keys()].sort(() => r() - 0.5).slice(0, k).sort((x, y) => x - y).map((i) => pool[i]!);
    let doc: SynthDoc = { id: `synth-${w}-1`, work: `synth-${w}`, regulation: { chapters: [{ articles: renumber(picks), sections: [] } as never], articles: [] } };
    out.push(doc);
    for (let v = 2; v <= versions && out.length < n; v++) {
      doc = nextVersion(doc, pool, r, `synth-${w}-${v}`);
      out.push(doc);
    }
  }
  return out;
}
