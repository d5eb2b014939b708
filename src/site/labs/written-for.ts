// Under the terminal's lab name, a short notice when the lab in effect is a built-in lab the page
// is not written for (its `labs`, which remark-run gives the terminal as data-labs): which labs the
// page is written for, each a link that opens this page on it (?lab=, as the labs page does).
import { labInEffect, writtenForNotice } from './choice.ts';

export function showWrittenFor(host: HTMLElement): void {
  const labs = (host.dataset.labs ?? '').split(' ').filter(Boolean);
  const notice = writtenForNotice(labInEffect(host.dataset.lab ?? 'aro2').name, labs, location.pathname);
  host.querySelector('[data-lab-written-for]')?.remove();
  if (!notice) return;
  const line = document.createElement('span');
  line.className = 'lab-terminal__written-for';
  line.dataset.labWrittenFor = '';
  line.append(`${notice.text} `);
  notice.links.forEach(({ lab, href }, i) => {
    if (i) line.append(' · ');
    const link = document.createElement('a');
    link.href = href;
    link.textContent = lab;
    line.append(link);
  });
  line.append('.');
  host.querySelector('[data-lab-badge]')?.append(line);
}
