// Which keys copy the terminal's selection: Ctrl-C, Cmd-C and Ctrl-Shift-C going down, with text
// selected. Without a selection, on key up, or with Alt (AltGr is Ctrl+Alt on some layouts) the key
// is left to the line editor.
import { describe, expect, it } from 'vitest';
import { copySelectionOnChord, type CopyChord } from '../../src/site/terminal/copy-keys.ts';

const key = (over: Partial<CopyChord>): CopyChord => ({ type: 'keydown', key: 'c', ctrlKey: false, metaKey: false, altKey: false, ...over });

function terminal(selection: string) {
  let selected = selection;
  return { hasSelection: () => selected !== '', getSelection: () => selected, clearSelection: () => void (selected = '') };
}

async function press(chord: CopyChord, selection: string) {
  const written: string[] = [];
  const term = terminal(selection);
  const copied = copySelectionOnChord(chord, term, { writeText: async (text) => void written.push(text) }, (error) => {
    throw error;
  });
  await Promise.resolve();
  return { copied, written, stillSelected: term.hasSelection() };
}

describe('copy chords', () => {
  it.each([
    ['Ctrl-C', key({ ctrlKey: true })],
    ['Cmd-C', key({ metaKey: true })],
    ['Ctrl-Shift-C', key({ ctrlKey: true, key: 'C' })],
  ])('%s with text selected copies it and clears the selection', async (_name, chord) => {
    expect(await press(chord, 'aro2-p8bjm')).toEqual({ copied: true, written: ['aro2-p8bjm'], stillSelected: false });
  });

  it.each([
    ['Ctrl-C with nothing selected', key({ ctrlKey: true }), ''],
    ['Ctrl-C going up', key({ ctrlKey: true, type: 'keyup' }), 'x'],
    ['Ctrl-Alt-C (AltGr)', key({ ctrlKey: true, altKey: true }), 'x'],
    ['C alone', key({}), 'x'],
    ['Ctrl-V', key({ ctrlKey: true, key: 'v' }), 'x'],
  ])('%s is left to the line editor', async (_name, chord, selection) => {
    expect(await press(chord, selection)).toEqual({ copied: false, written: [], stillSelected: selection !== '' });
  });
});
