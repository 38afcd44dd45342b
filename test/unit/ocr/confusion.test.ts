import { describe, expect, it } from 'vitest';
import { buildChannel, charAlign, FOLDED_INDEX, learnConfusion, TRUE_CHARS, type ConfusionData } from '../../../src/lib/ocr/confusion.ts';
import { fold } from '../../../src/lib/fold.ts';
import { candidates } from '../../../src/lib/ocr/candidates.ts';
import data from '../../../src/lib/ocr/data/confusion.json' with { type: 'json' };
import { learnFromReferences } from '../../../src/lib/ocr/train.ts';
import { clean, ocrSource } from './helpers.ts';

const learned = data as ConfusionData;

describe('confusion model', () => {
  it('aligns characters, attaching a split to its true char', () => {
    expect(charAlign('tir', 'tử')).toEqual(['t', 'ir']);
    expect(charAlign('s6', 'số')).toEqual(['s', '6']);
    expect(charAlign('piéu', 'điều')).toEqual(['p', 'i', 'é', 'u']);
  });
  it('counts confusions from pairs', () => {
    const d = learnConfusion([['s6', 'số'], ['sb', 'số'], ['Piéu'.toLowerCase(), 'điều']], 'test');
    expect(d.counts['ố']).toEqual({ '6': 1, b: 1 });
    expect(d.counts['đ']).toEqual({ p: 1 });
  });
  it('the committed model was learned from the references and is regenerable', () => {
    const again = learnFromReferences(ocrSource(), [
      { id: 'phu-quoc-2022', text: clean('phu-quoc-2022') },
      { id: 'kien-giang-2019', text: clean('kien-giang-2019') },
    ]);
    expect(again.counts).toEqual(learned.counts);
    expect(learned.source).not.toMatch(/gold/);
  });
  it('has learned the typical scan confusions (Đ→P, ố→6, ư→w, ê→é)', () => {
    expect(learned.counts['đ']!['p']).toBeGreaterThan(5);
    expect(learned.counts['ố']!['6']).toBeGreaterThan(5);
    expect(learned.counts['ư']!['w']).toBeGreaterThan(2);
    expect(learned.counts['ê']!['é']).toBeGreaterThan(20);
  });
  it('cost rows are the smoothed estimate (counts + 3 × prior) / (total + 3), identity floored at 0.2, for every true char and output', () => {
    const base = (c: string) => fold(c).toLowerCase();
    // Outputs of every kind, and every output (0–3 chars) of the scan's words. (Outputs the counts never
    // show share a row per shape: 'abc'/'abd' and 'éq'/'èq'/'eq' come one after another, so a shared row
    // must fit each of them; 'xq'/'xz', '¢¥'/'¥¢' must not share.)
    const outs = new Set(['', 'a', 'é', 'd', 'p', '6', '&', 'ir', 'dp', 'li', 'xq', 'xz', 'abc', 'abd', 'qqq', 'éq', 'èq', 'eq', '¢¥', '¥¢', 'đ', 'ư', 'ươ', 'Q']);
    for (const w of ocrSource().toLowerCase().split(/\s+/u)) {
      const b = [...w];
      for (let j = 0; j < b.length; j++) for (let k = 1; k <= 3 && j + k <= b.length; k++) outs.add(b.slice(j, j + k).join(''));
    }
    expect(outs.size).toBeGreaterThan(1000);
    // The bundled counts, and counts learned from one source (other totals, other outputs seen).
    const loo = learnFromReferences(ocrSource(), [{ id: 'phu-quoc-2022', text: clean('phu-quoc-2022') }]);
    for (const counts of [learned, loo]) {
      const ch = buildChannel(counts);
      let all = 0;
      const garbage = new Map<string, number>();
      for (const [t, row] of Object.entries(counts.counts)) for (const [out, c] of Object.entries(row)) {
        all += c;
        if (out !== t && ![...out].some((x) => base(x) === base(t))) garbage.set(out, (garbage.get(out) ?? 0) + c);
      }
      for (const out of outs) {
        const row = ch.costRow(out), chars = [...out];
        const folded = new Map<number, number>();
        TRUE_CHARS.forEach((t, i) => {
          const total = Object.values(counts.counts[t] ?? {}).reduce((a, b) => a + b, 0);
          const g = ((garbage.get(out) ?? 0) + 0.05 / chars.length ** 2) / Math.max(all, 1000);
          const prior = out === t ? 0.6 : !chars.length ? 0.01 : chars.length === 1 && base(out) === base(t) ? 0.04 : chars.length === 2 && chars.some((c) => base(c) === base(t)) ? 0.002 : g;
          let p = ((counts.counts[t]?.[out] ?? 0) + 3 * prior) / (total + 3);
          if (out === t) p = Math.max(p, 0.2);
          expect(row[i], `${t} → "${out}"`).toBe(-Math.log(p));
          const f = FOLDED_INDEX.get(base(t))!;
          folded.set(f, Math.min(folded.get(f) ?? Infinity, -Math.log(p)));
        });
        // The folded row: the least cost over the chars of each folded letter.
        for (const [f, c] of folded) expect(ch.foldedRow(out)[f], `${f} → "${out}"`).toBe(c);
      }
    }
  });
  it('costs follow the data, not a flat edit distance', () => {
    const ch = buildChannel(learned);
    expect(ch.cost('ố', '6')).toBeLessThan(ch.cost('ố', 'x'));
    expect(ch.word('piéu', 'điều')).toBeLessThan(ch.word('piéu', 'kiều'));
    expect(ch.word('s6', 'số')).toBeLessThan(ch.word('s6', 'sáu'));
  });
  it('generates candidates that contain the right syllable', () => {
    const ch = buildChannel(learned);
    const top = (w: string) => candidates(w, ch).slice(0, 12).map((c) => c.syllable);
    expect(top('sb')).toContain('số');
    expect(top('cia')).toContain('của');
    expect(top('ddng')).toContain('động');
    expect(top('chuyén')).toContain('chuyển');
    expect(top('phwong')).toContain('phương');
  });
});
