import { beforeAll, describe, expect, it } from 'vitest';
import { detectOcr, INVALID_THRESHOLD, restoreLines } from '../../../src/lib/ocr/index.ts';
import { GARBLED_MIN } from '../../../src/lib/ocr/detect.ts';
import { damageMarks, damageSplits, damageTones, damageWords, learnDamage } from '../../../src/lib/ocr/damage.ts';
import { fold } from '../../../src/lib/fold.ts';
import { documentDamage, LOW_CONFIDENCE, pinSteps, unreadable } from '../../../src/lib/ocr/restore.ts';
import type { Step } from '../../../src/lib/ocr/decode.ts';
import { syllableErrorRate } from '../../../src/lib/ocr/ser.ts';
import { learnFromReferences } from '../../../src/lib/ocr/train.ts';
import snippets from '../../fixtures/ocr/snippets.json' with { type: 'json' };
import { CLEAN, clean, lines, ocrSource, read, restoreWith } from './helpers.ts';

const refs = CLEAN.map(clean);

describe('detection', () => {
  it('detects the OCR source by itself', () => {
    const d = detectOcr(lines(ocrSource()));
    expect(d.detected).toBe(true);
    expect(d.invalidShare).toBeGreaterThan(0.3);
  });
  it.each(CLEAN)('does not flag the clean source %s', (id) => {
    const d = detectOcr(lines(clean(id)));
    expect(d.detected).toBe(false);
    expect(d.invalidShare).toBeLessThan(0.01);
    expect(d.garbledShare).toBe(0);
  });
  // Kiên Giang 2019, Điều 10.2 (clean), with OCR forms of the real scan put in for some of its words.
  const sentence = 'Việc sử dụng kinh phí bảo đảm hoạt động của Ban Chỉ đạo thực hiện theo quy định của Luật Ngân sách nhà nước và các văn bản hướng dẫn thi hành. Trường hợp có phát sinh các nội dung chi đặc thù chưa có tiêu chuẩn, định mức, chế độ chi, Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính để xem xét hoặc trình cấp có thẩm quyền xem xét, quyết định.';
  const garble = (n: number) => {
    const forms: Array<[string, string]> = [['thực hiện', 'thực hién'], ['tiêu chuẩn', 'tiéu chuẩn'], ['quyết định.', 'quyét định.'], ['nhà nước', 'nhà nuéc'], ['hướng dẫn', 'huớng dẫn']];
    let t = sentence;
    for (const [a, b] of forms.slice(0, n)) t = t.replace(a, b);
    return t;
  };
  it(`needs ${GARBLED_MIN} garbled words (accented, no syllable) before it flags a text by them`, () => {
    const below = detectOcr(lines(garble(GARBLED_MIN - 1)));
    expect(below.garbledShare).toBeGreaterThan(0);
    expect(below.detected).toBe(false);
    const at = detectOcr(lines(garble(GARBLED_MIN)));
    expect(at.invalidShare).toBeLessThan(INVALID_THRESHOLD);
    expect(at.detected).toBe(true);
  });
  it('does not count names that break the syllable rules, glued words or unaccented typos as garbled', () => {
    const text = 'Ủy ban nhân dân tỉnh Đắk Lắk, huyện Krông Pắc, tỉnh Bắc Kạn và tỉnh Kon Tum phối hợp.Sở Thông tin và Truyền thông chủ trì,đôn đốc cập nhật website, email; tronh thời hạn quy định.';
    expect(detectOcr(lines(text)).garbledShare).toBe(0);
  });
  it('detects a scan that misreads only tones (2 % of the words, every word still a syllable) by its syllables no word uses', () => {
    for (const id of CLEAN) {
      const text = clean(id);
      const damaged = damageTones(text, 0.02, 12345);
      expect(syllableErrorRate(text, damaged).ser).toBeGreaterThan(0.01);
      const d = detectOcr(lines(damaged));
      expect(d.invalidShare).toBe(detectOcr(lines(text)).invalidShare);
      expect(d.detected).toBe(true);
    }
  });
  it('detects a lightly damaged scan (3 % of the words damaged) by its garbled words, and restoring it removes most errors', () => {
    const damage = learnDamage(ocrSource(), read('test/fixtures/gold/kien-giang-2022.dev.md'));
    const text = clean('bac-giang-2021');
    const damaged = damageWords(text, damage, 0.03, 31);
    const d = detectOcr(lines(damaged));
    expect(d.invalidShare).toBeLessThan(INVALID_THRESHOLD);
    expect(d.detected).toBe(true);
    const before = syllableErrorRate(text, damaged).ser;
    const out = restoreLines(lines(damaged), { references: CLEAN.filter((x) => x !== 'bac-giang-2021').map(clean) });
    const after = syllableErrorRate(text, out.lines.map((l) => l.text).join('\n')).ser;
    expect(before).toBeGreaterThan(0.015);
    expect(after).toBeLessThan(before / 3);
  }, 60_000);
  it("detects another scan's damage, marks changed within their vowel (10 % of the vowels), and restores it to under 0.6 % SER", () => {
    // (Before gluedPair stopped cutting such words, `hìện` → `hì ện`, this text restored to 0.95 %.)
    const text = clean('bac-giang-2021');
    const damaged = damageMarks(text, 0.1, 31);
    expect(fold(damaged)).toBe(fold(text));
    expect(syllableErrorRate(text, damaged).ser).toBeGreaterThan(0.1);
    expect(detectOcr(lines(damaged)).detected).toBe(true);
    const out = restoreLines(lines(damaged), { references: CLEAN.filter((x) => x !== 'bac-giang-2021').map(clean) });
    expect(syllableErrorRate(text, out.lines.map((l) => l.text).join('\n')).ser).toBeLessThan(0.006);
  }, 60_000);
  it('rejoins the words a scan cut with a space (3 % of the words: Phú Quốc 2022, seed 31) to under a fifth of their errors', () => {
    // (Before joinSplitWord, restoring such a text left most of them: 4.8 % → 3.3 % SER on average.)
    const text = clean('phu-quoc-2022');
    const damaged = damageSplits(text, 0.03, 31);
    expect(damaged.replace(/ /gu, '')).toBe(text.replace(/ /gu, ''));
    const before = syllableErrorRate(text, damaged).ser;
    expect(detectOcr(lines(damaged)).detected).toBe(true);
    const out = restoreLines(lines(damaged), { references: CLEAN.filter((x) => x !== 'phu-quoc-2022').map(clean) });
    expect(syllableErrorRate(text, out.lines.map((l) => l.text).join('\n')).ser).toBeLessThan(before / 5);
  }, 60_000);
});

