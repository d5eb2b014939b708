import type { Command } from '../types.ts';

export const netCommands: Command[] = [];
