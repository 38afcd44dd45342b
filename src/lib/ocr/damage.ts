/**
 * Synthetic OCR damage for evaluation: a character damage model learned from the real OCR source
 * aligned with its dev gold (P(output | true char), the same counting as the confusion model), and
 * a seeded sampler that corrupts a clean text with it; and lighter damage for the same evaluation (a
 * share of the words damaged, wrong tones, dropped spaces). Used only by the benchmark, the analysis
 * script `ocr-errors` and the tests, never by the restorer.
 */
import { stripEmphasis, stripMarkdownHeading } from '../normalise/repairs.ts';
import { learnConfusion, type ConfusionData } from './confusion.ts';
import { correspondingPairs, cleanWords, ocrWords } from './train.ts';
import { stripMarkdown } from './ser.ts';
import { fold } from '../fold.ts';
import { rng } from '../random.ts';
import { isValidSyllable, splitTone, withTone } from './syllable.ts';

/** Learn the damage model from the OCR text and the dev gold (Markdown). */
export function learnDamage(ocrText: string, goldMd: string): ConfusionData {
  return learnConfusion(correspondingPairs(ocrWords(ocrText), cleanWords(stripMarkdown(goldMd)), null), 'OCR aligned with the dev gold');
}

/** Corrupt the letters of a clean text with the damage model (deterministic for a seed). */
export function damageText(text: string, model: ConfusionData, seed = 1): string {
  const rand = rng(seed);
  const rows = new Map<string, Array<[string, number]>>();
  for (const [t, row] of Object.entries(model.counts)) rows.set(t, Object.entries(row));
  return text.normalize('NFC').replace(/\p{L}/gu, (ch) => {
    const lower = ch.toLowerCase();
    // Unseen chars: lose the diacritics, as the scan does for most accented letters.
    const row = rows.get(lower) ?? [[fold(lower), 1] as [string, number]];
    let total = 0;
    for (const [, c] of row) total += c;
    let x = rand() * total;
    let out = row[row.length - 1]![0];
    for (const [o, c] of row) { if ((x -= c) < 0) { out = o; break; } }
    return ch !== lower ? out.toUpperCase() : out;
  });
}

/**
 * A lighter scan: each word (run of non-space) damaged with probability `share` (with the damage
 * model, as `damageText`), the others left clean; deterministic for a seed.
 */
export function damageWords(text: string, model: ConfusionData, share: number, seed = 1): string {
  const rand = rng(seed);
  return text.normalize('NFC').replace(/\S+/gu, (w) => (rand() < share ? damageText(w, model, Math.floor(rand() * 1e9)) : w));
}

/**
 * A scan that misreads tone marks only: each word with probability `share` gets another tone drawn at
 * random, where that leaves it a valid syllable (so the text stays all syllables); case kept;
 * deterministic for a seed.
 */
export function damageTones(text: string, share: number, seed = 1): string {
  const rand = rng(seed);
  return text.normalize('NFC').replace(/\p{L}+/gu, (w) => {
    if (rand() >= share) return w;
    const lower = w.toLowerCase(), x = splitTone(lower);
    const tone = Math.floor(rand() * 6);
    if (!x || tone === x.tone) return w;
    const alt = withTone(x.base, tone);
    if (!isValidSyllable(alt)) return w;
    if (w === lower) return alt;
    return w === w.toUpperCase() ? alt.toUpperCase() : alt[0]!.toUpperCase() + alt.slice(1);
  });
}

/** A scan that loses spaces: each space between two words dropped with probability `share`; deterministic for a seed. */
export function damageSpaces(text: string, share: number, seed = 1): string {
  const rand = rng(seed);
  return text.normalize('NFC').replace(/(?<=\p{L}) (?=\p{L})/gu, () => (rand() < share ? '' : ' '));
}

/** Each vowel letter's family: the letter with every tone and every hook, breve or circumflex. */
const VOWEL_FAMILIES = ['aàáảãạăằắẳẵặâầấẩẫậ', 'eèéẻẽẹêềếểễệ', 'iìíỉĩị', 'oòóỏõọôồốổỗộơờớởỡợ', 'uùúủũụưừứửữự', 'yỳýỷỹỵ'];
const FAMILY = new Map<string, string>();
for (const f of VOWEL_FAMILIES) for (const c of f) FAMILY.set(c, f);

/**
 * Another scan's damage, unlike the one the channel learned: each vowel letter with probability
 * `share` replaced by a letter of its family drawn at random (any tone, any hook: `hiện` → `hìện`,
 * `quyết` → `qụyêt`), and each `đ` with that probability read as `d`; case kept; deterministic for a seed.
 */
