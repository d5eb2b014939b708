// The manifests a reader gives `kubectl apply -f -` / `create -f -`: YAML (block mappings and
// sequences, flow `{}`/`[]`, quoted and plain scalars, `|` and `>` blocks, comments, `---` between
// documents) or JSON, read as sigs.k8s.io/yaml reads them (YAML 1.1 scalars of go-yaml v2: `yes`,
// `on`, `y` are booleans; `~` and `null` are null). What it cannot read is reported in the words
// kubectl prints for a document it cannot decode.
import type { Json, JsonObject } from '../../world/json.ts';
import { isJsonObject, parseJson } from '../../world/json.ts';

export class YamlError extends Error {}

interface Line {
  indent: number;
  text: string;
  number: number;
}

const BOOL_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

/** A plain scalar's value (go-yaml v2's resolve). */
function plain(text: string): Json {
  const t = text.trim();
  if (t === '' || t === '~' || t === 'null' || t === 'Null' || t === 'NULL') return null;
  if (BOOL_TRUE.has(t)) return true;
  if (BOOL_FALSE.has(t)) return false;
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(t)) return Number(t.replace(/_/g, ''));
  if (/^0x[0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  // strconv.ParseInt(s, 0, 64): a leading 0 is octal; `08` is no octal and is read as a float, 8.
  if (/^[-+]?0[0-7]+$/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[-+]/, ''), 8);
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(t)) return Number(t.replace(/_/g, ''));
  return t;
}

/** A comment starts at ` #` outside quotes. */
function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

function quoted(text: string): { value: string; rest: string } {
  const q = text[0];
  let out = '';
  let i = 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (q === "'" && c === "'" && text[i + 1] === "'") {
      out += "'";
      i++;
    } else if (c === q) break;
    else if (q === '"' && c === '\\') {
      const n = text[++i];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n === '"' ? '"' : n === '\\' ? '\\' : n === '/' ? '/' : n === 'u' ? String.fromCharCode(parseInt(text.slice(i + 1, (i += 4) + 1), 16)) : n;
    } else out += c;
  }
  if (i >= text.length) throw new YamlError('found unexpected end of stream');
  return { value: out, rest: text.slice(i + 1) };
}

/** A flow collection or scalar (`{a: b, c: [d]}`), from `text` at `pos`. */
function flow(text: string, pos: { i: number }): Json {
  const skip = () => {
    while (pos.i < text.length && /\s/.test(text[pos.i])) pos.i++;
  };
  skip();
  const c = text[pos.i];
  if (c === '{' || c === '[') {
    const close = c === '{' ? '}' : ']';
    pos.i++;
    const obj: JsonObject = {};
    const list: Json[] = [];
    for (;;) {
      skip();
      if (text[pos.i] === close) {
        pos.i++;
        return c === '{' ? obj : list;
      }
      if (c === '{') {
        const key = flow(text, pos);
        skip();
        if (text[pos.i] !== ':') throw new YamlError(`did not find expected ',' or '}'`);
        pos.i++;
        obj[String(key)] = flow(text, pos);
      } else list.push(flow(text, pos));
      skip();
      if (text[pos.i] === ',') pos.i++;
      else if (text[pos.i] !== close) throw new YamlError(`did not find expected ',' or '${close}'`);
    }
  }
  if (c === '"' || c === "'") {
    const q = quoted(text.slice(pos.i));
    pos.i = text.length - q.rest.length;
    return q.value;
  }
  const start = pos.i;
  while (pos.i < text.length && !',]}'.includes(text[pos.i]) && !(text[pos.i] === ':' && /\s/.test(text[pos.i + 1] ?? ' '))) pos.i++;
  return plain(text.slice(start, pos.i));
}

/** A scalar or flow value written after `key:` or `- `. */
function inlineValue(text: string): Json {
  const t = text.trim();
  if (t.startsWith('"') || t.startsWith("'")) {
    const q = quoted(t);
    if (q.rest.trim() !== '') throw new YamlError('did not find expected key');
    return q.value;
  }
  if (t.startsWith('{') || t.startsWith('[')) return flow(t, { i: 0 });
  return plain(t);
}

