// The bridge URL (with its token) the reader connected to, kept for this tab only, so the next
// chapter reconnects; it never goes to localStorage. Apart from the bridge's client, so a page
// learns whether to reconnect without loading it.
const TAB_KEY = 'aro-labs:v1:bridge';

export function rememberedBridge(): string | undefined {
  try {
    return sessionStorage.getItem(TAB_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberBridge(url: string): void {
  try {
    sessionStorage.setItem(TAB_KEY, url);
  } catch {
    // not kept: the next page asks again
  }
}

export function forgetBridge(): void {
  try {
    sessionStorage.removeItem(TAB_KEY);
  } catch {
    // storage disabled: nothing was kept
  }
}
