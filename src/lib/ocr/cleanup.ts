/**
 * Clean-up passes run on each OCR line before decoding, in the order of `LINE_PASSES`. Each pass
 * is a small named function over the line's work tokens. Guarantees after the list: every OCR
 * token is still accounted for (a removed token stays as text '' with its `ocr`; a split adds
 * tokens with `ocr` ''; a merge keeps both OCR tokens in `ocr`), and tokens marked `fixed` are final.
 */
import { foldKey } from '../fold.ts';
import { levenshtein } from './align.ts';
import { isFoldedSyllable, isValidSyllable } from './syllable.ts';
import { inOneWord, inRealUse } from './lexicon.ts';
import { POINT_LETTERS } from '../parse/markers.ts';

/** A token being restored: current text and the OCR text it came from. */
export interface WorkToken {
  /** Current text ('' = deleted debris). */
  text: string;
  /** OCR text this token stands for ('' = inserted by a split). */
  ocr: string;
  /** Final: not decoded further (numbers, codes, markers, headings, abbreviations). */
  fixed?: boolean;
  /** Confidence of a fixed token (1 when it is exactly the OCR token). */
  confidence?: number;
  /** Another reading of the same OCR token the decoder may prefer (the letters of a word a pass cut short). */
  alt?: string;
}

/** What the passes may consult: abbreviations seen in the clean references. */
export interface PassContext {
  /** Upper-case folded key → abbreviation as printed in clean texts (`QD` → `QĐ`). Not changed once passes have used the context (answers are memoised per context). */
  abbreviations: Map<string, string>;
  /** Upper-case folded key → common symbol of administrative documents (`TTG` → `TTg`, `VX`, `TU`), after the references' `abbreviations`: exact segments of document symbols, abbreviations in lists, and not counted as capital words of a heading. */
  symbols?: Map<string, string>;
  /** Finds the closest abbreviation to a damaged one, or null. */
  nearestAbbreviation: (s: string, inCode?: boolean) => string | null;
  /** Finds the document-symbol suffix seen in clean texts closest to a damaged one (`Ob-BCD` → `QĐ-BCĐ`). */
  nearestCode?: (letters: string) => string | null;
  /** Whether the clean references write syllable b after syllable a (lower case; `chỉ đạo`), for glued words. */
  seenPair?: (a: string, b: string) => boolean;
  /** The references' language model's log-probability of a syllable (lower case), for cut words. */
  logUnigram?: (syllable: string) => number;
  /** The channel's cost of reading `target` as `ocr` (lower case), to tell near abbreviations apart. */
  channelCost?: (ocr: string, target: string) => number;
}

/** A clean-up pass over the tokens of one line. */
export type LinePass = (tokens: WorkToken[], ctx: PassContext) => WorkToken[];

