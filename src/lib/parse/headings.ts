/**
 * Heading recognition for `Điều` (article), `Chương` (chapter) and `Mục` (section) lines, tolerant
 * of OCR damage. Keyed on shape, not on exact spelling: a capitalised line-initial word within a small
 * edit distance of the folded keyword, followed by a number-like token (Arabic, Roman, or OCR-mangled
 * Roman such as `Il`, `1V`, `IIl`). Whether a candidate really is a heading (sequence, punctuation,
 * context) is decided by the caller; this module only reads the shape.
 */
import { editDistance, foldAligned } from './text.ts';

/** What a heading line says. */
export interface HeadingShape {
  kind: 'article' | 'chapter' | 'section';
  /** Keyword spelled exactly (after folding) — `Điều`, `DIEU` — rather than fuzzily (`Piéu`). */
  exact: boolean;
  /** Number as printed (`5`, `10a`, `II`, `1V`), '' when unreadable (glued OCR junk). */
  printed: string;
  /** Candidate numeric values (Arabic/Roman readings; empty when unreadable). */
  values: number[];
  /** Punctuation after the number: `.`, `:`, or '' when none. */
  punct: string;
  /** Heading text after the number and punctuation, trimmed of junk. */
  title: string;
  /** Length of the stripped prefix (junk + keyword + number + punctuation) in the original line. */
  prefixLength: number;
}

const KEYWORDS: Array<{ kind: HeadingShape['kind']; key: string; maxDist: number }> = [
  { kind: 'article', key: 'dieu', maxDist: 2 },
  { kind: 'chapter', key: 'chuong', maxDist: 2 },
  { kind: 'section', key: 'muc', maxDist: 0 },
];

/** What may follow a chapter keyword whose numeral was lost: nothing, or a title in capitals. */
const NUMERAL_LOST = /^(|\p{Lu}{2,}(?:[\s,\-–]+\p{Lu}+)+)$/u;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** Value of a Roman numeral (I–L range), or null when the string is not a well-formed numeral. */
export function romanValue(s: string): number | null {
  if (!/^[IVXL]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  const canonical = toRoman(total);
  return canonical === s ? total : null;
}

/** Roman numeral of 1..89. */
export function toRoman(n: number): string {
  const parts: Array<[number, string]> = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of parts) while (n >= v) { out += s; n -= v; }
  return out;
}

/**
 * Read a number token that may be Arabic, Roman or OCR-mangled Roman (`1` `l` `|` `!` for I).
 * Returns every plausible value, the most literal first.
 */
export function numberValues(token: string): number[] {
  const values: number[] = [];
  if (/^\d+$/.test(token)) values.push(Number(token));
  const asRoman = token.toUpperCase().replace(/[1L|!ÍÌ]/g, 'I').replace(/0/g, 'O');
  const r = romanValue(asRoman);
  if (r !== null && !values.includes(r)) values.push(r);
  // Arabic read through OCR confusions (l/I for 1, O for 0) — `1O` → 10
  const asArabic = token.replace(/[lI|!]/g, '1').replace(/[oO]/g, '0');
  if (/^\d+$/.test(asArabic) && !values.includes(Number(asArabic))) values.push(Number(asArabic));
  return values.filter((v) => v > 0 && v < 1000);
}

/**
 * Trim junk punctuation (OCR specks, markdown leftovers) from both ends of a title, and a first word
 * that is scan debris before a capitalised word (`Điều 4. ¢aphu Phó Trưởng Ban`: a stamp's trace
 * with a symbol no word has, which the OCR restoration left as printed).
 */
export function trimJunk(text: string): string {
  return text.replace(/^[\s.,:;'’‘"`~|\-–—_*)]+/, '').replace(LEADING_DEBRIS, '').replace(/[\s'’‘"`~|]+$/, '').trim();
}
/** A first word with a symbol no Vietnamese word has (`¢aphu`, `$6`, `a&b`), before a capitalised word. */
const LEADING_DEBRIS = /^\S*[¢$&@£¥€©®¤§\\=^<>{}]\S*\s+(?=\p{Lu})/u;

/**
 * Read the shape of a possible heading line, or null when the line does not start like one.
 * Leading OCR junk of up to three punctuation characters (`) Chuong 1`, `. Chuwong 1V`) is skipped.
 */
export function readHeading(text: string): HeadingShape | null {
  const junk = /^[\s.,;:'’‘"`~|)\]*_-]{0,4}/.exec(text)?.[0] ?? '';
  const rest = text.slice(junk.length);
  const wordMatch = /^\p{L}+/u.exec(rest);
  if (!wordMatch) return null;
  const word = wordMatch[0];
  if (word[0] !== word[0]!.toUpperCase()) return null; // headings are capitalised
  const folded = foldAligned(word);
  let best: HeadingShape | null = null;
  let bestDist = Infinity;
  for (const { kind, key, maxDist } of KEYWORDS) {
    // the whole word, or keyword-like prefix + glued number (`ChuongIl`, `Diéuul`); closest wins
    for (let cut = folded.length; cut >= Math.max(3, key.length - 2); cut--) {
      const head = folded.slice(0, cut);
      const dist = editDistance(head, key);
      const allowed = head.length <= 3 ? 0 : maxDist;
      if (dist > allowed || dist >= bestDist) continue;
      if (kind === 'section' && cut !== folded.length) continue;
      const glued = word.slice(cut);
      if (glued && !/^[IVXLiIl1|uUoO]{1,4}$/.test(glued)) continue;
      const after = rest.slice(word.length);
      let printed = glued;
      let tail = after;
      if (!glued) {
        const num = /^\s*([0-9IVXLl|!]{1,6}[a-zđ]?)(?=[\s.:,;)\-–]|$)/u.exec(after);
        // A chapter whose numeral the scan lost (`Chuong` alone, or before its title in capitals):
        // no number; the caller may take it in sequence.
        // (The keyword itself, not a word near it: `NHỮNG QUY ĐỊNH`, `CHUNG` are chapter titles.)
        if (!num && !(kind === 'chapter' && dist === 0 && NUMERAL_LOST.test(after.trim()))) continue;
        printed = num ? num[1]! : '';
        tail = num ? after.slice(num[0].length) : after;
      }
      const values = numberValues(/\d[a-zđ]$/u.test(printed) ? printed.slice(0, -1) : printed);
      const p = /^\s*([.:])?/.exec(tail)!;
      const punct = p[1] ?? '';
      const title = trimJunk(tail.slice(p[0].length));
      const prefixLength = text.length - tail.length + p[0].length;
      bestDist = dist;
      best = {
        kind,
        exact: dist === 0 && !glued,
        printed: glued && values.length === 0 ? '' : printed,
        values,
        punct,
        title,
        prefixLength,
      };
    }
  }
  return best;
}
