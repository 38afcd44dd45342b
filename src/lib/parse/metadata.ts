/**
 * Decision metadata: letterhead (authority, number, place, date), preamble (title, issuer, legal
 * bases), closing (recipients, signature block, digital signature) and the resolution of values
 * printed several times, possibly inconsistently.
 */
import type { LegalBasis, Printed, Signature, VariantValue } from '../schema.ts';
import { editDistance, foldAligned, isUpperLine, startsLower, startsUpper, endsSentence } from './text.ts';
import { findDate, findNumber, findReferences } from './references.ts';
import { readHeading } from './headings.ts';
import { discard, isFootnoteLine, part, partsText, restorationOf, uniqueId, type ParseContext, type Part } from './body.ts';
import { findMotto, isSeparator, isNoise, isPageNumber, isPersonName, isSignerTitle, matchDigitalField, matchRecipientsHeading, type ParseLine } from './lines.ts';

/** Decision-level document types (folded). */
const DECISION_TYPES = ['quyet dinh', 'nghi dinh', 'thong tu', 'thong tu lien tich', 'chi thi', 'nghi quyet', 'luat', 'phap lenh', 'lenh', 'quy dinh'];
/** Attached regulation types (folded prefixes). */
const REGULATION_TYPES = ['quy che', 'quy dinh', 'dieu le', 'noi quy', 'quy trinh', 'huong dan'];

