// Steps through a <packet-walk>: Back/Next/Play, arrow keys, Home/End, the proof sent to the
// page's terminal, and the walk recomputed in the browser when the reader chose another lab.
import type { Hop, Walk } from '../../engine/walk/walk.ts';
import { labInEffect } from '../labs/choice.ts';
import { addresses, before, hopTitle, HOP_COLUMNS } from './view.ts';

const PLAY_MS = 2500;

export async function controlWalk(host: HTMLElement, first: Event): Promise<void> {
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
  host.addEventListener('click', onClick);
  host.addEventListener('keydown', onKey);

  // The page's lab, or the reader's choice: recompute when they differ.
  const pageLab = host.dataset.lab ?? 'aro2';
  const inEffect = labInEffect(pageLab);
  if (inEffect.name !== pageLab || inEffect.chosen) {
    const [{ loadLabWorld }, { walk: compute }] = await Promise.all([import('../labs/world.ts'), import('../../engine/walk/walk.ts')]);
    try {
      walk = compute((await loadLabWorld(pageLab)).lab, walk.flow);
      $('[data-walk-lab]').textContent = inEffect.label;
      redraw(host, walk);
    } catch {
      // This lab cannot make that walk (no app route): keep the page's own.
    }
  }
  show();
  // The first event only loaded this code: do what it asked.
  if (first.type === 'click') onClick(first);
  else if (first instanceof KeyboardEvent) onKey(first);
}

/** Another lab's walk: the diagram's texts and the table's rows follow it. */
function redraw(host: HTMLElement, walk: Walk): void {
  host.querySelectorAll<HTMLElement>('[data-hop]').forEach((li, i) => {
    const hop = walk.hops[i];
    li.hidden = !hop;
    if (!hop) return;
    li.querySelector('.packet-walk__at')!.textContent = hopTitle(hop);
    li.querySelector('.packet-walk__addr')!.textContent = addresses(hop);
  });
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