describe('trusting the words a lighter scan prints right', () => {
  // n slots whose OCR word is a syllable printed right with channel probability p; the first
  // `overruled` of them read as something else by the first pass.
  const lattice = (n: number, overruled: number, p: number) => {
    const slots = Array.from({ length: n }, (_, i) => ({ lower: `w${i}`, number: false, cands: [{ syllable: `w${i}`, channel: -Math.log(p) }, { syllable: `v${i}`, channel: 3 }] }));
    const steps: Step[] = slots.map((s, i) => ({ slot: i, options: s.cands.map((c, k) => ({ lm: c.syllable, id: k, score: 0, text: c.syllable })) }));
    return { steps, slots, chosen: slots.map((_, i) => (i < overruled ? 1 : 0)) };
  };
  it('estimates the damaged share: about the overruled share for a lighter document, 1 where the channel explains every word', () => {
    const light = lattice(100, 5, Math.exp(-1));
    const l = documentDamage(light.steps, light.slots, light.chosen);
    expect(l).toBeGreaterThan(0.05);
    expect(l).toBeLessThan(0.1);
    const clean = lattice(100, 0, Math.exp(-1));
    expect(documentDamage(clean.steps, clean.slots, clean.chosen)).toBe(0.001);
    const heavy = lattice(100, 60, 1);
    expect(documentDamage(heavy.steps, heavy.slots, heavy.chosen)).toBeGreaterThan(0.999);
    const all = lattice(10, 10, 0.5);
    expect(documentDamage(all.steps, all.slots, all.chosen)).toBe(1);
  });
  it('leaves numbers out of the estimate', () => {
    const x = lattice(20, 10, 0.5);
    for (let i = 0; i < 10; i++) x.slots[i]!.number = true;
    expect(documentDamage(x.steps, x.slots, x.chosen)).toBeLessThan(0.01);
  });
  it('forced through the restorer, a clean text keeps more of its words than with the channel alone', () => {
    const text = clean('phu-quoc-2022');
    const others = CLEAN.filter((x) => x !== 'phu-quoc-2022').map(clean);
    const errors = (weights: object) => syllableErrorRate(text, restoreLines(lines(text), { references: others, force: true, weights }).lines.map((l) => l.text).join('\n')).edits;
    const trusted = errors({}), alone = errors({ trust: 0 });
    expect(trusted).toBeLessThan(alone);
    expect(trusted).toBeLessThanOrEqual(6);
  }, 60_000);
  it('keeps the printed case of the words a trusted document reads as printed (Bình Định: `Sở Công Thương`, `Công an tỉnh`, not `công`)', () => {
    const text = clean('binh-dinh-2021');
    const others = CLEAN.filter((x) => x !== 'binh-dinh-2021').map(clean);
    const caseOnly = (weights: object) => syllableErrorRate(text, restoreLines(lines(text), { references: others, force: true, weights }).lines.map((l) => l.text).join('\n'))
      .errors.filter(([g, o]) => g && o && g !== o && g.toLowerCase() === o.toLowerCase());
    expect(caseOnly({ trust: 0 }).length).toBeGreaterThan(0);
    expect(caseOnly({})).toEqual([]);
  }, 60_000);
});

