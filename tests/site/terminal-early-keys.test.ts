// What the dock keeps for a key pressed while the terminal loads: the data xterm would send, so
// the kept keys replay as if xterm had had them; chords the page or the browser must still see
// (paste, copy of a selection, Cmd shortcuts) stay theirs.
import { describe, expect, it } from 'vitest';
import { BROWSER, earlyKeyData, type KeyPress } from '../../src/site/terminal/early-keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('a key pressed while the terminal loads', () => {
  it.each([
    ['a', press('a'), 'a'],
    ['Enter', press('Enter'), '\r'],
    ['Tab', press('Tab'), '\t'],
    ['Shift-A', press('A', { shiftKey: true }), 'A'],
    ['Backspace', press('Backspace'), '\x7f'],
    ['←', press('ArrowLeft'), '\x1b[D'],
    ['Ctrl-A', press('a', { ctrlKey: true }), '\x01'],
    ['Ctrl-E', press('e', { ctrlKey: true }), '\x05'],
    ['Ctrl-U', press('u', { ctrlKey: true }), '\x15'],
    ['Ctrl-K', press('k', { ctrlKey: true }), '\x0b'],
    ['Ctrl-W', press('w', { ctrlKey: true }), '\x17'],
    ['Ctrl-C with nothing selected', press('c', { ctrlKey: true }), '\x03'],
    ['Ctrl-L', press('l', { ctrlKey: true }), '\x0c'],
    ['Ctrl-U on a Cyrillic layout', { ...press('г', { ctrlKey: true }), code: 'KeyU' }, '\x15'],
    ['Ctrl-Enter', press('Enter', { ctrlKey: true }), '\r'],
    ['Ctrl-Backspace', press('Backspace', { ctrlKey: true }), '\b'],
  ])('%s is kept as the data xterm sends for it', (_, key, data) => {
    expect(earlyKeyData(key, false, false)).toBe(data);
  });

  it.each([
    ['Alt-← (the browser would go back)', press('ArrowLeft', { altKey: true })],
    ['Alt-B', press('b', { altKey: true })],
    ['Ctrl-→', press('ArrowRight', { ctrlKey: true })],
    ['Shift-Tab (no completion)', press('Tab', { shiftKey: true })],
    ['Cmd-A (the page would be selected)', press('a', { metaKey: true })],
  ])('%s is the terminal\'s (its default prevented) but keeps nothing the editor acts on', (_, key) => {
    expect(earlyKeyData(key, false, false)).toBe('');
  });

  it.each([
    ['Ctrl-V', press('v', { ctrlKey: true })],
    ['Ctrl-Shift-V', press('V', { ctrlKey: true, shiftKey: true })],
    ['Shift-Insert', press('Insert', { shiftKey: true })],
    ['Cmd-V', press('v', { metaKey: true })],
    ['Cmd-C', press('c', { metaKey: true })],
    ['Ctrl-Shift-C', press('C', { ctrlKey: true, shiftKey: true })],
    ['Escape', press('Escape')],
    ['F5', press('F5')],
  ])('%s stays the browser\'s', (_, key) => {
    expect(earlyKeyData(key, false, false)).toBe(BROWSER);
  });

  it('Ctrl-C copies a selection instead of interrupting', () => {
    expect(earlyKeyData(press('c', { ctrlKey: true }), true, false)).toBe(BROWSER);
  });

  it('a character typed with Option on macOS, or AltGr (Ctrl-Alt) elsewhere, is text', () => {
    expect(earlyKeyData({ ...press('å', { altKey: true }), code: 'KeyA' }, false, true)).toBe('å');
    expect(earlyKeyData({ ...press('@', { altKey: true, ctrlKey: true }), code: 'KeyQ' }, false, false)).toBe('@');
  });
});
