/**
 * The parser: normalised (optionally OCR-restored) source lines → Document. Finds the zones of a
 * Vietnamese decision with an attached regulation — letterhead, type line, preamble (title, issuer,
 * legal bases), the decision's own articles, closing (recipients, signature), the regulation — and
 * hands each zone to its reader. Guarantee: every line is accounted for in `accounting` (element id,
 * `meta:<field>` or `discarded:<reason>`).
 */
import type { Decision, Diagnostic, Document, Jurisdiction, LegalReference, OcrReport, Printed, Regulation } from '../schema.ts';
import { z } from 'zod';
import { CommitteeSchema } from '../schema.ts';
import { parseBody, part, partsText, discard, type ParseContext, type Part } from './body.ts';
import { readHeading } from './headings.ts';
import { isNoise, type ParseLine } from './lines.ts';
import { basisStart, damagedRegulationStart, damagedTypeLine, isIssuedWithLine, isOperativeLine, isTypeLine, printedRegulationType, readClosing, readLetterhead, readPreamble, regulationTypeOf, resolveVariants } from './metadata.ts';
import { findDate, findNumber, findReferences } from './references.ts';
import { editDistance, foldAligned } from './text.ts';
import { findMotto, matchRecipientsHeading, isSignerTitle } from './lines.ts';
import { foldKey, slugify } from '../fold.ts';

export type { ParseLine } from './lines.ts';

/** What the parser is told about the source (manifest entry fields; all optional for unknown files). */
export interface ParseMeta {
  id?: string;
  work?: string;
  year?: number;
  jurisdiction?: Jurisdiction;
  committee?: z.infer<typeof CommitteeSchema>;
  source: string;
  original?: string | null;
  sha256: string;
  encoding: string;
  layout: 'plain' | 'markdown' | 'pdf';
  lineCount: number;
  ocr?: OcrReport;
}

/** Result of a parse. */
export interface ParseResult {
  document: Document;
  diagnostics: Diagnostic[];
  /** Source line → element id, `meta:<field>` or `discarded:<reason>` (the "nothing is lost" ledger). */
  accounting: Map<number, string>;
}

const exactArticle = (text: string) => {
  const h = readHeading(text);
  return !!h && h.kind === 'article' && h.exact && !!h.punct && h.values.length > 0;
};

/**
 * Where an attached regulation starts when neither its type line nor its `(kèm theo …)` line could be
 * found: the first chapter numbered 1 (`Chương I`), or article numbered 1 (`Điều 1.`), after the
 * decision's closing began (`closingStart`); -1 when there is none.
 */
function firstChapterAfterClosing(lines: ParseLine[], from: number): number {
  for (let i = closingStart(lines, from, lines.length) + 1; i < lines.length; i++) {
    const t = lines[i]!.text, h = readHeading(t);
    if (h && h.values[0] === 1 && (h.kind === 'chapter' || exactArticle(t))) return i;
  }
  return -1;
}

/** The first line in [from, end) that opens a decision's closing: its recipients, a national motto, or a signer's title after the first line; `end` if none does. */
function closingStart(lines: ParseLine[], from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const t = lines[i]!.text;
    if (matchRecipientsHeading(t) || findMotto(t) || (isSignerTitle(t) && i > from)) return i;
  }
  return end;
}

