import type { Command } from '../types.ts';
import { cd } from './cd.ts';
import { echo } from './echo.ts';
import { env } from './env.ts';
import { bracket, test } from './test.ts';
import { printf } from './printf.ts';
import { exportCommand, unset } from './variables.ts';
import { clear, falseCommand, help, history, pwd, refresh, trueCommand } from './session-builtins.ts';
import { lab } from './lab.ts';

export const builtinCommands: Command[] = [echo, env, exportCommand, unset, history, clear, help, trueCommand, falseCommand, pwd, cd, refresh, lab, test, bracket, printf];
