// The full-screen view of a diagram: a modal <dialog> (Escape and the Close button leave it, focus
// goes back to the button that opened it) where the diagram fills the screen when all of it fits
// there larger than drawn, and is shown at its own size otherwise (a phone: text never smaller than
// drawn), centred, panned by
// scrolling and zoomed with buttons, + and - keys, Ctrl+wheel or a two-finger pinch. The page's own
// <svg> moves into the dialog and back on close: its CSS and arrow markers are scoped to its id, so
// a copy would need every id rewritten.
const STEP = 1.25;
/** How far past the size that fills the screen (or past its own size) a diagram zooms in. */
const MAX_ZOOM = 4;
const ZOOM_KEYS: Record<string, string> = { '+': 'in', '=': 'in', '-': 'out', '0': 'fit' };

let dialog: HTMLDialogElement | undefined;

function buildDialog(): HTMLDialogElement {
  const view = document.createElement('dialog');
  view.className = 'diagram-view';
  view.setAttribute('aria-label', 'Diagram, full screen');
  view.innerHTML =
    '<div class="diagram-view__bar">' +
    '<button type="button" data-zoom="out">Zoom out</button>' +
    '<output data-zoom-level aria-live="polite">100%</output>' +
    '<button type="button" data-zoom="in">Zoom in</button>' +
    '<button type="button" data-zoom="fit">Fit</button>' +
    '<button type="button" data-zoom="close">Close</button>' +
    '</div>' +
    '<div class="diagram-view__canvas" tabindex="0" role="region" aria-label="Diagram: scroll or use the arrow keys to pan, + and - to zoom"></div>';
  document.body.append(view);
  return view;
}

export function openDiagram(button: HTMLButtonElement): void {
  const svg = document.getElementById(button.dataset.diagramZoom ?? '');
  if (!(svg instanceof SVGSVGElement)) return;
  const view = (dialog ??= buildDialog());
  const canvas = view.querySelector<HTMLElement>('.diagram-view__canvas')!;
  const level = view.querySelector<HTMLOutputElement>('[data-zoom-level]')!;
  const natural = svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width;
  const naturalHeight = svg.viewBox.baseVal?.height || svg.getBoundingClientRect().height;
  const pageStyle = svg.getAttribute('style');

  // A stand-in of the same height keeps the page from moving while the diagram is away.
  const standIn = document.createElement('div');
  standIn.style.height = `${svg.getBoundingClientRect().height}px`;
  svg.replaceWith(standIn);
  canvas.append(svg);
  svg.setAttribute('style', 'max-width: none; height: auto');

  let scale = 1;
  /** The scale at which the whole diagram fits the view. */
  const fitScale = () => Math.min((canvas.clientWidth - 16) / natural, (canvas.clientHeight - 16) / naturalHeight);
  const opening = () => Math.max(1, fitScale());
  const zoomTo = (to: number) => {
    // Keep the point at the centre of the view where it is.
    const cx = (canvas.scrollLeft + canvas.clientWidth / 2) / canvas.scrollWidth;
    const cy = (canvas.scrollTop + canvas.clientHeight / 2) / canvas.scrollHeight;
    scale = Math.min(MAX_ZOOM * opening(), Math.max(Math.min(1, fitScale()), to));
    svg.style.width = `${natural * scale}px`;
    level.textContent = `${Math.round(scale * 100)}%`;
    canvas.scrollLeft = cx * canvas.scrollWidth - canvas.clientWidth / 2;
    canvas.scrollTop = cy * canvas.scrollHeight - canvas.clientHeight / 2;
  };
  const actions: Record<string, () => void> = {
    in: () => zoomTo(scale * STEP),
    out: () => zoomTo(scale / STEP),
    fit: () => zoomTo(fitScale()),
    close: () => view.close(),
  };

  const listening = new AbortController();
  const on = <K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, handler: (event: HTMLElementEventMap[K]) => void, passive = true) =>
    target.addEventListener(type, handler, { signal: listening.signal, passive });
  on(view, 'click', (event) => actions[(event.target as HTMLElement).closest<HTMLElement>('[data-zoom]')?.dataset.zoom ?? '']?.());
  on(view, 'keydown', (event) => {
    const key = ZOOM_KEYS[event.key];
    if (key && !event.ctrlKey && !event.metaKey) actions[key]();
  });
  on(canvas, 'wheel', (event) => {
    if (!event.ctrlKey) return; // a trackpad pinch arrives as Ctrl+wheel
    event.preventDefault();
    zoomTo(scale * Math.exp(-event.deltaY / 200));
  }, false);
  // Two fingers: the scale follows the distance between them.
  const pointers = new Map<number, { x: number; y: number }>();
  let pinch: { distance: number; scale: number } | undefined;
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  on(canvas, 'pointerdown', (event) => {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) pinch = { distance: spread(), scale };
  });
  on(canvas, 'pointermove', (event) => {
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch && pointers.size === 2) zoomTo((pinch.scale * spread()) / pinch.distance);
  });
  for (const type of ['pointerup', 'pointercancel'] as const) {
    on(canvas, type, (event) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = undefined;
    });
  }

  view.addEventListener(
    'close',
    () => {
      listening.abort();
      if (pageStyle === null) svg.removeAttribute('style');
      else svg.setAttribute('style', pageStyle);
      standIn.replaceWith(svg);
      button.focus();
    },
    { once: true },
  );
  view.showModal();
  zoomTo(opening());
  canvas.scrollTo(0, 0);
  canvas.focus();
}
