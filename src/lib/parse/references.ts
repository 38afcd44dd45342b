/**
 * Legal references inside sentences (`Quyết định số 1072/QĐ-TTg ngày 28/8/2018 của Thủ tướng Chính
 * phủ về …`), number/symbol normalisation and Vietnamese date reading — tolerant of OCR damage
 * (type words matched on folded text within edit distance 1; `Qb`/`Ob` read as `QĐ`).
 */
import type { LegalReference } from '../schema.ts';
import { slugify } from '../fold.ts';
import { editDistance, foldAligned } from './text.ts';

/** Document types, folded, longest first; `kind` is the folded kebab-case id. */
const TYPES: Array<{ words: string[]; kind: string }> = [
  { words: ['thong', 'tu', 'lien', 'tich'], kind: 'thong-tu-lien-tich' },
  { words: ['hien', 'phap'], kind: 'hien-phap' },
  { words: ['bo', 'luat'], kind: 'bo-luat' },
  { words: ['phap', 'lenh'], kind: 'phap-lenh' },
  { words: ['nghi', 'dinh'], kind: 'nghi-dinh' },
  { words: ['nghi', 'quyet'], kind: 'nghi-quyet' },
  { words: ['quyet', 'dinh'], kind: 'quyet-dinh' },
  { words: ['thong', 'tu'], kind: 'thong-tu' },
  { words: ['chi', 'thi'], kind: 'chi-thi' },
  { words: ['to', 'trinh'], kind: 'to-trinh' },
  { words: ['cong', 'van'], kind: 'cong-van' },
  { words: ['ke', 'hoach'], kind: 'ke-hoach' },
  { words: ['thong', 'bao'], kind: 'thong-bao' },
  { words: ['luat'], kind: 'luat' },
];

/** Symbol parts with their proper spelling (Đ, mixed case), keyed by folded upper case. */
const SYMBOLS = new Map(
  ['QĐ', 'NĐ', 'NQ', 'CP', 'TTg', 'UBND', 'HĐND', 'BCĐ', 'BCĐCĐS', 'TTr', 'STTTT', 'BTTTT', 'VHTT', 'CĐS', 'TU', 'BCH',
    'QH', 'UBTVQH', 'BTC', 'BNV', 'BTP', 'VPCP', 'KH', 'TB', 'CT', 'BTNMT', 'BKHĐT', 'BYT', 'BGDĐT', 'SNV', 'STC', 'VP', 'HĐ', 'BQL', 'TW', 'ĐU', 'TTLT']
    .map((s) => [foldAligned(s).toUpperCase(), s] as const),
);

/** Normalise one symbol part (`Qb` → `QĐ`, `BCD` → `BCĐ`, `TTG` → `TTg`); unknown parts kept as printed. */
export function normaliseSymbolPart(part: string): string {
  const key = foldAligned(part).toUpperCase();
  const known = SYMBOLS.get(key);
  if (known && (part === key || /^[A-Za-z]+$/.test(part))) return known;
  if (!/^[A-Za-z0-9&]+$/.test(part)) return part; // already has Vietnamese letters: as printed
  // OCR confusions of Đ (b, B, D) and Q (O, 0) in symbols
  for (const v of [key.replace(/B/g, 'D'), key.replace(/^O|^0/, 'Q'), key.replace(/^O|^0/, 'Q').replace(/B/g, 'D')]) {
    const hit = SYMBOLS.get(v);
    if (hit) return hit;
  }
  return part;
}

/** Normalise a document number as printed (`85 /Qb- BCD`) to `85/QĐ-BCĐ`; null when no number is printed. */
export function normaliseNumber(printed: string): string | null {
  const m = /^\s*(\d[\d\s]*)?\s*\/\s*(?:(\d{4})\s*\/\s*)?(.+)$/u.exec(printed);
  if (!m || !m[1]) return null;
  const digits = m[1].replace(/\s+/g, '');
  const symbol = m[3]!.split(/\s*[-–—]\s*/).filter(Boolean).map((p) => normaliseSymbolPart(p.trim())).join('-');
  return `${digits}/${m[2] ? `${m[2]}/` : ''}${symbol}`;
}

