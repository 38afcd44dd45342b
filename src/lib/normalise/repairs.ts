/**
 * Line-level layout repairs, each a small named function, run in order by `normaliseSource`.
 * Guarantee after all of them: NFC, no markup, single spaces, trimmed. Markup-only lines become ''.
 */

/** A named repair of one line of text. */
export interface LineRepair {
  name: string;
  /** Apply only to these layouts (all when absent). */
  layouts?: Array<'plain' | 'markdown' | 'pdf'>;
  apply: (text: string) => string;
}

/** Invisible characters that break matching (zero-width, soft hyphen, BOM inside the text). */
export function removeInvisibles(text: string): string {
  return text.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
}

/** Spaces of every kind (NBSP, tabs, ideographic) become one ASCII space; ends trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
}

/** HTML tags (`<br>`, `<b>`, `<p class=…>`) and common entities are markup, not text. */
export function stripHtml(text: string): string {
  return text
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

/** Markdown ATX heading marks (`## `) at line start. */
export function stripMarkdownHeading(text: string): string {
  return text.replace(/^\s*#{1,6}(?=\s|$)/, '');
}

/**
 * Markdown emphasis: `**bold**`, `__bold__` and `*italic*`, including emphasis opened on one line and
 * closed on another (so a lone `**` at either end of a line is also markup). A `*` between word
 * characters or spaced out (`a * b`) is kept.
 */
export function stripEmphasis(text: string): string {
  // backslash-escaped characters (`\*`, `\_`, `\#`) are text: protect them, strip, then unescape
  const ESC = '\uE000';
  return text
    .replace(/\\([*_#\\])/g, (_, c: string) => `${ESC}${c.charCodeAt(0)};`)
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(\[])\*(?=\S)/g, '$1')
    .replace(/(\S)\*(?=$|[\s.,;:)\]])/g, '$1')
    .replace(new RegExp(`${ESC}(\\d+);`, 'g'), (_, code: string) => String.fromCharCode(Number(code)));
}

/** `**` and `__` (strong emphasis) are markup in every layout: legal text never prints them. */
export function stripStrong(text: string): string {
  return text.replace(/(^|[^\\])(\*\*|__)/g, '$1').replace(/^(\*\*|__)/, '');
}

/** Markdown hard line break: trailing backslash (the two trailing spaces vanish with trimming). */
export function stripHardBreak(text: string): string {
  return text.replace(/(^|[^\\])\\\s*$/, '$1');
}

/** Horizontal rules / separators (`---`, `***`, `___`, `===`) are markup. */
export function dropRule(text: string): string {
  return /^\s*([-*_=~])(\s*\1){2,}\s*$/.test(text) ? '' : text;
}

/** The ordered repair list. */
export const lineRepairs: LineRepair[] = [
  { name: 'removeInvisibles', apply: removeInvisibles },
  { name: 'stripHtml', apply: stripHtml },
  { name: 'dropRule', layouts: ['markdown'], apply: dropRule },
  { name: 'stripMarkdownHeading', layouts: ['markdown'], apply: stripMarkdownHeading },
  { name: 'stripHardBreak', layouts: ['markdown'], apply: stripHardBreak },
  { name: 'stripStrong', layouts: ['plain', 'pdf'], apply: stripStrong },
  { name: 'stripEmphasis', layouts: ['markdown'], apply: stripEmphasis },
  { name: 'collapseSpaces', apply: collapseSpaces },
];
