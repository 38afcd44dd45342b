/**
 * The restorer: clean-up passes, candidate generation under the learned channel, evidence from
 * near-duplicate clean texts, and a second-order Viterbi decode with the syllable trigram model.
 * Per-token confidence is the max-marginal posterior of the chosen candidate (forward–backward
 * over the same lattice, max-product), so a token the context does not settle scores low.
 */
import type { DiscardedLine, RestoredToken } from '../schema.ts';
import { foldKey } from '../fold.ts';
import { anchoredAlign } from './align.ts';
import { candidates, channelCost, type Candidate } from './candidates.ts';
import { LINE_PASSES, debrisLine, romanChapterNumerals, type PassContext, type WorkToken } from './cleanup.ts';
import { buildChannel, type Channel, type ConfusionData } from './confusion.ts';
import { detectOcr, type SourceLine } from './detect.ts';
import { BOS, trainLanguageModel, type LanguageModel } from './lm.ts';
import { isFoldedSyllable, isValidSyllable } from './syllable.ts';
import { lmTokens } from './text.ts';
import { cleanWords } from './train.ts';
import bundledConfusion from './data/confusion.json' with { type: 'json' };

/** A source line after restoration, with its tokens (see the token invariant in INTERFACES.md). */
export interface RestoredLine extends SourceLine { tokens?: RestoredToken[] }

/** Options of a restoration run. */
export interface RestoreContext {
  /** Clean NFC texts of OTHER sources (language model, phrase table, abbreviations, alignment). */
  references: string[];
  /** Restore even when detection finds no damage (`--ocr`). */
  force?: boolean;
  /** Confusion counts to use instead of the bundled, learned ones. */
  confusion?: ConfusionData;
  /** Tuning weights (defaults in `WEIGHTS`). */
  weights?: Partial<typeof WEIGHTS>;
}

/** Score weights (natural-log units). */
export const WEIGHTS = {
  /** Channel cost multiplier. */
  channel: 1,
  /** Language-model log-probability multiplier. */
  lm: 1,
  /** Folded phrase-table log-probability multiplier. */
  phrase: 0.5,
  /** Bonus for the reference token at a position aligned on an exact folded match. */
  refExact: 3,
  /** Bonus for the reference token at a position aligned inside a gap. */
  refGap: 1.5,
  /** Cost of keeping an OCR word that is no valid syllable. */
  keep: 11,
  /** Channel cost bound of candidates. */
  bound: 14,
};

/** Tokens under this confidence are listed for reviewers. */
export const LOW_CONFIDENCE = 0.6;

interface Models { lm: LanguageModel; channel: Channel; pass: PassContext }

const modelCache = new Map<string, Models>();

/** Forget cached models (benchmarks measure cold runs). */
export function clearModelCache(): void {
  modelCache.clear();
}