const NOISE = /[‘’'"`*\\|»«~=_¦^{}<>\f]/gu;
const KEEP_SYMBOL = /^([-–—+•]|\.\/\.|\.\.\.)$/u;
const live = (ts: WorkToken[]) => ts.filter((t) => t.text !== '');
const del = (t: WorkToken): WorkToken => ({ ...t, text: '' });

/** A Roman numeral as written (I to XXXIX). */
const ROMAN_NUMERAL = /^X{0,3}(IX|IV|V?I{0,3})$/u;

/** Stamp debris at the end of a line: a last token of noise symbols (`'*)"z‘`, `,»al\`) or 1–2 stray capitals (`N`, `NG`), but not a chapter's Roman numeral (`Chuong II`) nor a number with noise after it (`2019;*`). */
export function dropTrailingStamp(tokens: WorkToken[]): WorkToken[] {
  const l = live(tokens);
  if (l.length < 2) return tokens;
  const last = l[l.length - 1]!;
  const prev = l[l.length - 2]!;
  const prefix = last.text.split(/[‘’'"`*\\|»«~=_¦^{}<>\f]/u)[0]!;
  const noisy = NOISE.test(last.text);
  NOISE.lastIndex = 0;
  const lettersInPrefix = (prefix.match(/\p{L}/gu) ?? []).length;
  // A chapter's numeral after its keyword, or after any capitalised word alone before it on the line
  // (the keyword damaged past recognition, `Ehuong II`, `Chuog IV`: the decoder may still read it), or
  // after a word that is the keyword with strokes before it or damaged (`REhurongil II`, see `damagedChapterWord`), where
  // any numeral-like capitals are its numeral (`Cruong L`: an `I` read as `L`).
  const numeral = /^[IVXL]{1,4}\.?$/u.test(last.text) && (HEADING_WORD.test(foldKey(prev.text.replace(/^\P{L}+|\P{L}+$/gu, ''))) ||
    (l.length === 2 && ((/^\p{Lu}\p{Ll}/u.test(prev.text) && ROMAN_NUMERAL.test(last.text.replace(/\.$/u, ''))) || damagedChapterWord(foldKey(prev.text)))));
  const strayCaps = /^\p{Lu}{1,2}$/u.test(last.text) && !isValidSyllable(last.text) && /[\p{Ll}.]$/u.test(prev.text) && !numeral;
  // (A number before the noise is text, `2019;*`: the marks alone go, in `stripNoiseMarks`.)
  if ((noisy && lettersInPrefix < 2 && !/\d{2}/u.test(prefix)) || strayCaps) return tokens.map((t) => (t === last ? del(t) : t));
  return tokens;
}

/** Stray quote marks and symbols inside words (`'Pho`, `‘mang`, `Pho\f;`, `trudc?:`): cut the tail after noise that follows a word (keeping all its letters as an alternative reading, `ngu’ou`), else drop the marks. */
export function stripNoiseMarks(tokens: WorkToken[]): WorkToken[] {
  return tokens.map((t) => {
    if (!t.text || t.fixed || !/[‘’'"`*\\|»«~=_¦^{}<>\f?]/u.test(t.text)) return t;
    const m = /^([^‘’'"`*\\|»«~=_¦^{}<>\f?]*)[‘’'"`*\\|»«~=_¦^{}<>\f?]/u.exec(t.text)!;
    const prefix = m[1]!;
    let text: string;
    if ((prefix.match(/\p{L}/gu) ?? []).length >= 2 && !/[,.;:]$/u.test(prefix)) {
      text = prefix.replace(/[([]+$/u, '');
      // The tail may be the rest of the word under a stamp (`ngu’ou` for người): the decoder gets both.
      const letters = t.text.replace(/[^\p{L}]/gu, '');
      if (letters.length > (text.match(/\p{L}/gu) ?? []).length) return { ...t, text, alt: letters };
    } else text = t.text.replace(/[‘’'"`*\\|»«~=_¦^{}<>\f?]/gu, '');
    return { ...t, text };
  });
}

/** Tokens made only of symbols (`.`, `,`, `)`, `=`) are stamp or scan debris, except dashes and bullets. */
export function dropSymbolTokens(tokens: WorkToken[]): WorkToken[] {
  return tokens.map((t) => (t.text && !/[\p{L}\p{N}$&¢¥]/u.test(t.text) && !KEEP_SYMBOL.test(t.text) ? del(t) : t));
}

/** A clause number glued to its text (`5.TII`) is split off. */
export function splitClauseMarker(tokens: WorkToken[]): WorkToken[] {
  const i = tokens.findIndex((t) => t.text !== '');
  const t = tokens[i];
  const m = t && /^(\d{1,2})[.,](\p{L}.*)$/u.exec(t.text);
  if (!t || !m) return tokens;
  return [...tokens.slice(0, i), { text: m[1] + '.', ocr: t.ocr, fixed: true, confidence: 0.9 }, { text: m[2]!, ocr: '' }, ...tokens.slice(i + 1)];
}

/** A clause number read with a comma (`4, Phối`) at the start of a line becomes `4.`. */
export function clauseMarkerComma(tokens: WorkToken[]): WorkToken[] {
  const l = live(tokens);
  const first = l[0];
  if (!first || !/^\d{1,2},$/u.test(first.text) || !l[1] || !/^\p{Lu}/u.test(l[1].text)) return tokens;
  return tokens.map((t) => (t === first ? { ...t, text: t.text.replace(',', '.'), fixed: true, confidence: 0.9 } : t));
}

/** Two words glued at a comma (`t&,chuyén`) are split. */
export function splitAtComma(tokens: WorkToken[]): WorkToken[] {
  const out: WorkToken[] = [];
  for (const t of tokens) {
    const m = !t.fixed && /^(.*\p{L}.*,)(\p{L}.*)$/u.exec(t.text);
    if (m) out.push({ ...t, text: m[1]! }, { text: m[2]!, ocr: '' });
    else out.push(t);
  }
  return out;
}

/** Folded words after which a Roman numeral is a heading number (`Chương II`, `Phần I`, `Mục IV`). */
// (`Cuong II`: the keyword with its `h` lost, before a numeral.)
const HEADING_WORD = /^(ch?[uwi]{1,2}[o0]?ng|phan|muc)$/iu;

const DIEU = /^[dpđ]{1,2}[ilj1]{1,2}[eêdtj]{0,2}u$/u;
/** `Deu`/`Déu`/`Peu`: the keyword with its `i` lost; only a heading at line start (`Déu 2. Nguyén tắc`), since `đều 2` is a word. */
const DIEU_NO_I = /^[dpđ]{1,2}[eê]u$/u;
const CHUONG = /^ch[uưwi]{1,2}[oơ0]?ng(.*)$/u;
/** `Cuong II`: the keyword with its `h` lost; only at line start before a Roman numeral, since `cương`, `cường` are words. */
const CHUONG_NO_H = /^c[uưw]{1,2}[oơ0]?ng$/u;
/**
 * The keyword damaged further (`Cruong ILI`, `REhurong III`, `PHUhuong III`, `REhurongil II`, `Ehuond LI`,
 * `REhiong IV`: strokes before it, `C` read as `E`/`R`, `h` as `r`, `ư` as `i`, `g` as `d`): only at line start, before a Roman
 * numeral with nothing after it but capitals (a chapter's title), since `thương`, `phương` match too.
 */
const CHUONG_DAMAGED = /^[a-z]{0,3}(?:ch|c|h)[uưwri]{1,3}[oơ0]?n[gd][a-z]{0,2}$/u;
/**
 * A folded word that may be the chapter keyword damaged (`CHUONG_DAMAGED`), or a word of 5–8 letters
 * within 3 edits of it (`Ehiotg II`: `C` read as `E`, `ư` as `i`, `n` as `t`; Bắc Giang 2021 scan
 * layout, seed 1667). Callers ask for the rest of a chapter heading too (line start, a Roman numeral).
 */
function damagedChapterWord(k: string): boolean {
  return CHUONG_DAMAGED.test(k) || (k.length >= 5 && k.length <= 8 && /^[a-z]+$/u.test(k) && levenshtein(k, 'chuong') <= 3);
}
const ROMAN_LIKE = /^[IVXLl1|]{1,4}\.?$/u;

/**
 * Whether the letters of a word left when the strokes glued after it are taken off are the article
 * keyword: within 1 edit, or within 2 for five letters starting as it does (a stroke inside as well,
 * and a letter misread: `DEiduul 11.`, an `E` stroke after the `D` and `d` for `ê`; Kiên Giang 2019
 * scan layout, seed 1835).
 */
function strokedDieu(stem: string): boolean {
  return levenshtein(stem, 'dieu') <= (stem.length === 5 && /^[dpđ]/u.test(stem) ? 2 : 1);
}

/** Article and chapter keywords read wrong (`Piéu 7`, `Didu 2`, `Pitu 13`, `Diéuul.`, `Déu 2.` at line start, `ChuongIl`, `Chuwong 1V`, `Cuong II`, `REhurong III`). */
export function headingKeywords(tokens: WorkToken[]): WorkToken[] {
  const out: WorkToken[] = [];
  // Whether a token with text was output yet (the line's start is before it), and the next token with text.
  let lineStart = true;
  const nextOf = (i: number) => { for (let x = i + 1; x < tokens.length; x++) if (tokens[x]!.text !== '') return tokens[x]; return undefined; };
  // Whether every word after token `t` is in capitals (or there is none).
  const capsAfter = (t: WorkToken) => tokens.slice(tokens.indexOf(t) + 1).every((x) => !/\p{L}/u.test(x.text) || x.text === x.text.toUpperCase());
  // A Roman numeral-like next word with nothing but capitals after it (a chapter's number and title).
  const romanAfter = (n: WorkToken | undefined) => !!n && ROMAN_LIKE.test(n.text) && /[IVXL]/u.test(n.text) && capsAfter(n);
  const push = (...ts: WorkToken[]) => { for (const x of ts) { out.push(x); if (x.text !== '') lineStart = false; } };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.text) { push(t); continue; }
    const k = foldKey(t.text);
    // (An `&` is the scan's `ề` or `ê`: `P&u 3.` is `Peu`, the keyword with its `i` lost.)
    const ke = k.replace(/&/gu, 'e');
    const dieu = DIEU.test(ke), dieuNoI = !dieu && lineStart && DIEU_NO_I.test(ke);
    // A capitalised word at line start within 2 edits of the keyword, before `3.` (`DEiéu 3.`, `THiéu 3.`,
    // `THléu 3.` with an `l` for its `i`;
    // not `Điểm`, a word of references).
    // Or one edit off with one or two strokes glued after it, an `&` for its `ề` (`DEiéuul 3.`, `DPi&uul 8.`)
    // or for the mark of an `é` read already (`DPié&uul 2.`); two off with a stroke inside too (`strokedDieu`).
    const dieuNear = !dieu && !dieuNoI && lineStart && /^\p{Lu}/u.test(t.text) && k.length >= 3 && k !== 'diem' &&
      ((k.length <= 6 && levenshtein(k.replace(/[lj1]/gu, 'i'), 'dieu') <= 2) || (k.length <= 8 && /[ul1i]$/u.test(k) && [ke, k.replace(/&/gu, '')].some((x) => strokedDieu(x.replace(/[ul1i]{1,2}$/u, '')))));
    const next = dieu || dieuNoI || dieuNear || (lineStart && /^C/u.test(t.text)) ? nextOf(i) : undefined;
    const merged = /^(.+?)([uUlI1|]{1,2})\.$/u.exec(t.text);
    if ((dieu || ((dieuNoI || dieuNear) && next && /^\d+[.:]$/u.test(next.text))) && next && /^\d+[a-z]?[.:]?$/u.test(next.text)) {
      push({ ...t, text: 'Điều', fixed: true, confidence: 0.95 });
    } else if (merged && DIEU.test(foldKey(merged[1]!))) {
      push({ ...t, text: 'Điều', fixed: true, confidence: 0.9 }, { text: '1.', ocr: '', fixed: true, confidence: 0.8 });
    } else if (lineStart && /^C/u.test(t.text) && ((CHUONG.test(k) && (CHUONG.exec(k)![1] || (next && /^[IVXLl1|\d]+\.?$/u.test(next.text)))) || (CHUONG_NO_H.test(k) && next && /^[IVXLl1|]+\.?$/u.test(next.text) && /[IVXL]/u.test(next.text)))) {
      const rest = CHUONG.exec(k)?.[1] ?? '';
      push({ ...t, text: /^\p{Lu}+$/u.test(t.text.slice(0, 3)) && t.text === t.text.toUpperCase() ? 'CHƯƠNG' : 'Chương', fixed: true, confidence: 0.95 });
      // (Glued letters before a numeral of its own are the scan's strokes, not the numeral: `Chuongil IV`.)
      if (rest && !(next && /^[IVXL]+\.?$/u.test(next.text))) push({ text: t.text.slice(t.text.length - rest.length), ocr: '' });
    } else if (lineStart && /^\p{Lu}/u.test(t.text) && damagedChapterWord(k) && romanAfter(nextOf(i))) {
      push({ ...t, text: t.text === t.text.toUpperCase() ? 'CHƯƠNG' : 'Chương', fixed: true, confidence: 0.8 });
    } else push(t);
  }
  return out;
}

/**
 * The label of a document's number (`Số: 85 /QĐ-BCĐ`) read wrong (`Hb: 85 /QP-BCD`, `S4: 40 /QD-BCD`):
 * a line's first word of at most three characters with a colon, before a number and a symbol
 * (`85 /QP-BCD`, `85/QP-BCD`, `4145/QĐ-BCĐ`, or a draft's blank number `/QĐ-BCĐCĐS`), is `Số:` — no other label stands there in these
 * documents. A label read right is left to the decoder.
 */
export function numberLabel(tokens: WorkToken[]): WorkToken[] {
  const l = live(tokens);
  const [label, num, code] = [l[0], l[1], l[2]];
  if (!label || label.fixed || !num || !/^[^\s:]{1,3}:$/u.test(label.text) || label.text === 'Số:') return tokens;
  // (A draft leaves the number blank: `Số: /QĐ-BCĐCĐS`.)
  const symbol = /^(\d+[a-z]?\s*)?\/\s*\p{L}/u.test(num.text) || (/^\d+[a-z]?$/u.test(num.text) && !!code && /^\/\s*\p{L}/u.test(code.text));
  return symbol ? tokens.map((t) => (t === label ? { ...t, text: 'Số:', fixed: true, confidence: 0.9 } : t)) : tokens;
}

/** A number split by a space before a document code (`1 22/QD—`) is joined (`122/QD—`); only a lone digit, so `số 32/…` read as `56 32/…` is left alone. */
export function joinSplitNumber(tokens: WorkToken[]): WorkToken[] {
  const out: WorkToken[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev && /^\d$/u.test(prev.text) && /^\d+\/\p{L}/u.test(t.text)) {
      out[out.length - 1] = { text: prev.text + t.text, ocr: prev.ocr + ' ' + t.ocr };
    } else out.push(t);
  }
  return out;
}

/**
 * A word the scan cut in two with a space (`chu yển`, `ng ày`, `củ a`, `CH UYỂN`) is joined: the two
 * pieces, letters only, make a syllable in real use, which the references do not write as a pair, and
 * a piece that is a syllable in real use itself is at least 4 times less probable than the whole
 * under the references' language model (`vé t ¢hirc`, a damaged `về tổ chức`, stays apart: `vét`
 * is no likelier than `vé`). The second piece is in small letters, or the whole in capitals.
 */
export function joinSplitWord(tokens: WorkToken[], ctx?: PassContext): WorkToken[] {
  const out: WorkToken[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    const m = !t.fixed && prev && !prev.fixed && /^\p{L}+$/u.test(prev.text) ? SPLIT_TAIL.exec(t.text) : null;
    if (m && splitWord(prev!.text, m[1]!, ctx)) {
      out[out.length - 1] = { text: prev!.text + t.text, ocr: prev!.ocr + ' ' + t.ocr };
    } else out.push(t);
  }
  return out;
}
const SPLIT_TAIL = /^(\p{L}+)[,.;:)\]!]*$/u;
/** How many times as probable (log) as a piece that is a word itself a joined word must be (`joinSplitWord`). */
const JOIN_MARGIN = Math.log(4);
function splitWord(a: string, b: string, ctx?: PassContext): boolean {
  const whole = a + b;
  if (b !== b.toLowerCase() && whole !== whole.toUpperCase()) return false;
  const used = ctx ? passMemo(ctx).usedOf : usedSyllable;
  if (!used(whole)) return false;
  const la = a.toLowerCase(), lb = b.toLowerCase();
  if (ctx?.seenPair?.(la, lb)) return false;
  const usedA = used(a), usedB = used(b);
  if (!usedA && !usedB) return true;
  // A piece that is a word itself (`củ a`, `đi ện`; `vé t ¢hirc`, a damaged `về tổ chức`, is not
  // `vét`) must be far less probable than the whole under the references' language model.
  if (!ctx?.logUnigram) return false;
  const lw = ctx.logUnigram(whole.toLowerCase()) - JOIN_MARGIN;
  return (!usedA || ctx.logUnigram(la) < lw) && (!usedB || ctx.logUnigram(lb) < lw);
}

/** A signature's `KT.`, `TM.`, `TL.`, `TUQ.`, `Q.` glued to the title after it (`KT.TRUDNG`) is split off and kept. */
export function splitSignaturePrefix(tokens: WorkToken[]): WorkToken[] {
  return tokens.flatMap((t) => {
    const m = !t.fixed && /^(KT|TM|TL|TUQ|Q)\.(\p{Lu}{2,}.*)$/u.exec(t.text);
    return m ? [{ text: m[1]! + '.', ocr: t.ocr, fixed: true, confidence: 0.95 }, { text: m[2]!, ocr: '' }] : [t];
  });
}

/** A code broken at a dash (`QD—` `UBND`) is joined with a plain hyphen. */
export function joinCodeDash(tokens: WorkToken[]): WorkToken[] {
  const out: WorkToken[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev && /\/\p{L}+[-–—]$/u.test(prev.text) && /^\p{Lu}{2,}/u.test(t.text)) {
      out[out.length - 1] = { text: prev.text.replace(/[-–—]$/u, '-') + t.text, ocr: prev.ocr + ' ' + t.ocr };
    } else out.push(t);
  }
  return out;
}

/** Restore one letter segment of a code or abbreviation through the abbreviation table. */
function restoreSegment(seg: string, ctx: PassContext): string {
  const exact = knownSymbol(seg, ctx);
  if (exact) return exact;
  // Two known symbols run together (`BCDCDS`: BCĐ + CĐS, the steering committee for digital transformation).
  for (let i = 2; i <= seg.length - 2; i++) {
    const a = knownSymbol(seg.slice(0, i), ctx), b = a && knownSymbol(seg.slice(i), ctx);
    if (a && b) return a + b;
  }
  return ctx.nearestAbbreviation(seg, true) ?? seg;
}

/**
 * Whether a line is set in capitals (a heading): 60% of its words and at least `min`, not counting
 * known abbreviations (`VT`, `UBND`), document symbols (`/QD-BCD`) or words of one letter (`S6:` for
 * `Số:`, a Roman `I`), whose case says nothing about the line's.
 */
export function isCapsLine(tokens: WorkToken[], ctx: PassContext, min = 1): boolean {
  let words = 0, caps = 0;
  const memo = capsWords(ctx);
  for (const t of tokens) {
    if (!t.text || !countsForCaps(t.text, ctx, memo)) continue;
    words++;
    if (t.text === t.text.toUpperCase()) caps++;
  }
  return caps >= Math.max(min, 1) && caps >= words * 0.6;
}

/**
 * A line of two or more words, all in capitals, none ending in `,` or `;`, one of them a syllable
 * (`TRUDNG BAN`, not `- CVP, PVP VX;`) or, for three words or more, none a known abbreviation: a
 * letterhead's third line damaged in every word (`CHUYEÉN DBI S6`, CHUYỂN ĐỔI SỐ) is no list of
 * abbreviations, which would name some known ones.
 */
function capsTitle(tokens: WorkToken[], ctx: PassContext): boolean {
  let words = 0, syllable = false, known = false;
  for (const t of tokens) {
    if (!t.text || !/\p{L}/u.test(t.text)) continue;
    if (t.text !== t.text.toUpperCase() || /[,;]$/u.test(t.text)) return false;
    words++;
    const letters = t.text.replace(/[^\p{L}]/gu, '');
    const abbreviation = ctx.abbreviations.has(foldKey(letters).toUpperCase());
    if (isFoldedSyllable(letters) && !abbreviation) syllable = true;
    if (letters.length >= 2 && isKnownSymbol(letters, ctx)) known = true;
  }
  return words >= 2 && (syllable || (words >= 3 && !known));
}

/**
 * For each token, whether it belongs to a heading in capitals that shares its line with other text:
 * a run of three or more neighbouring words in capitals (no list punctuation after them), two of them
 * syllables that are no known abbreviation, or one syllable (it may spell an abbreviation too, `SO`)
 * and no abbreviation that is no syllable in the run (`BAN EHI DGO`, `CHUYEÉN DBI SO`). The two
 * columns of a letterhead read as one line (`BAN EHI DAO CHINH Doc lap - Tu do - Hanh phuc`) put such
 * a heading beside a title; its unknown capital words are damaged words (`EHI` is CHỈ), not
 * abbreviations, and a two-letter one is in capitals (`SO` is SỐ, not Số). A list of abbreviations
 * (`CT va PCT UBND tinh`) is no such run.
 */
export function capsRuns(tokens: readonly WorkToken[], ctx: PassContext): boolean[] {
  const out: boolean[] = new Array(tokens.length).fill(false);
  // (Over the tokens left after the passes: a deleted one, '', is no break.) Each word's letters if it
  // is a capital word, else null.
  const at: number[] = [], caps: Array<string | null> = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.text) { at.push(i); caps.push(capitalWord(tokens[i]!.text)); }
  for (let i = 0; i < at.length;) {
    if (caps[i] === null) { i++; continue; }
    // (Syllables no abbreviation spells; abbreviations no syllable spells; and words both, `SO`: SỞ or SỐ.)
    let j = i, syllables = 0, known = 0, both = 0;
    for (; j < at.length && caps[j] !== null; j++) {
      const symbol = isKnownSymbol(caps[j]!, ctx), syllable = isFoldedSyllable(caps[j]!);
      if (symbol && syllable) both++;
      else if (symbol) known++;
      else if (syllable) syllables++;
    }
    if (j - i >= 3 && (syllables >= 2 || (syllables + both >= 1 && known === 0))) for (let k = i; k < j; k++) out[at[k]!] = true;
    i = j;
  }
  return out;
}

/** A word's letters if it is a word in capitals of two letters or more without list punctuation (`capsRuns`), else null. */
function capitalWord(text: string): string | null {
  const letters = text.replace(/[^\p{L}]/gu, '');
  // (A digit or symbol the scan read for a letter, `¢HI` for CHỈ, `D6I` for ĐỔI, is part of the word.)
  return letters.length >= 2 && letters === letters.toUpperCase() && !/[,;]$/u.test(text) && /^[\p{L}\d$&¢¥]+[.:]?$/u.test(text) ? letters : null;
}

/** Per pass context (the abbreviations are its): whether a token's text counts in `isCapsLine`, worked out once per text. */
const CAPS_WORDS = new WeakMap<PassContext, Map<string, boolean>>();
function capsWords(ctx: PassContext): Map<string, boolean> {
  let memo = CAPS_WORDS.get(ctx);
  if (!memo) CAPS_WORDS.set(ctx, (memo = new Map()));
  return memo;
}
function countsForCaps(text: string, ctx: PassContext, memo: Map<string, boolean>): boolean {
  let r = memo.get(text);
  if (r === undefined) {
    // (A symbol by its dash or slash, not by `CODE`: a damaged one may have a digit in a segment, `/QD-BCDCD5`.)
    const letters = text.replace(/[^\p{L}]/gu, '');
    memo.set(text, (r = letters.length >= 2 && !/\p{L}[-–—]\p{L}|\/\s*\p{L}/u.test(text) && !isKnownSymbol(letters, ctx)));
  }
  return r;
}

/**
 * Document numbers and symbols (`40 /QD-BCD`, `85/Qb-`, `32/TTr-STTTT`, `61/2018/ND-CP`, `36a/NQ-CP`)
 * and known abbreviations (`UBND`, `CPS` → `CĐS`) are restored segment by segment, never as syllables.
 * A symbol is matched whole against the references' symbols only if that keeps every segment that is
 * already a known abbreviation (`1072/QD-TTg` is `QĐ-TTg`, not a reference's `QĐ-BCĐ`).
 */
export function restoreCodes(tokens: WorkToken[], ctx: PassContext): WorkToken[] {
  // In a heading set in capitals an unknown capital word is a damaged word (`TRUGNG BAN`), not an
  // abbreviation; so is one of a two-word title in capitals without list punctuation (a signer's
  // `TRUDNG BAN`).
  const line = isCapsLine(tokens, ctx, 3) || capsTitle(tokens, ctx);
  const runs = line ? null : capsRuns(tokens, ctx);
  const out: WorkToken[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = restoreCode(tokens[i]!, line || runs![i]!, ctx);
  return out;
}

/**
 * One token of `restoreCodes` (`heading`: whether it stands in a heading in capitals). (A module
 * function, not a callback made per line: the engine drops a dead callback's optimised code at a
 * full collection and compiled this one again every few runs.)
 */
function restoreCode(t: WorkToken, heading: boolean, ctx: PassContext): WorkToken {
  if (!t.text || t.fixed) return t;
  // (`$` after a letter of a symbol is its S, as `$6` is `Số`: `/QD-BCDCD$` is `/QĐ-BCĐCĐS`; and `¢` its C:
  // `/QD-B¢D` is `/QĐ-BCĐ`, not the number `/QĐ-B` before a place `¢D Kiên Giang`.)
  const code = CODE.exec(/\/.*\p{L}[$¢]/u.test(t.text) ? t.text.replace(/(?<=\p{L})[$¢]/gu, (c) => (c === '$' ? 'S' : 'C')) : t.text);
  if (code && (code[2]!.includes('/') || /\p{L}[-–—]\p{L}/u.test(code[3]!))) {
    const raw = code[3]!.replace(/[–—]/gu, '-');
    let whole = code[2]!.includes('/') && /\p{L}-\p{L}/u.test(raw) ? ctx.nearestCode?.(raw) : null;
    if (whole && !keepsKnownSegments(raw, whole, ctx)) whole = null;
    const letters = whole ?? raw.replace(/\p{L}+/gu, (seg) => restoreSegment(seg, ctx));
    return { ...t, text: code[1]! + code[2]! + letters + code[4]!, fixed: true, confidence: 0.9 };
  }
  const abbr = /^(\p{Lu}[\p{L}]+)([.,;:)]*)$/u.exec(t.text);
  // Capitals that spell a known abbreviation exactly and a syllable too (`TU`, Tỉnh ủy) are that
  // abbreviation in a list (`TT. TU, TT. HĐND`), outside headings.
  if (abbr && !heading && /^[,;]/u.test(abbr[2]!) && /^\p{Lu}{2,}$/u.test(abbr[1]!) && isFoldedSyllable(abbr[1]!)) {
    const k = foldKey(abbr[1]!).toUpperCase();
    if (ctx.abbreviations.get(k) === abbr[1] || ctx.symbols?.get(k) === abbr[1]) return { ...t, fixed: true, confidence: 1 };
  }
  if (abbr && /^\p{Lu}{2,}$/u.test(abbr[1]!) && !isFoldedSyllable(abbr[1]!)) {
    const exact = ctx.abbreviations.get(foldKey(abbr[1]!).toUpperCase());
    if (exact) return { ...t, text: exact + abbr[2]!, fixed: true, confidence: exact === abbr[1] ? 1 : 0.9 };
    // Two capitals unknown to the references inside running text are more likely a damaged word
    // (`TS cong tac` for Tổ công tác) than an abbreviation; before `;`/`,` (lists) they are abbreviations.
    if (!heading && !canSplit(abbr[1]!) && (abbr[1]!.length > 2 || abbr[2]!.length > 0)) {
      const near = ctx.nearestAbbreviation(abbr[1]!);
      return { ...t, text: (near ?? abbr[1]!) + abbr[2]!, fixed: true, confidence: near ? 0.7 : 0.5 };
    }
    // In a heading, four capitals or more one letter off a known abbreviation are that abbreviation
    // (`CHU TICH USND TINH`: UBND), not a word to decode (`ỦY`); and three or more that a known
    // abbreviation spells with one letter more (`UBD TINH KIÉN GIANG`: UBND, not `BỘ`).
    const w = abbr[1]!;
    const one = !heading ? null : (w.length >= 4 ? oneLetterOff(w, ctx) ?? lettersInserted(w, ctx) : null) ?? (w.length >= 3 ? letterDropped(w, ctx) : null);
    if (one) return { ...t, text: one + abbr[2]!, fixed: true, confidence: 0.8 };
  }
  return t;
}

/**
 * The known abbreviation (the references' or a common symbol) of the same length as `letters`
 * differing from it in one letter (folded): the only one, or the one the channel finds clearly the
 * likeliest (`UDND` is UBND, Đ→B, rather than HĐND, H→U); else null.
 */
function oneLetterOff(letters: string, ctx: PassContext): string | null {
  const found = knownFormsWhere(letters, ctx, (key, k) => {
    if (key.length !== k.length) return false;
    let diff = 0;
    for (let i = 0; i < k.length && diff < 2; i++) if (key[i] !== k[i]) diff++;
    return diff === 1;
  });
  if (found.size === 1) return [...found][0]!;
  return found.size ? clearlyCheapest(letters, found, ctx) : null;
}
/** How much cheaper (channel cost) the nearest of several abbreviations must be to be taken. */
const ONE_OFF_MARGIN = 3;

/**
 * The known abbreviation one or two letters shorter than `letters` that the channel reads them as
 * within `INSERTED_BOUND`, and `ONE_OFF_MARGIN` more cheaply than any other such (`UULBND`: UBND 5.4,
 * the scan's `UUL` for `U`, also in `QUULYÉT`); null without a channel.
 */
function lettersInserted(letters: string, ctx: PassContext): string | null {
  const forms = new Set<string>();
  for (const [, form] of knownAbbreviations(ctx)) if (letters.length - form.length === 1 || letters.length - form.length === 2) forms.add(form);
  return clearlyCheapest(letters, forms, ctx, INSERTED_BOUND);
}
/** Channel cost within which letters the scan inserted in an abbreviation are read away (`uulbnd` → `ubnd` 5.4; `udnd` → `ubnd` is 8.4). */
const INSERTED_BOUND = 9;

/** The known abbreviation that spells `letters` with one more letter (the scan dropped it: `UBD` for UBND), if only one does. */
function letterDropped(letters: string, ctx: PassContext): string | null {
  const found = knownFormsWhere(letters, ctx, (key, k) => {
    if (key.length !== k.length + 1) return false;
    for (let i = 0; i < key.length; i++) if (key.slice(0, i) + key.slice(i + 1) === k) return true;
    return false;
  });
  return found.size === 1 ? [...found][0]! : null;
}

/** The forms of the known abbreviations whose folded key in capitals `near` accepts for `letters`' (folded, in capitals). */
function knownFormsWhere(letters: string, ctx: PassContext, near: (key: string, k: string) => boolean): Set<string> {
  const k = foldKey(letters).toUpperCase();
  const found = new Set<string>();
  for (const [key, form] of knownAbbreviations(ctx)) if (near(key, k)) found.add(form);
  return found;
}

/** The references' abbreviations and the common symbols: (folded key in capitals, form). */
function* knownAbbreviations(ctx: PassContext): Generator<[string, string]> {
  yield* ctx.abbreviations;
  if (ctx.symbols) yield* ctx.symbols;
}

/**
 * The form the channel reads `letters` as most cheaply, when that is within `bound` and the only form
 * or `ONE_OFF_MARGIN` cheaper than the next (ties keep the forms' order); null without a channel.
 */
function clearlyCheapest(letters: string, forms: Iterable<string>, ctx: PassContext, bound = Infinity): string | null {
  if (!ctx.channelCost) return null;
  const ocr = letters.toLowerCase();
  const costs = [...forms].map((f) => ({ f, c: ctx.channelCost!(ocr, f.toLowerCase()) })).sort((a, b) => a.c - b.c);
  const best = costs[0];
  return best && best.c <= bound && (costs.length === 1 || best.c + ONE_OFF_MARGIN <= costs[1]!.c) ? best.f : null;
}

/**
 * A document symbol token: an opening bracket, the number (`40 /`, `36a/`, `61/2018/`; or none), the
 * letter segments (`QD-BCD`), closing punctuation.
 */
const CODE = /^(\(?)((?:\d+\p{Ll}?\s*\/\s*(?:\d{4}\s*\/\s*)?)|\d*\s*\/?)((?:\p{L}+[-–—/]?)+)([,.;:)]*)$/u;

/** Whether `whole` (a symbol matched whole) keeps each segment of `raw` that is a known abbreviation. */
function keepsKnownSegments(raw: string, whole: string, ctx: PassContext): boolean {
  const want = whole.split('-');
  return raw.split('-').every((seg, i) => !isKnownSymbol(seg, ctx) || foldKey(seg) === foldKey(want[i] ?? ''));
}

/** The known abbreviation or common symbol that letters spell (folded, any case), a reference's form first. */
function knownSymbol(letters: string, ctx: PassContext): string | undefined {
  const k = foldKey(letters).toUpperCase();
  return ctx.abbreviations.get(k) ?? ctx.symbols?.get(k);
}
const isKnownSymbol = (letters: string, ctx: PassContext) => knownSymbol(letters, ctx) !== undefined;

function segment(word: string): string[] | null {
  const k = foldKey(word);
  const best: Array<string[] | null> = new Array(k.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < k.length; i++) {
    if (!best[i]) continue;
    for (let j = i + 2; j <= Math.min(k.length, i + 7); j++) {
      if (isFoldedSyllable(k.slice(i, j)) && (!best[j] || best[j]!.length > best[i]!.length + 1)) best[j] = [...best[i]!, word.slice(i, j)];
    }
  }
  return best[k.length] ?? null;
}

function canSplit(word: string): boolean {
  const s = segment(word);
  return !!s && s.length >= 2;
}

const ACCENTED = /[^\x00-\x7f]/u;
const CAMEL = /^\p{Ll}\p{Lu}$/u;
const GLUED = /^([(["]*)(\p{L}{4,})([,.;:)\]!]*)$/u;
/** Whether a word is a syllable some word of the lexicon uses, as printed (accents and all). */
function usedSyllable(w: string): boolean {
  const lower = w.toLowerCase();
  return isValidSyllable(lower) && inRealUse(lower);
}

/**
 * Two syllables in real use glued by a missing space: the split, or null. Either both pieces are
 * accented as printed (`việccủa`, `phốihợp`), or the second starts with a capital after a small
 * letter, the word's only capital past its first letter (`củaBan`, `BanChỉ`), or the two make a word
 * of the lexicon (`thôngtin`) or follow each other in the clean references (`Trưởngban`, `minhcủa`,
 * `theoquy`), where one is accented or the word is in small letters and no syllable without its marks
 * (`PHULA`, a damaged `CỦA` on a line of capitals, is not `PHU LA`; `chuan` is not `chu an`). A
 * word that is one syllable without its marks splits only into a pair of the references (`dựán`,
 * not `hìện` or `chưông`). A damaged word splits into unaccented or unused pieces, or pieces no word
 * joins (`thuong` is `thu` + `ong`, `hién` is `hi` + `én`, `nguyén` is `nguy` + `én`), so it is never cut.
 */
export function gluedPair(w: string, ctx?: PassContext, used: (piece: string) => boolean = usedSyllable): [string, string] | null {
  if (isValidSyllable(w.toLowerCase())) return null;
  // A word that spells one syllable without its marks is mostly that syllable damaged (a scan that
  // doubles or moves a mark: `hìện`, `hồạch`, `gìúp` are `hiện`, `hoạch`, `giúp`), so it is cut only
  // into a pair the references write (`dựán`; the lexicon's rare words would cut `chưông` into
  // `chư ông`), and never into two unaccented pieces (`chuan` is `chuẩn`, not `chu an`).
  const oneSyllable = isFoldedSyllable(w);
  for (let i = 2; i <= w.length - 2; i++) {
    const a = w.slice(0, i), b = w.slice(i);
    if (!used(a) || !used(b)) continue;
    const accented = ACCENTED.test(a);
    if (!oneSyllable) {
      if (accented && ACCENTED.test(b)) return [a, b];
      if (CAMEL.test(w.slice(i - 1, i + 1)) && !/\p{Lu}/u.test(w.slice(1, i) + w.slice(i + 1))) return [a, b];
    }
    // (Two unaccented pieces only in small letters.)
    if (!accented && !ACCENTED.test(b) && (oneSyllable || w !== w.toLowerCase())) continue;
    const la = a.toLowerCase(), lb = b.toLowerCase();
    if ((!oneSyllable && inOneWord(la, lb)) || ctx?.seenPair?.(la, lb)) return [a, b];
  }
  return null;
}

/**
 * Per pass context (`seenPair` is its): `gluedPair` of a word, worked out once per word, and
 * `usedSyllable` of a piece or joined word, once per string (damaged words share most of their
 * prefixes; `joinSplitWord` asks it of every pair of neighbouring words).
 */
interface PassMemo { pairs: Map<string, [string, string] | null>; usedOf: (piece: string) => boolean }
const PASS_MEMOS = new WeakMap<PassContext, PassMemo>();
function passMemo(ctx: PassContext): PassMemo {
  let memo = PASS_MEMOS.get(ctx);
  if (!memo) {
    const used = new Map<string, boolean>();
    const usedOf = (piece: string) => {
      let u = used.get(piece);
      if (u === undefined) used.set(piece, (u = usedSyllable(piece)));
      return u;
    };
    PASS_MEMOS.set(ctx, (memo = { pairs: new Map(), usedOf }));
  }
  return memo;
}
function gluedPairOf(w: string, ctx: PassContext | undefined): [string, string] | null {
  if (!ctx) return gluedPair(w);
  const memo = passMemo(ctx);
  let r = memo.pairs.get(w);
  if (r === undefined) memo.pairs.set(w, (r = gluedPair(w, ctx, memo.usedOf)));
  return r;
}

/** Words glued together by the scan (`TINHKIENGIANG`, `việccủa`) are split into valid syllables. */
export function splitMergedSyllables(tokens: WorkToken[], ctx?: PassContext): WorkToken[] {
  const out: WorkToken[] = [];
  for (const t of tokens) {
    const parts = splitMerged(t, ctx);
    if (parts) out.push(...parts);
    else out.push(t);
  }
  return out;
}

/** One token of `splitMergedSyllables` split, or null when it stays whole (a module function, not a callback made per line: see `restoreCode`). */
function splitMerged(t: WorkToken, ctx: PassContext | undefined): WorkToken[] | null {
  if (t.fixed) return null;
  // (Punctuation around a glued pair stays with its pieces: `(sau`, `Chỉđạo;`.)
  const m = GLUED.exec(t.text);
  const pair = m ? gluedPairOf(m[2]!, ctx) : null;
  if (pair) return [{ text: m![1]! + pair[0], ocr: t.ocr }, { text: pair[1] + m![3]!, ocr: '' }];
  if (!/^\p{L}{7,}$/u.test(t.text) || isFoldedSyllable(t.text)) return null;
  // A letter with a stray stroke beside it (`uul` for `u`: `Diéuul.`, `chuulyén`; `GILiang` for
  // `Giang`): a word two stroke letters too long, not glue.
  if (strayStrokes(t.text)) return null;
  const parts = segment(t.text);
  // Only capitals (headers) or three and more pieces: a damaged lower-case word (`Trudéng`) is no glue.
  if (!parts || parts.length < 2 || (t.text !== t.text.toUpperCase() && parts.length < 3)) return null;
  // Seven capitals in two pieces may be one long word with a letter too many (`TRUDÉNG` for
  // `TRƯỞNG`, as `Trudéng` in small letters): split it only if every piece printed with a mark is a
  // syllable in use as printed (`DÉNG` is none), and no one letter less spells a syllable without
  // its marks (`TRURONG` is TRƯỞNG with `ư` read as `ur`, not `TRU RONG`).
  if (parts.length === 2 && t.text.length === 7 && (parts.some((p) => ACCENTED.test(p) && !usedSyllable(p)) || oneLetterTooMany(t.text))) return null;
  return parts.map((p, i) => ({ text: p, ocr: i === 0 ? t.ocr : '' }));
}

/** Whether a word without two neighbouring stroke letters (`i`, `l`, `u`, `j`, either case) spells a syllable, marks aside. */
function strayStrokes(w: string): boolean {
  return spellsWithout(w, 2, STROKES);
}
const STROKES = /^[iluj]+$/iu;

/** Whether a word without one of its letters spells a syllable, marks aside (`TRURONG`: `TRUONG`). */
function oneLetterTooMany(w: string): boolean {
  return spellsWithout(w, 1);
}

/** Whether a word without `n` neighbouring letters (all matching `only`, if given) spells a syllable, marks aside. */
function spellsWithout(w: string, n: number, only?: RegExp): boolean {
  for (let i = 0; i + n <= w.length; i++) if ((!only || only.test(w.slice(i, i + n))) && isFoldedSyllable(w.slice(0, i) + w.slice(i + n))) return true;
  return false;
}

/**
 * A lettered point marker at the start of a line (`b.`, `c)`, `đ.`) is kept as printed: the decoder would
 * otherwise read the lone letter as a word (`b.` → `bổ.`).
 */
export function pointMarker(tokens: WorkToken[]): WorkToken[] {
  const l = live(tokens);
  const first = l[0];
  if (!first || first.fixed || !l[1] || !/^[abcdđeghiklmn][.)]$/u.test(first.text)) return tokens;
  return tokens.map((t) => (t === first ? { ...t, fixed: true, confidence: 0.95 } : t));
}

/**
 * Emails, web addresses, times, dates and the small-letter abbreviations written with a slash
 * (`(b/c)` báo cáo, `đ/c` đồng chí, `t/h` thực hiện) are kept exactly. A number of one or two digits,
 * alone or before a comma or semicolon, is left to the decoder: it may be a word read as digits
 * (`kinh té 56,` for `kinh tế số,`; `13` for `là`). With a full stop it stays (`2.` numbers a clause).
 */
export function keepVerbatim(tokens: WorkToken[]): WorkToken[] {
  return tokens.map((t) => (!t.fixed && (VERBATIM.test(t.text) && !/^\d{1,2}[,;]?$/u.test(t.text)) ? { ...t, fixed: true, confidence: 1 } : t));
}
const VERBATIM = /@|:\/\/|www\.|^\+?\d[\d.:/+-]*[.,;]?$|^\(?\p{Ll}{1,2}\/\p{Ll}{1,2}\)?[.,;:]*$/u;

/** The ordered clean-up passes applied to every OCR line. */
export const LINE_PASSES: Array<[string, LinePass]> = [
  ['dropTrailingStamp', dropTrailingStamp],
  ['stripNoiseMarks', stripNoiseMarks],
  ['dropSymbolTokens', dropSymbolTokens],
  ['splitClauseMarker', splitClauseMarker],
  ['clauseMarkerComma', clauseMarkerComma],
  ['splitAtComma', splitAtComma],
  ['headingKeywords', headingKeywords],
  ['splitSignaturePrefix', splitSignaturePrefix],
  ['joinSplitNumber', joinSplitNumber],
  ['numberLabel', numberLabel],
  ['joinCodeDash', joinCodeDash],
  ['joinSplitWord', joinSplitWord],
  ['keepVerbatim', keepVerbatim],
  ['pointMarker', pointMarker],
  ['restoreCodes', restoreCodes],
  ['splitMergedSyllables', splitMergedSyllables],
];

/** Whole lines that are scan debris: a page number, or one short token that is no word (`Loy=`, `b`, `ff\`, `6b`, `NG`). */
export function debrisLine(text: string): 'page-number' | 'stamp' | null {
  const s = text.trim().replace(/[.,;:]+$/u, '');
  if (/^\d{1,3}$/u.test(s)) return 'page-number';
  if (/\s/u.test(s)) return null;
  // A symbol no word has (`=`, `\`, `~`): debris of any short length (`Loy=` damaged further, `TRoy=`).
  if (s.length <= 8 && /[=\\~^*<>{}|]/u.test(s)) return 'stamp';
  if (s.length > 4) return null;
  // Two letters and more may be a damaged word (`nudc.` for nước.): keep them for the decoder, but not
  // capitals without a vowel (`NG`; small letters may be a word whose vowel the scan read as a
  // consonant, `sb` for số, `tbng` for tổng). So may a word with letters read as digits or symbols
  // (`s4ng`, `t6ng`, `¢hiu`: the last word of a paragraph, alone on its line).
  if (/^\p{L}{2,}$/u.test(s)) return s === s.toUpperCase() && !/[aeiouy]/iu.test(s.normalize('NFD')) ? 'stamp' : null;
  if (/^[\p{L}\d$&¢¥@]{3,}$/u.test(s) && /\p{L}/u.test(s)) return null;
  if (/^[-–—+•]$/u.test(s)) return null;
  return 'stamp';
}

/** An article's or chapter's keyword as the clean-up writes it (`headingKeywords`) or a clean text prints it. */
export const HEADING_KEYWORD = /^(Điều|ĐIỀU|Chương|CHƯƠNG)$/u;

/**
 * Point letters the scan misread, read from their run: the lettered point markers at line starts
 * (a clause number, `Điều` or `Chương` at a line start ends a run; so does a change from `a.` to `a)`),
 * with the markers the scan damaged further: a lone `.` the clean-up dropped before a capital (its
 * letter lost: `g.`, `. Tyc hién` → `h.`), and two or three letters, a letter and two strokes, or a
 * symbol (`ce.`, `re.`, `gil.`, `¢.`, `phu.`), which may be no marker at all (`ba. người`, `xa.`).
 *
 * One alignment of the run with the letter sequence (dynamic programming, `bestLabels`): each marker
 * gets a letter, or none where it may be no marker, at the least total cost of
 * - reading a printed letter as another: the channel's cost (`channelCost`; without a channel a fixed
 *   `RELABEL`), so `e.` for `c.` costs 2.9 and `c.` for `b.` 11.3;
 * - reading two letters, strokes or a symbol as a letter: only as the letter after the previous
 *   marker's, 1 when it is one of two letters (`ce.`), else the channel's cost within
 *   `POINT_LETTER_BOUND` (`re.` 4.8, `gil.` 6.4, `¢.` 6.4; `xa.` 19.9 cannot), or `UNREAD` for one the channel
 *   cannot read after a finished sentence and before a capital (three letters too there: `b.`,
 *   `phu. Giúp`, `d.`, a stamp over `c.`); leaving it no marker costs nothing, or
 *   `POINT_LETTER_BOUND` when a capital follows it (a point's text starts with one);
 * - each letter the sequence skips, `GAP` (so `a.`, `b.`, `d.` becomes `a.`, `b.`, `c.`: `d` for `c`
 *   costs 6.0, and `a.`, `c.` stays), or `EXPLAINED_GAP` for a skip that a
 *   marker left as no marker stands in for (`a.`, `b.`, `xa.`, `d.` keeps `d.`);
 * - starting the list again at `a` (a clause number the run did not see), `RESTART`.
 * A printed letter that numbers no point (`f.`, `w.`) may be no marker too, at no cost.
 * Letters in the parser's order (`POINT_LETTERS`); after `d` comes `e` in a document that never prints `đ`.
 */
export function pointLetterSequence(lines: WorkToken[][], channelCost?: (ocr: string, target: string) => number): void {
  const runs: PointMark[][] = [];
  let run: PointMark[] = [];
  const end = () => { if (run.length) runs.push(run); run = []; };
  // Whether the previous line with text ended a sentence or a list item.
  let ended = true;
  for (const toks of lines) {
    const first = toks.find((t) => t.text !== '');
    if (!first) continue;
    const words = toks.filter((t) => t !== first && t.text !== '');
    const sentence = ended;
    ended = /[.;:]$/u.test(words.at(-1)?.text ?? first.text);
    if (/^[a-zđ][.)]$/u.test(first.text) && words.length) {
      if (run.length && run[0]!.t.text.slice(-1) !== first.text.slice(-1)) end();
      run.push({ t: first, kind: 'letter', capital: false, sentence });
    } else if (run.length && /^(?:[a-zđ]{2,3}|[a-zđ][ilj1|]{2}|[^\p{L}\p{N}\s])[.)]$/u.test(first.text) && first.text.slice(-1) === run[0]!.t.text.slice(-1) && words.length) {
      run.push({ t: first, kind: 'odd', capital: CAPITAL_LIKE.test(words[0]!.text), sentence });
    } else if (run.length && run[0]!.t.text.endsWith('.') && toks[0]!.text === '' && toks[0]!.ocr === '.' && CAPITAL_LIKE.test(first.text)) {
      run.push({ t: toks[0]!, kind: 'lost', capital: true, sentence });
    } else if (/^\d{1,3}[.)]$/u.test(first.text) || HEADING_KEYWORD.test(first.text)) end();
  }
  end();
  // Many documents skip `đ`: in one that never prints it, the letter after `d` is `e`.
  const order = runs.some((r) => r.some((m) => m.kind === 'letter' && m.t.text.startsWith('đ'))) ? POINT_LETTERS : POINT_LETTERS.filter((x) => x !== 'đ');
  for (const r of runs) {
    const labels = bestLabels(r, order, channelCost);
    r.forEach((m, k) => {
      const y = labels[k]!;
      if (y < 0 || (m.kind === 'letter' && order[y] === m.t.text[0])) return;
      const delimiter = m.kind === 'lost' ? '.' : m.t.text.slice(-1);
      Object.assign(m.t, { text: order[y]! + delimiter, fixed: true, confidence: m.kind === 'letter' ? 0.8 : m.kind === 'odd' ? 0.7 : 0.6 });
    });
  }
}

/** A word that starts with a capital, or with the scan's `¢` or `$` for one (`¢hi` for `Chỉ`, `$6` for `Số`). */
const CAPITAL_LIKE = /^(?:\p{Lu}|[¢$]\p{L})/u;

/** A marker of a run (`pointLetterSequence`): a letter, two or three letters, strokes or a symbol (`odd`), or a lost letter; whether a capital follows it, and whether the line before it ended a sentence. */
interface PointMark { t: WorkToken; kind: 'letter' | 'odd' | 'lost'; capital: boolean; sentence: boolean }

/** Reading a printed letter as another without a channel (between one and two skipped letters: `a.`, `d.` → `b.`; `a.`, `c.` stays). */
const RELABEL = 13.5;
/** A letter the sequence skips. */
const GAP = 9;
/** A skipped letter that a marker left as no marker stands in for. */
const EXPLAINED_GAP = 3;
/** The list starting again at `a`. */
const RESTART = 2;
/** Two or three letters or a symbol that the channel does not read as the letter the list needs, at a point's place (see `bestLabels`). */
const UNREAD = 6;

/**
 * The letter (an index in `order`) of each marker of a run, -1 for none, at the least cost (see
 * `pointLetterSequence`): a Viterbi search over (marker, last letter given, markers left as none
 * since, at most 2). Ties keep the printed reading (options are tried printed first, and only a
 * strictly lower cost replaces a path).
 */
function bestLabels(run: PointMark[], order: readonly string[], channelCost?: (ocr: string, target: string) => number): number[] {
  const L = order.length, n = run.length;
  // State: last letter y + 1 (0: none given yet) × markers left as none since it (0–2).
  const S = (L + 1) * 3, at = (y: number, d: number) => (y + 1) * 3 + d;
  let cost = new Float64Array(S).fill(Infinity);
  cost[at(-1, 0)] = 0;
  const back: Int32Array[] = [], label: Int32Array[] = [];
  const skip = (prev: number, y: number, dropped: number): number => {
    if (prev < 0 || y === prev + 1) return 0;
    if (y === 0) return RESTART;
    if (y <= prev) return Infinity;
    const g = y - prev - 1, explained = Math.min(g, dropped);
    return explained * EXPLAINED_GAP + (g - explained) * GAP;
  };
  for (let k = 0; k < n; k++) {
    const m = run[k]!, next = new Float64Array(S).fill(Infinity), from = new Int32Array(S).fill(-1), got = new Int32Array(S).fill(-2);
    const printed = m.t.text.slice(0, -1), inOrder = m.kind === 'letter' ? order.indexOf(printed) : -1;
    // A letter's cost of being read as each letter; two letters', strokes' or a symbol's as each (when it reads within the bound, else Infinity).
    // (One that reads as none, after a finished sentence and before a capital, stands where a marker
    // stands: `b.`, `phu. Giúp`, `d.`, a stamp over `c.`; it may be the letter the list needs, unread, at `UNREAD`.)
    const unread = m.kind === 'odd' && m.capital && m.sentence ? UNREAD : Infinity;
    const read = order.map((x) => {
      if (m.kind === 'letter') return printed === x ? 0 : channelCost ? channelCost(printed, x) : RELABEL;
      const c = printed.length < 3 && printed.includes(x) ? 1 : channelCost ? channelCost(printed, x) : Infinity;
      return c <= POINT_LETTER_BOUND ? c : unread;
    });
    const offer = (s: number, to: number, c: number, y: number) => { if (c < next[to]!) { next[to] = c; from[to] = s; got[to] = y; } };
    for (let s = 0; s < S; s++) {
      const c0 = cost[s]!;
      if (c0 === Infinity) continue;
      const prev = Math.floor(s / 3) - 1, dropped = s % 3;
      if (m.kind === 'letter') {
        // The printed letter first (ties keep it), then every other; a letter out of the sequence may be no marker.
        if (inOrder >= 0) offer(s, at(inOrder, 0), c0 + skip(prev, inOrder, dropped), inOrder);
        for (let y = 0; y < L; y++) if (y !== inOrder) offer(s, at(y, 0), c0 + skip(prev, y, dropped) + read[y]!, y);
        if (inOrder < 0) offer(s, at(prev, Math.min(2, dropped + 1)), c0, -1);
      } else if (m.kind === 'odd') {
        offer(s, at(prev, Math.min(2, dropped + 1)), c0 + (m.capital ? POINT_LETTER_BOUND : 0), -1);
        // (Only as the letter after the previous marker's.)
        if (prev >= 0 && prev + 1 < L) offer(s, at(prev + 1, 0), c0 + read[prev + 1]!, prev + 1);
      } else for (let y = 0; y < L; y++) offer(s, at(y, 0), c0 + skip(prev, y, dropped), y);
    }
    back.push(from); label.push(got);
    cost = next;
  }
  let best = -1;
  for (let s = 0; s < S; s++) if (best < 0 || cost[s]! < cost[best]!) best = s;
  const out = new Array<number>(n);
  for (let k = n - 1, s = best; k >= 0; k--) { out[k] = label[k]![s]!; s = back[k]![s]!; }
  return out;
}

/**
 * Channel cost within which two letters, strokes or a symbol where a point marker should be are a
 * misread of the letter the sequence needs (bundled channel: `re` → `c` 4.8, `ce` → `c` 4.6, `¢` → `c`
 * 6.4; `rc` 12.2, `xa` 19.9), and the cost of leaving such a marker before a capital as none.
 */
const POINT_LETTER_BOUND = 9;

/** Chapter numerals read with look-alikes (`Il`, `1V`, `1`) become Roman when the document numbers chapters in Roman. */
export function romanChapterNumerals(lines: WorkToken[][]): void {
  const numerals: WorkToken[] = [];
  for (const toks of lines) {
    const l = live(toks);
    if (l[0]?.text === 'Chương' || l[0]?.text === 'CHƯƠNG') if (l[1]) numerals.push(l[1]);
  }
  // (`L` is a capital `l` read for `I` here: no regulation has forty chapters.)
  const roman = (s: string) => s.replace(/[lL1|]/gu, 'I').toUpperCase();
  const looksRoman = numerals.some((t) => /^[IVXl1|]+$/iu.test(t.text) && /[IVXlL|]/u.test(t.text) && /^[IVX]+$/u.test(roman(t.text)));
  if (!looksRoman) return;
  for (const t of numerals) {
    if (/^[IVXivxlL1|]+\.?$/u.test(t.text)) {
      const r = roman(t.text);
      Object.assign(t, { text: r, fixed: true, confidence: r === t.text ? 1 : 0.9 });
    }
  }
}
