// Keeps what the reader does in a part of the page while its code loads, and does it again once
// the code is in: a separate module, so only pages that put such a part off pay for it.
/**
 * Keeps what the reader does in `element` while its code loads, and does it again once `loaded`
 * settles: a button's click, a form's submission (kept from reloading the page meanwhile), a
 * <details> opened (its toggle event, which the code listens for).
 */
export function replayWhileLoading(element: HTMLElement, loaded: Promise<unknown>): void {
  const clicked: HTMLButtonElement[] = [];
  const submitted: HTMLFormElement[] = [];
  const toggled = new Set<HTMLDetailsElement>();
  const listening = new AbortController();
  const on = (type: string, keep: (event: Event) => void) => element.addEventListener(type, keep, { capture: true, signal: listening.signal });
  on('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (button && button.type !== 'submit') clicked.push(button);
  });
  on('submit', (event) => {
    event.preventDefault();
    submitted.push(event.target as HTMLFormElement);
  });
  on('toggle', (event) => toggled.add(event.target as HTMLDetailsElement));
  void loaded.finally(() => {
    listening.abort();
    for (const button of clicked) button.click();
    for (const form of submitted) form.requestSubmit();
    for (const details of toggled) if (details.open) details.dispatchEvent(new Event('toggle'));
  });
}
