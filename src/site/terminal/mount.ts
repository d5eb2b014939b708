// Mounts the lab terminal on a <lab-terminal> element: xterm with the fit add-on, a session of
// the lab engine on the lab in effect (the page's, or the reader's choice), history kept per lab,
// `submit` for the exercises, an aria-live mirror of each command's output for screen readers, and
// "Connect to my cluster", which swaps the lab for the reader's cluster until the bridge goes away.
// The element around it (dock.ts) hands over the keys typed while this loaded; "Run in terminal"
// runs the blocks a command needs first; phones type into a plain input with history and Tab.
// The prompt comes first (xterm, the line editor, the lab's file); the engine loads behind it, and
// each command's module when the command first runs (src/engine/commands/registry.ts).
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { LineEditor } from './line-editor.ts';
import { useCellWidths } from './cell-width.ts';
import { copySelectionOnChord } from './copy-keys.ts';
import { isPasteChord } from './early-keys.ts';
import { labInEffect } from '../labs/choice.ts';
import { labNamespace, loadLabWorld, useLiveWorld } from '../labs/world.ts';
import { visibleControls, type World, type Session } from '../../engine/index.ts';
import { readJson, writeJson } from '../storage.ts';
import { recordAttempt } from '../progress/store.ts';
import { logUnexpected, reportUnexpected } from '../errors.ts';
import { parseNeeds, runNeeds } from './needs.ts';
import { wrapWords } from './wrap.ts';
import { completeInput, HistoryWalk } from './touch-input.ts';
import { showLab, type LabInEffect } from './lab-badge.ts';
import { showChanges } from './changes-badge.ts';
import { forgetBridge, rememberedBridge } from './bridge-memory.ts';

const HISTORY_KEY = (lab: string) => `history:${lab}`;
const isHistory = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** What the dock asks of the mounted terminal. */
export interface MountedTerminal {
  /** Types a line once the greeting is shown (a block's, the phone's), after the blocks it needs (data-needs). */
  run(cmd: string, needs?: string): Promise<void>;
  connect(url: string): Promise<void>;
  /** Replays the keys typed while loading and moves the keyboard into the terminal. */
  focusIn(): void;
}

/** A session on a world: the reader's lines run there. */
interface Active {
  world: World;
  session: Session;
}

/** `load` once, its promise kept; after a failure (a chunk the network lost) the next call tries again. */
function retried<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () =>
    (kept ??= load().catch((error: unknown) => {
      kept = undefined;
      throw error;
    }));
}

/** The engine's part of the terminal: the lab's world and how a session starts on a world. */
interface Engine {
  world: World;
  sessionOn(world: World): Active;
  /** Whether lines entered so far leave a shell construct open (the editor then prompts with `> `). */
  incomplete(text: string): boolean;
}

async function loadEngine(pageLab: string): Promise<Engine> {
  const [{ world }, { Session, createDesk, isIncomplete }, { exercisesFor }] = await Promise.all([
    loadLabWorld(pageLab),
    import('../engine/terminal.ts'),
    import('../exercises/catalogue.ts'),
  ]);
  return {
    world,
    incomplete: isIncomplete,
    // `submit` saves the result like an answer given in the page; a failure the engine did not
    // expect shows its message in the terminal and goes, stack and all, to the browser console.
    sessionOn: (w) => ({
      world: w,
      session: new Session(w, {
        exercises: createDesk(w, exercisesFor(w.info.name), (r) => recordAttempt(r.id, r.answer, r.verdict.correct)),
        onInternalError: (error: unknown) => logUnexpected('a command failed inside the lab engine', error),
      }),
    }),
  };
}

