// Live mode never shows a secret. Before any command sees an answer, the redactor replaces with
// <redacted>: the data of every Secret (however the API server sends it: a Secret, an item of a
// SecretList without kind, an item of a List, or anything read from a secrets path), values
// under secret-looking keys and environment variables, the value after a secret flag, and
// credential-shaped parts of any string (see credentials.ts), JSON inside strings included.
// Every secret found is remembered, with its base64 and JSON-escaped forms, so that it is also
// caught where it reappears as plain text (an app that prints its environment, a token echoed
// in an error), and the session's own credentials are known from the start.
import type { Json, JsonObject } from '../../engine/world/types.ts';
import { isSecretFlag, isSecretName, looksLikeKeyMaterial, REDACTED, redactShapes } from './credentials.ts';
import { KnownSecrets, MIN_SECRET_LENGTH } from './known-secrets.ts';

export { REDACTED } from './credentials.ts';

/** What live mode replaces, and how, in the words the snapshot command reports it. */
export const REDACTION_RULES =
  `Secret data, and values under secret-looking names and environment variables (password, secret, token, credentials, private/API/access keys), are replaced whole by ${REDACTED}; ` +
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

  /** A value that must never be printed; short values would match ordinary text, so they are not tracked as text. */
  remember(value: string): void {
    if (value.length < MIN_SECRET_LENGTH || value === REDACTED || this.known.has(value)) return;
    const forms = [value, JSON.stringify(value).slice(1, -1), Buffer.from(value, 'utf8').toString('base64')];
    for (const form of forms) this.known.add(form);
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

  /** A body as it came over the wire (an app's answer): JSON in it is read for secrets first (an
   * app printing its environment), then known secrets and credential shapes are replaced in
   * place, keeping the body's own formatting. */
  body(value: string): string {
    try {
      this.json(JSON.parse(value) as Json);
    } catch {
      // not JSON: only secrets already known, and credential shapes, are replaced
    }
    return this.text(value);
  }

  /** Plain text: every credential shape, then every known secret, replaced (shapes first: a
   * known value inside a token would otherwise break the token's shape and leave its rest). */
  text(value: string): string {
    return this.known.replace(redactShapes(value, (secret) => this.rememberFound(secret)), REDACTED);
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
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (secret && (k === 'data' || k === 'stringData')) out[k] = this.secretData(v, k === 'data');
      else if (itemsAreSecrets && k === 'items' && Array.isArray(v)) out[k] = v.map((item) => (isObject(item) ? this.object(item, true, false) : this.walk(item, undefined)));
      else if (secretPair && k === 'value') out[k] = this.secretValue(v as string);
      else out[k] = this.walk(v, k);
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
    const indent = /^\s*[[{]\s*\n([ \t]+)/.exec(value)?.[1].length ?? 0;
    return `${/^\s*/.exec(value)![0]}${JSON.stringify(walked, null, indent)}${/\s*$/.exec(value)![0]}`;
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