/** Letters and spaces of the folded text, single-spaced. */
function foldedWords(text: string): string {
  return foldAligned(text).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A line naming the document type (`QUYẾT ĐỊNH`, OCR `QUYET PINH`, a restoration's `QUYẾT TRÌNH`),
 * not the `QUYẾT ĐỊNH:` operative line: a type of 8 letters or more within 1 edit, of 10 or more within 2,
 * with or without a stray word of one to three letters after it.
 */
export function isTypeLine(text: string, types = DECISION_TYPES): boolean {
  if (!isUpperLine(text) || text.length > 40 || /:\s*$/.test(text)) return false;
  const w = foldedWords(text);
  // (Also with a stray word of one to three letters after it: stamp debris the restorer read, `QUYẾT ĐỊNH ÁN`, `QUYẾT ĐỊNH NGỮ`.)
  const short = w.replace(/ [a-z]{1,3}$/u, '');
  return types.some((t) => [w, short].some((x) => x === t || (t.length >= 8 && editDistance(x, t) <= (t.length >= 10 ? 2 : 1))));
}

/** The operative line `QUYẾT ĐỊNH:` (also `QUYẾT NGHỊ:`, OCR-damaged). */
export function isOperativeLine(text: string): boolean {
  if (!/:\s*$/.test(text) || text.length > 30) return false;
  const w = foldedWords(text);
  return ['quyet dinh', 'quyet nghi', 'nghi dinh', 'ban hanh', 'chi thi'].some((t) => editDistance(w, t) <= 2);
}

/** A line opening an attached regulation: `QUY CHẾ`, `QUY ĐỊNH`, `QUY CHẾ HOẠT ĐỘNG` … */
export function regulationTypeOf(text: string): string | null {
  if (!isUpperLine(text.split(/\s+/).slice(0, 2).join(' ')) || text.length > 80) return null;
  const w = foldedWords(text);
  const t = REGULATION_TYPES.find((r) => w === r || w.startsWith(`${r} `));
  if (!t) return null;
  return text.trim().split(/\s+/).slice(0, 2).join(' ');
}

/** The line under a regulation's title naming the decision it comes with: `(Ban hành kèm theo Quyết định số …`, `(kèm theo …`. */
export function isIssuedWithLine(text: string): boolean {
  return /^[(*]/.test(text) && /kem theo|ban h/iu.test(foldAligned(text.slice(0, 40)));
}
/**
 * The type line of an attached regulation the scan damaged past reading as a type (`QUY CHẾ` printed
 * `QUY PHUHI`, restored `QUY PHÍ`), found by the regulation's other marks: a line of capitals at most
 * four lines above the first `(kèm theo …)` line after the decision's body starts (and before any
 * chapter heading), either short (three words at most) with `QUY` first or its first two words within
 * 3 edits of a type, or of up to eight words with `QUY` first (the type and the title's first words on
 * one line, `QUY PHÍ HOẠT ĐỘNG`: Bình Định 2021 scan layout, seed 1617); -1 when there is none.
 */
export function damagedRegulationStart(lines: ParseLine[], from: number): number {
  for (let k = from; k < lines.length; k++) {
    const t = lines[k]!.text;
    if (readHeading(t)?.kind === 'chapter') return -1;
    if (!isIssuedWithLine(t)) continue;
    for (let j = Math.max(from, k - 4); j < k; j++) {
      const x = lines[j]!.text.trim(), words = x.split(/\s+/u);
      if (words.length > 8 || !isUpperLine(x) || readHeading(x)) continue;
      const f = foldAligned(words.slice(0, 2).join(' ')).replace(/[^a-z ]+/g, '');
      if (/^quy\b/.test(f) || (words.length <= 3 && REGULATION_TYPES.some((r) => editDistance(f, r) <= 3))) return j;
    }
    return -1;
  }
  return -1;
}

/**
 * The type printed on a regulation's type line: the type read (`regulationTypeOf`), else, on a line
 * `damagedRegulationStart` found, its first two words when more follow and the first is `QUY` (`QUY
 * PHÍ HOẠT ĐỘNG`: the rest is the title's), else the whole line.
 */
export function printedRegulationType(text: string): string {
  const read = regulationTypeOf(text);
  if (read) return read;
  const words = text.trim().split(/\s+/u);
  return words.length > 2 && foldAligned(words[0]!) === 'quy' ? words.slice(0, 2).join(' ') : text.trim();
}

/**
 * The type line of a decision the scan damaged past reading as a type (`QUYẾT ĐỊNH` restored `QUYẾT
 * THÀNH`), found by the decision's other marks: before its operative line (`QUYẾT ĐỊNH:`), the first
 * short line of capitals of two words, the second within 3 edits of a two-word type's second and the
 * first that type's first (`quyet thanh`: `quyet dinh`) or, when the next line reads as the decision's
 * title (a capital, then small letters; no legal basis), within 2 edits of a first word of 4 letters or
 * more (`QUULYÉT DIMH`, a stamp's trace in `QUYẾT`: Bắc Giang 2021 scan layout, seed 727); -1 when
 * there is no operative line or no such line.
 */
export function damagedTypeLine(lines: ParseLine[], end: number): number {
  const iOp = lines.findIndex((l, i) => i < end && isOperativeLine(l.text));
  if (iOp < 0) return -1;
  for (let i = 0; i < iOp; i++) {
    const x = lines[i]!.text.trim();
    if (!isUpperLine(x) || /:\s*$/.test(x)) continue;
    const w = foldedWords(x).split(' ');
    if (w.length !== 2) continue;
    const next = lines.slice(i + 1, iOp).find((l) => l.text.trim() !== '')?.text.trim() ?? '';
    const titleNext = startsUpper(next) && !isUpperLine(next) && !basisStart(next);
    const first = (a: string) => w[0] === a || (titleNext && a.length >= 4 && editDistance(w[0]!, a) <= 2);
    if (DECISION_TYPES.some((t) => { const [a, b] = t.split(' '); return b !== undefined && first(a!) && editDistance(w[1]!, b) <= 3; })) return i;
  }
  return -1;
}

/** A legal basis line start: `Căn cứ` (OCR `Cdn cir`, `Céin cir`) or `Theo/Xét đề nghị`. */
export function basisStart(text: string): LegalBasis['kind'] | null {
  if (!startsUpper(text)) return null;
  const f = foldAligned(text);
  if (/^[^a-z]{0,2}c\S{1,3}\s*c\S{1,2}\b/.test(f) && !/^[^a-z]{0,2}c[aá]c\s/.test(f)) return 'can-cu';
  // Two short words, one of them near `Căn` or `cứ`, before a kind of legal text: `Căn cứ` read wrong
  // (`Cảnh phúc Luật …`, `Căn phủ Luật …`, `Độ cứ Luật …`).
  const m = /^([a-z]{1,5}) ([a-z]{1,4}) (luat|nghi dinh|nghi quyet|quyet dinh|thong tu|chi thi|hien phap|phap lenh|ke hoach|cong van)\b/.exec(f.replace(/^[^a-z]+/, ''));
  if (m && (editDistance(m[1]!, 'can') <= 1 || editDistance(m[2]!, 'cu') <= 1)) return 'can-cu';
  if (/^[^a-z]{0,2}(theo|xet)\s*d\S{0,2}\s*ngh/.test(f)) return 'de-nghi';
  return null;
}

/** Vietnamese name of where a value is printed (`header` → `đầu văn bản`), for the user-facing resolution. */
export function whereVi(where: string): string {
  const names: Record<string, string> = { header: 'đầu văn bản', annex: 'phần quy chế', signature: 'chữ ký số', body: 'nội dung' };
  return names[where] ?? where;
}

/** A resolved value as a reader knows it: ISO dates as dd/mm/yyyy, numbers as they are. */
function valueVi(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** Join Vietnamese list items: `a`, `a và b`, `a, b và c`. */
function listVi(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/**
 * Resolve a value printed several times. Majority of readable printings wins; ties go to the first
 * (header). The `resolution` is shown to readers, so it is Vietnamese; the diagnostic stays English.
 */
export function resolveVariants(variants: Printed[], what: 'number' | 'date', ctx: ParseContext): VariantValue {
  const noun = what === 'number' ? 'số' : 'ngày';
  const nounFull = what === 'number' ? 'số văn bản' : 'ngày ban hành';
  const readable = variants.filter((v) => v.value !== null);
  if (variants.length === 0) {
    ctx.diagnostics.push({ severity: 'warning', code: `${what}-missing`, message: `No ${what} is printed` });
    return { value: null, variants };
  }
  for (const v of variants) {
    if (v.value === null) {
      ctx.diagnostics.push({ severity: 'warning', code: `${what}-blank`, message: `The ${what} printed in the ${v.where} ("${v.printed}") is left blank or incomplete`, line: v.line });
    }
  }
  if (readable.length === 0) return { value: null, variants, resolution: `Không bản in nào của ${nounFull} đọc được đầy đủ; để trống giá trị.` };
  const counts = new Map<string, number>();
  for (const v of readable) counts.set(v.value!, (counts.get(v.value!) ?? 0) + 1);
  const distinct = [...counts.keys()];
  if (distinct.length === 1) return { value: distinct[0]!, variants };
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || distinct.indexOf(a[0]) - distinct.indexOf(b[0]));
  const winner = best[0]!;
  const tie = best[1] && best[1][1] === winner[1];
  const listing = readable.map((v) => `${v.value} (${v.where}, line ${v.line})`).join(' vs ');
  const listingVi = listVi(readable.map((v) => `${valueVi(v.value!)} (${whereVi(v.where)}, dòng ${v.line})`));
  const first = readable[0]!;
  const resolution = tie
    ? `Các bản in không thống nhất: ${listingVi}; không có giá trị chiếm đa số nên dùng ${noun} in ở ${whereVi(first.where)}.`
    : `Các bản in không thống nhất: ${listingVi}; ${valueVi(winner[0])} được in ${winner[1]} lần (${listVi(readable.filter((v) => v.value === winner[0]).map((v) => whereVi(v.where)))}) nên được dùng.`;
  ctx.diagnostics.push({ severity: 'warning', code: `${what}-conflict`, message: `The ${what} is printed inconsistently: ${listing}`, line: first.line });
  return { value: tie ? first.value : winner[0], variants, resolution };
}

/** What the letterhead said. */
export interface Letterhead { authority: string[]; numbers: Printed[]; dates: Printed[]; place: string | null; headings: string[] }

/** Read letterhead lines (before the type line): authority, motto, number, place and date. */
export function readLetterhead(lines: ParseLine[], ctx: ParseContext, where = 'header'): Letterhead {
  const out: Letterhead = { authority: [], numbers: [], dates: [], place: null, headings: [] };
  for (const line of lines) {
    let text = line.text;
    let used = false;
    if (isSeparator(text)) { discard(ctx, line, 'separator'); continue; }
    const motto = findMotto(text);
    if (motto) {
      // The motto is the right column: what a line has before it is the left column's; what follows
      // it is the left column's only on a line that has nothing before it (a scan may read the columns
      // in turn), or a number or date. Else it is the right column's stamp debris (`VIỆT NAM NG`).
      const before = text.slice(0, motto[0]), after = text.slice(motto[1]);
      const keepAfter = !/\p{L}/u.test(before) || /\d/u.test(after);
      text = (before + ' ' + (keepAfter ? after : '')).replace(/[~|_]+/g, ' ').replace(/\s+/g, ' ').trim();
      used = true;
    }
    const num = /^[^\p{L}]{0,2}s\S{0,2}\s*:/iu.test(text) ? findNumber(text) : null;
    if (num) {
      out.numbers.push({ printed: num.printed, value: num.value, where, line: line.n });
      text = text.slice(num.end).trim();
      used = true;
    }
    const date = findDate(text);
    if (date) {
      out.dates.push({ printed: date.printed.trim(), value: date.value, where, line: line.n });
      const place = text.slice(0, date.index).replace(/[,\s]+$/, '').trim();
      if (place) out.place = place;
      text = '';
      used = true;
    }
    if (text && isUpperLine(text)) {
      out.authority.push(text);
      ctx.accounting.set(line.n, 'meta:authority');
    } else if (text && !used && line.raw.trim().startsWith('#')) {
      out.headings.push(text);
      ctx.accounting.set(line.n, 'meta:heading');
    } else if (text && !used) {
      discard(ctx, line, isNoise(text) ? 'noise' : 'letterhead');
    } else if (num || date) {
      ctx.accounting.set(line.n, num ? 'meta:number' : 'meta:date');
    } else {
      discard(ctx, line, 'motto');
    }
  }
  return out;
}

/** Title, issuer and legal bases from the lines between the type line and `QUYẾT ĐỊNH:`. */
export function readPreamble(lines: ParseLine[], ctx: ParseContext, head: Letterhead): { title: string; issuer: string | null; bases: LegalBasis[]; note: string | null } {
  const titleParts: Part[] = [];
  const noteParts: Part[][] = [];
  const issuerParts: Part[] = [];
  const bases: Array<{ kind: LegalBasis['kind']; parts: Part[]; first: number; last: number; id: string }> = [];
  for (const line of lines) {
    const text = line.text;
    if (isSeparator(text)) { discard(ctx, line, 'separator'); continue; }
    // decrees state the operative sentence instead of `QUYẾT ĐỊNH:` (`Chính phủ ban hành Nghị định …`)
    if (bases.length > 0 && !basisStart(text) && /^[\p{Lu}][^.;]{0,80}\bban hanh (nghi dinh|quyet dinh|thong tu|nghi quyet|quy dinh|chi thi)\b/u.test(foldAligned(text).replace(/^./, (c) => c.toUpperCase())) && startsUpper(text)) {
      ctx.accounting.set(line.n, 'meta:operative');
      continue;
    }
    const kind = basisStart(text);
    if (kind) {
      const id = uniqueId(ctx, `can-cu-${bases.length + 1}`);
      bases.push({ kind, parts: [part(line)], first: line.n, last: line.n, id });
      ctx.accounting.set(line.n, id);
      continue;
    }
    if (bases.length > 0) {
      if (isNoise(text) || isPageNumber(text)) { discard(ctx, line, isNoise(text) ? 'noise' : 'page-number'); continue; }
      const b = bases[bases.length - 1]!;
      b.parts.push(part(line));
      b.last = line.n;
      ctx.accounting.set(line.n, b.id);
      continue;
    }
    if (/^[^\p{L}]{0,2}s\S{0,2}\s*:/iu.test(text) && findNumber(text) || findDate(text) && text.length < 60) {
      const more = readLetterhead([line], ctx);
      head.numbers.push(...more.numbers);
      head.dates.push(...more.dates);
      head.place ??= more.place;
      continue;
    }
    if (isNoise(text)) { discard(ctx, line, 'noise'); continue; }
    // an upper-case title block ends at the first sentence in ordinary case: in a consolidated text
    // (văn bản hợp nhất) that is the note naming the amended text and its amendments, not title
    const upperTitle = titleParts.length > 0 && issuerParts.length === 0 && titleParts.every((p) => isUpperLine(p.text));
    if ((upperTitle || noteParts.length > 0) && !isUpperLine(text) && startsUpper(text)) {
      noteParts.push([part(line)]);
      ctx.accounting.set(line.n, 'meta:note');
      continue;
    }
    if (noteParts.length > 0 && startsLower(text)) {
      noteParts[noteParts.length - 1]!.push(part(line));
      ctx.accounting.set(line.n, 'meta:note');
      continue;
    }
    if (isUpperLine(text) && (titleParts.length > 0 || issuerParts.length > 0)) {
      issuerParts.push(part(line));
      ctx.accounting.set(line.n, 'meta:issuer');
    } else if (issuerParts.length === 0 || startsLower(text)) {
      (issuerParts.length ? issuerParts : titleParts).push(part(line));
      ctx.accounting.set(line.n, issuerParts.length ? 'meta:issuer' : 'meta:title');
    } else {
      issuerParts.push(part(line));
      ctx.accounting.set(line.n, 'meta:issuer');
    }
  }
  return {
    title: partsText(titleParts),
    issuer: issuerParts.length ? partsText(issuerParts) : null,
    note: noteParts.length ? noteParts.map(partsText).join('\n') : null,
    bases: bases.map((b) => {
      const text = partsText(b.parts);
      const restoration = restorationOf(b.parts);
      return { id: b.id, kind: b.kind, text, references: findReferences(text), lines: [b.first, b.last], ...(restoration ? { restoration } : {}) };
    }),
  };
}

/** What the closing zone said: recipients, signature block, repeated letterhead. */
export interface Closing { recipients: Array<{ text: string; line: number }>; signature: Signature | null; dates: Printed[] }

/** ISO time from `05.04.2022 18:33:06 +07:00`. */
export function signatureTime(value: string): string | null {
  const m = /(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}):?(\d{2})?/.exec(value);
  if (!m) return null;
  const p = (s: string | undefined) => (s ?? '00').padStart(2, '0');
  return `${m[3]}-${p(m[2])}-${p(m[1])}T${p(m[4])}:${m[5]}:${p(m[6])}${m[7]}:${m[8] ?? '00'}`;
}

/** Read the closing zone: `Nơi nhận` and its list, signature block, digital signature, debris. */
export function readClosing(lines: ParseLine[], ctx: ParseContext): Closing {
  const recipients: Array<{ text: string; line: number }> = [];
  const upper: Array<{ text: string; line: number }> = [];
  const dates: Printed[] = [];
  let name: string | null = null;
  const digital = { signer: null as string | null, email: null as string | null, agency: null as string | null, time: null as string | null, first: 0, last: 0 };
  let inRecipients = false;
  let first = 0;
  let last = 0;
  const mark = (n: number, what: string) => {
    ctx.accounting.set(n, what);
    if (what.startsWith('meta:signature')) { first ||= n; last = n; }
  };
  for (const line of lines) {
    const text = line.text;
    const rh = matchRecipientsHeading(text);
    if (rh) {
      inRecipients = true;
      mark(line.n, 'meta:recipients');
      if (rh.rest && isUpperLine(rh.rest)) upper.push({ text: rh.rest, line: line.n });
      continue;
    }
    const field = matchDigitalField(text);
    if (field) {
      digital[field.field] = field.value;
      digital.first ||= line.n;
      digital.last = line.n;
      mark(line.n, 'meta:signature.digital');
      if (field.field === 'time') {
        const iso = signatureTime(field.value);
        digital.time = iso;
        if (iso) dates.push({ printed: field.value, value: iso.slice(0, 10), where: 'signature', line: line.n });
      }
      continue;
    }
    if (findMotto(text)) { discard(ctx, line, 'letterhead'); continue; }
    if (isSeparator(text)) { discard(ctx, line, 'separator'); continue; }
    if (inRecipients && /^[-–+•]/.test(text)) {
      recipients.push({ text: text.replace(/^[-–+•]\s*/, ''), line: line.n });
      mark(line.n, 'meta:recipients');
      continue;
    }
    if (inRecipients && recipients.length > 0 && startsLower(text) && !endsSentence(recipients[recipients.length - 1]!.text)) {
      const r = recipients[recipients.length - 1]!;
      r.text = `${r.text} ${text}`;
      mark(line.n, 'meta:recipients');
      continue;
    }
    // after the signer's name (or the digital stamp), capitals and number/date lines are the letterhead
    // repeated above the attached regulation, not more signature
    if (isFootnoteLine(text)) {
      discard(ctx, line, 'footnote');
      ctx.diagnostics.push({ severity: 'info', code: 'footnote', message: `Footnote of a consolidated text: "${text.slice(0, 60)}"`, line: line.n });
      continue;
    }
    const signed = name !== null || digital.first > 0;
    if (signed && !isSignerTitle(text) && (isUpperLine(text) || findNumber(text) || findDate(text))) { discard(ctx, line, 'letterhead'); continue; }
    if (isSignerTitle(text) || (isUpperLine(text) && text.length <= 60 && !isNoise(text))) {
      upper.push({ text, line: line.n });
      mark(line.n, 'meta:signature');
      continue;
    }
    if (isPersonName(text) && name === null) {
      name = text;
      mark(line.n, 'meta:signature');
      continue;
    }
    // Right under the signer's title, a short line of words most of them capitalised is the name, a
    // word cased small by a scan or its restoration (`Lê 4nh Dương` restored `Lê ảnh Dương`, `1é Ánh
    // Dương` restored `lộ Ánh Dương`): names capitalise every word.
    if (name === null && upper.length > 0 && isPersonName(text, true)) {
      name = text.trim().split(/\s+/u).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
      mark(line.n, 'meta:signature');
      ctx.diagnostics.push({ severity: 'info', code: 'signer-name-case', message: `Signer's name "${text.trim()}" read with every word capitalised`, line: line.n });
      continue;
    }
    if (isPageNumber(text)) { discard(ctx, line, 'page-number'); continue; }
    discard(ctx, line, isNoise(text) ? 'stamp' : 'noise');
  }
  for (const u of upper) { first = first ? Math.min(first, u.line) : u.line; last = Math.max(last, u.line); }
  let signature: Signature | null = null;
  if (upper.length || name || digital.first) {
    let mode: string | null = null;
    let capacity: string | null = null;
    const titles = upper.map((u) => u.text);
    const m = /^(KT|TM|Q|TL|TUQ)\s*\.\s*(.*)$/u.exec(titles[0] ?? '');
    if (m) {
      mode = `${m[1]}.`;
      capacity = m[2]!.trim() || null;
      titles.shift();
      // nested modes (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`): the outer mode is
      // `mode`; each inner mode line stays with the capacity, in order, so the chain is not lost
      while (titles.length > 1 && /^(KT|TM|Q|TL|TUQ)\s*\.\s*\S/u.test(titles[0]!)) {
        capacity = [capacity, titles.shift()!.replace(/^(KT|TM|Q|TL|TUQ)\s*\.\s*/u, '$1. ')].filter(Boolean).join(' / ');
      }
    } else if (titles.length >= 2) {
      capacity = titles.shift()!;
    }
    const lo = Math.min(...[first, digital.first].filter((x) => x > 0));
    const hi = Math.max(last, digital.last);
    signature = {
      mode,
      capacity,
      title: titles.length ? titles.join(' / ') : null,
      name,
      digital: digital.first ? { signer: digital.signer, email: digital.email, agency: digital.agency, time: digital.time, lines: [digital.first, digital.last] } : null,
      lines: [lo, Math.max(lo, hi)],
    };
  }
  return { recipients, signature, dates };
}
