// Shows each diagram's "Full screen" button; the viewer's code loads on the first click, so a
// page pays a few hundred bytes for it before anyone asks.
export function enableDiagramZoom(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-diagram-zoom]')) {
    button.hidden = false;
    button.addEventListener('click', () => void import('./viewer.ts').then(({ openDiagram }) => openDiagram(button)));
  }
}
