/**
 * Decoding of the restoration lattice: an exact second-order Viterbi over the options of each step
 * with the syllable trigram model (plus the folded phrase table on bigrams), and max-marginals from
 * a forward and a backward pass over the same lattice (max-product), giving each step's chosen
 * option and its confidence (the chosen option's share of exp(max-marginal) over all options).
 */
import type { LanguageModel } from './lm.ts';
import { BOS } from './lm.ts';
import { PairTable } from './pairtable.ts';

/** One reading of a step: language-model token (and its id in the model, `LanguageModel.id`), emission score (log units) and output text. */
export interface Option { lm: string; id: number; score: number; text: string }
/** A lattice step: its options; slot -1 marks a context-only step (punctuation, fixed tokens). */
export interface Step { options: Option[]; slot: number }

/** Weights the decoder uses: language-model and phrase-table multipliers. */
export interface DecodeWeights { lm: number; phrase: number }

/** Best option per step (`chosen`, index into options) and its max-marginal confidence (`conf`). */
export function decode(steps: Step[], lm: LanguageModel, W: DecodeWeights): { chosen: number[]; conf: number[] } {
  const n = steps.length;
  // Each step's table trans[q][p][c] is computed once and shared by the forward and backward passes.
  const bos = lm.id(BOS);
  // Per step: its options' model ids and emission scores, flat (step t's at optOff[t]), and the
  // option counts with 1 for the steps before the first and after the last (`K`).
  const optOff = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) optOff[t + 1] = optOff[t]! + steps[t]!.options.length;
  const model = new Int32Array(optOff[n]!), emit = new Float64Array(optOff[n]!);
  for (let t = 0; t < n; t++) {
    const opts = steps[t]!.options, o0 = optOff[t]!;
    for (let c = 0; c < opts.length; c++) { const o = opts[c]!; model[o0 + c] = o.id; emit[o0 + c] = o.score; }
  }
  const kOf = new Int32Array(n + 3).fill(1); // kOf[t + 2] = K(t) for t in -2 … n
  for (let t = 0; t < n; t++) kOf[t + 2] = steps[t]!.options.length;
  // Contexts (u v) come from the model's own memo. When the trigram context was never seen the
  // score does not depend on u, so it is memoised on the model ids (v, w) and shared by every u.
  const pairMemo = new PairTable(1024);
  const K = (t: number) => kOf[t + 2]!;
  // Flat tables (no per-step allocation): step t's transition table starts at tOff[t], its alpha and
  // beta rows at abOff[t].
  const tOff = new Int32Array(n + 1), abOff = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    tOff[t + 1] = tOff[t]! + K(t - 2) * K(t - 1) * K(t);
    abOff[t + 1] = abOff[t]! + K(t - 1) * K(t);
  }
  const T = new Float64Array(tOff[n]!);
  for (let t = 0; t < n; t++) {
    const kpp = K(t - 2), kp = K(t - 1), kc = K(t);
    const to = tOff[t]!;
    const uo = t >= 2 ? optOff[t - 2]! : -1, vo = t >= 1 ? optOff[t - 1]! : -1, wo = optOff[t]!;
    for (let q = 0; q < kpp; q++) {
      const lu = uo >= 0 ? model[uo + q]! : bos;
      for (let p = 0; p < kp; p++) {
        const lv = vo >= 0 ? model[vo + p]! : bos;
        const ctx = lm.contextId(lu, lv);
        const at = to + (q * kp + p) * kc;
        for (let c = 0; c < kc; c++) {
          const lw = model[wo + c]!;
          let m = -1;
          if (!ctx.trigram) { m = pairMemo.find(lv, lw); if (m >= 0) { T[at + c] = pairMemo.vals[m]!; continue; } }
          let s = W.lm * ctx.logProbId(lw);
          if (t >= 1 && W.phrase) {
            const ph = lm.phraseId(lv, lw);
            if (ph !== null) s += W.phrase * ph;
          }
          if (!ctx.trigram) pairMemo.set(lv, lw, s);
          T[at + c] = s;
        }
      }
    }
  }
  // alpha[t][p*K+c]: best score up to t with option p at t-1 and c at t.
  const alpha = new Float64Array(abOff[n]!).fill(-Infinity);
  for (let t = 0; t < n; t++) {
    const kp = K(t - 1), kc = K(t), kpp = K(t - 2);
    const to = tOff[t]!, ao = abOff[t]!, po = t >= 1 ? abOff[t - 1]! : 0, wo = optOff[t]!;
    for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) {
      let best = -Infinity;
      for (let q = 0; q < kpp; q++) {
        const prev = t < 2 ? 0 : alpha[po + q * kp + p]!;
        if (prev === -Infinity) continue;
        const v = prev + T[to + (q * kp + p) * kc + c]!;
        if (v > best) best = v;
      }
      alpha[ao + p * kc + c] = best + emit[wo + c]!;
    }
  }
  // Backward: beta[t][p*K+c] best completion after t given (p at t-1, c at t).
  const beta = new Float64Array(abOff[n]!);
  for (let t = n - 1; t >= 0; t--) {
    const kp = K(t - 1), kc = K(t), kn = K(t + 1);
    const bo = abOff[t]!;
    if (t === n - 1) { beta.fill(0, bo, bo + kp * kc); continue; }
    const to = tOff[t + 1]!, no = optOff[t + 1]!, nbo = abOff[t + 1]!;
    for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) {
      let best = -Infinity;
      for (let x = 0; x < kn; x++) {
        const v = T[to + (p * kc + c) * kn + x]! + emit[no + x]! + beta[nbo + c * kn + x]!;
        if (v > best) best = v;
      }
      beta[bo + p * kc + c] = best;
    }
  }
  const chosen = new Array<number>(n).fill(0);
  const conf = new Array<number>(n).fill(1);
  let mm = new Float64Array(16);
  for (let t = 0; t < n; t++) {
    const kp = K(t - 1), kc = K(t), o = abOff[t]!;
    if (mm.length < kc) mm = new Float64Array(2 * kc);
    mm.fill(-Infinity, 0, kc);
    for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) mm[c] = Math.max(mm[c]!, alpha[o + p * kc + c]! + beta[o + p * kc + c]!);
    let best = 0;
    for (let c = 1; c < kc; c++) if (mm[c]! > mm[best]!) best = c;
    let z = 0;
    for (let c = 0; c < kc; c++) z += Math.exp(mm[c]! - mm[best]!);
    chosen[t] = best;
    conf[t] = 1 / z;
  }

  return { chosen, conf };
}
