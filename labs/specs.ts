// The built-in labs, each written from its spec into labs/<lab>/world.json.
import { aro2 } from './aro2/spec.ts';
import { aroPrivate } from './aro-private/spec.ts';
import { aroToday } from './aro-today/spec.ts';
import type { LabSpec } from './builders/spec.ts';

export const LAB_SPECS: readonly LabSpec[] = [aro2, aroToday, aroPrivate];
