// Steps through a <packet-walk>: Back/Next/Play, arrow keys, Home/End, the proof sent to the
// page's terminal, and the walk recomputed in the browser when the reader chose another lab.
import type { Hop, Walk } from '../../engine/index.ts';
import { changesKey, labInEffect } from '../labs/choice.ts';
import { readText } from '../storage.ts';
import { addresses, before, hopTitle, HOP_COLUMNS } from './view.ts';

const PLAY_MS = 2500;

/** Takes over a <packet-walk>; `early` holds the clicks and key presses that came before this code
 * had loaded (none when it loaded because the lab in effect is not the build's). */
export async function controlWalk(host: HTMLElement, early: readonly Event[] = []): Promise<void> {
  let walk: Walk = JSON.parse(host.querySelector('[data-walk-data]')!.textContent ?? '{"hops":[]}');
  let step = 1;
  let timer: ReturnType<typeof setInterval> | undefined;
  const $ = <T extends HTMLElement>(selector: string) => host.querySelector<T>(selector)!;
  const button = (name: string) => $<HTMLButtonElement>(`[data-walk="${name}"]`);

  const show = () => {
    const hop: Hop | undefined = walk.hops[step - 1];
    host.dataset.step = String(step);
    host.querySelectorAll<HTMLElement>('[data-hop]').forEach((li) => {
      const current = li.dataset.hop === String(step);
      li.classList.toggle('is-current', current);
      if (current) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    $('[data-walk-position]').textContent = hop ? `Step ${step} of ${walk.hops.length}: ${hop.at}` : 'No hops';
    const fields: Record<string, string> = hop ? { before: before(walk, step - 1), addresses: addresses(hop), change: hop.change, why: hop.why, proof: hop.proof } : {};
    host.querySelectorAll<HTMLElement>('[data-walk-field]').forEach((el) => (el.textContent = fields[el.dataset.walkField!] ?? ''));
    // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
    button('back').setAttribute('aria-disabled', String(step <= 1));
    button('next').setAttribute('aria-disabled', String(step >= walk.hops.length));
  };
  const go = (to: number) => {
    step = Math.min(Math.max(1, to), walk.hops.length);
    show();
  };
  const stopPlaying = () => {
    clearInterval(timer);
    timer = undefined;
    button('play').setAttribute('aria-pressed', 'false');
    button('play').textContent = 'Play';
  };
  const act = (name: string | undefined) => {
    if (name === 'back') go(step - 1);
    else if (name === 'next') go(step + 1);
    else if (name === 'proof') {
      const hop = walk.hops[step - 1];
      if (hop) document.dispatchEvent(new CustomEvent('lab-run', { detail: { cmd: hop.proof } }));
    } else if (name === 'play') {
      if (timer) return stopPlaying();
      if (step >= walk.hops.length) go(1);
      button('play').setAttribute('aria-pressed', 'true');
      button('play').textContent = 'Pause';
      timer = setInterval(() => (step >= walk.hops.length ? stopPlaying() : go(step + 1)), PLAY_MS);
    }
  };
  const onClick = (event: Event) => act((event.target as HTMLElement).closest<HTMLElement>('[data-walk]')?.dataset.walk);
  const onKey = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = { ArrowRight: () => go(step + 1), ArrowLeft: () => go(step - 1), Home: () => go(1), End: () => go(walk.hops.length) };
    const handler = keys[event.key];
    if (!handler || (event.target as HTMLElement).closest('summary, .packet-walk__table')) return;
    event.preventDefault();
    handler();
  };
  // Presses made from now on change the step at once; the lab's walk, when it comes, keeps that step.
  host.addEventListener('click', onClick);
  host.addEventListener('keydown', onKey);
  for (const event of early) {
    if (event.type === 'click') onClick(event);
    else if (event instanceof KeyboardEvent) onKey(event);
  }

  // The page's lab, or the reader's choice, as the reader changed it: recompute when that is not
  // the lab the page was built with, and again after each change the terminal makes to its world.
  const pageLab = host.dataset.lab ?? 'aro2';
  const inEffect = labInEffect(pageLab);
  const changedInTerminal = early.some((event) => event.type === 'lab-walk');
  if (inEffect.key !== pageLab || changedInTerminal || readText(changesKey(inEffect.key)) !== undefined) {
    const [{ loadLabWorld }, { walk: compute }] = await Promise.all([import('../labs/world.ts'), import('../engine/walk.ts')]);
    const { lab, world } = await loadLabWorld(pageLab);
    const draw = () => {
      const changes = world.changes?.count ?? 0;
      try {
        walk = compute(world.changes?.current() ?? lab, walk.flow);
      } catch {
        // This lab cannot make that walk (no app route): keep the walk shown.
        return;
      }
      $('[data-walk-lab]').textContent = inEffect.name;
      $('[data-walk-lab-note]').textContent = labNote(inEffect.key, pageLab, changes);
      redraw(host, walk);
      go(step);
    };
    draw();
    world.changes?.subscribe(draw);
  }
  go(step);
}

/** What follows the lab's name in "Computed from lab …": how the reader chose it, and whether
 * their changes are in it. */
export const labNote = (key: string, pageLab: string, changes = 0): string =>
  `${key === pageLab ? '' : key.startsWith('file:') ? ', loaded from a file' : ' (your choice)'}${changes ? `, with your ${changes === 1 ? 'change' : `${changes} changes`}` : ''}`;

/** Another lab's walk: its title, the diagram's hops, the stop and the table's rows are drawn from it. */
export function redraw(host: HTMLElement, walk: Walk): void {
  host.querySelector('[data-walk-title]')!.textContent = walk.title;
  const list = host.querySelector('[data-walk-diagram]')!;
  list.replaceChildren(
    ...walk.hops.map((hop) => {
      const li = document.createElement('li');
      li.className = `packet-walk__hop${walk.stopped?.step === hop.step ? ' is-stop' : ''}`;
      li.dataset.hop = String(hop.step);
      const at = Object.assign(document.createElement('span'), { className: 'packet-walk__at', textContent: hopTitle(hop) });
      const addr = Object.assign(document.createElement('span'), { className: 'packet-walk__addr', textContent: addresses(hop) });
      li.append(at, addr);
      return li;
    }),
  );
  const stop = host.querySelector<HTMLElement>('[data-walk-stop]');
  if (stop) {
    stop.hidden = !walk.stopped;
    stop.textContent = walk.stopped ? `The packet stops at step ${walk.stopped.step}: ${walk.stopped.why}` : '';
  }
  const rows = host.querySelector('[data-walk-rows]')!;
  rows.replaceChildren(
    ...walk.hops.map((h, i) => {
      const tr = document.createElement('tr');
      [String(h.step), h.at, before(walk, i), h.src, h.dst, h.change, h.why, h.proof].forEach((cell, c) => {
        const td = Object.assign(document.createElement('td'), { textContent: cell });
        td.dataset.label = HOP_COLUMNS[c];
        tr.append(td);
      });
      return tr;
    }),
  );
}