describe('decoding real snippets of the OCR source', () => {
  it.each(snippets.map((s) => [s.line, s] as const))('line %i restores to the gold text', (_, s) => {
    const r = restoreLines(s.ocr.map((t, i) => ({ n: i + 1, text: t, raw: t })), { references: refs, force: true });
    expect(r.lines.map((l) => l.text).join(' ')).toBe(s.gold);
  });
});

describe('stage timings', () => {
  it('reports every stage once, in order, with non-decreasing CPU times, without changing the output', () => {
    const s = snippets[0]!;
    const input = s.ocr.map((t, i) => ({ n: i + 1, text: t, raw: t }));
    const seen: Array<[string, number]> = [];
    const r = restoreLines(input, { references: refs, force: true, timing: (stage, ms) => seen.push([stage, ms]) });
    expect(seen.map(([stage]) => stage)).toEqual(['detect', 'models', 'cleanup', 'search', 'candidates', 'references', 'emission', 'decode1', 'cands2', 'emit2', 'decode', 'case', 'output']);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![1]).toBeGreaterThanOrEqual(seen[i - 1]![1]);
    expect(r.lines).toEqual(restoreLines(input, { references: refs, force: true }).lines);
  });
});

describe('the whole OCR source', () => {
  let restored: ReturnType<typeof restoreLines>;
  beforeAll(() => {
    restored = restoreLines(lines(ocrSource()), { references: refs });
  }, 60_000);
  it('keeps the token invariant and provenance on every line', () => {
    for (const l of restored.lines) {
      if (!l.tokens) continue;
      expect(l.text).toBe(l.tokens.filter((t) => t.text !== '').map((t) => t.text).join(' '));
      for (const t of l.tokens) {
        expect(t.confidence).toBeGreaterThanOrEqual(0);
        expect(t.confidence).toBeLessThanOrEqual(1);
      }
    }
    const ocrWords = ocrSource().split(/\s+/).filter(Boolean).join(' ');
    const kept = restored.lines.flatMap((l) => l.tokens ?? []).map((t) => t.ocr).filter(Boolean).join(' ')
      + ' ' + restored.discarded.map((d) => d.text.trim()).join(' ');
    // Every OCR token is accounted for (kept in a token's `ocr` or in a discarded line).
    for (const w of ocrWords.split(' ')) expect(kept).toContain(w);
  });
  it('discards debris lines with a reason and keeps both printed numbers', () => {
    expect(restored.discarded.map((d) => d.reason)).toContain('page-number');
    const text = restored.lines.map((l) => l.text).join('\n');
    expect(text).toContain('40 /QĐ-BCĐ');
    expect(text).toContain('10 /QĐ-BCĐ');
    expect(text).toContain('ngày 09 tháng 4 năm 2022');
    expect(text).toContain('05/4/2022');
  });
  it('reports a mean confidence below 1 and low-confidence tokens exist', () => {
    expect(restored.meanConfidence).toBeLessThan(1);
    expect(restored.meanConfidence).toBeGreaterThan(0.5);
  });
  it('reads the same when the second pass works on every word (`pin: 0`): it pins only what the first pass read confidently', () => {
    const unpinned = restoreLines(lines(ocrSource()), { references: refs, weights: { pin: 0 } });
    expect(unpinned.lines.map((l) => l.text)).toEqual(restored.lines.map((l) => l.text));
  }, 60_000);
  it('is idempotent: restoring the restored text changes nothing', () => {
    const again = restoreLines(restored.lines.map(({ n, text }) => ({ n, text, raw: text })), { references: refs });
    expect(again.lines.map((l) => l.text)).toEqual(restored.lines.map((l) => l.text));
  });
});

