// Errors the site did not expect (a bug, a script that failed to load): the reader gets the cause
// in words, developers the error itself, stack included, in the browser console.

/** Logs `error` with its stack to the browser console. */
export function logUnexpected(what: string, error: unknown): void {
  console.error(`ARO Packet Labs: ${what}:`, error);
}

/** Logs `error` and returns a sentence for the page: "<What>: <cause>. The browser console has the details." */
export function reportUnexpected(what: string, error: unknown): string {
  logUnexpected(what, error);
  const cause = error instanceof Error ? error.message : String(error);
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${cause.replace(/\.$/, '')}. The browser console has the details.`;
}
