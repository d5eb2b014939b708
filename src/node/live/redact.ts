// Live mode never shows a secret. Before any command sees an answer, the redactor replaces with
// <redacted>: the data of every Secret (however the API server sends it: a Secret, an item of a
// SecretList without kind, an item of a List, or anything read from a secrets path), values
// under secret-looking keys and environment variables, the value after a secret flag, and
// credential-shaped parts of any string (see credentials.ts), JSON inside strings and decoded
// ConfigMap binaryData included. Names are judged by one vocabulary (secret-names.ts) wherever
// they stand: keys, text, variables, flags, response headers. Every secret found is remembered,
// trimmed too, with its base64 and the JSON spellings apps write, so that it is also caught where
// it reappears as plain text (an app that prints its environment, a token echoed in an error),
// and the session's own credentials are known from the start.
import type { Json, JsonObject } from '../../engine/index.ts';
import { AUTH_SCHEMES, isSecretFlag, isSecretName, looksLikeKeyMaterial, REDACTED, redactShapes } from './credentials.ts';
import { KnownSecrets, MIN_SECRET_LENGTH } from './known-secrets.ts';

export { REDACTED } from './credentials.ts';

/** What live mode replaces, and how, in the words the snapshot command reports it. */
export const REDACTION_RULES =
  `Secret data, and values under secret-looking names and environment variables (keys, headers and names in text alike: password, secret, token, credentials, cookies, private/API/access/account keys), ` +
  `and ConfigMap binaryData entries that hold a credential, are replaced whole by ${REDACTED}; ` +
  `in any other value only the secret part is: the password of a URL (scheme://user:${REDACTED}@host), Password=, Pwd=, AccountKey= and sig= in connection strings, ` +
  `the value of --*password and --*token flags, JSON inside strings likewise; JWTs, OpenShift tokens and PEM private keys are replaced whole.`;

// Paths whose answers are Secrets or lists of Secrets, whatever the body looks like.
const SECRETS_PATH = /^\/api\/v1\/(?:namespaces\/[^/]+\/)?secrets(?:\/[^/?]+)?\/?(?:\?|$)/;

// Secret data that is shown as <redacted> in its Secret but is not hunted for elsewhere: the
// namespace of a service account token Secret and certificates are public, and hunting them would
// hide every mention of the namespace and the cluster's CA bundle.
const PUBLIC_DATA_KEYS = new Set(['namespace', 'ca.crt', 'service-ca.crt', 'tls.crt', 'ca-bundle.crt']);
const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const isOnlyCertificates = (text: string) => text.includes('-----BEGIN CERTIFICATE-----') && text.replace(CERTIFICATE, '').trim() === '';
// A Key Vault secret's id: its bundle's value is the secret.
const KEY_VAULT_SECRET = /^https:\/\/[^/]+\.vault\.[^/]+\/secrets\//i;
// Schemes of Authorization-like headers: the credential is what follows them.
const AUTH_SCHEME_NAMES = new Set(AUTH_SCHEMES.map((scheme) => scheme.toLowerCase()));
// The OpenShift router's sticky-session cookie: hex hashes of the route and of the chosen pod.
const ROUTER_COOKIE = /^[0-9a-f]{32}=[0-9a-f]{32}$/;
// A JSON string token in a JSON text (outside strings, valid JSON has no quotes), and what follows a key.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;
const JSON_KEY_FOLLOWS = /\s*:/y;
// Nesting no API object reaches; what lies deeper is replaced unread.
const MAX_DEPTH = 200;

const isObject = (value: Json | undefined): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A Secret as list items carry it: no kind, but metadata, a type and a data map. */
function hasSecretShape(o: JsonObject): boolean {
  return o.kind === undefined && isObject(o.metadata) && typeof o.type === 'string' && (isObject(o.data) || isObject(o.stringData));
}

export class Redactor {
  private readonly known = new KnownSecrets();
  private version = 0;
  private depth = 0;

  constructor(secrets: string[] = []) {
    for (const s of secrets) this.remember(s);
  }