/** Parse lines into a Document (see module doc). Never throws on odd input; problems become diagnostics. */
export function parseLines(lines: ParseLine[], meta: ParseMeta, file: string): ParseResult {
  const ctx: ParseContext = { diagnostics: [], discarded: [], accounting: new Map(), ids: new Set() };
  const firstLine = lines[0]?.n ?? 1;
  const lastLineN = lines[lines.length - 1]?.n ?? 1;
  const firstArticle = lines.findIndex((l) => exactArticle(l.text));
  const searchEnd = firstArticle >= 0 ? firstArticle : Math.min(lines.length, 80);

  // ─── zones ───
  let iType = -1;
  for (let i = 0; i < searchEnd; i++) if (isTypeLine(lines[i]!.text)) { iType = i; break; }
  if (iType < 0) {
    iType = damagedTypeLine(lines, searchEnd);
    if (iType >= 0) ctx.diagnostics.push({ severity: 'warning', code: 'type-line-unread', message: `Document type line not read as a type ("${lines[iType]!.text.trim()}"); taken for one above the "QUYẾT ĐỊNH:" line`, line: lines[iType]!.n });
  }
  let iRegHead = -1; // regulation type line with nothing before it but letterhead
  if (iType < 0) for (let i = 0; i < searchEnd; i++) if (regulationTypeOf(lines[i]!.text)) { iRegHead = i; break; }

  const decisionDiagLine = (i: number) => lines[i]?.n ?? firstLine;
  let head = { authority: [] as string[], numbers: [] as Printed[], dates: [] as Printed[], place: null as string | null, headings: [] as string[] };
  let decisionType = '';
  let title = '';
  let issuer: string | null = null;
  let note: string | null = null;
  let bases: Decision['bases'] = [];
  let decisionArticles: Decision['articles'] = [];
  let recipients: Decision['recipients'] = [];
  let signature: Decision['signature'] = null;
  let regulation: Regulation | null = null;
  let decisionLines: [number, number] = [firstLine, firstLine];
  const dateVariants: Printed[] = [];
  const numberVariants: Printed[] = [];

  const readRegulation = (from: number) => {
    const typeLine = lines[from]!;
    const type = printedRegulationType(typeLine.text);
    ctx.accounting.set(typeLine.n, 'meta:regulation.type');
    const titleParts: Part[] = [];
    const rest = typeLine.text.slice(type.length).trim();
    // (One or two letters after the type are a scan's stamp debris, `QUY CHẾ N`, not the title's first word.)
    if (rest && !/^\p{L}{1,2}$/u.test(rest)) titleParts.push({ line: typeLine, text: rest, skipWords: type.split(/\s+/).length });
    let i = from + 1;
    const issuedParts: Part[] = [];
    for (; i < lines.length; i++) {
      const l = lines[i]!;
      if (readHeading(l.text) && (exactArticle(l.text) || readHeading(l.text)!.kind === 'chapter')) break;
      if (issuedParts.length === 0 && isIssuedWithLine(l.text) || issuedParts.length > 0 && !/\)\s*$/.test(partsText(issuedParts))) {
        issuedParts.push(part(l));
        ctx.accounting.set(l.n, 'meta:regulation.issuedWith');
        if (/\)\s*$/.test(l.text) || issuedParts.length >= 4) { i++; break; }
        continue;
      }
      if (issuedParts.length > 0) break;
      if (isNoise(l.text)) { discard(ctx, l, 'noise'); continue; }
      if (titleParts.length > 0 && /^[(]/.test(l.text)) break;
      titleParts.push(part(l));
      ctx.accounting.set(l.n, 'meta:regulation.title');
    }
    const issuedWith = issuedParts.length ? partsText(issuedParts) : null;
    if (issuedWith) {
      const n = findNumber(issuedWith);
      const line = issuedParts[0]!.line.n;
      if (n) numberVariants.push({ printed: n.printed, value: n.value, where: 'annex', line });
      const d = findDate(issuedWith);
      if (d) dateVariants.push({ printed: d.printed.trim(), value: d.value, where: 'annex', line });
    }
    readRegulationBody(i, typeLine.n, type, partsText(titleParts), issuedWith);
  };
  // The regulation's chapters and articles from line `start` on (its lines from `first`, where its
  // type line or, without one, its body starts). A regulation whose type and title lines the scan
  // damaged past finding, or a text with no front matter, has no type or title.
  const readRegulationBody = (start: number, first: number, type = '', title = '', issuedWith: string | null = null) => {
    const body = parseBody(lines.slice(start), { mode: 'regulation', idPrefix: '' }, ctx);
    regulation = { type, title, issuedWith, lines: [first, Math.max(first, lastLineN)], chapters: body.chapters, articles: body.articles };
  };

  if (iType >= 0) {
    head = readLetterhead(lines.slice(0, iType), ctx);
    decisionType = lines[iType]!.text;
    ctx.accounting.set(lines[iType]!.n, 'meta:type');
    let iOp = -1;
    for (let i = iType + 1; i < lines.length; i++) {
      if (isOperativeLine(lines[i]!.text)) { iOp = i; break; }
      if (exactArticle(lines[i]!.text)) break;
    }
    let iBodyStart: number;
    if (iOp >= 0) {
      ctx.accounting.set(lines[iOp]!.n, 'meta:operative');
      iBodyStart = iOp + 1;
    } else {
      iBodyStart = lines.findIndex((l, k) => k > iType && (exactArticle(l.text) || (readHeading(l.text)?.kind === 'chapter' && !basisStart(l.text))));
      if (iBodyStart < 0) iBodyStart = lines.length;
      ctx.diagnostics.push({ severity: 'info', code: 'operative-line-missing', message: 'No "QUYẾT ĐỊNH:" line before the articles', line: decisionDiagLine(iType) });
    }
    const pre = readPreamble(lines.slice(iType + 1, iOp >= 0 ? iOp : iBodyStart), ctx, head);
    title = pre.title;
    issuer = pre.issuer;
    note = pre.note;
    bases = pre.bases;
    // regulation start, and the end of the decision's articles
    let iReg = -1;
    // the attached regulation's type line (`QUY CHẾ`), not a chapter title such as `QUY ĐỊNH CHUNG`
    for (let i = iBodyStart; i < lines.length; i++) {
      const t = lines[i]!.text;
      if (!regulationTypeOf(t) || readHeading(t)) continue;
      if (readHeading(lines[i - 1]?.text ?? '')?.kind === 'chapter') continue;
      const next = lines[i + 1]?.text ?? '';
      if (readHeading(next)?.kind === 'article') continue;
      iReg = i;
      break;
    }
    if (iReg < 0) {
      iReg = damagedRegulationStart(lines, iBodyStart);
      if (iReg >= 0) ctx.diagnostics.push({ severity: 'warning', code: 'regulation-type-unread', message: `Regulation type line not read as a type ("${lines[iReg]!.text.trim()}"); taken for one above its "(kèm theo …)" line`, line: lines[iReg]!.n });
    }
    let untitled = false;
    if (iReg < 0) {
      iReg = firstChapterAfterClosing(lines, iBodyStart);
      untitled = iReg >= 0;
      if (untitled) ctx.diagnostics.push({ severity: 'warning', code: 'regulation-start-unread', message: `No regulation type line found after the decision's closing; the regulation is taken to start at its first chapter or article ("${lines[iReg]!.text.trim()}"), without a type or title`, line: lines[iReg]!.n });
    }
    const regStart = iReg >= 0 ? iReg : lines.length;
    const decEnd = closingStart(lines, iBodyStart, regStart);
    const decLines = lines.slice(iBodyStart, decEnd);
    // a decree, circular or law (not a QUYẾT ĐỊNH) without an attached regulation is itself the regulation,
    // and so is any text whose own articles sit in chapters
    const notDecision = editDistance(foldAligned(decisionType).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim(), 'quyet dinh') > 2;
    const hasChapters = iReg < 0 && (notDecision || decLines.some((l) => readHeading(l.text)?.kind === 'chapter' && readHeading(l.text)!.exact));
    if (hasChapters) {
      // a decree-like text: its body is the structured regulation
      const body = parseBody(decLines, { mode: 'regulation', idPrefix: '' }, ctx);
      const span: [number, number] = decLines.length ? [decLines[0]!.n, decLines[decLines.length - 1]!.n] : [lines[iType]!.n, lines[iType]!.n];
      regulation = { type: decisionType, title: pre.title, issuedWith: null, lines: span, chapters: body.chapters, articles: body.articles };
    } else {
      decisionArticles = parseBody(decLines, { mode: 'decision', idPrefix: 'qd-' }, ctx).articles;
    }
    const closing = readClosing(lines.slice(decEnd, regStart), ctx);
    recipients = closing.recipients;
    signature = closing.signature;
    dateVariants.push(...closing.dates);
    decisionLines = [firstLine, lines[regStart - 1]?.n ?? firstLine];
    if (iReg >= 0) {
      if (untitled) readRegulationBody(iReg, lines[iReg]!.n);
      else readRegulation(iReg);
    }
  } else if (iRegHead >= 0) {
    head = readLetterhead(lines.slice(0, iRegHead), ctx);
    decisionLines = [firstLine, lines[Math.max(0, iRegHead - 1)]!.n];
    readRegulation(iRegHead);
    ctx.diagnostics.push({ severity: 'info', code: 'decision-missing', message: 'No issuing decision found; the text starts with the regulation', line: decisionDiagLine(iRegHead) });
  } else {
    // no recognisable front matter: everything is body
    readRegulationBody(0, firstLine);
    ctx.diagnostics.push({ severity: 'info', code: 'decision-missing', message: 'No document type line (QUYẾT ĐỊNH …) found; the whole text is read as articles', line: firstLine });
  }

  numberVariants.unshift(...head.numbers);
  dateVariants.unshift(...head.dates);
  const number = resolveVariants(numberVariants, 'number', ctx);
  const date = resolveVariants(dateVariants, 'date', ctx);

  // effect sentence and replaced decisions, from the decision's articles
  // decrees state entry into force in their last articles; decisions in their own
  const { effect, replaces } = effectOf(decisionArticles, regulation as Regulation | null);

  const reg = regulation as Regulation | null;
  const articleCount = decisionArticles.length + (reg ? reg.articles.length + reg.chapters.reduce((a, c) => a + c.articles.length + c.sections.reduce((s, x) => s + x.articles.length, 0), 0) : 0);
  if (articleCount === 0) ctx.diagnostics.push({ severity: 'error', code: 'no-articles', message: 'No article (Điều) found: this does not look like a legal text', line: firstLine });

  // ─── metadata the manifest may not give (unknown files) ───
  // year: the resolved date, else a year printed in any date printing (blank day/month), else the latest date
  // the legal bases cite (a text is issued after what it cites), else the first year in the text
  const printedYear = date.variants.map((v) => /\b(19|20)\d{2}\b/.exec(v.printed)?.[0]).find(Boolean);
  const basesYear = latestCitedYear(bases.map((b) => b.text));
  const anyYear = lines.map((l) => /\b(19|20)\d{2}\b/.exec(l.text)?.[0]).find(Boolean);
  const year = meta.year ?? Number((date.value ?? '').slice(0, 4) || printedYear || basesYear || anyYear || 1970);
  const jurisdiction = meta.jurisdiction ?? deriveJurisdiction(head.place, head.authority, title);
  const committee = meta.committee ?? deriveCommittee(`${title} ${issuer ?? ''}`, reg?.title ?? '');
  const id = meta.id ?? (jurisdiction.id !== 'khong-ro' ? `${jurisdiction.id}-${year}` : slugify(file.split('/').pop()!.replace(/\.[^.]+$/, '')) || 'van-ban');
  const docTitle = reg && foldKey(reg.type).startsWith('quy che') && meta.committee
    ? `Quy chế hoạt động của ${meta.committee.name} (${year})`
    : reg && reg.title ? `${capitalise(reg.type)} ${titleAfterType(reg.title)} (${year})` : `${capitalise(decisionType) || 'Văn bản'} ${title}`.trim();

  const decision: Decision = {
    type: decisionType,
    number,
    date,
    place: head.place,
    authority: head.authority,
    issuer,
    note,
    title,
    bases,
    articles: decisionArticles,
    recipients,
    signature,
    replaces,
    effect,
    lines: [decisionLines[0], Math.max(decisionLines[0], decisionLines[1])],
  };
  const ocr: OcrReport = meta.ocr ?? { detected: false, restored: false, invalidShare: 0, meanConfidence: 1, lowConfidence: [], corrections: [], method: '' };
  const document: Document = {
    id,
    work: meta.work ?? jurisdiction.id,
    year,
    title: docTitle,
    jurisdiction,
    committee,
    decision,
    regulation: reg,
    relations: [],
    annotations: [],
    provenance: {
      source: meta.source,
      original: meta.original ?? null,
      sha256: meta.sha256,
      encoding: meta.encoding,
      layout: meta.layout,
      lineCount: meta.lineCount,
      ocr,
      discarded: [...ctx.discarded].sort((a, b) => a.line - b.line),
      diagnostics: ctx.diagnostics,
    },
  };
  return { document, diagnostics: ctx.diagnostics, accounting: ctx.accounting };
}

