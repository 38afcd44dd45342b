/**
 * Vietnamese syllables enumerated by rule: onset × rhyme × tone, with the spelling constraints of
 * the national orthography (c/k/q, g/gh, ng/ngh, gi, y/iê, stop-final rhymes take only sắc/nặng).
 * The set over-generates a little (rare loan spellings) and is used for validity checks and as the
 * candidate space of the restorer; corpus frequency decides what is likely.
 */

/** Tone marks as combining characters, by tone index (0 = ngang has none). */
export const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
const TONE_OF: Record<string, number> = { '\u0300': 1, '\u0301': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];

// Rhymes without tone, written as after a consonant onset ('iê' forms; 'yê' forms are derived for
// the empty onset). Sources: standard Vietnamese rhyme tables (vần), open, semi-vowel and closed.
const RHYMES = (
  'a ai ao au ay âu ây e eo ê êu i ia iu iêu o oi ô ôi ơ ơi u ua ui uôi ư ưa ưi ưu ươi ươu y ' +
  'oa oai oao oay oe oeo uê uy uya uyu uơ ' +
  'am an ang anh ap at ac ach ăm ăn ăng ăp ăt ăc âm ân âng âp ât âc em en eng ep et ec ' +
  'êm ên ênh êp êt êch im in inh ip it ich iêm iên iêng iêp iêt iêc om on ong op ot oc ' +
  'ôm ôn ông ôp ôt ôc ơm ơn ơp ơt um un ung up ut uc ưm ưn ưng ưt ưc uôm uôn uông uôt uôc ' +
  'ươm ươn ương ươp ươt ươc oan oang oanh oat oac oach oăm oăn oăng oăt oăc oen oet ' +
  'uân uâng uât uyên uyêt uynh uych uyt uênh uêch oong ooc'
).split(' ');

// After 'qu' the medial u belongs to the onset, so the rhyme starts at the nucleus.
const QU_RHYMES = (
  'a ai am an ang anh ao ap at ac ach ay ăm ăn ăng ăt ăc âm ân âng ât âc ây âu e eo en eng et ec ' +
  'ê ên ênh êt êch i y yên yêt ynh ych yt ơ ơi ơn ơt ôc ông'
).split(' ');

const FRONT = /^[eêiy]/; // vowels that select k / gh / ngh
const STOP = /(p|t|c|ch)$/;
const VOWELS = 'aăâeêioôơuưy';
const SPECIAL = 'ăâêôơư';

/** Put a tone on a toneless rhyme, old-style placement (hòa, thủy), returning NFC. */
export function placeTone(rhyme: string, tone: number): string {
  if (tone === 0) return rhyme;
  const chars = [...rhyme];
  const vowelIdx = chars.map((c, i) => (VOWELS.includes(c) ? i : -1)).filter((i) => i >= 0);
  if (vowelIdx.length === 0) return rhyme;
  let at = -1;
  for (const i of vowelIdx) if (SPECIAL.includes(chars[i]!)) at = i; // last special vowel (ươ → ơ)
  if (at < 0) {
    const closed = /[cmnpt]|ch|ng|nh$/.test(rhyme.slice(vowelIdx[vowelIdx.length - 1]! + 1));
    if (closed) at = vowelIdx[vowelIdx.length - 1]!;
    else if (vowelIdx.length === 3) at = vowelIdx[1]!;
    else at = vowelIdx[0]!;
  }
  chars[at] = (chars[at]! + TONE_MARKS[tone]).normalize('NFC');
  return chars.join('');
}

function allowed(onset: string, rhyme: string): boolean {
  const front = FRONT.test(rhyme);
  if (onset === 'c' && front) return false;
  if (onset === 'k' && !front) return false;
  if ((onset === 'g' || onset === 'ng') && /^[eê]/.test(rhyme)) return false; // ghe, nghe
  if ((onset === 'gh' || onset === 'ngh') && !front) return false;
  if (onset === 'gi' && /^[iy]/.test(rhyme)) return false; // gì is g + i
  if (onset === '' && rhyme.startsWith('iê')) return false; // written yê after no onset
  if (onset !== '' && rhyme.startsWith('yê')) return false;
  if (onset === 'q') return false;
  return true;
}

