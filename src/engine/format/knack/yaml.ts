// knack's yaml output: PyYAML safe_dump(result, default_flow_style=False, allow_unicode=True).
// Keys sorted, block style, list items not indented under their key, PyYAML's quoting rules.
import { floatRepr, isPyContainer, PyFloat } from './python.ts';

const RESOLVES_TO_OTHER_TYPE = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL)$/,
  /^[-+]?(?:0b[0-1_]+|0[0-7_]+|(?:0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:<<|=)$/,
];

function needsQuotes(s: string): boolean {
  if (s === '' || RESOLVES_TO_OTHER_TYPE.some((re) => re.test(s))) return true;
  if (/^[\s]|[\s]$/.test(s)) return true;
  if (/^[#,[\]{}&*!|>'"%@`]/.test(s)) return true;
  if (/^[-?:](\s|$)/.test(s)) return true;
  if (/^(?:---|\.\.\.)(\s|$)/.test(s)) return true;
  if (/: |:$| #|[\n\r\t]/.test(s)) return true;
  // PyYAML only writes printable characters plainly.
  return /[^\x20-\x7e\u0085\u00a0-\ud7ff\ue000-\ufffd]/.test(s);
}

function doubleQuoted(s: string): string {
  const escapes: Record<string, string> = { '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\u0085': '\\N', '\u00a0': '\\_', '\u2028': '\\L', '\u2029': '\\P' };
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c in escapes) out += escapes[c];
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += c;
  }
  return `"${out}"`;
}

// PyYAML's represent_float: .nan/.inf, else repr() lower-cased with `.0` before a bare exponent.
function yamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const text = floatRepr(n).toLowerCase();
  return !text.includes('.') && text.includes('e') ? text.replace('e', '.0e') : text;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value))) return yamlFloat(Number(value));
  if (typeof value === 'number') return String(value);
  const s = String(value);
  if (!needsQuotes(s)) return s;
  if (/[\n\r\t\x00-\x1f\x7f-\x9f]/.test(s)) return doubleQuoted(s);
  return `'${s.replace(/'/g, "''")}'`;
}

const isCollection = isPyContainer;
const isEmpty = (v: object) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        const inner = lines(item, `${indent}  `);
        out.push(`${indent}- ${inner[0].slice(indent.length + 2)}`, ...inner.slice(1));
      } else out.push(`${indent}- ${isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`);
    }
    return out;
  }
  const obj = value as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    const k = scalar(key);
    if (isCollection(v) && !isEmpty(v)) {
      out.push(`${indent}${k}:`, ...lines(v, Array.isArray(v) ? indent : `${indent}  `));
    } else out.push(`${indent}${k}: ${isCollection(v) ? (Array.isArray(v) ? '[]' : '{}') : scalar(v)}`);
  }
  return out;
}

export function formatYaml(result: unknown): string {
  if (!isCollection(result)) return `${scalar(result)}\n...\n`;
  if (isEmpty(result)) return `${Array.isArray(result) ? '[]' : '{}'}\n`;
  return `${lines(result, '').join('\n')}\n`;
}
