/** Line-level classification shared by the parser stages: noise, page numbers, signatures, names. */
import type { RestoredToken } from '../schema.ts';
import type { SourceLine } from '../normalise/index.ts';
import { editDistance, foldAligned, isUpperLine, upperShare } from './text.ts';

/** A source line as the parser receives it: optionally restored from OCR with per-token provenance. */
export interface ParseLine extends SourceLine {
  tokens?: RestoredToken[];
  /** Set by ingest: lines the OCR restoration discarded (stamp debris) stand in the gap before this line, which blank lines alone do not show. */
  afterDiscarded?: boolean;
}

/** A separator rule (`-------`, `____`, `* * *`) printed under letterheads and titles. */
export function isSeparator(text: string): boolean {
  return /^[-–—_=*.~\s]{3,}$/.test(text);
}

/** A lone page number (`6`, `- 6 -`, `Trang 6`, `Trang 2/5`). */
export function isPageNumber(text: string): boolean {
  return /^[-–\s]*(?:trang\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?\s*[-–]?\s*$/i.test(foldAligned(text));
}

/** One word of one or two letters, at least one of them Vietnamese (a mark or `đ`), with its punctuation. */
const VIETNAMESE_WORD_LINE = /^(?=[^\s]*[à-ỹđĐÀ-Ỹ])\p{L}{1,2}[.,;:]?$/u;

/**
 * Scan debris: a line with at most two letters and no structure (`b`, `o`, `NG`, `a-'-.'`), or a short
 * line carrying symbols that never appear in legal text (`Loy=`, `ff\`). Not a word of Vietnamese
 * letters alone (`vụ,`, `ký.`: the last word of a wrapped paragraph).
 */
export function isNoise(text: string): boolean {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const digits = (text.match(/\d/g) ?? []).length;
  if (letters <= 2 && digits === 0) return !VIETNAMESE_WORD_LINE.test(text.trim());
  if (text.length <= 8 && /[=\\^{}<>|@#$%~]/.test(text)) return true;
  const visible = text.replace(/\s/g, '').length;
  return visible <= 12 && letters / visible < 0.4 && digits === 0;
}

/**
 * National motto lines: `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc` (OCR-tolerant;
 * the last, whose `Độc lập` the scan damaged past reading and its restoration read otherwise, `Thọ lập`,
 * `học tập`, is found by the two words before `- Tự do - Hạnh phúc`; a `do` the scan lengthened, read
 * `Tự động`, still counts; a first word read a letter longer, `Thức lập`, is taken whole, not from its
 * second letter: `T` is no word of the column beside it).
 */
const NATIONAL_NAME_RE = /c\S{2,3}g\s*h\S{1,2}a\s*x\S\s*h\S{1,2}i\s*ch\S\s*ngh\S{1,2}a\s*vi\S{1,2}t\s*nam/;
const MOTTO_RES = [
  NATIONAL_NAME_RE,
  /(?:(?<!\S)\S{1,3}|\S{1,2})c\s*l\S{1,2}p\s*[-–]\s*t\S{1,2}\s*d\S{0,3}\s*[-–]\s*h\S{1,2}nh\s*ph\S{1,3}c/,
  /(?<!\S)\S{1,4}\s+\S{2,4}\s*[-–]\s*t\S{1,2}\s*d\S{0,3}\s*[-–]\s*h\S{1,2}nh\s*ph\S{1,3}c/,
];

/** The national name's words, folded: a letterhead's right column prints them in capitals. */
const NATIONAL_NAME = ['cong', 'hoa', 'xa', 'hoi', 'chu', 'nghia', 'viet', 'nam'];
const NATIONAL_WORDS = new Set(NATIONAL_NAME);

/**
 * Find a motto fragment in a line: [start, end) in the original, or null. The national name counts
 * only in capitals or alone on its line, as a letterhead prints it: a sentence naming the state (`công
 * dân nước Cộng hòa xã hội chủ nghĩa Việt Nam`) is no letterhead. Besides the patterns, the name is found with up to two of
 * its words damaged past them (`XÃ HỘI CT NGHĨA`, `THỦ NGHĨA`, `PHƯƠNG HÒA`): its eight words in a row,
 * six or more as printed and the others within 4 edits in all.
 */
export function findMotto(text: string): [number, number] | null {
  const f = foldAligned(text);
  for (const re of MOTTO_RES) {
    const m = re.exec(f);
    if (m && (re !== NATIONAL_NAME_RE || nameAsPrinted(text, m.index, m.index + m[0].length))) return [m.index, m.index + m[0].length];
  }
  return findNationalName(text, f);
}

/** The national name's eight words in a row in capitals, two of them at most damaged (see `findMotto`). */
function findNationalName(text: string, folded: string): [number, number] | null {
  const words = [...folded.matchAll(/[a-z0-9]+/g)];
  const n = NATIONAL_NAME.length;
  // (Most lines have too few of its words to hold it.)
  if (words.filter((w) => NATIONAL_WORDS.has(w[0])).length < n - 2) return null;
  for (let i = 0; i + n <= words.length; i++) {
    let exact = 0, edits = 0;
    for (let k = 0; k < n && edits <= 4; k++) {
      const d = editDistance(words[i + k]![0], NATIONAL_NAME[k]!);
      if (d === 0) exact++;
      else edits += d;
    }
    if (exact < n - 2 || edits > 4) continue;
    const start = words[i]!.index!, end = words[i + n - 1]!.index! + words[i + n - 1]![0].length;
    if (nameAsPrinted(text, start, end)) return [start, end];
  }
  return null;
}

/**
 * Whether the national name at [start, end) is printed as a letterhead prints it: in capitals (70 % of
 * its letters or more), or alone on its line whatever its case (a transcription that set it in
 * sentence case); not inside a sentence.
 */
function nameAsPrinted(text: string, start: number, end: number): boolean {
  if (upperShare(text.slice(start, end)) >= 0.7) return true;
  return !/[\p{L}\d]/u.test(text.slice(0, start)) && !/[\p{L}\d]/u.test(text.slice(end));
}

/** Signer capacity/title lines (`KT. TRƯỞNG BAN`, `PHÓ CHỦ TỊCH UBND TỈNH`, `TM. ỦY BAN NHÂN DÂN`). */
export function isSignerTitle(text: string): boolean {
  if (!isUpperLine(text) || text.length > 60) return false;
  const f = foldAligned(text);
  // `XÁC THỰC VĂN BẢN HỢP NHẤT` heads the signature of a consolidated text (văn bản hợp nhất)
  return /^(kt|tm|q|tl|tuq)\s*\.|^xac\s*thuc\s+van\s*ban\s+hop\s*nhat\b|^(pho\s+)?(chu\s*tich|tr\S{1,3}ng\s*ban|giam\s*doc|bo\s*truong|thu\s*truong|tr\S{1,3}ng|chanh|tong|uy\s*vien|thu\s*ky)\b/.test(f);
}

/**
 * A personal name line: two to six capitalised words, letters only (`Lâm Minh Thành`); with `most`,
 * more than half of them capitalised (a word cased small by a scan or its restoration: `lộ Ánh Dương`).
 */
export function isPersonName(text: string, most = false): boolean {
  const ws = text.trim().split(/\s+/u);
  if (ws.length < 2 || ws.length > 6 || text.length > 45 || isUpperLine(text)) return false;
  const capitalised = ws.filter((w) => /^\p{Lu}\p{Ll}*$/u.test(w)).length;
  return most ? capitalised * 2 > ws.length && ws.every((w) => /^\p{L}+$/u.test(w)) : capitalised === ws.length;
}

/** A line that ends the text: the `./.` end mark (also `./V`, `././`, OCR variants). */
export function hasEndMark(text: string): boolean {
  return /\.\s?\/\s?[.V]?\S{0,2}\s*$/.test(text);
}

/** `Nơi nhận:` (OCR `Noi nhin:`), the recipients heading; returns the rest of the line after it. */
export function matchRecipientsHeading(text: string): { rest: string } | null {
  const f = foldAligned(text);
  // (Also damaged further, `No nhận:`, `Tổ nhận:`, `Tới rận:`: two words within 3 edits of `noi nhan`
  // together, but then with a colon and nothing after it but a recipient's dash.)
  let m: RegExpExecArray | null = /^n\S{1,2}i\s*nh\S{1,3}n\s*:?/.exec(f);
  if (!m) {
    const d = /^([a-z]{1,4})\s+([a-z]{2,5})\s*:(?=\s*(?:-|$))/.exec(f);
    if (d && editDistance(d[1]!, 'noi') + editDistance(d[2]!, 'nhan') <= 3) m = d;
  }
  if (!m) return null;
  return { rest: text.slice(m[0].length).trim() };
}

/** Digital-signature stamp lines: `Người ký:`, `Email:`, `Cơ quan:`, `Thời gian ký:`. */
export function matchDigitalField(text: string): { field: 'signer' | 'email' | 'agency' | 'time'; value: string } | null {
  const f = foldAligned(text);
  const fields: Array<[RegExp, 'signer' | 'email' | 'agency' | 'time']> = [
    [/^ng\S{1,3}i\s*k\S\s*:/, 'signer'],
    [/^e-?mail\s*:/, 'email'],
    [/^c\S\s*quan\s*:/, 'agency'],
    [/^th\S{1,2}i\s*gian\s*k\S\s*:/, 'time'],
  ];
  for (const [re, field] of fields) {
    const m = re.exec(f);
    if (m) return { field, value: text.slice(m[0].length).trim() };
  }
  return null;
}