export async function mountTerminal(host: HTMLElement & { takeTyped(): string[] }): Promise<MountedTerminal> {
  const pageLab = host.dataset.lab ?? 'aro2';
  const inEffect = labInEffect(pageLab);
  const lab = inEffect.name;
  const screen = host.querySelector<HTMLElement>('[data-lab-terminal]')!;
  const announce = host.querySelector<HTMLElement>('[data-lab-announce]')!;
  showLab(host, inEffect);
  // The prompt needs xterm, the line editor and the lab's namespace, so they load first; the engine
  // (the shell, the world made from the lab's file, the exercises) is its own chunks and loads once
  // the prompt is drawn. A line entered before it arrives waits for it, and so does Tab.
  const namespaceOfLab = labNamespace(pageLab);
  // Kept once it has arrived, for what must answer at once (whether a line is complete).
  let loaded: Engine | undefined;
  const engine = retried(() => loadEngine(pageLab).then((e) => (loaded = e)));
  // A tab that was connected to the reader's cluster reconnects before its first prompt.
  const remembered = rememberedBridge();
  // Undefined until the engine has arrived.
  let active: Active | undefined;
  const promptName = () => (active?.world.source === 'live' ? (active.world.info.session.env.cluster_name ?? 'live') : lab);
  // Set when the bridge stopped answering during a command; the terminal falls back after it.
  let lost: string | undefined;
  // xterm takes the screen once the namespace is known, ready to greet; keys typed there until then stay with the dock.
  const namespace = await namespaceOfLab;
  screen.replaceChildren();
  const term = new Terminal({ allowProposedApi: true, convertEol: true, cursorBlink: true, fontSize: 13, lineHeight: 1.15, scrollback: 2000, theme: { background: '#17181c', foreground: '#e6e6e6' } });
  const fit = new FitAddon();
  term.loadAddon(fit);
  // The line editor wraps long input where the terminal does: both measure with one table.
  useCellWidths(term);
  term.open(screen);
  // Tab inside the terminal completes commands, so the page's Tab order must not enter xterm's
  // input on its own: the screen is the stop, Enter (or a click) goes in, Escape comes out.
  term.textarea?.setAttribute('tabindex', '-1');
  fit.fit();
  new ResizeObserver(() => fit.fit()).observe(screen);
  // Escape hands the keyboard back to the page so Tab can move on.
  term.attachCustomKeyEventHandler((e) => {
    if (copySelectionOnChord(e, term, navigator.clipboard, (error) => logUnexpected('copying the selection failed', error))) {
      e.preventDefault();
      return false;
    }
    // xterm would send Ctrl-V as ^V, which the editor has no use for; the browser pastes instead,
    // as it does while the terminal loads (early-keys.ts).
    if (isPasteChord(e)) return false;
    if (e.key === 'Escape' && e.type === 'keydown') {
      term.blur();
      screen.focus();
      return false;
    }
    return true;
  });

  const editor = new LineEditor(
    {
      write: (text, parsed) => term.write(text, parsed),
      prompt: () => visibleControls(`[${promptName()} ${active?.session.namespace ?? namespace}]$ `),
      columns: () => term.cols,
      column: () => term.buffer.active.cursorX,
      async complete(line, cursor) {
        try {
          return await (await current()).session.complete(line, cursor);
        } catch (error) {
          logUnexpected('completion failed', error);
          return { start: cursor, candidates: [] };
        }
      },
      incomplete: (text) => loaded?.incomplete(text) ?? false,
      async submit(line) {
        // Whichever way the line came, the phone's ↑ starts again from the newest command.
        touch.reset();
        let result;
        try {
          result = await (await current()).session.run(line);
        } catch (error) {
          // The engine reports a command's failures itself; this one escaped it (or the engine did not load).
          const message = reportUnexpected('the lab engine failed', error);
          term.write(`${visibleControls(message)}\n`);
          announce.textContent = message;
          return;
        }
        if (result.clear) term.clear();
        // The tools colour their own output where the real ones do (jq on a terminal); any other
        // escape in it (a lab value, a page's body) is shown, not obeyed.
        for (const chunk of result.chunks) term.write(visibleControls(chunk.text));
        announce.textContent = result.stdout + result.stderr || `${line}: no output, exit status ${result.status}`;
        if (lost) await fallBack();
      },
    },
    readJson(HISTORY_KEY(inEffect.key), isHistory, 'terminal history') ?? [],
    // When storage is full or disabled, history stays for this page only.
    (history) => void writeJson(HISTORY_KEY(inEffect.key), history),
  );
  // Keys, blocks run from the page and the phone's lines reach the editor one after the other, so
  // what comes while a command runs waits for it instead of being dropped.
  let input = Promise.resolve();
  const queued = (work: () => Promise<void>) => (input = input.then(work).catch((error: unknown) => logUnexpected('the terminal failed to take input', error)));
  const feed = (data: string) => queued(() => editor.handle(data));
  term.onData(feed);
  term.onResize(() => void editor.resize());

  // Live mode. The world changes between commands, never during one.
  const status = host.querySelector<HTMLElement>('[data-lab-live-status]');
  const disconnectButton = host.querySelector<HTMLButtonElement>('[data-lab-disconnect]');
  const use = async (next: World, message: string, prompt = true) => {
    active = (await engine()).sessionOn(next);
    const isLive = next.source === 'live';
    useLiveWorld(isLive ? next : undefined);
    host.dataset.source = next.source;
    showSource(host, isLive ? next : undefined, inEffect);
    if (disconnectButton) disconnectButton.hidden = !isLive;
    showChanges(host, next.changes?.count ?? 0);
    if (status) status.textContent = message;
    term.write(`\r\x1b[K${visibleControls(message)}\r\n`);
    if (prompt) await editor.showPrompt();
  };
  /** Connects to the bridge at `url` (its client loads only now); false, saying why, when it could not. */
  const connect = async (url: string): Promise<boolean> => {
    if (status) status.textContent = 'Connecting…';
    try {
      const { openBridge } = await import('./live.ts');
      const live = await openBridge(url, (error) => (lost = error.message));
      await use(live, `Connected to your cluster ${live.info.session.env.cluster_name} through the bridge: read-only, live. Commands now ask Azure and your cluster.`);
      // The form opens over the terminal; once connected, the terminal and its badge say so.
      const panel = host.querySelector<HTMLDetailsElement>('[data-lab-live]');
      if (panel) panel.open = false;
      return true;
    } catch (error) {
      if (status) status.textContent = (error as Error).message;
      return false;
    }
  };
  const fallBack = async () => {
    const reason = lost;
    lost = undefined;
    forgetBridge();
    // Called as a command finishes: the editor shows the prompt itself.
    await use((await engine()).world, `The bridge stopped answering (${reason}); back on lab ${lab}.`, false);
  };
  disconnectButton?.addEventListener('click', () => {
    forgetBridge();
    void engine().then(({ world }) => use(world, `Disconnected; back on lab ${lab}.`));
  });

  // The greeting is wrapped between words to the columns the dock gives the terminal, so it waits
  // until the terminal has a size (the dock may be collapsed); commands wait for the greeting and
  // the prompt after it, which data-prompt="shown" and the performance mark lab-terminal:prompt
  // mark (what loads before the mark is the first prompt's download; data-ready: the engine is in).
  const greeted = new Promise<void>((resolve) => {
    const greet = new ResizeObserver(() => {
      if (!screen.clientWidth) return;
      greet.disconnect();
      fit.fit();
      for (const line of wrapWords(visibleControls(`ARO Packet Labs: ${inEffect.label}. Type help for the commands, submit ID ANSWER for an exercise.`), term.cols)) term.writeln(line);
      const prompted = remembered ? connect(remembered).then(async (connected) => void (connected || (await editor.showPrompt()))) : editor.showPrompt();
      resolve(
        prompted.then(() => {
          host.dataset.prompt = 'shown';
          performance.mark('lab-terminal:prompt');
        }),
      );
    });
    greet.observe(screen);
  });

  /** Loads the engine and starts the session lines run in (a remembered bridge answers first); data-ready marks it. */
  const ready = retried(async () => {
    const { world, sessionOn } = await engine();
    active ??= sessionOn(world);
    followChanges(host, world);
    if (remembered) await greeted;
    host.dataset.ready = 'true';
  });
  const current = async (): Promise<Active> => {
    await ready();
    return active!; // set once ready() settles
  };
  // The engine starts loading once the first prompt is drawn.
  void greeted.then(ready).catch((error: unknown) => logUnexpected('the lab engine failed to load', error));

  const touch = touchInput(host, {
    history: () => editor.historyLines(),
    complete: async (line, cursor) => (await current()).session.complete(line, cursor),
  });
  host.querySelector('[data-lab-reset]')?.addEventListener('click', () => {
    void current().then(async ({ world }) => {
      active = (await engine()).sessionOn(world);
      term.reset();
      // A new session starts on the same world: the reader's changes to the lab stay until Reset lab.
      const changes = world.changes?.count ?? 0;
      const kept = changes ? ` It keeps your ${changes === 1 ? 'change' : `${changes} changes`} to the lab; Reset lab (or lab reset) undoes ${changes === 1 ? 'it' : 'them'}.` : '';
      const message = world.source === 'live' ? `New session on your cluster ${promptName()}.` : `New session on lab ${lab}.${kept}`;
      for (const line of wrapWords(visibleControls(message), term.cols)) term.writeln(line);
      await editor.showPrompt();
    });
  });

  (window as unknown as { __labTerminal?: Terminal }).__labTerminal = term;
  const run = async (cmd: string, needs?: string) => {
    await greeted;
    await queued(async () => {
      // Whether a block's needs are met is the session's to say, so they wait for the engine.
      const { session } = await current();
      await runNeeds(parseNeeds(needs), (name) => Boolean(session.vars.get(name)), (line, remember) => editor.type(line, remember));
      await editor.type(cmd);
    });
  };
  // Keys and pastes the dock kept while this loaded go in once the prompt is drawn; what it still
  // catches on the screen itself after that (a paste aimed at it) goes straight in, in order.
  let takenOver = false;
  const takeTyped = () => {
    if (takenOver) for (const data of host.takeTyped()) void feed(data);
  };
  screen.addEventListener('keydown', takeTyped);
  screen.addEventListener('paste', takeTyped);
  const focusIn = () =>
    void greeted.then(() => {
      takenOver = true;
      takeTyped();
      term.focus();
    });
  return { run, connect: async (url) => void (await connect(url)), focusIn };
}

