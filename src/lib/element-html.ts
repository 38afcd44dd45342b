/**
 * HTML of one element's text for the site: OCR-restored tokens with low confidence marked, then
 * references turned into links (rehype-references.ts). Text is escaped by hast-util-to-html, so a
 * hostile source renders as inert text.
 */
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Restoration } from './schema.ts';
import { rehypeReferences, type RehypeReferencesOptions } from './rehype-references.ts';

/** Tokens below this confidence are marked for the reader. */
export const LOW_CONFIDENCE = 0.8;

/** Hast children for a text, marking low-confidence and corrected restored tokens. */
export function textNodes(text: string, restoration?: Restoration | null, threshold = LOW_CONFIDENCE): ElementContent[] {
  const tokens = restoration?.tokens.filter((t) => t.text !== '') ?? [];
  // Only trust the token layer when it spells exactly the published text (the OCR invariant).
  if (!restoration || tokens.length === 0 || tokens.map((t) => t.text).join(' ') !== text) return [{ type: 'text', value: text }];
  const out: ElementContent[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', value: plain });
    plain = '';
  };
  tokens.forEach((t, i) => {
    const sep = i === 0 ? '' : ' ';
    if (t.corrected || t.confidence < threshold) {
      plain += sep;
      flush();
      const label = t.corrected ? `Đã hiệu đính; OCR: ${t.ocr || '∅'}` : `Độ tin cậy ${Math.round(t.confidence * 100)}%; OCR: ${t.ocr || '∅'}`;
      out.push({
        type: 'element',
        tagName: 'mark',
        properties: { className: [t.corrected ? 'ocr-fixed' : 'ocr-low'], title: label, dataOcr: t.ocr },
        children: [{ type: 'text', value: t.text }],
      });
    } else {
      plain += sep + t.text;
    }
  });
  flush();
  return out;
}

/** Render an element's text (with optional restoration) to an HTML string with reference links. */
export function elementHtml(
  text: string,
  restoration: Restoration | null | undefined,
  refs: RehypeReferencesOptions | null,
): string {
  const tree: Root = { type: 'root', children: textNodes(text, restoration) };
  if (refs) rehypeReferences(refs)(tree);
  return toHtml(tree);
}