/** The latest year of the dates (`ngày 19/02/2021`, `ngày 30 tháng 9 năm 2021`) in some texts, as a string, or null. */
export function latestCitedYear(texts: string[]): string | null {
  let best: number | null = null;
  for (const t of texts) {
    for (const m of t.matchAll(/ngày\s*\d{0,2}\s*(?:\/\s*\d{0,2}\s*\/|tháng\s*\d{0,2}\s*năm)\s*((?:19|20)\d{2})\b/giu)) {
      const y = Number(m[1]);
      if (best === null || y > best) best = y;
    }
  }
  return best === null ? null : String(best);
}

/**
 * A regulation title as it reads after its type (`Quy chế` + `Hoạt động của …` → `hoạt động của …`): a
 * leading all-capitals run (`HOẠT ĐỘNG của`) and a capitalised first word are lowered, unless the next word is
 * capitalised too (`Ban Chỉ đạo …` is a name and stays).
 */
export function titleAfterType(title: string): string {
  const words = title.trim().split(/\s+/u);
  const isCaps = (w: string) => /\p{L}/u.test(w) && w === w.toLocaleUpperCase('vi') && [...w.replace(/[^\p{L}]/gu, '')].length >= 2;
  let i = 0;
  while (i < words.length && isCaps(words[i]!)) i++;
  if (i > 0 && i < words.length) return [...words.slice(0, i).map((w) => w.toLocaleLowerCase('vi')), ...words.slice(i)].join(' ');
  if (i > 0) return title;
  const [first, second] = words;
  const capitalised = (w: string | undefined) => !!w && /^\p{Lu}/u.test(w);
  if (capitalised(first) && !capitalised(second)) return [first!.charAt(0).toLocaleLowerCase('vi') + first!.slice(1), ...words.slice(1)].join(' ');
  return words.join(' ');
}