/**
 * The phone's input: ↑/↓ walk the editor's history, Tab completes. Its lines (Run, Enter) go
 * through the dock, which starts the terminal for the first one; the walk starts again from the
 * newest command whenever one runs.
 */
function touchInput(host: HTMLElement, lab: { history(): readonly string[]; complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }> }): { reset(): void } {
  const walk = new HistoryWalk(lab.history);
  const form = host.querySelector<HTMLFormElement>('[data-lab-touch]');
  const input = form?.querySelector('input');
  const list = form?.querySelector('output');
  if (!form || !input || !list) return walk;
  const set = (line: string, cursor = line.length) => {
    input.value = line;
    input.setSelectionRange(cursor, cursor);
    input.focus();
  };
  const complete = async () => {
    const cursor = input.selectionStart ?? input.value.length;
    const next = completeInput(input.value, cursor, await lab.complete(input.value, cursor));
    list.textContent = next.list.join('  ');
    set(next.line, next.cursor);
  };
  // Its buttons never take the focus from the input, so the phone's keyboard stays open.
  form.addEventListener('mousedown', (event) => (event.target as HTMLElement).closest('button') && event.preventDefault());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      set(e.key === 'ArrowUp' ? walk.up(input.value) : walk.down(input.value));
    }
  });
  form.addEventListener('click', (event) => {
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-lab-touch-key]')?.dataset.labTouchKey;
    if (key === 'up') set(walk.up(input.value));
    else if (key === 'down') set(walk.down(input.value));
    else if (key === 'tab') void complete().catch((error: unknown) => logUnexpected('completion failed', error));
  });
  return walk;
}

