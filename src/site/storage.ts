// Reading the site's own entries in localStorage safely. Anything that does not parse or does not
// have the expected shape is moved aside under a dated key (never deleted) and reported on the
// page, so corrupt or foreign data never breaks a page and nothing is silently lost.

export const PREFIX = 'aro-labs:v1:';

export function readJson<T>(key: string, valid: (value: unknown) => value is T, what: string): T | undefined {
  let raw: string | null;
  try {
    raw = localStorage.getItem(PREFIX + key);
  } catch {
    return undefined; // storage disabled: nothing saved, nothing to report
  }
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (valid(value)) return value;
  } catch {
    // falls through to setting it aside
  }
  setAside(key, raw, `the saved ${what} could not be read`);
  return undefined;
}

/** Writes a value; false when the browser refuses (storage full or disabled). */
export function writeJson(key: string, value: unknown): boolean {
  return writeText(key, JSON.stringify(value));
}

export function writeText(key: string, text: string): boolean {
  try {
    localStorage.setItem(PREFIX + key, text);
    return true;
  } catch {
    return false;
  }
}

export function readText(key: string): string | undefined {
  try {
    return localStorage.getItem(PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function remove(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to remove when storage is disabled
  }
}

/** Keeps unreadable data under `aro-labs:v1:set-aside:<key>:<time>` and tells the reader. */
export function setAside(key: string, raw: string, reason: string): void {
  const aside = `set-aside:${key}:${new Date().toISOString()}`;
  const kept = writeText(aside, raw);
  remove(key);
  notify(`${capitalise(reason)}; it was set aside${kept ? ` as ${PREFIX}${aside}` : ''} and a fresh one started.`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Shows a dismissible notice at the top of the page's content. */
export function notify(message: string): void {
  const show = () => {
    let box = document.querySelector<HTMLElement>('[data-site-notices]');
    if (!box) {
      box = document.createElement('div');
      box.className = 'site-notices';
      box.dataset.siteNotices = '';
      box.setAttribute('role', 'status');
      (document.querySelector('main') ?? document.body).prepend(box);
    }
    if ([...box.querySelectorAll('p')].some((p) => p.dataset.message === message)) return;
    const notice = document.createElement('p');
    notice.dataset.message = message;
    notice.textContent = message;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', () => notice.remove());
    notice.append(' ', close);
    box.append(notice);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show, { once: true });
  else show();
}
