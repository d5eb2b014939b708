// Live mode never shows a secret: values under secret-looking keys, Secret data, environment
// variables with secret-looking names, and every credential the session itself holds are replaced
// before any command sees them. Values seen once are remembered, so they are also caught where
// they reappear as plain text (an app that prints its environment, a token echoed in an error).
import type { Json } from '../../engine/world/types.ts';

export const REDACTED = '<redacted>';

const SECRET_KEY = /pass(word|wd)?$|secret|token|pullsecret|credential|private.?key|client.?key|api.?key|connection.?string|sas.?key|^key$|^keydata$/i;
// Keys that look secret-ish but hold no secret (names of things, flags).
const HARMLESS_KEY = /^(disablePasswordAuthentication|secrets|imagePullSecrets|automountServiceAccountToken|serviceAccountToken|secretName|secretRef|secretKeyRef|tokenExpirationSeconds)$/i;

export class Redactor {
  private readonly known = new Set<string>();

  constructor(secrets: string[] = []) {
    for (const s of secrets) this.remember(s);
  }

  /** A value that must never be printed; short values would match ordinary text, so they are not tracked as text. */
  remember(value: string): void {
    if (value.length >= 6) this.known.add(value);
  }

  json(value: Json): Json {
    return this.walk(value, undefined);
  }

  /** A body as it came over the wire (an app's answer): JSON in it is read for secret-looking
   * keys first (an app printing its environment), then every known secret is replaced in place,
   * keeping the body's own formatting. */
  body(value: string): string {
    try {
      this.json(JSON.parse(value) as Json);
    } catch {
      // not JSON: only secrets already known are replaced
    }
    return this.text(value);
  }

  text(value: string): string {
    let out = value;
    for (const secret of [...this.known].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  private walk(value: Json, key: string | undefined): Json {
    if (typeof value === 'string') {
      if (key && SECRET_KEY.test(key) && !HARMLESS_KEY.test(key) && value !== '') {
        this.remember(value);
        return REDACTED;
      }
      return this.text(value);
    }
    if (Array.isArray(value)) return value.map((v) => this.walk(v, undefined));
    if (value === null || typeof value !== 'object') return value;
    // A Kubernetes Secret: every value in data and stringData, and their decoded forms.
    if (value.kind === 'Secret') {
      for (const field of ['data', 'stringData']) {
        const data = value[field];
        if (data && typeof data === 'object' && !Array.isArray(data)) {
          for (const v of Object.values(data)) if (typeof v === 'string') this.rememberEncoded(v, field === 'data');
        }
      }
    }
    // An environment variable ({name, value}) whose name says it is secret.
    if (typeof value.name === 'string' && typeof value.value === 'string' && SECRET_KEY.test(value.name) && value.value !== '') {
      this.remember(value.value);
    }
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'data' || k === 'stringData') && value.kind === 'Secret' && v && typeof v === 'object' && !Array.isArray(v)) {
        out[k] = Object.fromEntries(Object.keys(v).map((name) => [name, REDACTED]));
      } else {
        out[k] = this.walk(v, k);
      }
    }
    return out;
  }

  private rememberEncoded(value: string, base64: boolean): void {
    this.remember(value);
    if (!base64) return;
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    if (decoded) this.remember(decoded);
    // A pull secret is JSON with base64 "auth" entries and tokens inside: remember those too.
    try {
      const auths = (JSON.parse(decoded) as { auths?: Record<string, { auth?: string; password?: string }> }).auths ?? {};
      for (const entry of Object.values(auths)) {
        if (entry.auth) this.remember(entry.auth);
        if (entry.password) this.remember(entry.password);
      }
    } catch {
      // not JSON: nothing more inside
    }
  }
}