describe('context candidates after a number', () => {
  it("proposes the words the references put after numbers (`ngày 22 thanng 11`: `tháng`, not `thẳng`; `ngày 19 tang 6`: not `tầng`), Phú Quốc 2022's references", () => {
    const refs = ['kien-giang-2019', 'bac-giang-2021', 'binh-dinh-2021'];
    expect(restoreWith(refs, 'chinh quyen dia phuong ngay 22 thanng 11 ndm 2019;')).toBe('chính quyền địa phương ngày 22 tháng 11 năm 2019;');
    expect(restoreWith(refs, 'Luat Td chuc chinh quyén dia phuong ngay 19 tang 6 nam 2015;')).toBe('Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;');
  });
});

describe('forced restoration (--ocr) of clean text', () => {
  it('leaves almost every syllable of a clean source alone', () => {
    const id = 'bac-giang-2021';
    const text = clean(id);
    const r = restoreLines(lines(text), { references: refs.filter((_, i) => CLEAN[i] !== id), force: true });
    const s = syllableErrorRate(text, r.lines.map((l) => l.text).join('\n'));
    expect(s.ser).toBeLessThan(0.01);
  }, 60_000);
});

describe('clean passthrough', () => {
  it.each(CLEAN)('%s passes through unchanged with confidence 1', (id) => {
    const input = lines(clean(id));
    const r = restoreLines(input, { references: refs.filter((_, i) => CLEAN[i] !== id) });
    expect(r.lines.map((l) => l.text)).toEqual(input.map((l) => l.text));
    expect(r.meanConfidence).toBe(1);
    expect(r.discarded).toEqual([]);
  });
});

describe('context and pruning (real lines of the OCR source)', () => {
  const restore = (...ls: string[]) => restoreWith(CLEAN, ls);
  it('reads a badly damaged word the references put after the previous one (17: `dién nr` → `điện tử`)', () => {
    expect(restore('vé mét s6 nhiém vu, gidi | phdp trong tdm phdt trién Chinh phi dién nr giai dogn')).toContain('Chính phủ điện tử giai đoạn');
  });
  it('keeps a slash after a word (`01 quy/ lin`: `01 quý/ lần`, once a quarter; synthetic Kiên Giang 2019, line 157)', () => {
    // (Before, the slash went into the word and the channel dropped it. Whether `quy` is read `quý`
    // here is the language model's business: without Kiên Giang 2019 it reads `quy`.)
    expect(restoreWith(CLEAN.filter((x) => x !== 'kien-giang-2019'), '1. Ban Chi dao hop dinh ky t6 chirc hop 01 quy/ lin, Ban Chi dao co thé hop dot xuét')).toMatch(/họp 01 qu[yý]\/ lần,/u);
    expect(restoreWith(CLEAN, 'hop 01 quý/ lần, Ban')).toBe('họp 01 quý/ lần, Ban');
  });
  it('keeps the end-of-text mark outside the word (363: `quyét dinh./.`)', () => {
    expect(restore('dao xem xét, quyét dinh./.')).toMatch(/quyết định\.\/\.$/u);
  });
});

