import type { Command } from '../types.ts';

export const jqCommands: Command[] = [];
