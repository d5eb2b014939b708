// The <lab-terminal> element: the page's one terminal, docked at the bottom of the window so it
// stays beside the text. This part runs before any interaction, so it stays small: the dock's
// size and collapsed state (kept in localStorage), the resize handle, type-ahead and "Run in
// terminal" requests, the phone's input row and the name of the lab in effect. xterm and the lab
// engine (mount.ts) load on first use, or when the reader reaches the place in the chapter where
// the terminal is declared (once the page is interactive and idle).
import { readJson, writeJson } from '../storage.ts';
import { labInEffect } from '../labs/choice.ts';
import { showLab } from './lab-badge.ts';
import { whenIdle, whenNear } from '../load-later.ts';
import { BROWSER, earlyKeyData } from './early-keys.ts';
import type { showTypeAhead } from './type-ahead.ts';
import type { MountedTerminal } from './mount.ts';

/** What a "Run in terminal" request carries: the command, the blocks it needs (data-needs JSON) and the button. */
export interface RunRequest {
  cmd: string;
  needs?: string;
  source?: HTMLElement;
}

export interface DockState {
  /** The dock's height as a share of the window's. */
  size: number;
  collapsed: boolean;
}

const KEY = 'terminal-dock';
export const DOCK_MIN = 0.15;
export const DOCK_MAX = 0.85;
// A third of the window or less, so the text keeps most of it; phones a little more for their input
// row (terminal.css has the same shares for the first paint). The dock never gets shorter than its
// bar, four rows of terminal and its controls (terminal.css), whatever share is asked for.
const defaultState = (): DockState => ({ size: matchMedia('(max-width: 50rem)').matches ? 0.35 : 0.3, collapsed: false });
const isState = (v: unknown): v is DockState => typeof (v as DockState)?.size === 'number' && typeof (v as DockState).collapsed === 'boolean';
const clamp = (size: number) => Math.min(DOCK_MAX, Math.max(DOCK_MIN, size));

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);

// Arrow keys move the handle by 5% of the window, Page keys by 20%.
const STEPS: Record<string, number> = { ArrowUp: 0.05, ArrowDown: -0.05, PageUp: 0.2, PageDown: -0.2, Home: -1, End: 1 };

class LabTerminal extends HTMLElement {
  private started?: Promise<MountedTerminal>;
  private queue: Promise<void> = Promise.resolve();
  private typed: string[] = [];
  private preview?: Promise<typeof showTypeAhead>;
  /** True from a click or Enter on the terminal until Escape: keys belong to the terminal. */
  private capturing = false;
  private state: DockState = { size: 0.3, collapsed: false };

