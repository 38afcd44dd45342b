/**
 * Stand-in for `@pagefind/default-ui` in the browser bundle (aliased in astro.config.mjs). Starlight's
 * search component creates the Pagefind UI as soon as the page is idle, which made every page download
 * the UI (about 26 KB gzip) whether or not the reader searches. This class takes the same options and
 * creates the real UI only when the search dialog first opens (or the pointer or focus reaches the
 * search button, so it is usually ready by the time the dialog shows). Starlight's markup, styles,
 * shortcut (Ctrl+K) and behaviour are unchanged.
 */

type Options = { element: string } & Record<string, unknown>;
type RealUi = { triggerSearch(term: string): void; destroy(): void };

/** Lazily constructed Pagefind UI with the constructor signature of the real one. */
export class PagefindUI {
  private real: Promise<RealUi> | null = null;
  private readonly options: Options;

  constructor(options: Options) {
    this.options = options;
    const target = document.querySelector(options.element);
    const dialog = target?.closest('dialog');
    const button = dialog?.parentElement?.querySelector('button[data-open-modal]');
    if (!dialog) {
      void this.load();
      return;
    }
    const start = () => void this.load();
    button?.addEventListener('pointerenter', start, { once: true });
    button?.addEventListener('focus', start, { once: true });
    if (dialog.open) {
      void this.load();
      return;
    }
    // The dialog is opened by Starlight's own script (click, Ctrl+K): watch its `open` attribute.
    const watch = new MutationObserver(() => {
      if (!dialog.open) return;
      watch.disconnect();
      void this.load().then(() => {
        // Starlight focuses the input when the dialog opens; on the first opening it did not exist yet.
        if (dialog.open) dialog.querySelector<HTMLInputElement>('input')?.focus();
      });
    });
    watch.observe(dialog, { attributes: true, attributeFilter: ['open'] });
  }

  private load(): Promise<RealUi> {
    this.real ??= import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(({ PagefindUI: Real }) => new Real({ ...this.options, processResult: this.processResult }));
    return this.real;
  }

  /**
   * Results without the folded copy of the text: it is indexed as metadata so that words typed without
   * diacritics (and đ as d) are found, but the default UI would print it under each result as "Folded: …".
   */
  private readonly processResult = (result: { meta?: Record<string, string> }): unknown => {
    const given = this.options.processResult as ((r: unknown) => unknown) | undefined;
    // Starlight's own processResult edits the result in place and returns nothing.
    const out = (given?.(result) ?? result) as { meta?: Record<string, string> };
    if (out?.meta) delete out.meta.folded;
    return out;
  };

  /** Same as the real UI's: runs a search (loading the UI first). */
  triggerSearch(term: string): void {
    void this.load().then((ui) => ui.triggerSearch(term));
  }

  /** Same as the real UI's. */
  destroy(): void {
    void this.real?.then((ui) => ui.destroy());
  }
}