/** The `key: rest` of a mapping line, or undefined when the line is no mapping entry. */
function mappingEntry(text: string): { key: string; rest: string } | undefined {
  if (text.startsWith('"') || text.startsWith("'")) {
    const q = quoted(text);
    const m = /^\s*:(\s|$)(.*)$/.exec(q.rest);
    return m ? { key: q.value, rest: m[2] } : undefined;
  }
  const m = /^([^#{}[\],&*!|>'"%@`][^#]*?|[^:\s][^:]*?)\s*:(?:\s+(.*)|$)$/.exec(text);
  return m ? { key: m[1], rest: m[2] ?? '' } : undefined;
}

class Parser {
  private at = 0;
  private readonly lines: Line[];
  private readonly raw: string[];
  constructor(lines: Line[], raw: string[]) {
    this.lines = lines;
    this.raw = raw;
  }

  parse(): Json {
    if (this.lines.length === 0) return null;
    const value = this.node();
    if (this.at < this.lines.length) throw new YamlError(`line ${this.lines[this.at].number}: did not find expected key`);
    return value;
  }

  private node(): Json {
    const line = this.lines[this.at];
    if (line.text.startsWith('- ') || line.text === '-') return this.sequence(line.indent);
    if (mappingEntry(line.text)) return this.mapping(line.indent);
    this.at++;
    return inlineValue(line.text);
  }

  /** A `|` or `>` block scalar: the lines indented more than `parent`. */
  private block(style: string, parent: number, afterLine: number): string {
    const out: string[] = [];
    let indent = -1;
    let i = afterLine + 1;
    for (; i < this.raw.length; i++) {
      const r = this.raw[i];
      if (r.trim() === '') {
        out.push('');
        continue;
      }
      const own = r.length - r.trimStart().length;
      if (own <= parent) break;
      if (indent < 0) indent = own;
      out.push(r.slice(indent));
    }
    while (this.at < this.lines.length && this.lines[this.at].number - 1 < i) this.at++;
    while (out.length && out[out.length - 1] === '') out.pop();
    const keep = style.includes('+');
    const strip = style.includes('-');
    const text = style.startsWith('>') ? out.join('\n').replace(/([^\n])\n(?=[^\n ])/g, '$1 ') : out.join('\n');
    return strip ? text : keep ? `${text}\n` : `${text}\n`;
  }

  private value(rest: string, indent: number, line: Line): Json {
    const r = stripComment(rest);
    if (/^[|>][-+]?$/.test(r)) return this.block(r, indent, line.number - 1);
    if (r !== '') return inlineValue(r);
    const next = this.lines[this.at];
    if (!next) return null;
    if (next.indent > indent) return this.node();
    // A sequence may sit at its key's own indentation.
    if (next.indent === indent && (next.text.startsWith('- ') || next.text === '-')) return this.sequence(indent);
    return null;
  }

  private mapping(indent: number): JsonObject {
    const out: JsonObject = {};
    while (this.at < this.lines.length && this.lines[this.at].indent === indent) {
      const line = this.lines[this.at];
      const entry = mappingEntry(line.text);
      if (!entry) throw new YamlError(`line ${line.number}: could not find expected ':'`);
      this.at++;
      out[entry.key] = this.value(entry.rest, indent, line);
    }
    if (this.at < this.lines.length && this.lines[this.at].indent > indent) throw new YamlError(`line ${this.lines[this.at].number}: mapping values are not allowed in this context`);
    return out;
  }

  private sequence(indent: number): Json[] {
    const out: Json[] = [];
    while (this.at < this.lines.length && this.lines[this.at].indent === indent && (this.lines[this.at].text.startsWith('- ') || this.lines[this.at].text === '-')) {
      const line = this.lines[this.at];
      const rest = line.text === '-' ? '' : line.text.slice(2);
      const inner = rest.length - rest.trimStart().length;
      const item = rest.trimStart();
      if (item === '') {
        this.at++;
        out.push(this.value('', indent, line));
      } else if (mappingEntry(item) && !item.startsWith('{') && !item.startsWith('[')) {
        // `- key: value` opens a mapping whose keys stand at the item's column.
        this.lines[this.at] = { indent: indent + 2 + inner, text: item, number: line.number };
        out.push(this.mapping(indent + 2 + inner));
      } else {
        this.at++;
        out.push(this.value(item, indent, line));
      }
    }
    return out;
  }
}

function parseDocument(text: string): Json {
  const raw = text.split('\n');
  const lines: Line[] = [];
  raw.forEach((r, i) => {
    if (r.includes('\t') && /^\s*\t/.test(r)) throw new YamlError(`line ${i + 1}: found character that cannot start any token`);
    const body = stripComment(r);
    if (body.trim() === '') return;
    lines.push({ indent: body.length - body.trimStart().length, text: body.trim(), number: i + 1 });
  });
  return new Parser(lines, raw).parse();
}

/** The documents of a manifest stream: JSON as it is, else YAML split at `---` lines. Empty documents are skipped. */
export function readManifests(text: string): JsonObject[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const value = parseJson(trimmed);
    return isJsonObject(value) ? [value] : [];
  }
  const docs: JsonObject[] = [];
  for (const doc of text.split(/^---[^\n]*$/m)) {
    const value = parseDocument(doc);
    if (value === null) continue;
    if (!isJsonObject(value)) throw new YamlError('error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}');
    docs.push(value);
  }
  return docs;
}
