import type { Command } from '../types.ts';
import { curl } from './curl.ts';
import { nslookup } from './nslookup.ts';

export const netCommands: Command[] = [curl, nslookup];
