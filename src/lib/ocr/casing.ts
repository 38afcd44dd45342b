/**
 * Case model: how often clean texts capitalise a syllable after a given previous token (`Ban` →
 * `Chỉ` capitalised, `chỉ` lower-case elsewhere; `về` never capitalised mid-sentence). The OCR often
 * says nothing reliable about case (a first letter read as a digit or symbol `1uật`, `¢hi`; mixed
 * capitals `TIy`; `I` for `l`; and C/O/S/V/X/W/Z whose capitals have the shape of the small letters),
 * and there the restorer asks this model instead.
 */
import { wordTokens } from './text.ts';

/** Counts of capitalised and total occurrences. */
interface Tally { cap: number; total: number }

/** A case model trained on clean texts. */
export interface CaseModel {
  /**
   * Probability that syllable `w` (lower case) is capitalised after the previous token `prev` (lower
   * case word, punctuation mark, `<num>`, or `<s>` at the start of a text), with the number of
   * observations it rests on; null when the texts never show `w` in a comparable position (after a
   * full stop, a word never seen there gets the rate of every word there).
   */
  capital(prev: string, w: string): { p: number; n: number } | null;
  /** Whether `w` is a word the texts write in small letters mid-sentence always (at least 10 times, never a capital). */
  neverCapital(w: string): boolean;
}

const START = '<s>';

/** Case-keeping tokens of a clean text: words (original case), context punctuation and `<num>`. */
export function caseTokens(text: string): string[] {
  return wordTokens(text, false);
}

/** Whether a word is written with a capital first letter and small letters after (`Ban`, `Ủy`). */
const isTitle = (w: string) => w !== w.toLowerCase() && w.slice(1) === w.slice(1).toLowerCase();

/** Train the case model on clean texts. All-capital words (headings, abbreviations) are not counted. */
export function trainCaseModel(texts: string[]): CaseModel {
  return trainCaseModelOnTokens(texts.map(caseTokens));
}

/** The same from the texts' `caseTokens` (shared with the language model, which lower-cases them). */
export function trainCaseModelOnTokens(tokenised: string[][]): CaseModel {
  const model = new TallyCaseModel();
  const shapes = new Map<string, Shape>();
  for (const toks of tokenised) {
    // (`prevWord`: whether \p{L} matches `prev`, as it does for `<s>` and `<num>`; `prev` by its id.)
    let prev = model.idOf(START), prevWord = true;
    for (const tok of toks) {
      const x = shapeOf(tok, shapes, model);
      if (x.caps) { prev = x.lowerId; prevWord = true; continue; }
      if (x.counted) {
        add(model.pairsAfter(prev), x.lowerId, x.cap);
        if (prev === model.stop && !x.lower.startsWith('<')) { model.afterStop.total++; if (x.cap) model.afterStop.cap++; }
        // Mid-sentence statistics only: after a word or a comma.
        if (prevWord || prev === model.comma) add(model.word, x.lowerId, x.cap);
      }
      prev = x.letter ? x.lowerId : x.tokId;
      prevWord = x.letter;
    }
  }
  return model;
}

// (Module-level functions and a class rather than closures made per model: a benchmark trains a
// model per run, and code optimised for one run's closures would be thrown away in the next.)

function add(m: Map<number, Tally>, k: number, cap: boolean): void {
  let t = m.get(k);
  if (!t) m.set(k, (t = { cap: 0, total: 0 }));
  t.total++;
  if (cap) t.cap++;
}

/** What training needs of a token, worked out once per distinct token (texts repeat their words): with the ids of the token and of its lower case. */
interface Shape { letter: boolean; lower: string; lowerId: number; tokId: number; caps: boolean; counted: boolean; cap: boolean }
function shapeOf(tok: string, shapes: Map<string, Shape>, model: TallyCaseModel): Shape {
  let x = shapes.get(tok);
  if (!x) {
    const letter = /\p{L}/u.test(tok);
    const lower = tok.toLowerCase();
    const caps = letter && tok.length > 1 && tok === tok.toUpperCase();
    x = { letter, lower, lowerId: model.idOf(lower), tokId: model.idOf(tok), caps, counted: letter && !caps && (isTitle(tok) || tok === lower), cap: tok !== lower };
    shapes.set(tok, x);
  }
  return x;
}

/** The case model's tallies: by (previous token, word), and by word mid-sentence; tokens by id. */
class TallyCaseModel implements CaseModel {
  private readonly ids = new Map<string, number>();
  /** By previous token's id, by word id (small integers both: no key strings, no heap-number keys). */
  private readonly pair = new Map<number, Map<number, Tally>>();
  readonly word = new Map<number, Tally>();
  readonly comma = this.idOf(',');
  readonly stop = this.idOf('.');
  /** Every word after a full stop. */
  readonly afterStop: Tally = { cap: 0, total: 0 };

  idOf(tok: string): number {
    let i = this.ids.get(tok);
    if (i === undefined) this.ids.set(tok, (i = this.ids.size));
    return i;
  }

  /** The tallies of the words after a previous token. */
  pairsAfter(prev: number): Map<number, Tally> {
    let m = this.pair.get(prev);
    if (!m) this.pair.set(prev, (m = new Map()));
    return m;
  }

  capital(prev: string, w: string): { p: number; n: number } | null {
    const wi = this.ids.get(w);
    const pi = this.ids.get(prev);
    const p = pi === undefined || wi === undefined ? undefined : this.pair.get(pi)?.get(wi);
    if (p) return { p: (p.cap + 0.5) / (p.total + 1), n: p.total };
    // After a full stop, a word never seen there is as likely a capital as any word there.
    if (prev === '.') { const a = this.afterStop; return a.total ? { p: (a.cap + 0.5) / (a.total + 1), n: a.total } : null; }
    if (wi === undefined) return null; // (never counted: no pair, no word tally)
    if (!/\p{L}/u.test(prev) && prev !== ',') return null;
    const u = this.word.get(wi);
    return u ? { p: (u.cap + 0.5) / (u.total + 1), n: u.total } : null;
  }

  neverCapital(w: string): boolean {
    const wi = this.ids.get(w);
    const u = wi === undefined ? undefined : this.word.get(wi);
    return !!u && u.total >= 10 && u.cap === 0;
  }
}
