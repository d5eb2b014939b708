import type { Command } from '../types.ts';

export const builtinCommands: Command[] = [];
