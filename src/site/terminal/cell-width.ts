// How many cells a character takes on the lab terminal's screen, from the same table the terminal
// itself uses, so the line editor's idea of where a row wraps is the terminal's. xterm's own add-on
// holds the Unicode 11 table (CJK and emoji two cells, combining marks none); xterm does not expose
// the table it draws with, so the add-on's provider is taken once here and given to the terminal.
import { Unicode11Addon } from '@xterm/addon-unicode11';
import type { IUnicodeHandling, IUnicodeVersionProvider, Terminal } from '@xterm/xterm';

function unicode11(): IUnicodeVersionProvider {
  let provider: IUnicodeVersionProvider | undefined;
  // The add-on's activate() only registers its provider with the terminal it is given.
  const catcher = { unicode: { register: (p: IUnicodeVersionProvider) => (provider = p) } };
  new Unicode11Addon().activate(catcher as unknown as Terminal);
  if (!provider) throw new Error('the Unicode 11 add-on registered no provider');
  return provider;
}

const provider = unicode11();

/** Makes a terminal (browser or headless; it needs allowProposedApi) measure as this module does. */
export function useCellWidths(terminal: { unicode: IUnicodeHandling }): void {
  terminal.unicode.register(provider);
  terminal.unicode.activeVersion = provider.version;
}

/** Cells taken by one code point: 0 (joins the previous one), 1 or 2. */
export function codePointWidth(codePoint: number): 0 | 1 | 2 {
  return provider.wcwidth(codePoint);
}

/** Cells taken by a text with no control characters, written on one endless row. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}