/** The lab's world changed (a write, a reset): the badge counts the changes, and the packet walks
 * of the page are drawn again from the changed world (walk/controller.ts). Once per world. */
const followed = new WeakSet<World>();
function followChanges(host: HTMLElement, world: World) {
  const changes = world.changes;
  if (!changes || followed.has(world)) return;
  followed.add(world);
  showChanges(host, changes.count);
  changes.subscribe(() => {
    if (host.dataset.source !== 'live') showChanges(host, changes.count);
    for (const walk of document.querySelectorAll('packet-walk')) walk.dispatchEvent(new Event('lab-walk'));
  });
}

/** In live mode the badge says so in words (not by colour alone) and names the cluster. */
function showSource(host: HTMLElement, live: World | undefined, inEffect: LabInEffect) {
  const source = host.querySelector<HTMLElement>('.lab-terminal__source');
  if (!source) return;
  if (!live) {
    source.textContent = `Simulated lab `;
    source.append(Object.assign(document.createElement('strong'), { textContent: host.dataset.lab ?? '' }));
    showLab(host, inEffect);
    return;
  }
  source.textContent = '';
  const pill = Object.assign(document.createElement('strong'), { className: 'lab-terminal__live-pill', textContent: 'LIVE' });
  source.append(pill, ` your cluster ${live.info.session.env.cluster_name} (resource group ${live.info.session.env.rg}), read-only, through the bridge`);
}
