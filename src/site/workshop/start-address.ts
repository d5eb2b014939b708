// The address attendees start at, as the handout prints it: the site's own origin (where the
// instructor opened the handout, so the address the room uses), chapter 1, and the lab the
// instructor chose on this browser when it is one a link can name.
import type { LabChoice } from '../labs/choice.ts';

export const DEFAULT_LAB = 'aro2';

export function startAddress(origin: string, base: string, choice: LabChoice | undefined): string {
  const lab = choice?.kind === 'builtin' ? choice.name : DEFAULT_LAB;
  return `${origin}${base.replace(/\/$/, '')}/chapters/01-welcome/?lab=${encodeURIComponent(lab)}`;
}