/** Toneless bases (onset + rhyme) mapped to a bit mask of allowed tones. */
function buildBases(): Map<string, number> {
  const bases = new Map<string, number>();
  const add = (onset: string, rhyme: string) => {
    const mask = STOP.test(rhyme) ? (1 << 2) | (1 << 5) : 0b111111;
    bases.set(onset + rhyme, (bases.get(onset + rhyme) ?? 0) | mask);
  };
  for (const onset of ONSETS) {
    if (onset === 'qu') {
      for (const r of QU_RHYMES) add('qu', r);
      continue;
    }
    for (const r of RHYMES) if (allowed(onset, r)) add(onset, r);
    if (onset === '') for (const r of ['yêu', 'yêm', 'yên', 'yêt']) add('', r);
  }
  return bases;
}

const BASES = buildBases();

/** Split a (lower-case) syllable into its toneless base and tone index; null if several tones. */
export function splitTone(syllable: string): { base: string; tone: number } | null {
  let tone = 0;
  let base = '';
  for (const ch of syllable.normalize('NFD')) {
    const t = TONE_OF[ch];
    if (t !== undefined) {
      if (tone !== 0) return null;
      tone = t;
    } else base += ch;
  }
  return { base: base.normalize('NFC'), tone };
}

/** The canonical spelling of base + tone, with the tone on the right vowel (old style). */
export function withTone(base: string, tone: number): string {
  const [onset, rhyme] = splitOnset(base);
  return onset + placeTone(rhyme, tone);
}

/** A base's onset and the rhyme the tone goes on (split so 'qu'/'gi' vowels never take it). */
function splitOnset(base: string): [string, string] {
  const m = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(.*)$/.exec(base)!;
  let onset = m[1] ?? '';
  let rhyme = m[2]!;
  if (onset === 'gi' && rhyme === '') { onset = 'g'; rhyme = 'i'; }
  if (onset === 'gi' && !BASES.has(base)) { onset = 'g'; rhyme = base.slice(1); }
  return [onset, rhyme];
}

/** Whether a word is one valid Vietnamese syllable (any case, NFC or NFD, either tone placement). */
export function isValidSyllable(word: string): boolean {
  const s = splitTone(word.toLowerCase());
  if (!s || s.base === '') return false;
  const mask = BASES.get(s.base);
  return mask !== undefined && (mask & (1 << s.tone)) !== 0;
}

/** `isValidSyllable`, memoised per word for one run (the same words recur). */
export class ValidSyllables {
  private readonly memo = new Map<string, boolean>();

  has(w: string): boolean {
    let v = this.memo.get(w);
    if (v === undefined) this.memo.set(w, (v = isValidSyllable(w)));
    return v;
  }
}

let ALL: string[] | null = null;

/** Every valid syllable (lower case, NFC, canonical tone placement). */
export function allSyllables(): string[] {
  if (ALL) return ALL;
  // (`withTone` for every base and tone, with the tone placed once per rhyme and tone: a few hundred
  // rhymes serve the 17k syllables, and this runs once per process, before the JIT has warmed up.)
  const out: string[] = [];
  const placed = new Map<string, string[]>();
  for (const [base, mask] of BASES) {
    const [onset, rhyme] = splitOnset(base);
    let forms = placed.get(rhyme);
    if (!forms) placed.set(rhyme, (forms = []));
    for (let t = 0; t < 6; t++) if (mask & (1 << t)) out.push(onset + (forms[t] ??= placeTone(rhyme, t)));
  }
  ALL = [...new Set(out)];
  return ALL;
}

let INDEX: Map<string, number> | null = null;

/** Each syllable's index in `allSyllables()` (once per process). */
export function syllableIndex(): Map<string, number> {
  return (INDEX ??= new Map(allSyllables().map((s, i) => [s, i])));
}

let FOLDED: Set<string> | null = null;

/** Whether a word, with diacritics ignored, spells some valid syllable (`chuyen` → chuyển). */
export function isFoldedSyllable(word: string): boolean {
  if (!FOLDED) {
    // The folded syllables are the folded toneless bases (a tone is one more mark to drop): 2.9k
    // strings to fold instead of 17k.
    const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
    FOLDED = new Set([...BASES.keys()].map(strip));
  }
  return FOLDED.has(word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd'));
}