describe('words the channel puts past its bound', () => {
  // Kiên Giang 2019 with another scan's damage (tone and hook marks moved within their vowel), line 193:
  // `qụyêt` (a mark under the `u` of `qu`) had no candidate within the bound, and its step no option.
  it('searches a word of accented letters again with a wider bound instead of leaving it without a reading', () => {
    expect(restoreWith(CLEAN.filter((x) => x !== 'kien-giang-2019'), 'Trưởng Ban Chỉ đạo xem xét, qụyêt đinh./.')).toMatch(/quyết định\.\/\.$/u);
  });
  it('keeps a word as printed when nothing is within the bound (a step always has an option)', () => {
    // (With a bound of 0.1 hardly a word has a candidate; before, such a step made decoding throw.)
    const out = restoreWith(CLEAN, 'Trưởng Ban xem xét, quyết định.', { bound: 0.1 });
    expect(out.split(' ')).toHaveLength(6);
    // `qụyêt` has none even at twice the bound: it is kept as printed, in its place.
    expect(restoreWith(CLEAN, 'Trưởng Ban xem xét, qụyêt định.', { bound: 0.1 }).split(' ')[4]).toBe('qụyêt');
  });
  it('lists a word kept as printed that no abbreviation or code can spell under the low-confidence threshold (`r6ngil`, `qụyêt`)', () => {
    // (Synthetic Phú Quốc 2022 scan, seed 12345, line 183: the decoder was sure to keep `r6ngil`, confidence 1.)
    const restore = (text: string, weights = {}) => {
      const r = restoreLines(lines(text), { references: CLEAN.filter((x) => x !== 'phu-quoc-2022').map(clean), force: true, weights });
      return (o: string) => r.lines.flatMap((l) => l.tokens ?? []).find((t) => t.ocr === o)!;
    };
    // (A bound of 0.1 leaves these words without a reading, so each is kept as printed.)
    const tok = restore('cudc hop mé r6ngil c6 su tham gia, qụyêt định.\n- Email: PVHTT.', { bound: 0.1 });
    for (const o of ['r6ngil', 'qụyêt']) {
      expect(tok(o).text).toBe(o);
      expect(tok(o).confidence).toBeLessThan(LOW_CONFIDENCE);
    }
    // A word that may be printed so (`Email`) is not flagged for that.
    expect(tok('Email:').text).toBe('Email:');
    expect(tok('Email:').confidence).toBe(1);
  });
  it('unreadable: accented letters that are no syllable, or digits between small letters', () => {
    expect(['Trurwéng', 'TRURWÉNG', 'r6ngil', 'qụyêt'].map(unreadable)).toEqual([true, true, true, true]);
    expect(['UBND', 'LĐVP', 'HĐND', 'TTr', '01b', '36a', 'Email', 'PVHTT'].map(unreadable)).toEqual([false, false, false, false, false, false, false, false]);
  });
});

describe('words read as digits', () => {
  it('reads `kinh té 56,` as `kinh tế số,` (Bắc Giang 2021 damaged, line 77, restored without Bắc Giang)', () => {
    const line = '2. Truc tiép chi pao hoat ddng cai cach hanh chinh; xay dyng, phat trién chinh quyé&n pién tu hurong tdi chinh quyém sd, kinh té 56, x4 h6i so; xdy dung do thi théng minh tinh Bic Giang.';
    expect(restoreWith(['kien-giang-2019', 'phu-quoc-2022', 'binh-dinh-2021'], line)).toContain('kinh tế số, xã hội số;');
  });
});

