import type { Command } from '../types.ts';

export const textCommands: Command[] = [];