function buildModels(references: string[], confusion: ConfusionData): Models {
  const cacheKey = references.map((r) => r.length + ':' + r.slice(0, 64)).join('|') + '#' + confusion.source + Object.keys(confusion.counts).length;
  const hit = modelCache.get(cacheKey);
  if (hit) return hit;
  const lm = trainLanguageModel(references.map(lmTokens));
  const channel = buildChannel(confusion);
  // Abbreviations: words of 2+ letters with 2+ capitals that are not syllables (UBND, QĐ, TTr).
  const counts = new Map<string, Map<string, number>>();
  for (const r of references) {
    for (const m of r.normalize('NFC').matchAll(/\p{L}+/gu)) {
      const w = m[0];
      if ((w.match(/\p{Lu}/gu) ?? []).length < 2 || (isValidSyllable(w) && w.length > 2)) continue;
      const k = foldKey(w).toUpperCase();
      const c = counts.get(k) ?? new Map<string, number>();
      c.set(w, (c.get(w) ?? 0) + 1);
      counts.set(k, c);
    }
  }
  const abbreviations = new Map<string, string>();
  for (const [k, c] of counts) abbreviations.set(k, [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  // Near matches only among forms that cannot be read as a syllable (`SỐ` is a word, `QĐ` is not).
  const forms = [...abbreviations.values()].filter((f) => !isFoldedSyllable(f));
  const nearestAbbreviation = (s: string, inCode = false): string | null => {
    let best: string | null = null, bestCost = Infinity;
    for (const f of forms) {
      if (Math.abs(f.length - s.length) > 1) continue;
      const c = channelCost(s.toLowerCase(), f.toLowerCase(), channel);
      if (c < bestCost) { bestCost = c; best = f; }
    }
    // Inside a document symbol (after `/`) an abbreviation is certain to be there, so accept worse matches.
    return bestCost <= (inCode ? 2 : 1) * 9 * Math.max(1, s.length / 3) ? best : null;
  };
  // Document-symbol suffixes as printed in clean texts (`QĐ-BCĐ`, `NQ-CP`, `TTr-STTTT`).
  const codes = new Set<string>();
  for (const r of references) for (const m of r.normalize('NFC').matchAll(/\d\s*\/\s*(\p{L}+(?:-\p{L}+)+)/gu)) codes.add(m[1]!);
  const nearestCode = (letters: string): string | null => {
    const segs = letters.split('-');
    let best: string | null = null, bestCost = Infinity, bestExact = 0;
    for (const c of codes) {
      const cs = c.split('-');
      if (cs.length !== segs.length) continue;
      let cost = 0, exact = 0;
      for (let i = 0; i < cs.length && cost < bestCost; i++) {
        if (foldKey(cs[i]!) === foldKey(segs[i]!)) exact++;
        else cost += channelCost(segs[i]!.toLowerCase(), cs[i]!.toLowerCase(), channel);
      }
      if (cost < bestCost) { bestCost = cost; best = c; bestExact = exact; }
    }
    // A symbol whose other segments match exactly may have one badly damaged segment.
    return bestCost <= 12 || (bestExact > 0 && bestCost <= 30) ? best : null;
  };
  const models = { lm, channel, pass: { abbreviations, nearestAbbreviation, nearestCode } };
  modelCache.set(cacheKey, models);
  return models;
}

/** Apply the case pattern of the OCR word to a restored syllable. */
export function applyCase(ocr: string, syllable: string, capsLine: boolean): string {
  const letters = [...ocr].filter((c) => /\p{L}/u.test(c));
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  if (capsLine && letters.length >= 2 && upper === letters.length) return syllable.toUpperCase();
  if (upper === letters.length && letters.length >= 3) return syllable.toUpperCase();
  const first = [...ocr].find((c) => /[\p{L}\p{N}$&¢¥]/u.test(c)) ?? '';
  // Mixed capitals inside a word (`VOl`) are misread letters, not a capitalised word.
  if (upper >= 2 && upper < letters.length && !capsLine) return syllable;
  // 'I' is the commonest misreading of 'l' at the start of a lower-case word.
  if (first === 'I' && syllable.startsWith('l') && letters.length > 1 && upper === 1) return syllable;
  if (first && first !== first.toLowerCase()) return syllable.charAt(0).toUpperCase() + syllable.slice(1);
  return syllable;
}

interface Option { lm: string; score: number; text: string }
interface Step { options: Option[]; slot: number } // slot -1: context only (punctuation, fixed)
interface Slot { line: number; token: number; lead: string; trail: string; core: string; caps: boolean; cands: Candidate[]; keep: boolean; number: boolean; bonus: Map<string, number> }

/** Restore OCR-damaged lines (see INTERFACES.md). Clean input passes through unchanged. */
export function restoreLines(lines: SourceLine[], ctx: RestoreContext): { lines: RestoredLine[]; discarded: DiscardedLine[]; meanConfidence: number; method: string } {
  const detection = detectOcr(lines);
  if (!detection.detected && !ctx.force) {
    return { lines: lines.map((l) => ({ ...l })), discarded: [], meanConfidence: 1, method: 'Không phát hiện lỗi nhận dạng ký tự (OCR); văn bản giữ nguyên.' };
  }
  const W = { ...WEIGHTS, ...ctx.weights };
  const T0 = process.cpuUsage();
  const lap = (what: string) => { if (process.env.OCR_TIMING) { const c = process.cpuUsage(T0); console.error(what, Math.round((c.user + c.system) / 1000)); } };
  const models = buildModels(ctx.references, ctx.confusion ?? (bundledConfusion as ConfusionData));
  lap('models');
  const discarded: DiscardedLine[] = [];
  const kept: Array<{ line: SourceLine; tokens: WorkToken[] }> = [];
  for (const line of lines) {
    if (!line.text.trim()) { kept.push({ line, tokens: [] }); continue; }
    const reason = debrisLine(line.text);
    if (reason) { discarded.push({ line: line.n, text: line.raw, reason }); continue; }
    let tokens: WorkToken[] = line.text.split(/\s+/u).filter(Boolean).map((t) => ({ text: t, ocr: t }));
    for (const [, pass] of LINE_PASSES) tokens = pass(tokens, models.pass);
    kept.push({ line, tokens });
  }
  romanChapterNumerals(kept.map((k) => k.tokens));

  // Build slots and the lattice.
  const slots: Slot[] = [];
  const steps: Step[] = [];
  const candCache = new Map<string, Candidate[]>();
  const push = (lm: string) => steps.push({ options: [{ lm, score: 0, text: '' }], slot: -1 });
  kept.forEach(({ tokens }, li) => {
    const live = tokens.filter((t) => t.text);
    const caps = live.length > 0 && live.filter((t) => /\p{L}/u.test(t.text) && t.text === t.text.toUpperCase()).length >= live.filter((t) => /\p{L}/u.test(t.text)).length * 0.6;
    tokens.forEach((t, ti) => {
      if (!t.text) return;
      if (t.fixed) { for (const x of lmTokens(t.text)) push(x); return; }
      const m = /^([(["]*)(.*?)([,.;:)\]!]*)$/u.exec(t.text)!;
      const core = m[2]!;
      const isNumber = /^\d{1,2}$/u.test(core);
      if (!core || (!/[\p{L}$&¢¥]/u.test(core) && !isNumber) || (/^\d+$/u.test(core) && !isNumber)) {
        t.fixed = true; t.confidence = 1;
        for (const x of lmTokens(t.text)) push(x);
        return;
      }
      for (const c of m[1]!) if (c === '(') push('(');
      const key = core.toLowerCase();
      let cands = candCache.get(key);
      if (!cands) candCache.set(key, (cands = candidates(key, models.channel, 30, W.bound)));
      slots.push({ line: li, token: ti, lead: m[1]!, trail: m[3]!, core, caps, cands: [...cands], keep: !isValidSyllable(core) || isNumber, number: isNumber, bonus: new Map() });
      steps.push({ options: [], slot: slots.length - 1 });
      for (const c of m[3]!) if (',.;:)'.includes(c)) push(c);
    });
  });

  // Context candidates: words the references put after the likely readings of the previous word
  // (`điện` → `tử`), when the channel finds them plausible for this OCR word.
  const firstReading = (s: Slot) => s.cands.slice(0, 12)
    .map((c) => [c.syllable, -c.channel + models.lm.logUnigram(c.syllable)] as const)
    .sort((a, b) => b[1] - a[1]).slice(0, 3).map((x) => x[0]);
  for (let i = 1; i < slots.length; i++) {
    const s = slots[i]!, p = slots[i - 1]!;
    if (p.line !== s.line && p.line + 1 !== s.line) continue;
    const have = new Set(s.cands.map((c) => c.syllable));
    for (const prev of firstReading(p)) {
      for (const w of models.lm.successors(prev)) {
        if (have.has(w) || !isValidSyllable(w)) continue;
        have.add(w);
        const cost = channelCost(s.core.toLowerCase(), w, models.channel);
        if (cost <= W.bound) s.cands.push({ syllable: w, channel: cost });
      }
    }
  }
  lap('candidates');
  // Evidence from near-duplicate references: align first-pass readings with each reference.
  const first = slots.map((s) => {
    let best = s.number ? '#' : s.core.toLowerCase(), bestScore = s.number ? -2 : -W.keep - 12;
    for (const c of s.cands.slice(0, 12)) {
      const sc = -c.channel + models.lm.logUnigram(c.syllable);
      if (sc > bestScore) { bestScore = sc; best = c.syllable; }
    }
    return foldKey(best);
  });
  const levCache = new Map<string, number>();
  const lev = (a: string, b: string) => {
    if (a === b) return 0;
    const k = a + ' ' + b;
    const hit = levCache.get(k);
    if (hit !== undefined) return hit;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    const r = prev[b.length]! / Math.max(a.length, b.length);
    levCache.set(k, r);
    return r;
  };
  for (const ref of ctx.references) {
    const words = cleanWords(ref);
    const keys = words.map(foldKey);
    const pairs = anchoredAlign(first, keys, (i, j) => 2 * lev(first[i]!, keys[j]!), 0.9, 60_000);
    // Only near-duplicates are evidence: most OCR words must find an exact folded partner.
    const exact = pairs.filter(([i, j]) => i >= 0 && j >= 0 && first[i] === keys[j]).length;
    if (exact < 0.4 * slots.length) continue;
    for (const [i, j] of pairs) {
      if (i < 0 || j < 0) continue;
      const s = slots[i]!;
      const r = words[j]!;
      const exactKey = first[i] === keys[j];
      if (!isValidSyllable(r)) continue;
      if (!exactKey && lev(first[i]!, keys[j]!) > 0.5) continue;
      const b = exactKey ? W.refExact : W.refGap;
      if (!s.cands.some((c) => c.syllable === r)) {
        // The OCR is the authority: the reference word must be a plausible reading of it.
        const cost = channelCost(s.core.toLowerCase(), r, models.channel);
        if (cost > W.bound) continue;
        s.cands.push({ syllable: r, channel: cost });
      }
      s.bonus.set(r, Math.max(s.bonus.get(r) ?? 0, b));
    }
  }

  lap('references');
  // Emission options per slot: best candidates by channel + unigram + bonus, plus keeping the OCR word.
  // Pruning looks at the left context too: the best first readings of the previous word.
  const prevReadings = slots.map((s, i) => (i > 0 && slots[i - 1]!.line >= s.line - 1 ? firstReading(slots[i - 1]!) : []));
  for (const st of steps) {
    if (st.slot < 0) continue;
    const s = slots[st.slot]!;
    const prevs = prevReadings[st.slot]!;
    const opts: Option[] = s.cands.map((c) => ({ lm: c.syllable, text: c.syllable, score: -W.channel * c.channel + (s.bonus.get(c.syllable) ?? 0) }));
    // Score each option once (the comparator would otherwise recompute the language model).
    const preScore = new Map<Option, number>();
    for (const o of opts) preScore.set(o, o.score + (prevs.length ? Math.max(...prevs.map((p) => models.lm.logProb(BOS, p, o.lm))) : models.lm.logUnigram(o.lm)));
    const pre = (o: Option) => preScore.get(o)!;
    opts.sort((a, b) => pre(b) - pre(a));
    const top = opts.length ? pre(opts[0]!) : 0;
    const keepN = opts.findIndex((o, i) => i >= 5 || pre(o) < top - 7);
    if (keepN >= 0) opts.length = keepN;
    if (s.keep) opts.push({ lm: s.number ? '<num>' : '<unk>', text: s.core, score: s.number ? -0.5 : -W.keep });
    st.options = opts;
  }

  // Second-order Viterbi with max-marginals.
  const n = steps.length;
  // Transition scores are memoised on interned token ids (numeric keys are much cheaper than strings),
  // and each step's table trans[q][p][c] is computed once and shared by the forward and backward passes.
  const ids = new Map<string, number>([[BOS, 0]]);
  const idOf = (w: string) => {
    let i = ids.get(w);
    if (i === undefined) ids.set(w, (i = ids.size));
    return i;
  };
  const stepIds = steps.map((st) => Int32Array.from(st.options.map((o) => idOf(o.lm))));
  const transMemo = new Map<number, number>();
  const trans = (iu: number, lu: string, iv: number, lv: string, iw: number, lw: string, hasV: boolean) => {
    const key = (iu * 65536 + iv) * 65536 + iw;
    const hit = transMemo.get(key);
    if (hit !== undefined) return hit;
    let s = W.lm * models.lm.logProb(lu, lv, lw);
    if (hasV && W.phrase) {
      const p = models.lm.phrase(lv, lw);
      if (p !== null) s += W.phrase * p;
    }
    transMemo.set(key, s);
    return s;
  };
  const K = (t: number) => (t < 0 || t >= n ? 1 : steps[t]!.options.length);
  const T: Float64Array[] = new Array(n);
  for (let t = 0; t < n; t++) {
    const kpp = K(t - 2), kp = K(t - 1), kc = K(t);
    const tab = new Float64Array(kpp * kp * kc);
    for (let q = 0; q < kpp; q++) {
      const iu = t >= 2 ? stepIds[t - 2]![q]! : 0, lu = t >= 2 ? steps[t - 2]!.options[q]!.lm : BOS;
      for (let p = 0; p < kp; p++) {
        const iv = t >= 1 ? stepIds[t - 1]![p]! : 0, lv = t >= 1 ? steps[t - 1]!.options[p]!.lm : BOS;
        for (let c = 0; c < kc; c++) tab[(q * kp + p) * kc + c] = trans(iu, lu, iv, lv, stepIds[t]![c]!, steps[t]!.options[c]!.lm, t >= 1);
      }
    }
    T[t] = tab;
  }
  // alpha[t][p*K+c]: best score up to t with option p at t-1 and c at t.
  const alpha: Float64Array[] = [];
  for (let t = 0; t < n; t++) {
    const kp = K(t - 1), kc = K(t), kpp = K(t - 2);
    const a = new Float64Array(kp * kc).fill(-Infinity);
    const tab = T[t]!, opts = steps[t]!.options;
    for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) {
      let best = -Infinity;
      for (let q = 0; q < kpp; q++) {
        const prev = t < 2 ? 0 : alpha[t - 1]![q * kp + p]!;
        if (prev === -Infinity) continue;
        const v = prev + tab[(q * kp + p) * kc + c]!;
        if (v > best) best = v;
      }
      a[p * kc + c] = best + opts[c]!.score;
    }
    alpha.push(a);
  }
  // Backward: beta[t][p*K+c] best completion after t given (p at t-1, c at t).
  const beta: Float64Array[] = new Array(n);
  for (let t = n - 1; t >= 0; t--) {
    const kp = K(t - 1), kc = K(t), kn = K(t + 1);
    const b = new Float64Array(kp * kc).fill(t === n - 1 ? 0 : -Infinity);
    if (t < n - 1) {
      const tab = T[t + 1]!, nopts = steps[t + 1]!.options, nb = beta[t + 1]!;
      for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) {
        let best = -Infinity;
        for (let x = 0; x < kn; x++) {
          const v = tab[(p * kc + c) * kn + x]! + nopts[x]!.score + nb[c * kn + x]!;
          if (v > best) best = v;
        }
        b[p * kc + c] = best;
      }
    }
    beta[t] = b;
  }
  const chosen = new Array<number>(n).fill(0);
  const conf = new Array<number>(n).fill(1);
  for (let t = 0; t < n; t++) {
    const kp = K(t - 1), kc = K(t);
    const mm = new Array<number>(kc).fill(-Infinity);
    for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) mm[c] = Math.max(mm[c]!, alpha[t]![p * kc + c]! + beta[t]![p * kc + c]!);
    let best = 0;
    for (let c = 1; c < kc; c++) if (mm[c]! > mm[best]!) best = c;
    let z = 0;
    for (const v of mm) z += Math.exp(v - mm[best]!);
    chosen[t] = best;
    conf[t] = 1 / z;
  }

  lap('decode');
  // Write back.
  for (let t = 0; t < n; t++) {
    const st = steps[t]!;
    if (st.slot < 0) continue;
    const s = slots[st.slot]!;
    const o = st.options[chosen[t]!]!;
    const text = o.lm === '<unk>' || o.lm === '<num>' ? s.core : applyCase(s.core, o.text, s.caps);
    const tok = kept[s.line]!.tokens[s.token]!;
    tok.text = s.lead + text + s.trail;
    tok.confidence = conf[t]!;
  }
  const out: RestoredLine[] = [];
  let sum = 0, count = 0;
  for (const { line, tokens } of kept) {
    const rt: RestoredToken[] = tokens.map((t) => ({ text: t.text.normalize('NFC'), ocr: t.ocr, confidence: round(t.text === '' ? 1 : (t.confidence ?? (t.text === t.ocr ? 1 : 0.9))) }));
    for (const t of rt) if (t.text) { sum += t.confidence; count++; }
    out.push({ ...line, text: rt.filter((t) => t.text !== '').map((t) => t.text).join(' '), tokens: rt });
  }
  return {
    lines: out,
    discarded,
    meanConfidence: count ? round(sum / count) : 1,
    method: 'Khôi phục tự động: lọc nhiễu quét, sinh ứng viên âm tiết theo mô hình nhầm lẫn ký tự học từ dữ liệu, mô hình ngôn ngữ trigram âm tiết và đối chiếu văn bản gần giống; giải mã Viterbi.',
  };
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