describe('signature block', () => {
  it("reads a signer's title in capitals (Bình Định 2021 damaged, line 67: `KT.TRUDNG BAN` → `KT. TRƯỞNG BAN`)", () => {
    expect(restoreWith(['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021'], 'KT.TRUDNG BAN')).toBe('KT. TRƯỞNG BAN');
    expect(restoreWith(['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021'], 'TRUDNG BAN')).toBe('TRƯỞNG BAN');
  });
  it("reads `UDND` in a signer's title as UBND, the abbreviation one letter off that the channel finds likeliest (not HĐND, nor the word `UÔNG`)", () => {
    // (Synthetic Kiên Giang 2019 and Bình Định 2021 scans, seeds 93 and 66: `CHỦ TỊCH UÔNG TỈNH`.)
    expect(restoreWith(['phu-quoc-2022', 'bac-giang-2021', 'binh-dinh-2021'], 'CHU TICH UDND TINH')).toBe('CHỦ TỊCH UBND TỈNH');
  });
  it("reads seven capitals that are one letter off one word as that word (`KT.TRURONG BAN` → `KT. TRƯỞNG BAN`, not `TRỰC RỘNG`)", () => {
    // (Synthetic Bình Định 2021 scan, seed 88.)
    expect(restoreWith(['kien-giang-2019', 'phu-quoc-2022', 'bac-giang-2021'], 'KT.TRURONG BAN')).toBe('KT. TRƯỞNG BAN');
  });
});