  /** Grows each time a new secret is remembered: answers redacted before may need it applied. */
  get generation(): number {
    return this.version;
  }

  /** A value that must never be printed; short values would match ordinary text, so they are not
   * tracked as text. Its trimmed form is tracked too (`echo pw | base64` stores a newline an app
   * will not print), and so are its base64 and the JSON spellings apps write it in. */
  remember(value: string): void {
    if (value.length < MIN_SECRET_LENGTH || value === REDACTED || this.known.has(value)) return;
    const trimmed = value.trim();
    for (const form of trimmed !== value && trimmed.length >= MIN_SECRET_LENGTH ? [value, trimmed] : [value]) {
      this.known.add(form);
      this.known.add(Buffer.from(form, 'utf8').toString('base64'));
      for (const spelling of jsonSpellings(form)) this.known.add(spelling);
    }
    this.version += 1;
  }

  /** Any JSON answer (ARM, or Kubernetes without a path). */
  json(value: Json): Json {
    return this.settled(value, false);
  }

  /** A Kubernetes answer: a secrets path says its body holds Secrets, whatever its shape. */
  kube(path: string, value: Json): Json {
    return this.settled(value, SECRETS_PATH.test(path.split('#')[0]));
  }

  /** A body as it came over the wire (an app's answer). JSON is redacted as JSON: its values are
   * read for secrets (an app printing its environment) and compared decoded, however the app
   * escaped them (`\u0026`, `\u002B`, `\/`); each changed string is rewritten where it stands, so
   * the body keeps its own formatting. Then, as for any other body, known secrets and credential
   * shapes are replaced in the text. */
  body(value: string): string {
    let parsed: Json;
    try {
      parsed = JSON.parse(value) as Json;
    } catch {
      return this.text(value);
    }
    return this.text(this.rewrite(value, parsed, this.json(parsed)));
  }

  /** A response header's value, judged with its name (the same vocabulary as keys and text): a
   * secret-named header (Authorization, Cookie, Set-Cookie, X-Api-Key, x-functions-key,
   * Ocp-Apim-Subscription-Key…) keeps only what is not its secret, an authorization scheme and
   * cookie names and attributes; the secret is remembered. Any other value is read as text. */
  header(name: string, value: string): string {
    if (!isSecretName(name) || value.trim() === '') return this.text(value);
    const lower = name.toLowerCase();
    // Set-Cookie: name=value; attributes. Cookie: name=value; name=value.
    if (lower === 'set-cookie' || lower === 'cookie') {
      const parts = value.split(';');
      const secretParts = lower === 'cookie' ? parts.length : 1;
      return parts.map((part, i) => (i < secretParts ? this.cookiePair(part) : part)).join(';');
    }
    // Leading and trailing space stay; after an authorization scheme, only the credential goes.
    const lead = value.length - value.trimStart().length;
    const trimmed = value.trim();
    const scheme = /^[A-Za-z][A-Za-z0-9-]*[ \t]+(?=\S)/.exec(trimmed);
    const at = lead + (scheme && AUTH_SCHEME_NAMES.has(scheme[0].trim().toLowerCase()) ? scheme[0].length : 0);
    return `${value.slice(0, at)}${this.secretValue(value.slice(at, lead + trimmed.length))}${value.slice(lead + trimmed.length)}`;
  }

  /** One `name=value` of a cookie header, its value replaced. The OpenShift router's
   * sticky-session cookie (a hash of the route, a hash of the pod it chose) names a backend, not
   * a user: it is shown. */
  private cookiePair(pair: string): string {
    const equals = pair.indexOf('=');
    if (equals < 0) return pair;
    const value = pair.slice(equals + 1);
    const lead = value.length - value.trimStart().length;
    const trimmed = value.trim();
    if (ROUTER_COOKIE.test(`${pair.slice(0, equals).trim()}=${trimmed}`)) return pair;
    return `${pair.slice(0, equals + 1 + lead)}${this.secretValue(trimmed)}${value.slice(lead + trimmed.length)}`;
  }

