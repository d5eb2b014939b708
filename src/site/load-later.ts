// When a page's code that no reader needs before acting is loaded: when the reader first uses a
// control, when a part of the page comes near the screen, or once the page is interactive and idle.
// Scripts that run with the page stay small (npm run budget counts them); these helpers are what
// they use to put off the rest.

/** `run` as a function that does its work the first time it is called, and nothing after. */
export function once(run: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    run();
  };
}

/** Runs `run` once the page has loaded and the browser is next idle: never before it is interactive. */
export function whenIdle(run: () => void): void {
  // Safari has no requestIdleCallback: a task after the load event stands in for it.
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => run(), { timeout: 5000 }) : setTimeout(run, 200));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

/** Runs `run` once, the first time `element` is pressed, typed in or focused. */
export function onFirstUse(element: HTMLElement, run: (event: Event) => void): void {
  const once = new AbortController();
  const use = (event: Event) => {
    once.abort();
    run(event);
  };
  for (const type of ['pointerdown', 'keydown', 'focusin'] as const) element.addEventListener(type, use, { signal: once.signal, capture: true });
}

/** Runs `run` once, when `element` comes within `margin` of the screen (a CSS margin, '0px' on it). */
export function whenNear(element: Element, run: () => void, margin = '0px'): void {
  new IntersectionObserver(
    (entries, observer) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      run();
    },
    { rootMargin: margin },
  ).observe(element);
}