describe('second pass', () => {
  it('pins a word read with confidence ≥ the threshold whose neighbours were too (punctuation counts as sure), keeping only its chosen option', () => {
    const opt = (lm: string) => ({ lm, id: 0, score: 0, text: lm });
    const step = (slot: number, ...lms: string[]): Step => ({ slot, options: lms.map(opt) });
    // ban · chỉ · đạo · , · chuyển · đổi  (confidences 1, 1, 0.98, –, 1, 1)
    const make = () => [step(0, 'ban', 'bản'), step(1, 'chi', 'chỉ'), step(2, 'đạo', 'dạo'), step(-1, ','), step(3, 'chuyên', 'chuyển'), step(4, 'đổi', 'đối')];
    const conf = [1, 1, 0.98, 1, 1, 1];
    const steps = make(), chosen = [0, 1, 0, 0, 1, 0];
    const pinned = pinSteps(steps, chosen, conf, 0.99);
    // `chỉ` and `chuyển` have an unsure neighbour (`đạo`; `,` is sure, `đạo` is two away from `chuyển`).
    expect([...pinned]).toEqual([1, 0, 0, 0, 1, 1]);
    expect(steps.map((s) => s.options.map((o) => o.lm).join('|'))).toEqual(['ban', 'chi|chỉ', 'đạo|dạo', ',', 'chuyển', 'đổi']);
    expect(chosen).toEqual([0, 1, 0, 0, 0, 0]);
    expect([...pinSteps(make(), [0, 1, 0, 0, 1, 0], conf, 0)]).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it('proposes the successors of words only the first pass found (22: `(goi 1t Ia Ban` → `(gọi tắt là Ban`)', () => {
    const r = restoreLines([{ n: 1, text: 'dao Chuyén déi sé tinh Kién Giang (goi 1t Ia Ban Chi dao).', raw: '' }], { references: refs, force: true });
    expect(r.lines[0]!.text).toContain('(gọi tắt là Ban Chỉ đạo)');
  });
  it('proposes the predecessors of the next word for a damaged word (`sb th2nh pho`: `số thành phố`, not `số tỉnh phố`)', () => {
    // Synthetic Phú Quốc 2022 (seed 12345, line 123: `Tinh, Th2nh ph6`), restored as the benchmark does:
    // without Phú Quốc in the references and in the confusion training. The channel puts `thành` past the
    // bound for `th2nh`, and the previous word `số` vouches only for `tỉnh` (`Chuyển đổi số tỉnh`).
    const refIds = CLEAN.filter((x) => x !== 'phu-quoc-2022');
    const confusion = learnFromReferences(ocrSource(), [{ id: 'kien-giang-2019', text: clean('kien-giang-2019') }]);
    const read = (weights = {}) => restoreLines(lines('Ban Chi dao Chuyén d6i sb th2nh pho Phu Quoc'), { references: refIds.map(clean), confusion, force: true, weights }).lines[0]!.text;
    expect(read()).toBe('Ban Chỉ đạo Chuyển đổi số thành phố Phú Quốc');
    expect(read({ before: 1e9, beforeAgain: 0 })).toContain('số tỉnh phố');
    // Each pass's predecessors alone find it (the first pass was unsure of `tỉnh`, so the second looks again).
    expect(read({ beforeAgain: 0 })).toBe('Ban Chỉ đạo Chuyển đổi số thành phố Phú Quốc');
    expect(read({ before: 1e9 })).toBe('Ban Chỉ đạo Chuyển đổi số thành phố Phú Quốc');
  });
  const restore = (ls: string[], weights = {}) => restoreWith(CLEAN, ls, weights);
  it('searches further for the words the first pass was unsure of (205: `kiém tra, dén dbc` → `kiểm tra, đôn đốc`)', () => {
    const line = ['2. G1up Ban Chi dao theo doi, kiém tra, dén dbc, huéng dan cac sd, ban,'];
    expect(restore(line)).toContain('kiểm tra, đôn đốc, hướng dẫn');
    // `đôn` is not among the first 30 candidates of `dén` (nor the second pass's predecessors of `đốc`).
    expect(restore(line, { widen: 0, beforeAgain: 0 })).not.toContain('đôn đốc');
  });
  it('keeps more options per word in the second pass, so widened candidates do not crowd out a context candidate (231–234: `& xuat` → `đề xuất`)', () => {
    const ls = ocrSource().split(/\r?\n/).slice(230, 234);
    expect(ls[2]).toMatch(/^1\. Nghién clru, & xuat/u);
    expect(restore(ls)).toContain('1. Nghiên cứu, đề xuất việc');
    // (With the channel at its full weight the widened `gỡ`, `ý`, `tế` outscore `đề` locally; at the
    // default 0.8 these lines keep `đề` with 5 options too.)
    expect(restore(ls, { channel: 1 })).toContain('1. Nghiên cứu, đề xuất việc');
    // (Without the next word's predecessors, which propose `đề` before `xuất` on their own.)
    expect(restore(ls, { channel: 1, options2: 5, before: 1e9, beforeAgain: 0 })).not.toContain('đề xuất');
    expect(restore(ls, { channel: 1, options2: 5 })).toContain('đề xuất');
    // At the default weights too (lines 187–188: `nhiém vu du’O'(;)` → `nhiệm vụ được`, with 5 options
    // not). (Lines 19–21, `va déi tén` → `và đổi`, showed it until the cities joined the gazetteer, 174891c.)
    const tail = ocrSource().split(/\r?\n/).slice(186, 188);
    expect(tail[0]).toMatch(/nhiém vu du’O'\(;\)$/u);
    expect(restore(tail)).toContain('nhiệm vụ được');
    expect(restore(tail, { options2: 5 })).not.toContain('nhiệm vụ được');
    const renamed = ocrSource().split(/\r?\n/).slice(18, 21);
    expect(renamed[2]).toMatch(/^kién toan va déi tén/u);
    expect(restore(renamed)).toContain('kiện toàn và đổi');
  });
});

describe('case at the start of a body', () => {
  // Bình Định 2021 Điều 6 under a scan's layout (synthetic: `Sở` read `5d`), restored without Bình Định.
  const refs = CLEAN.filter((x) => x !== 'binh-dinh-2021');
  const body = '5d Th6ng tin va Truyén thdng la co quan thudng truc cua Ban Chi dao, co trach nhiém trién khai cac nhiém vu sau:';
  it('decides the case of the first word after a heading line and a blank line as after a full stop (`5d` → `Sở`, not a continuation of the title)', () => {
    const out = restoreWith(refs, ['Diéu 6. Co quan thudng truc Ban Chi dao', '', body]);
    expect(out).toMatch(/^Điều 6\. Cơ quan thường trực Ban Chỉ đạo +Sở Thông tin/u);
  });
  it("cases an article title's first word as after a full stop, where the scan lost its first letter (`Điều 6. y viên`, synthetic Bắc Giang scan seed 21)", () => {
    const bg = CLEAN.filter((x) => x !== 'bac-giang-2021');
    expect(restoreWith(bg, ['Diéu 6. y vién Ban Chi dao', '', '1. Tham muu gitip Truong ban'])).toMatch(/^Điều 6\. Ủy viên Ban Chỉ đạo/u);
  });
  it('decides so after a short line in capitals and a blank line too: the regulation title after `QUY CHẾ` (synthetic Kiên Giang 2019 scan seed 1246, its first letter lost: `oat dong`)', () => {
    const kg = CLEAN.filter((x) => x !== 'kien-giang-2019');
    const title = 'oat dong cta Ban Chi dao Chinh quyén dién t1 tinh Kién Giang';
    expect(restoreWith(kg, ['QUY CHÉ', '', title])).toMatch(/^QUY CHẾ +Hoạt động của Ban Chỉ đạo/u);
    expect(restoreWith(kg, ['QUY CHÉ', title])).toMatch(/^QUY CHẾ +hoạt động của Ban Chỉ đạo/u);
  });
  it('but not after a line as long as the text (a paragraph that wraps) nor without a blank line (a title that wraps)', () => {
    const long = 'Diéu 6. Co quan thudng truc Ban Chi dao trién khai cac nhiém vu cua Ban Chi dao va cac';
    expect(restoreWith(refs, [long, '', body])).toMatch(/các +sở Thông tin/u);
    expect(restoreWith(refs, ['Diéu 6. Co quan thudng truc Ban Chi dao', body])).toMatch(/đạo sở Thông tin/u);
  });
});

describe("a document's own case by letters whose capital has the small letter's shape", () => {
  // Kiên Giang 2019 under a scan's layout (seed 1236), restored without Kiên Giang 2019: the other references
  // write `chính quyền` in small letters, this document `Chính quyền` after `Ban Chỉ đạo`.
  const kg = CLEAN.filter((x) => x !== 'kien-giang-2019');
  const own = ['thanh lip Ban Chi dao Chinh quyén dién tv tinh Kién Giang;', 'Hoat déng cua Ban Chi dao Chinh quyén dién tu tinh Kién Giang', 'cong tac cua Ban Chi dao Chinh quyén dién tv tinh Kién Giang'];
  it('takes the document usage, counted where such a letter is clear, for a damaged one (`REhinh` in the title: Chính); without it, the references decide', () => {
    expect(restoreWith(kg, ['Ban Chi dao REhinh quyén dién t1 tinh Kién Giang', '', ...own])).toMatch(/^Ban Chỉ đạo Chính quyền điện tử/u);
    expect(restoreWith(kg, ['Ban Chi dao REhinh quyén dién t1 tinh Kién Giang'])).toMatch(/^Ban Chỉ đạo chính quyền điện tử/u);
  });
});

describe('stamp debris at the end of a line in capitals', () => {
  // The real scan's debris shapes (`N`, `NG`: damage.ts SCAN_DEBRIS) after a heading in capitals, as the scan layout puts them.
  it('drops a last word of consonants the decoder reads only with low confidence, and keeps a damaged word the context vouches for', () => {
    expect(restoreWith(CLEAN, 'TRUONG BAN CHI DAO CHUYEN DOI SO N')).toBe('TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ');
    expect(restoreWith(CLEAN, 'TRUONG BAN CHI DAO CHUYEN DOI SO THANH PHO PHU QUOC NG')).toBe('TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ THÀNH PHỐ PHÚ QUỐC');
    expect(restoreWith(CLEAN, 'BAN CHI DAO CHUYEN DOI SB')).toBe('BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ');
    expect(restoreWith(CLEAN, 'BAN CHI DAO VA T')).toBe('BAN CHỈ ĐẠO VÀ TỔ');
    // Its OCR stays in the provenance, as a removed token.
    const out = restoreLines(lines('QUYEN DIEN TU TINH N'), { references: refs, force: true });
    expect(out.lines[0]!.tokens!.at(-1)).toMatchObject({ text: '', ocr: 'N' });
  });
});
