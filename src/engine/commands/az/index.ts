import type { Command } from '../types.ts';

export const azCommands: Command[] = [];
