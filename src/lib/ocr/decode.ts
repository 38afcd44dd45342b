/**
 * Decoding of the restoration lattice: an exact second-order Viterbi over the options of each step
 * with the syllable trigram model (plus the folded phrase table on bigrams), and max-marginals from
 * a forward and a backward pass over the same lattice (max-product), giving each step's chosen
 * option and its confidence (the chosen option's share of exp(max-marginal) over all options).
 */
import type { LanguageModel } from './lm.ts';
import { BOS } from './lm.ts';

/** One reading of a step: language-model token (and its id in the model, `LanguageModel.id`), emission score (log units) and output text. */
export interface Option { lm: string; id: number; score: number; text: string }
/** A lattice step: its options; slot -1 marks a context-only step (punctuation, fixed tokens). */
export interface Step { options: Option[]; slot: number }

/** Weights the decoder uses: language-model and phrase-table multipliers. */
export interface DecodeWeights { lm: number; phrase: number }

/** Best option per step (`chosen`, index into options) and its max-marginal confidence (`conf`). */
export function decode(steps: Step[], lm: LanguageModel, W: DecodeWeights): { chosen: number[]; conf: number[] } {
  const n = steps.length;
  // The model's word ids (possibly negative) are renumbered densely from 0 for small numeric memo
  // keys, and each step's table trans[q][p][c] is computed once and shared by the forward and backward passes.
  const bos = lm.id(BOS);
  const ids = new Map<number, number>([[bos, 0]]);
  const idOf = (w: number) => {
    let i = ids.get(w);
    if (i === undefined) ids.set(w, (i = ids.size));
    return i;
  };
  const stepIds = steps.map((st) => Int32Array.from(st.options.map((o) => idOf(o.id))));
  // Contexts (u v) are looked up once per pair of ids. When the trigram context was never seen the
  // score does not depend on u, so it is memoised on (v, w) and shared by every u.
  type Ctx = ReturnType<LanguageModel['context']>;
  const ctxMemo = new Map<number, Ctx>();
  const contextOf = (iu: number, lu: number, iv: number, lv: number): Ctx => {
    const key = iu * 65536 + iv;
    let c = ctxMemo.get(key);
    if (!c) ctxMemo.set(key, (c = lm.contextId(lu, lv)));
    return c;
  };
  const pairMemo = new Map<number, number>();
  const score = (ctx: Ctx, lv: number, lw: number, hasV: boolean) => {
    let s = W.lm * ctx.logProbId(lw);
    if (hasV && W.phrase) {
      const p = lm.phraseId(lv, lw);
      if (p !== null) s += W.phrase * p;
    }
    return s;
  };
  const trans = (ctx: Ctx, iv: number, lv: number, iw: number, lw: number, hasV: boolean) => {
    if (ctx.trigram) return score(ctx, lv, lw, hasV);
    const key = iv * 65536 + iw;
    let s = pairMemo.get(key);
    if (s === undefined) pairMemo.set(key, (s = score(ctx, lv, lw, hasV)));
    return s;
  };
  const K = (t: number) => (t < 0 || t >= n ? 1 : steps[t]!.options.length);
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
    for (let q = 0; q < kpp; q++) {
      const iu = t >= 2 ? stepIds[t - 2]![q]! : 0, lu = t >= 2 ? steps[t - 2]!.options[q]!.id : bos;
      for (let p = 0; p < kp; p++) {
        const iv = t >= 1 ? stepIds[t - 1]![p]! : 0, lv = t >= 1 ? steps[t - 1]!.options[p]!.id : bos;
        const ctx = contextOf(iu, lu, iv, lv);
        for (let c = 0; c < kc; c++) T[to + (q * kp + p) * kc + c] = trans(ctx, iv, lv, stepIds[t]![c]!, steps[t]!.options[c]!.id, t >= 1);
      }
    }
  }
  // alpha[t][p*K+c]: best score up to t with option p at t-1 and c at t.
  const alpha = new Float64Array(abOff[n]!).fill(-Infinity);
  for (let t = 0; t < n; t++) {
    const kp = K(t - 1), kc = K(t), kpp = K(t - 2);
    const to = tOff[t]!, ao = abOff[t]!, po = t >= 1 ? abOff[t - 1]! : 0, opts = steps[t]!.options;
    for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) {
      let best = -Infinity;
      for (let q = 0; q < kpp; q++) {
        const prev = t < 2 ? 0 : alpha[po + q * kp + p]!;
        if (prev === -Infinity) continue;
        const v = prev + T[to + (q * kp + p) * kc + c]!;
        if (v > best) best = v;
      }
      alpha[ao + p * kc + c] = best + opts[c]!.score;
    }
  }
  // Backward: beta[t][p*K+c] best completion after t given (p at t-1, c at t).
  const beta = new Float64Array(abOff[n]!);
  for (let t = n - 1; t >= 0; t--) {
    const kp = K(t - 1), kc = K(t), kn = K(t + 1);
    const bo = abOff[t]!;
    if (t === n - 1) { beta.fill(0, bo, bo + kp * kc); continue; }
    const to = tOff[t + 1]!, nopts = steps[t + 1]!.options, nbo = abOff[t + 1]!;
    for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) {
      let best = -Infinity;
      for (let x = 0; x < kn; x++) {
        const v = T[to + (p * kc + c) * kn + x]! + nopts[x]!.score + beta[nbo + c * kn + x]!;
        if (v > best) best = v;
      }
      beta[bo + p * kc + c] = best;
    }
  }
  const chosen = new Array<number>(n).fill(0);
  const conf = new Array<number>(n).fill(1);
  for (let t = 0; t < n; t++) {
    const kp = K(t - 1), kc = K(t), o = abOff[t]!;
    const mm = new Array<number>(kc).fill(-Infinity);
    for (let p = 0; p < kp; p++) for (let c = 0; c < kc; c++) mm[c] = Math.max(mm[c]!, alpha[o + p * kc + c]! + beta[o + p * kc + c]!);
    let best = 0;
    for (let c = 1; c < kc; c++) if (mm[c]! > mm[best]!) best = c;
    let z = 0;
    for (const v of mm) z += Math.exp(v - mm[best]!);
    chosen[t] = best;
    conf[t] = 1 / z;
  }

  return { chosen, conf };
}
