/** Test helpers: the real sources, ingested, plus the "nothing is lost" ledger check. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../../src/lib/schema.ts';
import { readManifest, ROOT } from '../../../src/lib/ingest-cli.ts';
import { normaliseSource, splitLines } from '../../../src/lib/normalise/index.ts';
import { readHeading, trimJunk } from '../../../src/lib/parse/headings.ts';

export const manifest = readManifest();
export const sources = manifest.sources.map((entry) => ({
  entry,
  bytes: readFileSync(join(ROOT, 'content/sources', entry.file)),
}));

/** Every element with its span and all of its own text (title, text, tail). */
export function elementIndex(doc: Document): Map<string, { lines: [number, number]; text: string }> {
  const map = new Map<string, { lines: [number, number]; text: string }>();
  const articles = [
    ...doc.decision.articles,
    ...(doc.regulation ? [...doc.regulation.articles, ...doc.regulation.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((s) => s.articles)])] : []),
  ];
  for (const c of doc.regulation?.chapters ?? []) {
    map.set(c.id, { lines: c.lines, text: `Chương ${c.number} ${c.title}` });
    for (const s of c.sections) map.set(s.id, { lines: s.lines, text: `Mục ${s.number} ${s.title}` });
  }
  for (const a of articles) {
    map.set(a.id, { lines: a.lines, text: `Điều ${a.number} ${a.title}` });
    for (const cl of a.clauses) {
      map.set(cl.id, { lines: cl.lines, text: [cl.marker ?? '', cl.text, ...cl.tail].join(' ') });
      for (const p of cl.points) map.set(p.id, { lines: p.lines, text: [p.marker, p.text, ...p.tail].join(' ') });
    }
  }
  for (const b of doc.decision.bases) map.set(b.id, { lines: b.lines, text: b.text });
  return map;
}

// NFC before dropping spaces: a stray combining mark after a space must not compose with the letter before it
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

/**
 * Problems with the ledger: non-blank lines nobody took, discarded lines without a listed reason,
 * element lines outside the element's span or whose words are missing from its text.
 */
export function ledgerProblems(text: string, doc: Document, accounting: Map<number, string>): string[] {
  const problems: string[] = [];
  const elements = elementIndex(doc);
  const discarded = new Map(doc.provenance.discarded.map((d) => [d.line, d]));
  const normalised = new Map(normaliseSource(text).lines.map((l) => [l.n, l.text]));
  splitLines(text).forEach((raw, i) => {
    const n = i + 1;
    if (raw.trim() === '') return;
    const who = accounting.get(n);
    if (!who) { problems.push(`line ${n} not accounted for: ${raw.slice(0, 60)}`); return; }
    if (who.startsWith('discarded:')) {
      if (!discarded.has(n)) problems.push(`line ${n} discarded but not listed in provenance.discarded`);
      return;
    }
    if (who.startsWith('meta:')) return;
    const el = elements.get(who);
    if (!el) { problems.push(`line ${n} assigned to unknown element ${who}`); return; }
    if (n < el.lines[0] || n > el.lines[1]) problems.push(`line ${n} outside span ${el.lines} of ${who}`);
    let line = normalised.get(n) ?? '';
    const h = readHeading(line);
    // a heading line: its number is normalised (`ChuongIl` → II), so only its title must survive
    // (footnote markers glued to a heading are recorded in a diagnostic, not kept in the title)
    if (h && n === el.lines[0]) line = trimJunk(h.title).replace(/(\s*\[\d{1,3}\])+\s*$/, '');
    const words = line.split(/\s+/).slice(-3).join(' ');
    if (words && !squash(el.text).includes(squash(words))) problems.push(`line ${n} text "${words}" missing from ${who}`);
  });
  return problems;
}
