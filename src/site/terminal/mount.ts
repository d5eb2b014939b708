// Mounts the lab terminal on a <lab-terminal> element: xterm with the fit add-on, a session of
// the lab engine on the page's lab, history kept per lab, and an aria-live mirror of each
// command's output for screen readers.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { LabFile, World } from '../../engine/world/types.ts';
import { LineEditor } from './line-editor.ts';

const worlds = import.meta.glob('../../../labs/*/world.json', { import: 'default' });
const HISTORY_KEY = (lab: string) => `aro-labs:v1:history:${lab}`;

function loadHistory(lab: string): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(HISTORY_KEY(lab)) ?? '[]');
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return []; // corrupt or foreign data: start a fresh history
  }
}

async function loadWorld(lab: string): Promise<World> {
  const load = worlds[`../../../labs/${lab}/world.json`];
  if (!load) throw new Error(`unknown lab ${lab}`);
  const { createFixtureWorld } = await import('../../engine/world/fixture/index.ts');
  // The built-in labs are validated by the test suite; files readers load are validated on load.
  return createFixtureWorld((await load()) as LabFile);
}

export async function mountTerminal(host: HTMLElement) {
  const lab = host.dataset.lab ?? 'aro2';
  const screen = host.querySelector<HTMLElement>('[data-lab-terminal]')!;
  const announce = host.querySelector<HTMLElement>('[data-lab-announce]')!;
  // The engine is its own chunk, fetched alongside xterm, so neither grows the other.
  const [world, { Session }] = await Promise.all([loadWorld(lab), import('../../engine/session.ts')]);
  let session = new Session(world);
  screen.replaceChildren();
  const term = new Terminal({ convertEol: true, cursorBlink: true, fontSize: 14, scrollback: 2000, theme: { background: '#17181c', foreground: '#e6e6e6' } });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(screen);
  // Tab inside the terminal completes commands, so the page's Tab order must not enter xterm's
  // input on its own: the screen is the stop, Enter (or a click) goes in, Escape comes out.
  term.textarea?.setAttribute('tabindex', '-1');
  fit.fit();
  new ResizeObserver(() => fit.fit()).observe(screen);
  // Escape hands the keyboard back to the page so Tab can move on.
  term.attachCustomKeyEventHandler((e) => {
    if (e.key === 'Escape' && e.type === 'keydown') {
      term.blur();
      screen.focus();
      return false;
    }
    return true;
  });
  screen.addEventListener('keydown', (e) => {
    if (e.target === screen && e.key === 'Enter') {
      e.preventDefault();
      term.focus();
    }
  });

  const editor = new LineEditor(
    {
      write: (text) => term.write(text),
      prompt: () => `[${lab} ${session.namespace}]$ `,
      clearScreen: () => term.clear(),
      complete: (line, cursor) => session.complete(line, cursor),
      async submit(line) {
        const result = await session.run(line);
        if (result.clear) term.clear();
        // The tools colour their own output where the real ones do (jq on a terminal).
        for (const chunk of result.chunks) term.write(chunk.text);
        announce.textContent = result.stdout + result.stderr || `${line}: no output, exit status ${result.status}`;
      },
    },
    loadHistory(lab),
    (history) => {
      try {
        localStorage.setItem(HISTORY_KEY(lab), JSON.stringify(history));
      } catch {
        // storage full or disabled: history stays for this page only
      }
    },
  );
  term.onData((data) => void editor.handle(data));
  term.writeln(`ARO Packet Labs: simulated lab ${lab}. Type help for the commands.`);
  editor.showPrompt();

  host.querySelector<HTMLFormElement>('[data-lab-touch]')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).querySelector('input')!;
    const line = input.value;
    input.value = '';
    void editor.type(line);
  });
  host.querySelector('[data-lab-reset]')?.addEventListener('click', () => {
    session = new Session(world);
    term.reset();
    term.writeln(`New session on lab ${lab}.`);
    editor.showPrompt();
  });
  host.dataset.ready = 'true';
  (window as unknown as { __labTerminal?: Terminal }).__labTerminal = term;
  return { run: (line: string) => editor.type(line) };
}
