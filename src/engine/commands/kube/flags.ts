// Command-line flags the way kubectl's flag library (spf13/pflag) reads them: `--name=value`,
// `--name value`, `-o wide`, `-owide`, `-o=wide`, stacked booleans (`-Aowide`), flags anywhere
// among the arguments, `--` ending the flags. Errors carry pflag's wording.

export type FlagType = 'bool' | 'string' | 'stringSlice' | 'int' | 'duration';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  /** A kubectl-wide flag (`kubectl options`). */
  global?: boolean;
  /**
   * One of the client-config flags (--namespace, --context, --server...). kubectl 1.29 reported
   * their errors with "Error:"; 1.32 says "error:" as for every other flag.
   */
  config?: boolean;
}

export type FlagValue = string | boolean | string[] | number;

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  args: string[];
}

/** A flag's error, printed `error: MESSAGE` and kubectl's usage line. */
export class FlagError extends Error {}

/** The flags every kubectl/oc command accepts (`kubectl options`). */
export const globalFlags: FlagDef[] = [
  { name: 'as', type: 'string', global: true, config: true },
  { name: 'as-group', type: 'stringSlice', global: true, config: true },
  { name: 'as-uid', type: 'string', global: true, config: true },
  { name: 'cache-dir', type: 'string', global: true, config: true },
  { name: 'certificate-authority', type: 'string', global: true, config: true },
  { name: 'client-certificate', type: 'string', global: true, config: true },
  { name: 'client-key', type: 'string', global: true, config: true },
  { name: 'cluster', type: 'string', global: true, config: true },
  { name: 'context', type: 'string', global: true, config: true },
  { name: 'disable-compression', type: 'bool', global: true, config: true },
  { name: 'insecure-skip-tls-verify', type: 'bool', global: true, config: true },
  { name: 'kubeconfig', type: 'string', global: true, config: true },
  { name: 'log-flush-frequency', type: 'duration', global: true },
  { name: 'match-server-version', type: 'bool', global: true },
  { name: 'namespace', short: 'n', type: 'string', global: true, config: true },
  { name: 'password', type: 'string', global: true },
  { name: 'profile', type: 'string', global: true },
  { name: 'profile-output', type: 'string', global: true },
  { name: 'request-timeout', type: 'string', global: true, config: true },
  { name: 'server', short: 's', type: 'string', global: true, config: true },
  { name: 'tls-server-name', type: 'string', global: true, config: true },
  { name: 'token', type: 'string', global: true, config: true },
  { name: 'user', type: 'string', global: true, config: true },
  { name: 'username', type: 'string', global: true },
  { name: 'v', short: 'v', type: 'int', global: true },
  { name: 'vmodule', type: 'string', global: true },
  { name: 'warnings-as-errors', type: 'bool', global: true },
];

const helpFlag: FlagDef = { name: 'help', short: 'h', type: 'bool' };

function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

function flagLabel(def: FlagDef): string {
  return def.short ? `-${def.short}, --${def.name}` : `--${def.name}`;
}

function setValue(values: Map<string, FlagValue>, def: FlagDef, raw: string): void {
  switch (def.type) {
    case 'bool': {
      const b = parseBool(raw);
      if (b === undefined) {
        throw new FlagError(
          `invalid argument ${JSON.stringify(raw)} for "${flagLabel(def)}" flag: strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`,
        );
      }
      values.set(def.name, b);
      return;
    }
    case 'int': {
      if (!/^[-+]?\d+$/.test(raw)) {
        throw new FlagError(
          `invalid argument ${JSON.stringify(raw)} for "${flagLabel(def)}" flag: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`,
        );
      }
      values.set(def.name, Number(raw));
      return;
    }
    case 'stringSlice': {
      const prev = values.get(def.name);
      const items = raw === '' ? [] : raw.split(',');
      values.set(def.name, [...(Array.isArray(prev) ? prev : []), ...items]);
      return;
    }
    default:
      values.set(def.name, raw);
  }
}

/**
 * Parses `argv` (without the command words) against `defs` plus the global flags and --help.
 * Throws FlagError with pflag's message.
 */
export function parseFlags(argv: string[], defs: FlagDef[]): ParsedFlags {
  const all = [...defs, ...globalFlags, helpFlag];
  const byName = new Map(all.map((d) => [d.name, d]));
  const byShort = new Map(all.filter((d) => d.short).map((d) => [d.short!, d]));
  const values = new Map<string, FlagValue>();
  const args: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      for (const arg of argv.slice(i + 1)) args.push(arg);
      break;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const def = byName.get(name);
      if (!def) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) setValue(values, def, body.slice(eq + 1));
      else if (def.type === 'bool') values.set(def.name, true);
      else if (i + 1 < argv.length) setValue(values, def, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthands: each letter a flag, until one takes the rest (or the next word) as its value.
      const shorthands = a.slice(1);
      for (let j = 0; j < shorthands.length; j++) {
        const c = shorthands[j];
        const def = byShort.get(c);
        if (!def) throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`);
        const rest = shorthands.slice(j + 1);
        if (rest.startsWith('=')) {
          setValue(values, def, rest.slice(1));
          break;
        }
        if (def.type === 'bool') {
          values.set(def.name, true);
          continue;
        }
        if (rest !== '') setValue(values, def, rest);
        else if (i + 1 < argv.length) setValue(values, def, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { values, args };
}

export function flagString(p: ParsedFlags, name: string, fallback = ''): string {
  const v = p.values.get(name);
  return typeof v === 'string' ? v : fallback;
}

export function flagBool(p: ParsedFlags, name: string): boolean {
  return p.values.get(name) === true;
}

export function flagList(p: ParsedFlags, name: string): string[] {
  const v = p.values.get(name);
  return Array.isArray(v) ? v : [];
}
