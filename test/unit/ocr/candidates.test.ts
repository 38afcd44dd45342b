import { describe, expect, it } from 'vitest';
import { buildChannel, type ConfusionData } from '../../../src/lib/ocr/confusion.ts';
import { candidates, channelCost } from '../../../src/lib/ocr/candidates.ts';
import { allSyllables } from '../../../src/lib/ocr/syllable.ts';
import data from '../../../src/lib/ocr/data/confusion.json' with { type: 'json' };
import { CLEAN, clean, ocrSource, read } from './helpers.ts';
import { damageText, learnDamage } from '../../../src/lib/ocr/damage.ts';
import { learnFromReferences } from '../../../src/lib/ocr/train.ts';
import { referenceCandidates } from './reference-search.ts';

// Real OCR words: every 23rd distinct word of the scan (clean, damaged, digits and symbols alike).
function sample(): string[] {
  const words = new Set<string>();
  for (const t of ocrSource().split(/\s+/u)) {
    const core = /^[(["]*(.*?)[,.;:)\]!]*$/u.exec(t)![1]!;
    if (core && /[\p{L}$&¢¥]/u.test(core)) words.add(core.toLowerCase());
  }
  return [...words].filter((_, i) => i % 23 === 0);
}

describe('candidate search (trie, bounds, shared prefixes)', () => {
  const ch = buildChannel(data as ConfusionData);
  const syllables = allSyllables();
  const words = sample();

  it('finds exactly what scoring every syllable with the plain channel DP finds', () => {
    expect(words.length).toBeGreaterThan(20);
    for (const w of words) {
      const got = candidates(w, ch);
      // Brute force: the channel's own word DP against all 16,844 syllables.
      const all = syllables.map((s) => ({ s, c: ch.word(w, s) })).sort((a, b) => a.c - b.c);
      const within = (b: number) => all.filter((x) => x.c <= b);
      const expected = within(9).length >= 12 ? within(9) : within(14);
      expect(got.length, w).toBe(Math.min(30, expected.length));
      // Same costs, increasing; every syllable strictly cheaper than the last one kept is there.
      for (const g of got) expect(g.channel, `${w} → ${g.syllable}`).toBe(ch.word(w, g.syllable));
      for (let i = 1; i < got.length; i++) expect(got[i]!.channel).toBeGreaterThanOrEqual(got[i - 1]!.channel);
      const last = got.length ? got[got.length - 1]!.channel : 14;
      const names = new Set(got.map((g) => g.syllable));
      for (const x of expected) if (x.c < last) expect(names.has(x.s), `${w}: ${x.s} (${x.c}) missing`).toBe(true);
    }
  });

  it('scores any target string as the channel DP does, including letters outside syllables', () => {
    for (const [w, t] of [['ubnd', 'ubnd'], ['qd', 'qđ'], ['s6', 'số'], ['tir', 'tử'], ['zx', 'fwj']] as const) {
      expect(channelCost(w, t, ch)).toBe(ch.word(w, t));
    }
  });

  it('returns what the depth-first search it replaced returns, on every distinct word of the scan and of damaged texts', () => {
    // The real scan and the four clean sources damaged as the benchmark does (its four seeds): some 2,500 distinct words.
    const damage = learnDamage(ocrSource(), read('test/fixtures/gold/kien-giang-2022.dev.md'));
    const texts = [ocrSource(), ...CLEAN.flatMap((id) => [12345, 1, 777, 2026].map((seed) => damageText(clean(id), damage, seed)))];
    const distinct = new Set<string>();
    for (const t of texts) for (const tok of t.split(/\s+/u)) {
      const core = /^[(["]*(.*?)[,.;:)\]!]*$/u.exec(tok)![1]!;
      if (core && /[\p{L}$&¢¥]/u.test(core)) distinct.add(core.toLowerCase());
    }
    expect(distinct.size).toBeGreaterThan(2000);
    // The bundled channel, and a leave-one-out one as the benchmark builds (another cost landscape).
    const loo = buildChannel(learnFromReferences(ocrSource(), [{ id: 'phu-quoc-2022', text: clean('phu-quoc-2022') }]));
    let differ = 0, compared = 0;
    for (const channel of [ch, loo]) {
      for (const w of distinct) {
        const got = candidates(w, channel), want = referenceCandidates(w, channel);
        compared++;
        if (JSON.stringify(got) !== JSON.stringify(want)) { differ++; expect(got, w).toEqual(want); }
      }
    }
    // Other limits and bounds (a bound under the tight one, a short list).
    for (const w of [...distinct].filter((_, i) => i % 7 === 0)) {
      expect(candidates(w, ch, 5, 14), w).toEqual(referenceCandidates(w, ch, 5, 14));
      expect(candidates(w, ch, 30, 6), w).toEqual(referenceCandidates(w, ch, 30, 6));
    }
    expect(compared).toBe(2 * distinct.size);
    expect(differ).toBe(0);
  }, 120_000);
});
