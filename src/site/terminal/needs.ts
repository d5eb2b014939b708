// "Run in terminal" on a block that reads a variable an earlier block sets: the page lists those
// blocks on the button (data-needs, in run order), and the terminal runs the ones whose variable
// its session does not have yet, saying why, before the block itself.

export interface Need {
  /** The variable the earlier block sets. */
  name: string;
  /** That block's command. */
  cmd: string;
}

const isNeed = (v: unknown): v is Need => typeof (v as Need)?.name === 'string' && typeof (v as Need).cmd === 'string';

/** The button's data-needs; anything that is not a list of {name, cmd} counts as no needs. */
export function parseNeeds(text: string | undefined): Need[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isNeed) : [];
  } catch {
    return [];
  }
}

/**
 * Types, before a block, each earlier block whose variable the session does not have, after a
 * comment that says why (not kept in the history). The session is asked again before each one: an earlier block may set
 * several variables, and none runs twice.
 */
export async function runNeeds(needs: Need[], isSet: (name: string) => boolean, type: (line: string, remember: boolean) => Promise<void>): Promise<void> {
  const ran = new Set<string>();
  for (const need of needs) {
    if (isSet(need.name) || ran.has(need.cmd)) continue;
    ran.add(need.cmd);
    // The comment is the terminal speaking, not a command: it stays out of the history.
    await type(`# $${need.name} is set by an earlier block: running it first`, false);
    await type(need.cmd, true);
  }
}
