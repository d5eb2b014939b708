// Names the lab in effect on the dock: its badge, the screen's placeholder and label, and the note
// where the chapter declares the terminal. The dock does it from the first paint (a lab chosen by
// `?lab=` or on the labs page shows at once, not when the terminal starts); mount.ts again when the
// bridge goes away.

export interface LabInEffect {
  name: string;
  label: string;
  chosen: boolean;
}

/** The badge says which lab runs, and offers to change it when the reader chose another. */
export function showLab(host: HTMLElement, inEffect: LabInEffect): void {
  for (const name of host.querySelectorAll('[data-lab-name]')) name.textContent = inEffect.name;
  host.querySelector('[data-lab-terminal]')?.setAttribute('aria-label', `Lab terminal on ${inEffect.name}. Press Enter to start typing; Escape leaves the terminal.`);
  const source = host.querySelector<HTMLElement>('.lab-terminal__source');
  if (!source || !inEffect.chosen) return;
  source.textContent = `${inEffect.label} · `;
  const link = document.createElement('a');
  link.href = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/labs/`;
  link.textContent = 'change lab';
  source.append(link);
  host.dataset.labInEffect = inEffect.label;
}
