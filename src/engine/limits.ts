// What one terminal session may hold, so that no line can exhaust the page's memory: a value
// (a variable, an expanded word, a pipe between two commands, a `$( )`) and all variables
// together are bounded in characters. Past a bound the command stops with a message that says
// so, its status is 1, and the session goes on.

/** Characters in any one value: a variable, a word after expansion, what one command writes into a pipe. */
export const MAX_VALUE = 4 * 1024 * 1024;
/** Characters in all variables of a session together. */
export const MAX_VARIABLES = 16 * 1024 * 1024;
/** Lines kept in history (bash keeps 500 by default), and their characters together. */
export const MAX_HISTORY_LINES = 500;
export const MAX_HISTORY_CHARS = 1024 * 1024;

/** A bound of the lab was reached; the message is printed after `bash: `. Commands never catch it. */
export class LabLimitError extends Error {}

export const valueLimit = () => new LabLimitError(`the lab holds values of at most ${MAX_VALUE} characters`);

/** `a + b`, unless the result would outgrow a value. */
export function concat(a: string, b: string): string {
  if (a.length + b.length > MAX_VALUE) throw valueLimit();
  return a + b;
}

/** Simple commands and loop turns one line may run: `while true; do :; done` stops here. */
export const MAX_COMMANDS_PER_LINE = 10_000;
/** Function calls nested in one another (bash's own bound is its stack, or FUNCNEST when set). */
export const MAX_FUNCTION_DEPTH = 200;
