// The site's search: Starlight's dialog, with its search UI (Pagefind's, 26 KB gz) fetched when
// search is first opened rather than when the page is first idle. The button, Ctrl-K (Cmd-K) and
// "/" open the dialog at once; until the UI has loaded, a stand-in input of the same look takes
// the query, and the UI takes it over, caret and all, so nothing typed meanwhile is lost.
/** Keys typed into these belong to them, not to the "/" shortcut. */
const isTypingTarget = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select') || target.closest('lab-terminal') !== null);

class SiteSearch extends HTMLElement {
  private loading?: Promise<void>;

  connectedCallback() {
    const openButton = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const closeButton = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const frame = this.querySelector('.dialog-frame')!;

    // A click on a link, or outside the dialog's frame, closes it.
    const onClick = (event: MouseEvent) => {
      const target = event.target as Node;
      if ('href' in target || (document.body.contains(target) && !frame.contains(target))) dialog.close();
    };
    const open = (event?: Event) => {
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      this.querySelector('input')?.focus();
      event?.stopPropagation();
      addEventListener('click', onClick);
      void this.loadUI();
    };

    // Apple devices use Cmd-K (navigator.platform, as Starlight reads it: the user agent is spoofed by devtools).
    if (/(Mac|iPhone|iPod|iPad)/i.test(navigator.platform)) openButton.setAttribute('aria-keyshortcuts', 'Meta+K /');
    openButton.addEventListener('click', open);
    openButton.disabled = false;
    closeButton.addEventListener('click', () => dialog.close());
    this.querySelector('[data-search-stand-in] form')?.addEventListener('submit', (event) => event.preventDefault());
    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      removeEventListener('click', onClick);
    });
    addEventListener('keydown', (event) => {
      // Ctrl-K and Cmd-K toggle the dialog, except in the terminal, where Ctrl-K cuts the line.
      if ((event.metaKey || event.ctrlKey) && event.key === 'k' && !(event.target instanceof Element && event.target.closest('lab-terminal'))) {
        event.preventDefault();
        if (dialog.open) dialog.close();
        else open();
      } else if (event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !dialog.open && !isTypingTarget(event.target)) {
        event.preventDefault();
        open();
      }
    });
  }

  /** Fetches and builds the search UI once; a failure (offline, a stale page) lets the next opening try again. */
  private loadUI(): Promise<void> {
    // `astro dev` has no search index, and shows a note instead of the container.
    const container = this.querySelector<HTMLElement>('#starlight__search');
    if (!container || import.meta.env.DEV) return Promise.resolve();
    this.loading ??= import('./pagefind-ui.ts')
      .then(({ buildSearchUI }) => buildSearchUI(this, container))
      .catch((error: unknown) => {
        this.loading = undefined;
        // Not errors.ts: its chunk would load with every page. Its words, though.
        console.error('ARO Packet Labs: the search could not load:', error);
      });
    return this.loading;
  }
}

export function defineSiteSearch(): void {
  if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
}