function capitalise(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** Jurisdiction from the place of issue and the letterhead (unknown files). */
export function deriveJurisdiction(place: string | null, authority: string[], title: string): Jurisdiction {
  const all = `${authority.join(' ')} ${title}`;
  const f = foldKey(all);
  if (/^(chinh phu|quoc hoi|thu tuong|bo |uy ban thuong vu)/.test(foldKey(authority[0] ?? ''))) return { id: 'viet-nam', name: 'Việt Nam', level: 'quoc-gia', parent: null };
  const level: Jurisdiction['level'] = /\bthanh pho\b/.test(f) ? 'thanh-pho' : /\bthi xa\b/.test(f) ? 'thi-xa' : /\bhuyen\b/.test(f) ? 'huyen' : 'tinh';
  let name = place?.replace(/^.*\b(tỉnh|thành phố|huyện)\s+/iu, '').trim() || null;
  if (!name) {
    const m = /(?:tỉnh|thành phố|huyện|thị xã)\s+([\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3})/u.exec(title);
    name = m?.[1] ?? null;
  }
  if (!name) return { id: 'khong-ro', name: 'Không rõ', level, parent: null };
  return { id: slugify(name) || 'khong-ro', name, level, parent: null };
}

/** Committee from the decision title (unknown files). */
export function deriveCommittee(title: string, regulationTitle: string): z.infer<typeof CommitteeSchema> {
  const text = `${title} ${regulationTitle}`;
  const m = /(Ban [Cc]hỉ đạo[^,;()]*?)(?:\s*$|[,;()]|\s+và\s+Tổ)/u.exec(text);
  const f = foldKey(text);
  const programme: z.infer<typeof CommitteeSchema>['programme'] = /chuyen doi so/.test(f) ? 'chuyen-doi-so' : /chinh quyen dien tu/.test(f) ? 'chinh-quyen-dien-tu' : 'khac';
  return { name: (m?.[1] ?? title).trim() || 'Không rõ', programme };
}

/**
 * The decision's effect clause (`Quyết định này có hiệu lực …`) and the texts it replaces (`… thay thế
 * Quyết định số 85/QĐ-BCĐ …`), read from the decision's articles (or the regulation's last three when
 * the decision has none). Parsing uses it, and the corrections layer again on the corrected text.
 */
export function effectOf(decisionArticles: Decision['articles'], regulation: Regulation | null): { effect: string | null; replaces: LegalReference[] } {
  const articleTexts = (arts: Decision['articles']) => arts.flatMap((a) => a.clauses.flatMap((c) => [c.text, ...c.points.map((p) => p.text), ...c.tail]));
  const regArticles = regulation ? [...regulation.articles, ...regulation.chapters.flatMap((c) => [...c.articles, ...c.sections.flatMap((x) => x.articles)])] : [];
  const decisionTexts = decisionArticles.length ? articleTexts(decisionArticles) : articleTexts(regArticles.slice(-3));
  let effect: string | null = null;
  const replaces: LegalReference[] = [];
  for (const t of decisionTexts) {
    const f = foldAligned(t);
    const k = f.search(/hi\S{1,2}u\s*l\S{1,2}c/);
    if (effect === null && k >= 0) {
      const start = Math.max(0, t.lastIndexOf('. ', k) + (t.lastIndexOf('. ', k) >= 0 ? 2 : 0));
      effect = t.slice(start).trim();
    }
    const r = f.search(/thay\s*th\S\b/);
    if (r >= 0) for (const ref of findReferences(t.slice(r))) if (ref.kind !== 'to-trinh') replaces.push(ref);
  }
  return { effect, replaces };
}
