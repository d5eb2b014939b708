import type { Command } from '../types.ts';

export const kubeCommands: Command[] = [];
