/**
 * rehype plugin: turns references found by the reference finder (references.ts) into links.
 * Presentation only — recognition and resolution are data, in references.ts. Text replacement goes
 * through hast-util-find-and-replace, which skips existing links (`a`) and never splits text by hand.
 */
import type { Element, Root } from 'hast';
import { defaultIgnore, findAndReplace } from 'hast-util-find-and-replace';
import { REFERENCE_PATTERN, resolveMatch, type FoundReference, type ReferenceContext, type ReferenceTarget } from './references.ts';

/** Options of rehypeReferences. */
export interface RehypeReferencesOptions {
  /** Where the text sits (document, part, article) and the corpus to resolve against. */
  context: ReferenceContext;
  /** URL of a resolved target. */
  href: (target: ReferenceTarget) => string;
  /** Called for every reference found, resolved or not (build report). */
  report?: (reference: FoundReference) => void;
}

/** rehype plugin: link resolved references, leave unresolved ones as text (and report them). */
export function rehypeReferences(options: RehypeReferencesOptions) {
  return (tree: Root): void => {
    findAndReplace(
      tree,
      [
        REFERENCE_PATTERN,
        (...args: unknown[]) => {
          const info = args[args.length - 1] as { index: number; input: string };
          const match = args.slice(0, -1) as string[];
          const found = resolveMatch(match, info.index, info.input, options.context);
          if (!found) return false;
          options.report?.(found);
          if (!found.target) return false;
          const link: Element = {
            type: 'element',
            tagName: 'a',
            properties: { href: options.href(found.target), className: ['ref'] },
            children: [{ type: 'text', value: match[0]! }],
          };
          return link;
        },
      ],
      { ignore: [...defaultIgnore, 'a'] },
    );
  };
}
