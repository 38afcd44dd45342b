import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignDocuments } from '../../src/lib/align.ts';
import type { Alignable } from '../../src/lib/align.ts';
import { diffText, redlineAlignment } from '../../src/lib/diff.ts';
import type { ArticleRedline } from '../../src/lib/diff.ts';
import { detectRenames, hunks, markRenames, substantiveStats } from '../../src/lib/renames.ts';

const load = (id: string): Alignable => JSON.parse(readFileSync(new URL(`../../content/regulations/${id}.json`, import.meta.url), 'utf8'));
const rl = (id: string, old: string, neu: string): ArticleRedline => {
  const parts = diffText(old, neu);
  return { from: id, to: id, title: [], clauses: [{ from: 'k', to: 'k', parts }], stats: { del: 0, ins: 0, eq: 0 } };
};

describe('detectRenames', () => {
  it('finds a substitution recurring in several articles, not a one-off change', () => {
    const redlines = [
      rl('dieu-1', 'Ủy ban nhân dân tỉnh giao cho Sở.', 'Ủy ban nhân dân thành phố giao cho Phòng.'),
      rl('dieu-2', 'báo cáo Ủy ban nhân dân tỉnh kịp thời', 'báo cáo Ủy ban nhân dân thành phố kịp thời'),
    ];
    const subs = detectRenames(redlines);
    expect(subs.map((s) => [s.from, s.to, s.articles])).toEqual([['tỉnh', 'thành phố', ['dieu-1', 'dieu-2']]]);
    const marked = markRenames(redlines, subs);
    // hiding renames leaves only the substantive change of dieu-1 (Sở → Phòng)
    expect(substantiveStats(marked[1]!)).toEqual({ del: 0, ins: 0 });
    expect(substantiveStats(marked[0]!)).toEqual({ del: 1, ins: 1 });
  });

  it('on the real Kiên Giang 2019 → Phú Quốc 2022 pair: the programme rename and "Trưởng Ban Chỉ đạo" → "Trưởng ban"', () => {
    const a = load('kien-giang-2019');
    const b = load('phu-quoc-2022');
    const subs = detectRenames(redlineAlignment(a, b, alignDocuments(a, b)));
    const pairs = subs.map((s) => `${s.from} → ${s.to}`);
    expect(pairs).toContain(' → , chuyển đổi số và đô thị thông minh của Tỉnh, Thành phố');
    expect(pairs).toContain('Ban Chỉ đạo → ban');
    for (const s of subs) expect(s.articles.length).toBeGreaterThanOrEqual(2);
  });

  it('hunks groups consecutive changes', () => {
    expect(hunks([{ op: 'eq', text: 'a' }, { op: 'del', text: ' b' }, { op: 'ins', text: ' c' }, { op: 'eq', text: ' d' }])).toEqual([
      { del: ' b', ins: ' c', idx: [1, 2] },
    ]);
  });
});
