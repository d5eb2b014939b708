// Pagefind's search UI, built into the search dialog when search is first opened (search-dialog.ts
// loads this module then). It takes over from the dialog's stand-in input what was typed while it
// loaded, with the caret where it was, and searches for it.
// @ts-expect-error — Starlight's virtual module of Pagefind settings has no types.
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';
// @ts-expect-error — @pagefind/default-ui has no types.
import { PagefindUI } from '@pagefind/default-ui';

interface Result {
  url: string;
  sub_results: Array<{ url: string }>;
}

/** Builds the UI in the dialog's search container; `site-search`'s data attributes carry Starlight's settings. */
export function buildSearchUI(search: HTMLElement, container: HTMLElement): void {
  let translations = {};
  try {
    translations = JSON.parse(search.dataset.translations || '{}');
  } catch {
    // Starlight's own words then
  }
  const strip = search.dataset.stripTrailingSlash !== undefined;
  const formatURL = (path: string) => (strip ? path.replace(/(.)\/(#.*)?$/, '$1$2') : path);
  const base = import.meta.env.BASE_URL;
  new PagefindUI({
    ...pagefindUserConfig,
    element: container,
    baseUrl: base,
    bundlePath: `${base.replace(/\/$/, '')}/pagefind/`,
    showImages: false,
    translations,
    showSubResults: true,
    processResult: (result: Result) => {
      result.url = formatURL(result.url);
      result.sub_results = result.sub_results.map((sub) => ({ ...sub, url: formatURL(sub.url) }));
    },
  });

  const standIn = container.querySelector<HTMLInputElement>('[data-search-stand-in] input')!;
  const input = container.querySelector<HTMLInputElement>('.pagefind-ui:not([data-search-stand-in]) input')!;
  const focused = document.activeElement === standIn;
  const { value, selectionStart, selectionEnd } = standIn;
  standIn.closest('[data-search-stand-in]')!.remove();
  input.value = value;
  if (focused) {
    input.focus();
    input.setSelectionRange(selectionStart, selectionEnd);
  }
  // The UI reads its input's events: this one makes it search for what was typed meanwhile.
  if (value) input.dispatchEvent(new Event('input', { bubbles: true }));
}