/** The number-and-symbol pattern (`85 /QĐ-BCĐ`, `/QĐ-BCĐCĐS` when the number is left blank). */
export const NUMBER_RE = /(\d[\d ]{0,6})?\s*\/\s*(?:\d{4}\s*\/\s*)?[\p{L}\d&]+(?:\s*[-–—]\s*[\p{L}\d&]+)*/u;

/** ISO date from day, month, year strings, or null when any is missing or impossible. */
export function isoDate(d: string | undefined, m: string | undefined, y: string | undefined): string | null {
  if (!d || !m || !y) return null;
  const dd = Number(d);
  const mm = Number(m);
  const yy = Number(y);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || yy < 1900 || yy > 2100) return null;
  return `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** A date found in text: what was printed and its ISO value (null when incomplete, e.g. a blank day). */
export interface FoundDate { printed: string; value: string | null; index: number }

/**
 * Find the first `ngày DD tháng MM năm YYYY` or `ngày DD/MM/YYYY` in text (folded matching, so OCR
 * `ngay 09 thdng 4 ndm 2022` is read), including ones with a blank day or month. A damaged `ngày` of up
 * to four letters after `ng` (`ngilay`) or one letter off (`ncay`, and `nhảy` where a restoration read
 * it so), a damaged `tháng` of two to four letters after `th` or within two edits of it (`trang`,
 * `phang`, `tang`: words a restoration keeps, being syllables), and any word of up to three letters
 * for `năm` before the year (`tháng 8 im 2022`, a restoration that kept `im`) are read too: the
 * numbers fix the shape.
 */
export function findDate(text: string): FoundDate | null {
  const f = foldAligned(text);
  const re = /\b(n[^\s\d]{1,5})\s*(\d{1,2})?\s*(?:([^\s\d]{2,6})\s*(\d{1,2})?\s*(?:n\S{1,2}m|[^\s\d]{1,3})\s*(\d{4})|\/\s*(\d{1,2})?\s*\/\s*(\d{4}))/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    if (!dayWord(m[1]!) || (m[3] !== undefined && !monthWord(m[3]))) { re.lastIndex = m.index + 1; continue; }
    return {
      printed: text.slice(m.index, m.index + m[0].length),
      value: isoDate(m[2], m[4] ?? m[6], m[5] ?? m[7]),
      index: m.index,
    };
  }
  return null;
}

/** A folded word read as `ngày` in a date (see `findDate`). */
function dayWord(w: string): boolean {
  return (w.startsWith('ng') && w.length >= 3 && w.length <= 6) || (w.length === 4 && editDistance(w, 'ngay') <= 1);
}

/** A folded word read as `tháng` in a date (see `findDate`). */
function monthWord(w: string): boolean {
  return (w.startsWith('th') && w.length >= 4 && w.length <= 6) || (w.length >= 4 && w.length <= 6 && editDistance(w, 'thang') <= 2);
}

/** Words of a folded string with their offsets. */
function words(f: string): Array<{ w: string; i: number }> {
  const out: Array<{ w: string; i: number }> = [];
  const re = /[a-z0-9]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f))) out.push({ w: m[0], i: m.index });
  return out;
}

function wordLike(w: string, target: string): boolean {
  if (w === target) return true;
  return target.length >= 4 && w.length >= 3 && editDistance(w, target) <= 1;
}

/** Find legal references in a sentence. */
export function findReferences(text: string): LegalReference[] {
  const f = foldAligned(text);
  const ws = words(f);
  const refs: LegalReference[] = [];
  let consumedUntil = -1;
  for (let k = 0; k < ws.length; k++) {
    const start = ws[k]!.i;
    if (start < consumedUntil) continue;
    const first = text[start] ?? '';
    if (first !== first.toUpperCase() || first === first.toLowerCase()) continue; // types are capitalised
    const type = TYPES.find((t) => t.words.every((tw, j) => ws[k + j] && wordLike(ws[k + j]!.w, tw)));
    if (!type) continue;
    const lastWord = ws[k + type.words.length - 1]!;
    const typeEnd = lastWord.i + lastWord.w.length;
    const after = text.slice(typeEnd);
    // optional `số`/`số:` word (OCR `sé`, `s6`, `56`), then number/symbol
    const so = /^\s*(?:s\S{0,6}|5[6b]|\$6)\s*:?\s*(?=\d|\/)/iu.exec(foldAligned(after));
    const numStart = so ? so[0].length : 0;
    const numMatch = new RegExp(`^\\s*(${NUMBER_RE.source})`, 'u').exec(after.slice(numStart));
    let cursor = typeEnd;
    let numberPrinted: string | null = null;
    if (numMatch && /\d/.test(numMatch[1] ?? '') && numMatch.index === 0 && numMatch[0].length < 40) {
      numberPrinted = numMatch[1]!.trim();
      cursor = typeEnd + numStart + numMatch[0].length;
    }
    const sentenceEnd = (() => {
      const rest = text.slice(cursor);
      const stop = /;|\.(?:\s|$)|,\s*(?=(?:Căn cứ|Theo|Xét)\b)/.exec(rest);
      return stop ? cursor + stop.index : text.length;
    })();
    const window = text.slice(cursor, sentenceEnd);
    const date = findDate(window);
    let dateValue: string | null = null;
    let tailStart = cursor;
    const isLaw = ['luat', 'bo-luat', 'hien-phap', 'phap-lenh'].includes(type.kind) && !numberPrinted;
    if (date && (date.index < 30 || isLaw)) {
      dateValue = date.value;
      tailStart = cursor + date.index + date.printed.length;
    }
    let title: string | null = null;
    let issuer: string | null = null;
    const tail = text.slice(tailStart, sentenceEnd);
    const ft = foldAligned(tail);
    if (type.kind === 'luat' || type.kind === 'bo-luat' || type.kind === 'hien-phap' || type.kind === 'phap-lenh') {
      if (!numberPrinted) {
        const between = text.slice(typeEnd, date ? cursor + date.index : sentenceEnd).trim().replace(/[,;]$/, '');
        title = between || null;
      }
    }
    const issuerM = /^[\s,]*c\S{1,3}a\s+(.+?)(?=\s+v[eé]\s|\s+v\S\s|[,;]|$)/.exec(ft);
    if (issuerM) issuer = tail.slice(issuerM.index + issuerM[0].length - issuerM[1]!.length, issuerM.index + issuerM[0].length).trim();
    const aboutM = /\sv[eé]\s+(?:viec\s+)?(.+)$/.exec(ft);
    if (aboutM && !title) title = tail.slice(aboutM.index + aboutM[0].length - aboutM[1]!.length).trim().replace(/[,.]$/, '') || null;
    if (!numberPrinted && !dateValue && !title) continue;
    const end = title || issuer ? sentenceEnd : dateValue ? tailStart : cursor;
    consumedUntil = end;
    refs.push({
      kind: type.kind,
      type: text.slice(start, typeEnd),
      number: numberPrinted ? normaliseNumber(numberPrinted) : null,
      date: dateValue,
      issuer,
      title,
      text: text.slice(start, end).trim(),
      target: null,
    });
  }
  return refs;
}

/** Kind id for a printed document type (`QUYẾT ĐỊNH` → `quyet-dinh`). */
export function typeKind(printed: string): string {
  return slugify(printed);
}

/** A printed number found in text (`Số: 85 /QĐ-BCĐ`, `số /QĐ-BCĐ` when left blank). */
export interface FoundNumber { printed: string; value: string | null; index: number; end: number }

/** Find the number printed after `Số:` / `số` (folded, OCR `S4:`, `sé:`), including a blank number. */
export function findNumber(text: string): FoundNumber | null {
  const f = foldAligned(text);
  const re = /(?:^|[^a-z0-9])s[a-z0-9]{0,2}\s*:?\s*(?=(\d[\d ]{0,6})?\s*\/\s*(?:\d{4}\s*\/\s*)?[a-z])/g;
  const m = re.exec(f);
  if (!m) return null;
  const start = m.index + m[0].length;
  const n = new RegExp(`^${NUMBER_RE.source}`, 'u').exec(text.slice(start));
  if (!n) return null;
  const printed = n[0].trim();
  return { printed, value: normaliseNumber(printed), index: start, end: start + n[0].length };
}
