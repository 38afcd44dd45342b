/** Types for the Pagefind default UI module loaded by src/site/pagefind-ui-lazy.ts (the package ships none). */
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: { element: string } & Record<string, unknown>);
    triggerSearch(term: string): void;
    destroy(): void;
  }
}