  /** The raw JSON text with each string that redaction changed rewritten in place. The strings
   * are found in the text in document order; when more than strings changed (a subtree replaced
   * whole), or when they do not line up with the parsed value's (an object with integer-like or
   * repeated keys is ordered differently once parsed), the body is written anew, indented as it was. */
  private rewrite(raw: string, parsed: Json, walked: Json): string {
    const changes: Array<[string, string]> = [];
    if (!diffLeaves(parsed, walked, changes)) return reserialised(raw, walked);
    if (changes.length === 0) return raw;
    const before = stringLeaves(parsed, []);
    const after = stringLeaves(walked, []);
    const tokens = [...raw.matchAll(JSON_STRING)].filter((t) => {
      JSON_KEY_FOLLOWS.lastIndex = t.index + t[0].length;
      return !JSON_KEY_FOLLOWS.test(raw);
    });
    if (tokens.length !== before.length || tokens.some((t, i) => (JSON.parse(t[0]) as string) !== before[i])) return reserialised(raw, walked);
    let out = '';
    let kept = 0;
    tokens.forEach((t, i) => {
      if (before[i] === after[i]) return;
      out += raw.slice(kept, t.index) + JSON.stringify(after[i]);
      kept = t.index + t[0].length;
    });
    return out + raw.slice(kept);
  }

  /** Plain text: every credential shape, then every known secret, replaced (shapes first: a
   * known value inside a token would otherwise break the token's shape and leave its rest, and a
   * URL whose password is known keeps its user and host). A shape whose value starts a known
   * secret takes all of it. */
  text(value: string): string {
    const shaped = redactShapes(value, (secret) => this.rememberFound(secret), (text, at) => this.known.longestAt(text, at));
    return this.known.replace(shaped, REDACTED);
  }

  /** Walks until no new secret turns up, so that a secret found late in an answer (the last
   * item of a list) is also replaced where it appeared earlier in the same answer. */
  private settled(value: Json, secrets: boolean): Json {
    let out = value;
    for (let round = 0; round < 4; round++) {
      const before = this.version;
      out = this.top(out, secrets);
      if (this.version === before) break;
    }
    return out;
  }

  private top(value: Json, secrets: boolean): Json {
    if (!secrets || !isObject(value) || value.kind === 'Status') return this.walk(value, undefined);
    // From a secrets path: a list's items, or the body itself, are Secrets.
    if (Array.isArray(value.items)) return this.object(value, false, true);
    return this.object(value, true, false);
  }

  private walk(value: Json, key: string | undefined): Json {
    // Deeper than any object an API returns: not checked, so not shown (and no stack overflow).
    if (this.depth >= MAX_DEPTH) return value === null || typeof value !== 'object' ? value : REDACTED;
    this.depth += 1;
    try {
      if (typeof value === 'string') return this.string(value, key);
      if (Array.isArray(value)) return this.array(value);
      if (!isObject(value)) return value;
      return this.object(value, value.kind === 'Secret' || hasSecretShape(value), value.kind === 'SecretList');
    } finally {
      this.depth -= 1;
    }
  }

  private string(value: string, key: string | undefined): string {
    if (value === '' || value === REDACTED) return value;
    if (key !== undefined && (isSecretName(key) || (key.toLowerCase() === 'key' && looksLikeKeyMaterial(value)))) {
      this.rememberFound(value);
      return REDACTED;
    }
    return this.jsonInString(value) ?? this.text(value);
  }

  /** Command lines as arrays: the word after a secret flag (`--db-password`, `hunter2`) is its value. */
  private array(values: Json[]): Json[] {
    return values.map((v, i) => {
      const previous = values[i - 1];
      if (typeof v === 'string' && typeof previous === 'string' && isSecretFlag(previous) && v !== '' && !v.startsWith('-')) {
        this.rememberFound(v);
        return REDACTED;
      }
      return this.walk(v, undefined);
    });
  }

