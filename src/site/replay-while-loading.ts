// Keeps what the reader does in a part of the page while its code loads, and does it again once
// the code is in: a separate module, so only pages that put such a part off pay for it.
/**
 * Keeps what the reader does in `element` while its code loads, and does it again once `loaded`
 * settles: a button's click, a form's submission (kept from reloading the page meanwhile), a
 * <details> opened (its toggle event, which the code listens for). A form is submitted again with
 * the text it had when submitted, not what has been typed in it since.
 */
export function replayWhileLoading(element: HTMLElement, loaded: Promise<unknown>): void {
  const clicked: HTMLButtonElement[] = [];
  const submitted: Array<{ form: HTMLFormElement; values: Map<HTMLInputElement, string> }> = [];
  const toggled = new Set<HTMLDetailsElement>();
  const listening = new AbortController();
  const on = (type: string, keep: (event: Event) => void) => element.addEventListener(type, keep, { capture: true, signal: listening.signal });
  on('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (button && button.type !== 'submit') clicked.push(button);
  });
  on('submit', (event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    submitted.push({ form, values: new Map(textInputs(form).map((input) => [input, input.value])) });
  });
  on('toggle', (event) => toggled.add(event.target as HTMLDetailsElement));
  void loaded.finally(() => {
    listening.abort();
    for (const button of clicked) button.click();
    for (const { form, values } of submitted) submitAgain(form, values);
    for (const details of toggled) if (details.open) details.dispatchEvent(new Event('toggle'));
  });
}

const textInputs = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLInputElement>('input:not([type]), input[type="text"]')];

/**
 * Submits `form` as it was: its submit listeners read the fields synchronously, so the fields hold
 * the submitted text for that moment only, and what the reader has typed since is put back.
 */
function submitAgain(form: HTMLFormElement, values: Map<HTMLInputElement, string>): void {
  const now = new Map(textInputs(form).map((input) => [input, { value: input.value, start: input.selectionStart, end: input.selectionEnd }]));
  for (const [input, value] of values) input.value = value;
  try {
    form.requestSubmit();
  } finally {
    // The caret too: a reader may be typing in the field.
    for (const [input, { value, start, end }] of now) {
      if (input.value === value) continue;
      input.value = value;
      input.setSelectionRange(start, end);
    }
  }
}
