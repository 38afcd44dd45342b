/**
 * A lexicon of Vietnamese in real use, derived from a published word list (see
 * `scripts/train-lexicon.ts` and src/lib/ocr/data/README.md for its provenance and licence): the
 * syllables that occur in its words, each with the number of words it occurs in, and the syllable
 * pairs that occur inside a word (`điện tử`, `giai đoạn`). The rule-enumerated syllable set
 * over-generates (`tện`, `doạn` are spellable but unused); the lexicon tells the language model which
 * syllables and pairs are real Vietnamese, independently of the few clean reference texts.
 */
import { isValidSyllable, splitTone, withTone } from './syllable.ts';
import bundled from './data/lexicon.json' with { type: 'json' };

/** Serialised lexicon: syllable counts and within-word successors. */
export interface LexiconData {
  /** Where the words came from (name, version, licence). */
  source: string;
  /** Syllable (lower case, canonical tone placement) → number of words it occurs in. */
  syllables: Record<string, number>;
  /** Syllable → its within-word successors, space separated, `syllable` or `syllable:count` (count > 1). */
  pairs: Record<string, string>;
}

/** The lexicon as used by the models. */
export interface Lexicon {
  /** Number of words a syllable occurs in (0: not in real use). */
  count(syllable: string): number;
  /** Within-word successors of a syllable with their counts. */
  successors(syllable: string): ReadonlyMap<string, number>;
  /** Total of `count` over all syllables. */
  total: number;
  /** Largest `count` of any syllable. */
  maxCount: number;
}

/** Canonical spelling of a lower-case syllable (old-style tone placement: `hoà` → `hòa`). */
export function canonicalSyllable(s: string): string {
  const x = splitTone(s);
  return x ? withTone(x.base, x.tone) : s;
}

/**
 * Derive lexicon data from a word list (one word per line, syllables separated by spaces). Entries
 * with a hyphen (transcribed foreign words, `a-ba-giua`) or any syllable that is not valid Vietnamese
 * are skipped whole; case is ignored.
 */
export function deriveLexicon(wordList: string, source: string): LexiconData {
  const uni = new Map<string, number>();
  const bi = new Map<string, Map<string, number>>();
  for (const line of wordList.normalize('NFC').split(/\r?\n/u)) {
    const w = line.trim().toLowerCase();
    if (!w || w.includes('-')) continue;
    const ss = w.split(/\s+/u);
    if (!ss.every(isValidSyllable)) continue;
    const cs = ss.map(canonicalSyllable);
    for (const c of cs) uni.set(c, (uni.get(c) ?? 0) + 1);
    for (let i = 1; i < cs.length; i++) {
      let m = bi.get(cs[i - 1]!);
      if (!m) bi.set(cs[i - 1]!, (m = new Map()));
      m.set(cs[i]!, (m.get(cs[i]!) ?? 0) + 1);
    }
  }
  const byKey = <T>(m: Map<string, T>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const syllables: Record<string, number> = {};
  for (const [s, c] of byKey(uni)) syllables[s] = c;
  const pairs: Record<string, string> = {};
  for (const [v, m] of byKey(bi)) pairs[v] = byKey(m).map(([w, c]) => (c > 1 ? `${w}:${c}` : w)).join(' ');
  return { source, syllables, pairs };
}

/** Build the lookup structure from lexicon data. */
export function buildLexicon(data: LexiconData): Lexicon {
  const counts = new Map(Object.entries(data.syllables));
  let total = 0, maxCount = 0;
  for (const c of counts.values()) { total += c; maxCount = Math.max(maxCount, c); }
  const parsed = new Map<string, Map<string, number>>();
  const empty = new Map<string, number>();
  return {
    count: (s) => counts.get(s) ?? 0,
    successors(s) {
      let m = parsed.get(s);
      if (!m) {
        const raw = data.pairs[s];
        if (!raw) return empty;
        m = new Map();
        for (const item of raw.split(' ')) {
          const i = item.indexOf(':');
          if (i < 0) m.set(item, 1);
          else m.set(item.slice(0, i), Number(item.slice(i + 1)));
        }
        parsed.set(s, m);
      }
      return m;
    },
    total,
    maxCount,
  };
}

let BUNDLED: Lexicon | null = null;

/** The bundled lexicon (built once per process: it does not depend on the input). */
export function bundledLexicon(): Lexicon {
  return (BUNDLED ??= buildLexicon(bundled as LexiconData));
}

/** Whether some word of the bundled lexicon uses a syllable (lower case, either tone placement). */
export function inRealUse(syllable: string): boolean {
  return bundledLexicon().count(canonicalSyllable(syllable)) > 0;
}

/** Whether two syllables (lower case) follow each other inside a word of the bundled lexicon (`thông tin`). */
export function inOneWord(a: string, b: string): boolean {
  return bundledLexicon().successors(canonicalSyllable(a)).has(canonicalSyllable(b));
}
