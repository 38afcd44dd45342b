import { describe, expect, it } from 'vitest';
import { buildChannel, type ConfusionData } from '../../../src/lib/ocr/confusion.ts';
import { candidates, candidatesWith, channelCost, channelCostWithin, searchInternals } from '../../../src/lib/ocr/candidates.ts';
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

  it("gives each candidate's index in allSyllables() (the language model's ids of unseen syllables rest on it)", () => {
    let found = 0;
    for (const w of words.slice(0, 8)) {
      const got = candidatesWith(w, ch, 30, 14, (syllable, index, channel) => ({ syllable, index, channel }));
      found += got.length;
      for (const c of got) expect(syllables[c.index]).toBe(c.syllable);
      expect(got.map((c) => [c.syllable, c.channel])).toEqual(candidates(w, ch).map((c) => [c.syllable, c.channel]));
    }
    expect(found).toBeGreaterThan(50);
  });

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

  it('with a beam, finds exactly the syllables within the beam of the best one that scoring every syllable finds', () => {
    let cut = 0;
    for (const w of words) {
      const all = syllables.map((s) => ({ s, c: ch.word(w, s) })).sort((a, b) => a.c - b.c);
      for (const beam of [3, 5]) {
        const got = candidates(w, ch, 30, 14, beam);
        const best = all[0]!.c;
        const within = (b: number) => all.filter((x) => x.c <= Math.min(b, best + beam));
        const expected = within(9).length >= 12 ? within(9) : within(14);
        expect(got.length, `${w}, beam ${beam}`).toBe(Math.min(30, expected.length));
        for (const g of got) {
          expect(g.channel, `${w} → ${g.syllable}`).toBe(ch.word(w, g.syllable));
          expect(g.channel, `${w} → ${g.syllable}`).toBeLessThanOrEqual(best + beam);
        }
        const last = got.length ? got[got.length - 1]!.channel : 14;
        const names = new Set(got.map((g) => g.syllable));
        for (const x of expected) if (x.c < last) expect(names.has(x.s), `${w}: ${x.s} (${x.c}) missing, beam ${beam}`).toBe(true);
        // Without the beam the list is longer where the beam cuts it, and the same up to the cut.
        const wide = candidates(w, ch, 30, 14);
        expect(wide.slice(0, got.length).map((c) => c.syllable)).toEqual(got.map((c) => c.syllable));
        if (wide.length > got.length) cut++;
      }
    }
    expect(cut).toBeGreaterThan(10);
  });

  it('scores any target string as the channel DP does, including letters outside syllables', () => {
    for (const [w, t] of [['ubnd', 'ubnd'], ['qd', 'qđ'], ['s6', 'số'], ['tir', 'tử'], ['zx', 'fwj']] as const) {
      expect(channelCost(w, t, ch)).toBe(ch.word(w, t));
    }
    // Sampled words against syllables spread over the list, and targets mixing in chars outside syllables.
    let n = 0;
    words.forEach((w, i) => {
      for (let k = 0; k < 40; k++) {
        const t = syllables[(i * 7919 + k * 104729) % syllables.length]!;
        for (const target of [t, t + 'z', 'w' + t]) { expect(channelCost(w, target, ch), `${w} → ${target}`).toBe(ch.word(w, target)); n++; }
      }
    });
    expect(n).toBeGreaterThan(2000);
  });

  it('bounds a cost: the channel cost when within the bound, else Infinity, whatever bounds were asked before', () => {
    // A fresh channel, so that the memo of exceeded bounds starts empty; bounds asked in an order that
    // exercises it (a target first known to exceed a small bound, then asked with a larger one).
    const fresh = buildChannel(data as ConfusionData);
    let within = 0, over = 0;
    words.forEach((w, i) => {
      for (let k = 0; k < 20; k++) {
        const t = syllables[(i * 7919 + k * 104729) % syllables.length]!;
        const exact = ch.word(w, t);
        for (const bound of [4, 24, 14, 9, 24]) {
          const got = channelCostWithin(w, t, fresh, bound);
          if (exact <= bound) { expect(got, `${w} → ${t} within ${bound}`).toBe(exact); within++; }
          else { expect(got, `${w} → ${t} over ${bound}`).toBe(Infinity); over++; }
        }
        expect(channelCost(w, t, fresh)).toBe(exact);
      }
    });
    expect(within).toBeGreaterThan(100);
    expect(over).toBeGreaterThan(100);
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

  it('minimises the trie into an automaton with the same completions below every node', () => {
    const T = searchInternals.trie();
    const n = T.letter.length;
    // Completions (folded letter strings, '' for a syllable end) below each trie node, and from each automaton state.
    const below: string[][] = new Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const out = T.wordStart[i + 1]! > T.wordStart[i]! ? [''] : [];
      for (let x = T.kidStart[i]!; x < T.kidStart[i + 1]!; x++) for (const s of below[T.kids[x]!]!) out.push(String.fromCharCode(65 + T.letter[T.kids[x]!]!) + s);
      below[i] = out.sort();
    }
    const lang = new Map<number, string[]>();
    const of = (st: number): string[] => {
      let l = lang.get(st);
      if (l) return l;
      l = T.final[st] ? [''] : [];
      for (let e = T.edgeStart[st]!; e < T.edgeStart[st + 1]!; e++) {
        const x = T.edges[e]!;
        expect(T.stepTarget[x]!).toBeLessThan(st);
        for (const s of of(T.stepTarget[x]!)) l.push(String.fromCharCode(65 + T.stepLetter[x]!) + s);
      }
      lang.set(st, (l = l.sort()));
      return l;
    };
    for (let i = 0; i < n; i++) {
      expect(of(T.state[i]!)).toEqual(below[i]);
      if (i > 0) {
        expect(T.stepLetter[T.stepOf[i]!]).toBe(T.letter[i]);
        expect(T.stepTarget[T.stepOf[i]!]).toBe(T.state[i]);
      }
    }
    // Far fewer states than nodes (what makes a word's completion tables cheap).
    expect(T.final.length).toBeLessThan(n / 10);
  });

  it("tabulates each word's completion costs: the least folded cost of the syllables below a node", () => {
    const T = searchInternals.trie();
    const { dpStep } = searchInternals;
    const n = T.letter.length;
    const depthOf = new Int32Array(n), parent = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) for (let x = T.kidStart[i]!; x < T.kidStart[i + 1]!; x++) { parent[T.kids[x]!] = i; depthOf[T.kids[x]!] = depthOf[i]! + 1; }
    for (const w of words.slice(0, 12)) {
      const tabs = searchInternals.wordTables(w, ch);
      const m = tabs.m, W = m + 1;
      const { below, step } = tabs.completions();
      // Folded rows of every node (the search's DP), then the cheapest syllable end at or below each node, brute force.
      const rows = new Float64Array(n * W).fill(Infinity);
      rows[0] = 0;
      for (let i = 1; i < n; i++) dpStep(rows, parent[i]! * W, tabs.folded, T.letter[i]! * tabs.stride, rows, i * W, m);
      const atOrBelow = new Float64Array(n).fill(Infinity), strictlyBelow = new Float64Array(n).fill(Infinity);
      for (let i = n - 1; i >= 0; i--) {
        if (T.wordStart[i + 1]! > T.wordStart[i]!) atOrBelow[i] = rows[i * W + m]!;
        for (let x = T.kidStart[i]!; x < T.kidStart[i + 1]!; x++) strictlyBelow[i] = Math.min(strictlyBelow[i]!, atOrBelow[T.kids[x]!]!);
        atOrBelow[i] = Math.min(atOrBelow[i]!, strictlyBelow[i]!);
      }
      let tight = 0, finite = 0;
      for (let i = 0; i < n; i++) {
        let b = Infinity, a = Infinity;
        for (let j = 0; j <= m; j++) b = Math.min(b, rows[i * W + j]! + below[T.state[i]! * W + j]!);
        if (i > 0) for (let j = 0; j <= m; j++) a = Math.min(a, rows[parent[i]! * W + j]! + step[T.stepOf[i]! * W + j]!);
        // Equal up to the order the costs are added in.
        if (strictlyBelow[i] === Infinity) expect(b, `${w} node ${i}`).toBe(Infinity);
        else { expect(Math.abs(b - strictlyBelow[i]!), `${w} node ${i}`).toBeLessThan(1e-9); finite++; if (b === strictlyBelow[i]) tight++; }
        if (i > 0 && atOrBelow[i] === Infinity) expect(a, `${w} node ${i}`).toBe(Infinity);
        else if (i > 0) expect(Math.abs(a - atOrBelow[i]!), `${w} node ${i}`).toBeLessThan(1e-9);
      }
      expect(finite).toBeGreaterThan(0);
      expect(tight).toBeGreaterThan(finite / 2);
    }
  });

  it("takes a word's completion costs from the columns of its suffixes, whichever words computed them first", () => {
    // Words of the scan that share suffixes with other words (tinh/thinh/chinh...): each word's tables
    // after every other word of its group was prepared under the same channel, against a fresh channel.
    const all = new Set<string>();
    for (const t of ocrSource().split(/\s+/u)) {
      const core = /^[(["]*(.*?)[,.;:)\]!]*$/u.exec(t)![1]!;
      if (core && /[\p{L}$&¢¥]/u.test(core)) all.add(core.toLowerCase());
    }
    const byEnd = new Map<string, string[]>();
    for (const w of all) { const e = [...w].slice(-2).join(''); if ([...w].length >= 3) (byEnd.get(e) ?? byEnd.set(e, []).get(e)!).push(w); }
    const groups = [...byEnd.values()].filter((g) => g.length >= 3).slice(0, 25);
    expect(groups.length).toBeGreaterThan(10);
    let shared = 0;
    for (const g of groups) {
      const chShared = buildChannel(data as ConfusionData);
      for (const w of g) {
        const a = searchInternals.wordTables(w, chShared).completions();
        const step = a.step.slice(), below = a.below.slice();
        const b = searchInternals.wordTables(w, buildChannel(data as ConfusionData)).completions();
        const W = [...w].length + 1, T = searchInternals.trie();
        expect(step.subarray(0, T.stepLetter.length * W), w).toEqual(b.step.subarray(0, T.stepLetter.length * W));
        expect(below.subarray(0, T.final.length * W), w).toEqual(b.below.subarray(0, T.final.length * W));
        shared++;
      }
    }
    expect(shared).toBeGreaterThan(50);
  });
});
