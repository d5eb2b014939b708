// Keys pressed in the terminal before xterm has taken the screen: the data xterm would send for
// each (its Keyboard.ts, reduced to what the line editor acts on), so kept keys replay as if
// xterm had had them. Like xterm, the terminal takes its Ctrl and Alt chords from the page
// (Ctrl-A selects nothing, Alt-← does not leave it); paste and copy chords, Cmd chords and keys
// the terminal has no use for stay the browser's. Written here rather than taken from xterm:
// xterm does not export its key table, and this runs before the reader acts, where xterm is not.

/** The parts of a key event that decide what it sends. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** The browser's own: the key does its default (paste, copy, a Cmd shortcut) and nothing is kept. */
export const BROWSER = null;

const NAMED: Record<string, string> = { Enter: '\r', Backspace: '\x7f', Tab: '\t', Delete: '\x1b[3~', ArrowUp: '\x1b[A', ArrowDown: '\x1b[B', ArrowRight: '\x1b[C', ArrowLeft: '\x1b[D', Home: '\x1b[H', End: '\x1b[F' };

/** The letter a chord is on, whatever the layout types there (a Cyrillic layout's Ctrl-U is still ^U). */
const letter = (e: KeyPress) => (/^[a-z]$/i.test(e.key) ? e.key.toLowerCase() : /^Key[A-Z]$/.test(e.code) ? e.code[3].toLowerCase() : undefined);

/** Ctrl-V, Cmd-V, Ctrl-Shift-V or Shift-Insert: the browser pastes, before and after xterm runs. */
export const isPasteChord = (e: KeyPress, l = letter(e)) => (l === 'v' && (e.ctrlKey || e.metaKey) && !e.altKey) || (e.key === 'Insert' && e.shiftKey);

/**
 * What a key does while the terminal loads: the data to keep ('' keeps nothing, but the key is
 * the terminal's, so its default is prevented), or BROWSER. `selected`: the page has a selection
 * (Ctrl-C copies it then, as in the terminal). `mac`: Option types characters there (xterm's
 * default), as Ctrl-Alt (AltGr) does elsewhere.
 */
export function earlyKeyData(e: KeyPress, selected: boolean, mac: boolean): string | typeof BROWSER {
  const l = letter(e);
  if (isPasteChord(e, l)) return BROWSER;
  if (e.metaKey) return l === 'a' && !e.ctrlKey && !e.altKey ? '' : BROWSER;
  const printable = [...e.key].length === 1;
  // A character typed with Option (macOS) or AltGr (Ctrl-Alt on Windows) is text, as in xterm.
  const thirdLevel = printable && e.altKey && (mac ? !e.ctrlKey : e.ctrlKey);
  // Shift-Tab: xterm sends a back-tab the editor does not act on, and keeps the keyboard.
  if (!e.ctrlKey && !e.altKey) return e.key === 'Tab' && e.shiftKey ? '' : (NAMED[e.key] ?? (printable ? e.key : BROWSER));
  if (thirdLevel) return e.key;
  if (e.ctrlKey && !e.altKey) {
    if (e.key === 'Enter') return '\r';
    if (e.key === 'Backspace') return '\b';
    if (e.shiftKey) return BROWSER; // Ctrl-Shift-C, -V, -I: xterm sends nothing for them
    if (l === 'c' && selected) return BROWSER;
    if (l) return String.fromCharCode(l.charCodeAt(0) - 96);
    return NAMED[e.key] !== undefined ? '' : BROWSER;
  }
  // Alt with a letter or a named key: xterm sends an escape sequence the editor does not act on.
  return l || NAMED[e.key] !== undefined ? '' : BROWSER;
}
