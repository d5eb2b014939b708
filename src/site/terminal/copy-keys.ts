// Copying from the lab terminal by keyboard, as VS Code's terminal does: with text selected,
// Ctrl-C, Cmd-C and Ctrl-Shift-C copy it (and clear the selection, so the next Ctrl-C interrupts);
// with nothing selected Ctrl-C reaches the line editor as an interrupt.

/** The parts of a key event that decide whether it is a copy chord. */
export interface CopyChord {
  type: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Ctrl-C, Cmd-C or Ctrl-Shift-C as it goes down. */
export function isCopyChord(e: CopyChord): boolean {
  return e.type === 'keydown' && e.key.toLowerCase() === 'c' && !e.altKey && (e.ctrlKey || e.metaKey);
}

/** The terminal's selection, as xterm exposes it. */
export interface Selectable {
  hasSelection(): boolean;
  getSelection(): string;
  clearSelection(): void;
}

/**
 * Copies the selection when the key is a copy chord and something is selected; true when it did,
 * so the key must go no further (not to the editor as ^C, nor to the browser's inspector).
 */
export function copySelectionOnChord(e: CopyChord, term: Selectable, clipboard: Pick<Clipboard, 'writeText'> | undefined, onError: (error: unknown) => void): boolean {
  if (!isCopyChord(e) || !term.hasSelection()) return false;
  const text = term.getSelection();
  term.clearSelection();
  clipboard?.writeText(text).catch(onError);
  return true;
}
