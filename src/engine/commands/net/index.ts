import type { Command } from '../types.ts';
import { curl } from './curl.ts';
import { nslookup } from './nslookup.ts';
import { dig } from './dig.ts';
import { host } from './host.ts';

export const netCommands: Command[] = [curl, nslookup, dig, host];
