import { describe, expect, it } from 'vitest';
import { buildChannel, charAlign, learnConfusion, type ConfusionData } from '../../../src/lib/ocr/confusion.ts';
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