export function damageMarks(text: string, share: number, seed = 1): string {
  const rand = rng(seed);
  return text.normalize('NFC').replace(/\p{L}/gu, (ch) => {
    const lower = ch.toLowerCase(), family = FAMILY.get(lower);
    if (!family && lower !== 'đ') return ch;
    if (rand() >= share) return ch;
    const out = family ? family[Math.floor(rand() * family.length)]! : 'd';
    return ch !== lower ? out.toUpperCase() : out;
  });
}

/**
 * A scan that cuts words with a space: each word of 3 letters and more, with probability `share`,
 * cut at a random place inside it (`chuyển` → `chu yển`); deterministic for a seed.
 */
export function damageSplits(text: string, share: number, seed = 1): string {
  const rand = rng(seed);
  return text.normalize('NFC').replace(/\p{L}{3,}/gu, (w) => {
    if (rand() >= share) return w;
    const cs = [...w], at = 1 + Math.floor(rand() * (cs.length - 1));
    return cs.slice(0, at).join('') + ' ' + cs.slice(at).join('');
  });
}

/** Stamp and scan debris of the real scan, alone on a line (lines 44, 77, 185, 342) and at a line's end (341, 344, 345, 347). */
export const SCAN_DEBRIS = { lines: ['Loy=', 'ff\\', 'b', 'o', '~', '=', '\\'], ends: ['N', 'NG', "a-'-.’", ',»al\\', '?:', '~'] };

const MOTTO = [/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u, /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/u];

/**
 * The letterhead as a scan reads it: its two columns side by side become one line each (`UBND TỈNH
 * KIÊN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `BAN CHỈ ĐẠO CHÍNH Độc lập - Tự do - Hạnh phúc`, as
 * the real scan's lines 1–2), and so do the number and the place and date (`Số: 85 /QĐ-BCĐ Kiên
 * Giang, ngày 03 tháng 5 năm 2019`). Left column: the lines in capitals before the number; right
 * column: the national motto's two lines, the first beside the first left line unless a source has
 * joined them already. Lines without Markdown marks; a text without a number line is returned as it is.
 */
export function letterheadColumns(lines: readonly string[]): string[] {
  const number = lines.findIndex((l) => /^Số\s*:/u.test(l));
  const date = number < 0 ? -1 : lines.findIndex((l, i) => i > number && l !== '');
  if (number < 0 || number > 30 || !/^[^,]{2,40}, ngày\b/u.test(lines[date] ?? '')) return [...lines];
  const head = lines.slice(0, number).filter((l) => l !== '');
  const right = head.filter((l) => MOTTO.some((m) => m.test(l)));
  const left = head.filter((l) => !right.includes(l));
  if (left.some((l) => l !== l.toUpperCase())) return [...lines];
  // (A source that already has the motto's first line beside the first left line starts the right column one row down.)
  const offset = left[0] && /CỘNG HÒA XÃ HỘI/u.test(left[0]) ? 1 : 0;
  const rows = left.map((l, i) => (right[i - offset] ? `${l} ${right[i - offset]}` : l));
  for (let i = left.length + offset; i < right.length; i++) rows.push(right[i]!);
  return [...rows, '', `${lines[number]} ${lines[date]}`, ...lines.slice(date + 1)];
}

/**
 * A scan's layout, for the character damage to go on (`damageText`): Markdown emphasis and heading
 * marks gone, the letterhead's two columns side by side on one line each (`letterheadColumns`), each
 * paragraph wrapped at 70–89 columns (some first lines indented), a blank line now and then inside a
 * paragraph, a page number every 40–49 lines, stamp debris alone on a line or at a line's end. Words
 * are kept; only the letterhead's change their order. Deterministic for a seed.
 */
export function damageLayout(text: string, seed = 1): string {
  const rand = rng(seed);
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: string[] = [];
  let page = 1, onPage = 0, pageLength = 40 + Math.floor(rand() * 10);
  const unmarked = text.normalize('NFC').split(/\r?\n/u).map((raw) => stripEmphasis(stripMarkdownHeading(raw)).trim());
  for (const line of letterheadColumns(unmarked)) {
    if (!line) { out.push(''); continue; }
    const width = 70 + Math.floor(rand() * 20);
    const pieces: string[] = [];
    let cur = rand() < 0.3 ? '    ' : '';
    for (const w of line.split(/\s+/u)) {
      if (cur.trim() && cur.length + 1 + w.length > width) { pieces.push(cur); cur = w; }
      else cur = cur.trim() ? `${cur} ${w}` : cur + w;
    }
    pieces.push(cur);
    for (const p of pieces) {
      out.push(rand() < 0.02 ? `${p} ${pick(SCAN_DEBRIS.ends)}` : p);
      if (rand() < 0.02) out.push('');
      if (++onPage >= pageLength) { onPage = 0; pageLength = 40 + Math.floor(rand() * 10); out.push('', String(++page), ''); }
      if (rand() < 0.01) out.push('', pick(SCAN_DEBRIS.lines), '');
    }
  }
  return out.join('\n');
}