  private object(value: JsonObject, secret: boolean, itemsAreSecrets: boolean): JsonObject {
    // {name, value} pairs named for a secret: environment variables, HTTP headers of probes;
    // {keyName, value}: ARM's access keys.
    const pairName = typeof value.name === 'string' ? value.name : typeof value.keyName === 'string' ? value.keyName : undefined;
    const secretPair = pairName !== undefined && typeof value.value === 'string' && (isSecretName(pairName) || value.keyName !== undefined);
    // A Key Vault secret bundle: its value, beside the secret's id.
    const vaultSecret = typeof value.id === 'string' && KEY_VAULT_SECRET.test(value.id) && typeof value.value === 'string';
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (secret && (k === 'data' || k === 'stringData')) out[k] = this.secretData(v, k === 'data');
      else if (itemsAreSecrets && k === 'items' && Array.isArray(v)) out[k] = v.map((item) => (isObject(item) ? this.object(item, true, false) : this.walk(item, undefined)));
      else if ((secretPair || vaultSecret) && k === 'value') out[k] = this.secretValue(v as string);
      else if (k === 'binaryData' && isObject(v)) out[k] = this.binaryData(v);
      else if (isSecretName(k) && isObject(v) && v.value !== undefined && v.value !== null) out[k] = this.valueHolder(v);
      else out[k] = this.walk(v, k);
    }
    return out;
  }

  /** `{adminPassword: {type, value}}` (an ARM deployment's parameters and outputs): the value is
   * the secret, whatever its type; the rest is read as usual. */
  private valueHolder(holder: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(holder)) {
      if (k !== 'value') out[k] = this.walk(v, k);
      else if (typeof v === 'string') out[k] = this.secretValue(v);
      else {
        if (v !== null && typeof v === 'object') this.walk(v, undefined);
        out[k] = REDACTED;
      }
    }
    return out;
  }

  /** A ConfigMap's binaryData: each entry is decoded and read like text; an entry that holds a
   * credential is replaced whole (a part of it cannot be cut out of base64), and remembered. */
  private binaryData(data: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const [name, v] of Object.entries(data)) {
      if (typeof v !== 'string' || v === '' || v === REDACTED) {
        out[name] = this.walk(v, undefined);
        continue;
      }
      const decoded = Buffer.from(v, 'base64').toString('utf8');
      if (this.string(decoded, name) === decoded && this.known.replace(v, REDACTED) === v) {
        out[name] = v;
        continue;
      }
      this.rememberFound(v);
      out[name] = REDACTED;
    }
    return out;
  }

  private secretValue(value: string): string {
    if (value === '' || value === REDACTED) return value;
    this.rememberFound(value);
    return REDACTED;
  }

  /** A Secret's data: every value replaced, and remembered with what it decodes to. */
  private secretData(data: Json, base64: boolean): Json {
    if (typeof data === 'string') return this.secretValue(data);
    if (!isObject(data)) return data;
    const out: JsonObject = {};
    for (const [name, v] of Object.entries(data)) {
      if (typeof v !== 'string') {
        out[name] = REDACTED;
        continue;
      }
      if (v !== REDACTED && !PUBLIC_DATA_KEYS.has(name)) this.rememberSecretData(v, base64);
      out[name] = REDACTED;
    }
    return out;
  }

  private rememberSecretData(value: string, base64: boolean): void {
    const decoded = base64 ? Buffer.from(value, 'base64').toString('utf8') : value;
    if (decoded === '' || isOnlyCertificates(decoded)) return;
    this.remember(value);
    this.remember(decoded);
    this.learnFrom(decoded);
  }

  /** What a secret value holds inside (a pull secret's auths, a .env file's lines): remembered too. */
  private learnFrom(text: string): void {
    const nested = parseJson(text);
    if (nested !== undefined) this.walk(nested, undefined);
    else redactShapes(text, (secret) => this.rememberFound(secret));
  }

  /** A secret taken out of a value: remembered, and so is what it holds (a URL-encoded password decoded). */
  private rememberFound(secret: string): void {
    this.remember(secret);
    if (/%[0-9A-Fa-f]{2}/.test(secret)) {
      try {
        this.remember(decodeURIComponent(secret));
      } catch {
        // not URL-encoded after all
      }
    }
  }

  /** A string that holds JSON (last-applied-configuration, an app's settings): walked as JSON, and
   * written back with its own formatting where it changed; undefined when it is not JSON. */
  private jsonInString(value: string): string | undefined {
    const parsed = parseJson(value);
    if (parsed === undefined) return undefined;
    const walked = this.walk(parsed, undefined);
    const changes: Array<[string, string]> = [];
    const sameShape = diffLeaves(parsed, walked, changes);
    if (sameShape && changes.length === 0) return value;
    let out = value;
    for (const [from, to] of changes) out = out.split(JSON.stringify(from)).join(JSON.stringify(to));
    if (sameShape && JSON.stringify(parseJson(out)) === JSON.stringify(walked)) return out;
    // The text escapes differently from JSON.stringify: written anew, indented as it was.
    return reserialised(value, walked);
  }
}

