// What the packet-walk component prints for a hop, shared by its build-time render and the
// controller that redraws it in the browser.
import type { Hop, Walk } from '../../engine/index.ts';

/** The hop's title in the diagram: its step and place, whole (the box wraps it). */
export const hopTitle = (hop: Hop): string => `${hop.step}. ${hop.at}`;

/** The columns of the table of hops; each cell also carries its column's name for the stacked layout. */
export const HOP_COLUMNS = ['Step', 'At', 'Before', 'Source after', 'Destination after', 'What changed', 'Why', 'Proof'] as const;

export const addresses = (hop: Hop): string => `${hop.src} → ${hop.dst}`;

/** The addresses hop `i` received the packet with: what the hop before it left. */
export function before(walk: Walk, i: number): string {
  return i > 0 ? addresses(walk.hops[i - 1]) : 'where the packet starts';
}
