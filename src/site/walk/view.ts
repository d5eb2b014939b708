// What the packet-walk component prints for a hop, shared by its build-time render and the
// controller that redraws it in the browser.
import type { Hop, Walk } from '../../engine/walk/walk.ts';

/** The hop's title in the diagram: its step and place, cut to fit the box. */
export function hopTitle(hop: Hop): string {
  return `${hop.step}. ${hop.at.length > 46 ? `${hop.at.slice(0, 45)}…` : hop.at}`;
}

export const addresses = (hop: Hop): string => `${hop.src} → ${hop.dst}`;

/** The addresses hop `i` received the packet with: what the hop before it left. */
export function before(walk: Walk, i: number): string {
  return i > 0 ? addresses(walk.hops[i - 1]) : 'where the packet starts';
}
