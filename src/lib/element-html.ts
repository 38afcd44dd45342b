/**
 * HTML of one element's text for the site: references turned into links (rehype-references.ts),
 * then OCR-restored tokens with low confidence (or hand-corrected) marked. Text is escaped by
 * hast-util-to-html, so a hostile source renders as inert text.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Restoration, RestoredToken } from './schema.ts';
import { rehypeReferences, type RehypeReferencesOptions } from './rehype-references.ts';

/** Tokens below this confidence are marked for the reader. */
export const LOW_CONFIDENCE = 0.8;

/**
 * A confidence (0–1) as a Vietnamese percentage for readers, rounded down to one decimal (`99,7%`):
 * a restored text is never shown as 100 % trustworthy unless every word was read with certainty.
 */
export function confidencePercent(x: number): string {
  const tenths = Math.floor(Math.min(1, Math.max(0, x)) * 1000 + 1e-9);
  return `${String(Math.floor(tenths / 10))}${tenths % 10 ? `,${tenths % 10}` : ''}%`;
}

/** A character range of the element text to mark, with the token it came from. */
interface MarkRange {
  start: number;
  end: number;
  token: RestoredToken;
}

/**
 * Character ranges of the tokens worth marking. Only when the token layer spells exactly the
 * published text (the OCR invariant: tokens joined by one space), so offsets are exact.
 */
export function markRanges(text: string, restoration?: Restoration | null, threshold = LOW_CONFIDENCE): MarkRange[] {
  const tokens = restoration?.tokens.filter((t) => t.text !== '') ?? [];
  if (tokens.length === 0 || tokens.map((t) => t.text).join(' ') !== text) return [];
  const out: MarkRange[] = [];
  let at = 0;
  for (const token of tokens) {
    if (token.corrected || token.confidence < threshold) out.push({ start: at, end: at + token.text.length, token });
    at += token.text.length + 1;
  }
  return out;
}

function markElement(value: string, token: RestoredToken): Element {
  const label = token.corrected ? `Đã hiệu đính; OCR: ${token.ocr || '∅'}` : `Độ tin cậy ${confidencePercent(token.confidence)}; OCR: ${token.ocr || '∅'}`;
  return {
    type: 'element',
    tagName: 'mark',
    properties: { className: [token.corrected ? 'ocr-fixed' : 'ocr-low'], title: label },
    children: [{ type: 'text', value }],
  };
}

/**
 * Wrap the given character ranges of the tree's text in <mark>, inside links too. Positional data
 * (token offsets), not pattern matching, so this walks text nodes by offset rather than using
 * find-and-replace; a range that straddles a link boundary is marked piecewise.
 */
function applyMarks(nodes: (RootContent | ElementContent)[], ranges: MarkRange[], offset = { at: 0 }): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'element') {
      out.push({ ...node, children: applyMarks(node.children, ranges, offset) });
      continue;
    }
    if (node.type !== 'text') {
      out.push(node as ElementContent);
      continue;
    }
    const value = (node as Text).value;
    const start = offset.at;
    const end = start + value.length;
    offset.at = end;
    let cursor = start;
    for (const r of ranges) {
      if (r.end <= cursor || r.start >= end) continue;
      const a = Math.max(r.start, cursor);
      const b = Math.min(r.end, end);
      if (a > cursor) out.push({ type: 'text', value: value.slice(cursor - start, a - start) });
      out.push(markElement(value.slice(a - start, b - start), r.token));
      cursor = b;
    }
    if (cursor < end) out.push({ type: 'text', value: value.slice(cursor - start) });
  }
  return out;
}

/** Render an element's text (with optional restoration) to an HTML string with reference links. */
export function elementHtml(
  text: string,
  restoration: Restoration | null | undefined,
  refs: RehypeReferencesOptions | null,
): string {
  const tree: Root = { type: 'root', children: [{ type: 'text', value: text }] };
  if (refs) rehypeReferences(refs)(tree);
  const ranges = markRanges(text, restoration);
  if (ranges.length) tree.children = applyMarks(tree.children, ranges);
  return toHtml(tree);
}
