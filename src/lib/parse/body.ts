/**
 * The body parser: numbered lines of one zone (the decision's articles or the regulation) → chapters,
 * sections, articles, clauses, points. Hard-wrapped lines are joined: a line that does not start with
 * a marker continues the previous paragraph, unless the previous one ended a sentence and this one
 * starts with a capital (a new paragraph). Every line is accounted for (element id or discard reason).
 */
import type { Article, Chapter, Clause, Diagnostic, DiscardedLine, Point, Restoration, RestoredToken, Section } from '../schema.ts';
import { readHeading, toRoman, type HeadingShape } from './headings.ts';

/** Leading OCR specks of a heading title (`, NHIỆM VỤ` after `ChuongIl . ,`); the end is kept as printed. */
function trimLeadingJunk(text: string): string {
  return text.replace(/^[\s.,:;'’‘"`~|\-–—_*)]+/, '').trim();
}
import { readMarker, POINT_LETTERS, pointIdLabel } from './markers.ts';
import { hasEndMark, isSeparator, isNoise, isPageNumber, isPersonName, isSignerTitle, findMotto, type ParseLine } from './lines.ts';
import { editDistance, endsParagraph, endsSentence, joinWrapped, startsLower, startsUpper, isUpperLine, wordCount } from './text.ts';
import { findNumber } from './references.ts';

/** A heading title that only says the article was repealed: `(được bãi bỏ)`, `(bãi bỏ)[3]`. */
export function isRepealedTitle(title: string): boolean {
  return /^\((được\s+)?bãi\s+bỏ\)\s*(\[\d+\])?$/u.test(title.trim());
}

/** A sub-numbered item such as `1.1.` or `2.3` at the start of a line. */
export function isSubNumbered(text: string): boolean {
  // a capital must follow, so that a wrapped amount (`2.000 người`, `1.5 tỷ`) is not taken for one
  return /^\d{1,2}(?:\.\d{1,2})+\.?\s+[\p{Lu}\p{N}]/u.test(text);
}

/** A footnote line of a consolidated text: `[1] Điều này được bổ sung …`. */
export function isFootnoteLine(text: string): boolean {
  return /^\[\d{1,3}\]\s*\S/.test(text);
}

/**
 * Split footnote markers glued to the end of a heading title (`Hiệu lực thi hành[4]`): the title
 * without them, and the marker numbers (recorded by the caller, never dropped silently).
 */
export function splitFootnoteMarkers(title: string): { title: string; markers: string[] } {
  const markers: string[] = [];
  let t = title;
  for (let m = /\s*\[(\d{1,3})\]\s*$/.exec(t); m; m = /\s*\[(\d{1,3})\]\s*$/.exec(t)) {
    markers.unshift(m[1]!);
    t = t.slice(0, m.index);
  }
  return { title: t, markers };
}

/** Shared state of one document's parse. */
export interface ParseContext {
  diagnostics: Diagnostic[];
  discarded: DiscardedLine[];
  /** Source line → what took it: an element id, `meta:<field>`, or `discarded:<reason>`. */
  accounting: Map<number, string>;
  ids: Set<string>;
}

/** Make an id unique within the document (`dieu-5`, then `dieu-5-2`). */
export function uniqueId(ctx: ParseContext, base: string): string {
  let id = base;
  for (let k = 2; ctx.ids.has(id); k++) id = `${base}-${k}`;
  ctx.ids.add(id);
  return id;
}

/** Discard a line with a reason. */
export function discard(ctx: ParseContext, line: ParseLine, reason: DiscardedLine['reason']): void {
  ctx.discarded.push({ line: line.n, text: line.raw, reason });
  ctx.accounting.set(line.n, `discarded:${reason}`);
}

/** A piece of an element's text: a line, minus the words of a stripped prefix (marker, heading). */
export interface Part {
  line: ParseLine;
  text: string;
  skipWords: number;
}

/** Build a Part: the line text after `prefixLength` characters. */
export function part(line: ParseLine, prefixLength = 0): Part {
  const prefix = line.text.slice(0, prefixLength);
  return { line, text: line.text.slice(prefixLength).trim(), skipWords: wordCount(prefix) };
}

/** Text of parts, hard wraps joined. */
export function partsText(parts: Part[]): string {
  return parts.reduce((acc, p) => joinWrapped(acc, p.text), '');
}

/**
 * OCR provenance of an element from its parts (INTERFACES.md): tokens of all its lines, minus the
 * tokens of stripped prefixes (counted in whitespace-separated words; '' deletion tokens inside a
 * prefix go with it). Undefined when no line carries tokens.
 */
export function restorationOf(parts: Part[]): Restoration | undefined {
  if (!parts.some((p) => p.line.tokens)) return undefined;
  const tokens: RestoredToken[] = [];
  for (const p of parts) {
    const ts = p.line.tokens ?? p.text.split(/\s+/).filter(Boolean).map((t) => ({ text: t, ocr: t, confidence: 1 }));
    let skip = p.line.tokens ? p.skipWords : 0;
    let i = 0;
    while (skip > 0 && i < ts.length) {
      if (ts[i]!.text !== '') skip--;
      i++;
    }
    // deletions right after the prefix belong to the prefix too
    while (p.line.tokens && i < ts.length && ts[i]!.text === '' && p.skipWords > 0) i++;
    tokens.push(...ts.slice(i));
  }
  const original = tokens.map((t) => t.ocr).filter((t) => t !== '').join(' ');
  const confidence = tokens.length ? tokens.reduce((a, t) => a + t.confidence, 0) / tokens.length : 1;
  return { original, confidence: Math.round(confidence * 1000) / 1000, tokens };
}

interface BPoint { id: string; label: string; marker: string; parts: Part[]; tail: Part[][]; first: number; last: number }
interface BClause {
  id: string; kind: Clause['kind']; number: string | null; marker: string | null; parts: Part[];
  points: BPoint[]; tail: Part[][]; first: number; last: number;
}
interface BArticle { id: string; number: string; value: number | null; titleParts: Part[]; clauses: BClause[]; first: number; last: number; paragraphs: number }
interface BSection { id: string; number: string; titleParts: Part[]; articles: BArticle[]; first: number; last: number }
interface BChapter { id: string; number: string; value: number; titleParts: Part[]; articles: BArticle[]; sections: BSection[]; first: number; last: number }

/** Options of one body parse. */
export interface BodyOptions {
  /** `decision`: the decision's own articles (no chapters, text after `Điều N.` is body). */
  mode: 'decision' | 'regulation';
  /** Id prefix (`qd-` for the decision). */
  idPrefix: string;
}

/** Result of a body parse. */
export interface BodyResult {
  chapters: Chapter[];
  articles: Article[];
  /** Line number of the last line that belongs to the structure. */
  lastLine: number;
}

/** Parse one zone. */
export function parseBody(lines: ParseLine[], opts: BodyOptions, ctx: ParseContext): BodyResult {
  const chapters: BChapter[] = [];
  const loose: BArticle[] = [];
  let chapter = null as BChapter | null;
  let section = null as BSection | null;
  let article = null as BArticle | null;
  let clause = null as BClause | null;
  let point = null as BPoint | null;
  let inTail = false;
  let titleMode = null as 'chapter' | 'section' | 'article' | null;
  let prevText = ''; // last structural text line, for paragraph-break decisions
  let lastArticleValue = 0;
  let lastChapterValue = 0;
  let state = 'body' as 'body' | 'closing' | 'appendix';
  let lastLine = lines[0]?.n ?? 1;

  const touch = (n: number) => {
    lastLine = n;
    if (point) point.last = n;
    if (clause) clause.last = n;
    if (article) article.last = n;
    if (section) section.last = n;
    if (chapter) chapter.last = n;
  };
  const account = (n: number, id: string) => {
    ctx.accounting.set(n, id);
    touch(n);
  };
  const diag = (severity: Diagnostic['severity'], code: string, message: string, line: number) =>
    ctx.diagnostics.push({ severity, code, message, line });

  /** Decide whether a heading shape is a real article heading here. */
  const acceptArticle = (h: HeadingShape, line: ParseLine): number | null | false => {
    const expected = lastArticleValue + 1;
    const readable = h.values.length > 0;
    const value = readable ? (h.values.includes(expected) ? expected : h.values[0]!) : null;
    // `Điều 4. (được bãi bỏ)[3]`: a repealed article in a consolidated text keeps its heading
    const titleOk = h.title === '' || !startsLower(h.title) || opts.mode === 'decision' || isRepealedTitle(h.title);
    if (h.exact) {
      if (!readable) return false;
      if (h.punct) return titleOk ? value : false;
      // `Điều 5 Phạm vi` without punctuation: only in sequence, capitalised title, at a paragraph start
      return value === expected && h.title !== '' && startsUpper(h.title) && (prevText === '' || endsSentence(prevText)) && !/^\d/.test(h.title)
        ? value : false;
    }
    // fuzzy keyword (OCR): must have punctuation and fit the sequence
    if (!h.punct && !(h.title !== '' && startsUpper(h.title) && endsSentence(prevText || '.'))) return false;
    if (!titleOk) return false;
    if (!readable) return null; // glued unreadable number: inferred from sequence
    if (value !== null && value >= expected && value <= expected + 1) return value;
    void line;
    return false;
  };

  // The value of the first chapter heading after line index `i` (null if none), for a numeral that does not fit.
  const nextChapter = (i: number): number | null => {
    for (let k = i + 1; k < lines.length; k++) {
      const x = readHeading(lines[k]!.text);
      if (x?.kind === 'chapter' && x.values.length) return x.values[0]!;
    }
    return null;
  };
  const acceptChapter = (h: HeadingShape, at: number): number | false => {
    if (opts.mode === 'decision') return false;
    const expected = lastChapterValue + 1;
    // No number (lost by the scan, `Chuong`): the next in sequence, when nothing but a title in capitals follows.
    if (h.values.length === 0) return h.title === '' || isUpperLine(h.title) ? expected : false;
    if (h.title && startsLower(h.title)) return false;
    if (h.punct === ':' && h.title === '') return false;
    if (h.values.includes(expected)) return expected;
    // The number of the chapter before, again (a Roman numeral that lost a letter, `III` printed
    // `II`): the next in sequence (a chapter's number says where it is; a second Chương II is no chapter).
    if (lastChapterValue > 0 && h.values[0] === lastChapterValue) return expected;
    // After a chapter, a Roman numeral one letter away from the next in sequence (`V` printed for
    // `IV`), when the next chapter heading, if any, follows that: the number as read is no chapter of
    // this text. (A text may start at any chapter: an excerpt's first `Chương II` stays.)
    // So is one two letters away that goes back (`I` printed for `III` after `II`: Phú Quốc 2022 scan
    // layout, seed 881) when the next chapter heading follows that.
    if (lastChapterValue > 0 && /^[IVX]+$/u.test(h.printed)) {
      const d = editDistance(h.printed, toRoman(expected));
      const next = d <= 2 ? nextChapter(at) : undefined;
      if ((d === 1 && (next === null || next === expected + 1)) || (d === 2 && h.values[0]! < lastChapterValue && next === expected + 1)) return expected;
    }
    if (h.exact && h.values.length > 0) return h.values[0]!;
    if (h.values.includes(expected + 1)) return expected + 1;
    return false;
  };

  const closePoint = () => { point = null; inTail = false; };

  const newArticle = (h: HeadingShape, value: number | null, line: ParseLine) => {
    closePoint();
    clause = null;
    const expected = lastArticleValue + 1;
    let printed = h.printed;
    if (value === null) {
      value = expected;
      printed = String(expected);
      diag('warning', 'heading-number-inferred', `Article heading "${line.text.slice(0, 40)}" has an unreadable number; read as ${expected} from the sequence`, line.n);
    } else if (value === lastArticleValue && /^\d+[a-zđ]$/u.test(printed)) {
      // `Điều 4a` inserted after `Điều 4` (amended texts): in order
    } else if (value === lastArticleValue) {
      diag('warning', 'article-duplicate', `Article ${printed} appears twice`, line.n);
    } else if (value < expected) {
      diag('warning', 'article-out-of-order', `Article ${printed} follows article ${lastArticleValue}`, line.n);
    } else if (value > expected) {
      diag('warning', 'article-gap', `Article ${printed} follows article ${lastArticleValue}: ${value - expected} missing`, line.n);
    }
    if (!h.exact) diag('info', 'heading-ocr', `Article heading recognised despite OCR damage: "${line.text.slice(0, h.prefixLength).trim()}"`, line.n);
    lastArticleValue = Math.max(lastArticleValue, value);
    const numberText = /^\d+[a-zđ]?$/u.test(printed) ? printed : String(value);
    const id = uniqueId(ctx, `${opts.idPrefix}dieu-${numberText.toLowerCase().replace(/đ/g, 'dd')}`);
    const a: BArticle = { id, number: numberText, value, titleParts: [], clauses: [], first: line.n, last: line.n, paragraphs: 0 };
    const rest = part(line, h.prefixLength);
    if (opts.mode === 'decision' || rest.text.length > 160) {
      a.titleParts = [{ ...rest, text: '' }];
      article = a;
      pushArticle(a);
      account(line.n, id);
      if (rest.text) startParagraph(rest, line.n);
      titleMode = null;
    } else {
      a.titleParts = [rest];
      article = a;
      pushArticle(a);
      account(line.n, id);
      titleMode = 'article';
    }
  };

  const pushArticle = (a: BArticle) => {
    if (section) section.articles.push(a);
    else if (chapter) chapter.articles.push(a);
    else loose.push(a);
  };

  const ensureArticleForText = (line: ParseLine): boolean => {
    if (article) return true;
    // text before any article (preamble of a chapter, stray line): keep it visible as noise
    discard(ctx, line, 'noise');
    diag('warning', 'text-outside-article', `Text outside any article: "${line.text.slice(0, 60)}"`, line.n);
    return false;
  };

  const startParagraph = (p: Part, n: number) => {
    const a = article!;
    a.paragraphs++;
    const c: BClause = {
      id: uniqueId(ctx, `${a.id}-doan-${a.paragraphs}`), kind: 'paragraph', number: null, marker: null,
      parts: [p], points: [], tail: [], first: n, last: n,
    };
    a.clauses.push(c);
    clause = c;
    closePoint();
    account(n, c.id);
  };

  const numberedCount = () => article!.clauses.filter((c) => c.kind !== 'paragraph').length;

  // A hard-wrapped text (a scan's, a PDF's: nine lines in ten at most 100 characters) breaks a
  // paragraph's lines at the margin: a full stop at the end of a line as long as the text's lines,
  // with no blank line after it and the next line not indented, is a sentence ending where the line
  // did, not the end of a paragraph (`… của Trưởng ban.` / `Khi Trưởng ban vắng mặt …`). Stamp debris the
  // OCR restoration discarded, alone on its line between blank lines, stands inside a paragraph as
  // often as between two: across such a gap (at most 3 lines) the line's length decides the same way.
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const wrapped = lines.length >= 20 && p90 <= 100;
  const wrapsOn = (line: ParseLine, i: number): boolean => {
    const before = lines[i - 1];
    return wrapped && !!before && (before.n === line.n - 1 || (!!line.afterDiscarded && line.n - before.n <= 4)) && before.text.length >= 0.85 * p90 && !/^\s{2,}|^\t/u.test(line.raw);
  };
  for (const [i, line] of lines.entries()) {
    const text = line.text;
    if (state === 'appendix') { discard(ctx, line, 'appendix'); continue; }

    const h = readHeading(text);
    if (h && h.kind === 'chapter') {
      const value = acceptChapter(h, i);
      if (value !== false) {
        if (state === 'closing') state = 'body';
        closePoint(); clause = null; article = null; section = null;
        if (value <= lastChapterValue) diag('warning', 'chapter-out-of-order', `Chapter ${h.printed} follows chapter ${lastChapterValue}`, line.n);
        if (!h.exact) diag('info', 'heading-ocr', `Chapter heading recognised despite OCR damage: "${text.trim()}"`, line.n);
        if (h.values.length === 0) diag('warning', 'heading-number-inferred', `Chapter heading "${text.trim().slice(0, 40)}" has no readable number; read as ${value} from the sequence`, line.n);
        else if (!h.values.includes(value)) diag('warning', 'heading-number-inferred', `Chapter heading "${text.trim().slice(0, 40)}" has a number out of sequence; read as ${value} from the sequence`, line.n);
        lastChapterValue = Math.max(lastChapterValue, value);
        // (As printed when the heading's number is read as such; a number read from the sequence in the
        // style the heading printed.)
        const asPrinted = h.values.includes(value) && /^([IVXL]+|\d+)$/.test(h.printed);
        const printed = asPrinted ? h.printed : /^\d+$/.test(h.printed) ? String(value) : toRoman(value);
        chapter = { id: uniqueId(ctx, `chuong-${value}`), number: printed, value, titleParts: [part(line, h.prefixLength)], articles: [], sections: [], first: line.n, last: line.n };
        chapters.push(chapter);
        account(line.n, chapter.id);
        titleMode = 'chapter';
        prevText = text;
        continue;
      }
    }
    if (h && h.kind === 'section' && chapter && h.values.length > 0 && opts.mode === 'regulation' && (h.punct || h.title === '' || startsUpper(h.title))) {
      closePoint(); clause = null; article = null;
      const value = h.values[0]!;
      section = { id: uniqueId(ctx, `${chapter.id}-muc-${value}`), number: h.printed, titleParts: [part(line, h.prefixLength)], articles: [], first: line.n, last: line.n };
      chapter.sections.push(section);
      account(line.n, section.id);
      titleMode = 'section';
      prevText = text;
      continue;
    }
    if (h && h.kind === 'article') {
      const value = acceptArticle(h, line);
      if (value !== false) {
        if (state === 'closing') {
          if (value !== lastArticleValue + 1) { state = 'appendix'; diag('warning', 'appendix', 'Text after the end of the regulation (forms, appendices) is not part of it; discarded as appendix', line.n); discard(ctx, line, 'appendix'); continue; }
          state = 'body';
        }
        newArticle(h, value, line);
        prevText = text;
        continue;
      }
    }

    if (state === 'closing') {
      if (isSignerTitle(text) || isPersonName(text)) { discard(ctx, line, 'signature'); continue; }
      if (isNoise(text)) { discard(ctx, line, 'noise'); continue; }
      if (isPageNumber(text)) { discard(ctx, line, 'page-number'); continue; }
      state = 'appendix';
      diag('warning', 'appendix', 'Text after the end of the regulation (forms, appendices) is not part of it; discarded as appendix', line.n);
      discard(ctx, line, 'appendix');
      continue;
    }

    // appendix / form starting inside the regulation: motto, `Số:` line, `PHỤ LỤC`, `Mẫu số`
    if (opts.mode === 'regulation' && lastArticleValue > 0 &&
      (findMotto(text) || (/^s\S{0,2}\s*:/iu.test(text) && findNumber(text)) || /^(PH\S LỤC|PHU LUC|M\S U SỐ|Mẫu số)\b/u.test(text))) {
      state = 'appendix';
      diag('warning', 'appendix', `Appendix or form after the regulation ("${text.slice(0, 40)}") is not part of it; discarded as appendix`, line.n);
      discard(ctx, line, 'appendix');
      continue;
    }

    const read = readMarker(text);
    // A dash opening a wrapped line in the middle of a sentence is the text's own (`kinh tế` / `- xã
    // hội`, a scan's or a PDF's line break before it), not a bullet.
    const marker = read?.kind === 'bullet' && clause && prevText !== '' && !/[.;:!?…)]\s*$/u.test(prevText) && startsLower(text.slice(read.length)) ? null : read;
    if (isSeparator(text)) { discard(ctx, line, 'separator'); continue; }
    if (!marker) {
      if (isPageNumber(text)) { discard(ctx, line, 'page-number'); continue; }
      if (isNoise(text)) { discard(ctx, line, 'noise'); continue; }
    }

    // title continuation lines
    if (titleMode && !marker) {
      if ((titleMode === 'chapter' || titleMode === 'section') && isUpperLine(text)) {
        const target = titleMode === 'chapter' ? chapter! : section!;
        target.titleParts.push(part(line));
        account(line.n, target.id);
        prevText = text;
        continue;
      }
      // (Also a short line ending a title the scan wrapped before a capitalised word, `… giúp việc` /
      // `Trưởng ban`, when the article's first clause follows it.)
      const titleEnd = () => {
        const title = partsText(article!.titleParts), next = readMarker(lines[i + 1]?.text ?? '');
        return text.trim().split(/\s+/u).length <= 4 && !/[.;:!?…]\s*$/u.test(text) && title.trim() !== '' && !/[.;:!?…]\s*$/u.test(title) && next?.kind === 'clause' && next.label === '1';
      };
      // (Not a long line whose sentence goes on in small letters on the next: the first paragraph, its
      // first word restored in small letters, `sở Thông tin … của Ban chỉ đạo,` / `có trách nhiệm`: Bình Định
      // 2021 scan layout, seeds 193 and 887. A title the scan wrapped ends on its second line.)
      const paragraph = text.trim().length >= 60 && startsLower(lines[i + 1]?.text ?? '');
      if (titleMode === 'article' && ((startsLower(text) && !paragraph) || titleEnd()) && partsText(article!.titleParts).length < 150) {
        article!.titleParts.push(part(line));
        account(line.n, article!.id);
        prevText = text;
        continue;
      }
    }
    titleMode = null;

    if (marker?.kind === 'clause' && article) {
      const expectedClause = numberedCount() + 1;
      const num = Number(marker.label);
      // `4,` and `4)` are accepted only in sequence (OCR, or a list); `4.` always opens a clause
      if (marker.printed.endsWith('.') || num === expectedClause) {
        closePoint();
        if (num !== expectedClause) diag('info', 'clause-out-of-sequence', `Clause ${num} in article ${article.number} where ${expectedClause} was expected`, line.n);
        const c: BClause = {
          id: uniqueId(ctx, `${article.id}-khoan-${num}`), kind: 'numbered', number: String(num), marker: marker.printed,
          parts: [part(line, marker.length)], points: [], tail: [], first: line.n, last: line.n,
        };
        article.clauses.push(c);
        clause = c;
        account(line.n, c.id);
        prevText = text;
        if (hasEndMark(text) && opts.mode === 'regulation') state = 'closing';
        continue;
      }
    }
    if (marker?.kind === 'point' && article && clause) {
      const c: BClause = clause;
      const prevLabel = c.points.length ? c.points[c.points.length - 1]!.label : null;
      const idx = POINT_LETTERS.indexOf(marker.label);
      const prevIdx = prevLabel ? POINT_LETTERS.indexOf(prevLabel) : -1;
      // (Up to two letters skipped: `đ` is often not used, and a scan may lose a marker, `d.`, `. Chỉ`, `g.`.)
      if ((prevLabel === null && idx <= 1) || (idx > prevIdx && idx <= prevIdx + 3 && prevIdx >= 0)) {
        if (prevLabel === null && c.tail.length) diag('info', 'paragraphs-before-points', `${c.id} has ${c.tail.length} further paragraph(s) before its first point; they are kept as its tail`, line.n);
        if (idx !== prevIdx + 1) diag('info', 'point-gap', `Point ${marker.label} follows ${prevLabel ?? 'nothing'} in ${c.id}`, line.n);
        const p: BPoint = { id: uniqueId(ctx, `${c.id}-diem-${pointIdLabel(marker.label)}`), label: marker.label, marker: marker.printed, parts: [part(line, marker.length)], tail: [], first: line.n, last: line.n };
        c.points.push(p);
        point = p;
        inTail = false;
        account(line.n, p.id);
        prevText = text;
        continue;
      }
    }
    if (marker?.kind === 'bullet' && article && point && !/^[-–—+•·∙▪]$/.test(point.marker)) {
      // a dash inside a lettered point is a sub-item the model has no level for: it stays in the point's text
      point.parts.push(part(line));
      account(line.n, point.id);
      prevText = text;
      continue;
    }
    if (marker?.kind === 'bullet' && article) {
      const c: BClause | null = clause;
      const asPoint = c !== null && (c.kind === 'numbered' || partsText(c.parts).endsWith(':') || (c.points.length > 0 && c.points[0]!.marker === marker.printed));
      if (asPoint && c) {
        const label = String(c.points.length + 1);
        const p: BPoint = { id: uniqueId(ctx, `${c.id}-diem-${label}`), label, marker: marker.printed, parts: [part(line, marker.length)], tail: [], first: line.n, last: line.n };
        c.points.push(p);
        point = p;
        inTail = false;
        account(line.n, p.id);
      } else {
        closePoint();
        const num = numberedCount() + 1;
        const nc: BClause = {
          id: uniqueId(ctx, `${article.id}-khoan-${num}`), kind: 'bullet', number: String(num), marker: marker.printed,
          parts: [part(line, marker.length)], points: [], tail: [], first: line.n, last: line.n,
        };
        article.clauses.push(nc);
        clause = nc;
        account(line.n, nc.id);
      }
      prevText = text;
      if (hasEndMark(text) && opts.mode === 'regulation') state = 'closing';
      continue;
    }

    // plain text line
    if (isFootnoteLine(text)) {
      discard(ctx, line, 'footnote');
      diag('info', 'footnote', `Footnote of a consolidated text: "${text.slice(0, 60)}"`, line.n);
      continue;
    }
    if (!ensureArticleForText(line)) continue;
    // a sub-numbered item (`1.1.`, `2.3`) has no level in the model: it is a paragraph of its own
    // (tail of the clause or point it belongs to), keeping its number as printed
    const isBreak = (prevText !== '' && endsParagraph(prevText) && startsUpper(text) && !wrapsOn(line, i)) || isSubNumbered(text);
    const p = part(line);
    if (point) {
      // a new paragraph after a point continues that point; whether it rather closes the whole
      // clause is only known at the end (no further point follows): see `finishClause`
      if (!isBreak && !inTail) { point.parts.push(p); account(line.n, point.id); }
      else if (!isBreak && inTail) { point.tail[point.tail.length - 1]!.push(p); account(line.n, point.id); }
      else { point.tail.push([p]); inTail = true; account(line.n, point.id); }
    } else if (clause && !isBreak) {
      if (clause.tail.length) clause.tail[clause.tail.length - 1]!.push(p);
      else clause.parts.push(p);
      account(line.n, clause.id);
    } else if (clause && clause.kind !== 'paragraph') {
      // once numbered (or bullet) clauses have started, an unmarked paragraph is a further
      // paragraph of the preceding clause, never a new article-level paragraph (đoạn)
      clause.tail.push([p]);
      account(line.n, clause.id);
    } else {
      startParagraph(p, line.n);
    }
    prevText = text;
    if (hasEndMark(text) && opts.mode === 'regulation') state = 'closing';
  }

  // ─── finalise ───
  const finishArticle = (a: BArticle): Article => {
    const { title: titleText, markers } = splitFootnoteMarkers(partsText(a.titleParts));
    for (const mk of markers) diag('info', 'footnote-marker', `Footnote marker [${mk}] after the heading of article ${a.number} is recorded here and removed from its title`, a.first);
    const restoration = restorationOf(a.titleParts);
    return {
      id: a.id,
      number: a.number,
      title: titleText,
      lines: [a.first, Math.max(a.first, a.last)],
      clauses: a.clauses.map(finishClause),
      ...(restoration ? { restoration } : {}),
    };
  };
  /**
   * Paragraphs after the LAST point of a clause are read as the clause's closing paragraphs
   * (`tail`), the usual layout of a wrap-up sentence; paragraphs followed by another point stay
   * with their point. The accounting of their lines moves with them.
   */
  const finishClause = (c: BClause): Clause => {
    const lastPoint = c.points[c.points.length - 1];
    if (lastPoint && lastPoint.tail.length) {
      for (const para of lastPoint.tail) for (const q of para) ctx.accounting.set(q.line.n, c.id);
      c.tail.push(...lastPoint.tail);
      lastPoint.tail = [];
      lastPoint.last = Math.max(...lastPoint.parts.map((q) => q.line.n));
    }
    return ({
        id: c.id,
        text: partsText(c.parts),
        lines: [c.first, Math.max(c.first, c.last)],
        ...(restorationOf(c.parts) ? { restoration: restorationOf(c.parts)! } : {}),
        kind: c.kind,
        number: c.number,
        marker: c.marker,
        points: c.points.map((p): Point => ({
          id: p.id,
          text: partsText(p.parts),
          lines: [p.first, Math.max(p.first, p.last)],
          ...(restorationOf(p.parts) ? { restoration: restorationOf(p.parts)! } : {}),
          label: p.label,
          marker: p.marker,
          tail: p.tail.map(partsText),
        })),
        tail: c.tail.map(partsText),
      });
  };
  const out: BodyResult = {
    chapters: chapters.map((ch): Chapter => {
      const restoration = restorationOf(ch.titleParts);
      const result: Chapter = {
        id: ch.id,
        number: ch.number,
        value: ch.value,
        title: trimLeadingJunk(partsText(ch.titleParts)),
        lines: [ch.first, Math.max(ch.first, ch.last)],
        articles: ch.articles.map(finishArticle),
        sections: ch.sections.map((s): Section => ({
          id: s.id, number: s.number, title: trimLeadingJunk(partsText(s.titleParts)),
          lines: [s.first, Math.max(s.first, s.last)], articles: s.articles.map(finishArticle),
        })),
        ...(restoration ? { restoration } : {}),
      };
      if (result.articles.length === 0 && result.sections.every((s) => s.articles.length === 0)) {
        diag('warning', 'chapter-empty', `Chapter ${ch.number} has no articles`, ch.first);
      }
      return result;
    }),
    articles: loose.map(finishArticle),
    lastLine,
  };
  return out;
}