  connectedCallback() {
    // One terminal a page: a second declaration would be a second session and a second dock.
    if (document.querySelector('lab-terminal') !== this) return this.remove();
    // The lab in effect from the first paint, not only once the terminal has started.
    showLab(this, labInEffect(this.dataset.lab ?? 'aro2'));
    this.state = readJson(KEY, isState, 'terminal size') ?? defaultState();
    const dock = this.find('[data-lab-dock]');
    // A size stored on a taller window (or dragged below the minimum) is raised to what is shown.
    const stored = this.state.size;
    this.apply();
    if (this.state.size !== stored) writeJson(KEY, this.state);
    addEventListener('resize', () => this.apply());
    new ResizeObserver(() => document.documentElement.style.setProperty('--lab-dock-space', `${dock.offsetHeight}px`)).observe(dock);
    const screen = this.find('[data-lab-terminal]');
    // Reaching the place where the page declares its terminal loads it, but only once the page is
    // interactive and idle: a note on the first screen must not hold up the page's first use.
    whenNear(this, () => whenIdle(() => void this.start()));
    screen.addEventListener('click', () => this.enter());
    screen.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.capturing = false;
      if (e.target !== screen) return; // xterm's own input, once it runs
      if (!this.capturing) {
        if (e.key === 'Enter') {
          e.preventDefault();
          this.enter();
        }
        return;
      }
      const selection = getSelection();
      const data = earlyKeyData(e, Boolean(selection && !selection.isCollapsed), MAC);
      if (data === BROWSER) return;
      e.preventDefault();
      if (data) this.keep(data);
    });
    // A click on the placeholder's text puts the page's caret there, so a paste is aimed at it;
    // xterm takes the pastes aimed at its own elements.
    screen.addEventListener('paste', (e) => {
      const target = e.target instanceof Element ? e.target : screen;
      if (!this.capturing || target.closest('.xterm')) return;
      e.preventDefault();
      this.keep(e.clipboardData?.getData('text') ?? '');
    });
    this.find('[data-lab-open]').addEventListener('click', () => this.enter());
    this.touchRow(this.find<HTMLFormElement>('[data-lab-touch]'));
    this.find('[data-lab-collapse]').addEventListener('click', () => this.save({ collapsed: !this.state.collapsed }));
    this.resizeHandle(this.find('[data-lab-resize]'));
    this.find('[data-lab-connect]').addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new FormData(event.target as HTMLFormElement).get('bridge');
      void this.start().then((terminal) => terminal.connect(String(url)));
    });
    document.addEventListener('lab-run', (event) => {
      const { cmd, needs, source } = (event as CustomEvent<RunRequest>).detail;
      this.save({ collapsed: false });
      // The page stays where it is; only a block the opened dock would cover moves up above it.
      const covered = source ? source.getBoundingClientRect().bottom - dock.getBoundingClientRect().top + 8 : 0;
      if (covered > 0) scrollBy({ top: covered, behavior: 'instant' });
      // One after the other: a second click waits for the first command to finish.
      this.queue = this.queue.then(() => this.start().then((terminal) => terminal.run(cmd, needs)));
    });
  }

  /** Keeps a key's data (or a paste) for the terminal, and shows it on the screen until xterm takes it. */
  private keep(data: string) {
    this.typed.push(data);
    this.showTyped();
  }

  /**
   * While the terminal loads, its screen says so and shows what the kept keys will make of the
   * prompt: the lines entered and the line being typed, with its cursor. xterm takes the screen,
   * placeholder and all, and replays the keys once its prompt is drawn. The preview's code is
   * fetched on the first key or click, so none of it loads before the page is used.
   */
  private showTyped() {
    const placeholder = this.querySelector('.lab-terminal__placeholder');
    if (!placeholder) return;
    placeholder.textContent = 'Starting the terminal…';
    this.preview ??= import('./type-ahead.ts').then((m) => m.showTypeAhead);
    void this.preview.then(
      (show) => show(placeholder, this.typed, labInEffect(this.dataset.lab ?? 'aro2').key),
      // A chunk the network lost: the keys are kept all the same, and the next one tries again
      // (not logged: the site's error module would be one more script before the page is used).
      () => (this.preview = undefined),
    );
  }

  /** Hands over (and forgets) the keys typed while the terminal was loading. */
  takeTyped(): string[] {
    return this.typed.splice(0);
  }

  start(): Promise<MountedTerminal> {
    if (!this.started) {
      // `npm run budget` counts what loads from this mark until the prompt.
      performance.mark('lab-terminal:start');
      this.started = import('./mount.ts').then(({ mountTerminal }) => mountTerminal(this));
    }
    return this.started;
  }

  private enter() {
    this.capturing = true;
    this.save({ collapsed: false });
    this.showTyped();
    // Keys go to the screen (and are kept) until xterm takes over; the page does not move.
    const screen = this.find('[data-lab-terminal]');
    if (!screen.contains(document.activeElement)) screen.focus({ preventScroll: true });
    void this.start().then((terminal) => this.capturing && terminal.focusIn());
  }

  /** The phone's input row: its first line starts the terminal, and every line runs in it. */
  private touchRow(form: HTMLFormElement) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = form.querySelector('input')!;
      const line = input.value;
      input.value = '';
      form.querySelector('output')!.textContent = '';
      // The input keeps the focus, so the phone's keyboard stays open.
      input.focus();
      this.save({ collapsed: false });
      void this.start().then((terminal) => terminal.run(line));
    });
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  private save(change: Partial<DockState>) {
    this.state = { ...this.state, ...change };
    writeJson(KEY, this.state);
    this.apply();
  }

  /**
   * The dock's height and state live on the root, so the page can leave room for it. The open
   * dock's minimum (terminal.css) may show it taller than asked: the size becomes what is shown.
   */
  private apply() {
    const { collapsed } = this.state;
    const root = document.documentElement;
    root.style.setProperty('--lab-dock-size', String(clamp(this.state.size)));
    root.dataset.terminalDock = collapsed ? 'collapsed' : 'open';
    let size = clamp(this.state.size);
    if (!collapsed) {
      const shown = this.find('[data-lab-dock]').getBoundingClientRect().height / innerHeight;
      if (shown > size + 0.005) this.state = { ...this.state, size: (size = shown) };
    }
    this.find('[data-lab-collapse]').setAttribute('aria-expanded', String(!collapsed));
    this.find('[data-lab-resize]').setAttribute('aria-valuenow', String(Math.round(size * 100)));
  }

  private resizeHandle(handle: HTMLElement) {
    handle.addEventListener('pointerdown', (down) => {
      down.preventDefault();
      handle.setPointerCapture(down.pointerId);
      const move = (e: PointerEvent) => {
        this.state = { ...this.state, size: clamp(1 - e.clientY / innerHeight) };
        this.apply();
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('lostpointercapture', () => {
        handle.removeEventListener('pointermove', move);
        this.save({});
      }, { once: true });
    });
    handle.addEventListener('keydown', (e) => {
      const step = STEPS[e.key];
      if (step === undefined) return;
      e.preventDefault();
      this.save({ size: clamp(clamp(this.state.size) + step), collapsed: false });
    });
  }
}

export function defineLabTerminal(): void {
  if (!customElements.get('lab-terminal')) customElements.define('lab-terminal', LabTerminal);
}

export type { LabTerminal };