/** JSON objects and arrays inside a string; undefined for anything else. */
function parseJson(text: string): Json | undefined {
  const trimmed = text.trim();
  if (!/^[[{][\s\S]*[\]}]$/.test(trimmed)) return undefined;
  try {
    const parsed = JSON.parse(trimmed) as Json;
    return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Collects the string leaves that differ between a value and its redacted copy; false when
 * something other than a string leaf changed (a Secret's data map replaced as a whole). */
function diffLeaves(before: Json, after: Json, out: Array<[string, string]>): boolean {
  if (typeof before === 'string' && typeof after === 'string') {
    if (before !== after) out.push([before, after]);
    return true;
  }
  if (Array.isArray(before) && Array.isArray(after)) return before.every((b, i) => diffLeaves(b, after[i], out));
  if (isObject(before) && isObject(after)) return Object.entries(before).every(([k, b]) => diffLeaves(b, after[k], out));
  return before === after;
}

/** The string leaves of a value, in the order its objects and arrays hold them. */
function stringLeaves(value: Json, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringLeaves(v, out);
  else if (isObject(value)) for (const v of Object.values(value)) stringLeaves(v, out);
  return out;
}

/** A JSON text written anew from a value, with the original's indentation and surrounding space. */
function reserialised(raw: string, value: Json): string {
  const indent = /^\s*[[{]\s*\n([ \t]+)/.exec(raw)?.[1].length ?? 0;
  return `${raw.slice(0, raw.length - raw.trimStart().length)}${JSON.stringify(value, null, indent)}${raw.slice(raw.trimEnd().length)}`;
}

// The characters JSON encoders escape beyond JSON.stringify's: Go's HTML-safe set; .NET's default
// encoder (+ and ' too, a quote as \u0022 rather than \", and all past ASCII); \uXXXX for all
// past ASCII (Python, PHP). Any of them may also write / as \/ (PHP), and hex in either case.
// Each pattern also takes the escapes JSON.stringify wrote, so that they are read whole.
const ENCODERS = [
  { escapes: /\\.|[&<>\u2028\u2029]/g, quoteAsHex: false },
  { escapes: /\\.|[&<>+'\u007f-\uffff]/g, quoteAsHex: true },
  { escapes: /\\.|[\u007f-\uffff]/g, quoteAsHex: false },
];
// Characters some encoder escapes where JSON.stringify does not.
const ESCAPED_BY_SOME = /[&<>+'"/\u007f-\uffff]/;

const hexEscape = (c: string, upper: boolean) => {
  const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
  return `\\u${upper ? hex.toUpperCase() : hex}`;
};

/** The ways a JSON encoder may spell a string between its quotes (JSON.stringify's included). */
function jsonSpellings(value: string): Set<string> {
  const plain = JSON.stringify(value).slice(1, -1);
  if (!ESCAPED_BY_SOME.test(value)) return new Set([plain]);
  const spellings = new Set([plain]);
  for (const { escapes, quoteAsHex } of ENCODERS) {
    for (const upper of [false, true]) {
      spellings.add(plain.replace(escapes, (m) => (m.length === 1 ? hexEscape(m, upper) : quoteAsHex && m === '\\"' ? hexEscape('"', upper) : m)));
    }
  }
  for (const spelling of [...spellings]) spellings.add(spelling.replace(/\//g, '\\/'));
  return spellings;
}
