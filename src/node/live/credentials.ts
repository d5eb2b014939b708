// What a secret looks like in a value, whatever it is stored under: a URL's password, a
// connection string's Password=, a --token=… flag, `name: value` and `name=value` under a secret
// name (as secret-names.ts judges names), a JWT, an OpenShift token, a PEM private key.
// Where the text around a secret tells the reader something (the user and host of a URL, the
// other fields of a connection string, the name of a flag), only the secret part is replaced.
import { isSecretFlag, isSecretName } from './secret-names.ts';

export { isSecretFlag, isSecretName };

export const REDACTED = '<redacted>';

/** Schemes an Authorization-like value starts with; the credential is the word after them. */
export const AUTH_SCHEMES = ['Basic', 'Bearer', 'Negotiate', 'Digest', 'NTLM', 'SharedKey', 'SharedKeyLite', 'SharedAccessSignature', 'Token', 'OAuth'];

/** A value under a bare `key` that is key material rather than a label key (`node.kubernetes.io/…`). */
export function looksLikeKeyMaterial(value: string): boolean {
  return /^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value);
}

// A name that a value follows in `name=value` and `name: value`; whether the value is a secret is
// the vocabulary's call (secret-names.ts), so text knows every name a JSON key is judged by.
const NAME_START = String.raw`(?<![A-Za-z0-9_.\-])`;
const NAME = String.raw`[A-Za-z0-9_.\-]+`;
const SCHEME = String.raw`(?:${AUTH_SCHEMES.join('|')})[ \t]+`;

type Groups = Record<string, string | undefined>;

interface Shape {
  pattern: RegExp;
  /** The replacement for one match; `found` receives each secret it takes out. */
  replace(groups: Groups, match: string, found: (secret: string) => void): string;
}

/** A value that is no secret whatever its name: empty, already redacted, a boolean or null, a YAML block indicator. */
function isPlaceholder(secret: string): boolean {
  return secret === '' || secret === REDACTED || /^(?:true|false|null|[|>][-+]?)$/i.test(secret);
}

/** Replaces the `secret` group of a match, keeping what comes before and after it. */
function inner(groups: Groups, match: string, found: (secret: string) => void): string {
  const secret = groups.secret ?? '';
  if (isPlaceholder(secret)) return match;
  found(secret);
  return `${groups.pre ?? ''}${REDACTED}${groups.post ?? ''}`;
}

/** Replaces the whole match (a token or a key that is secret through and through). */
function whole(_groups: Groups, match: string, found: (secret: string) => void): string {
  found(match);
  return REDACTED;
}

const SHAPES: Shape[] = [
  // A PEM private key, to its END line (or to the end of a truncated text). Certificates are public.
  { pattern: /-----BEGIN (?<label>[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END \k<label>-----|$)/g, replace: whole },
  // A JWT: base64url JSON header and payload (both start with `{"`), then the signature.
  { pattern: /(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, replace: whole },
  // An OpenShift OAuth access token (what `oc login` puts in the kubeconfig).
  { pattern: /(?<![A-Za-z0-9_~-])sha256~[A-Za-z0-9_-]{20,}/g, replace: whole },
  // scheme://user:password@host — the password up to the last @ before the host.
  { pattern: /(?<pre>(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:@/?#"'<>]*:)(?<secret>[^\s/?#"'<>]+)(?<post>@)/g, replace: inner },
  // Authorization header values, and bearer tokens quoted in text.
  { pattern: /(?<pre>\bAuthorization:[ \t]*(?:Basic|Bearer|Negotiate|Digest)?[ \t]*)(?<secret>[^\s"'<>]{8,})/gi, replace: inner },
  { pattern: /(?<pre>\bBearer[ \t]+)(?<secret>[A-Za-z0-9._~+/-]{16,}=*)/g, replace: inner },
];

/** `name` then its separator; the value is read only after a secret's name, from where this ends. */
interface NamedShape {
  head: RegExp;
  value: RegExp;
  /** The name as the vocabulary judges it. */
  secretName(name: string): boolean;
}

const NAMED_SHAPES: NamedShape[] = [
  // name=value: connection strings (Password=…;), query strings (&sig=…), flags (--db-password=…),
  // environment lines (DB_TOKEN=…). A value runs to the next separator, or is quoted whole.
  {
    head: new RegExp(String.raw`${NAME_START}(?<name>${NAME})[ \t]*=[ \t]*`, 'g'),
    value: /(?<open>["'{]?)(?<secret>(?<=")[^"]*|(?<=')[^']*|(?<=\{)(?:[^}]|\}\})*|[^\s;&"'<>]+)(?<post>["'}]?)/y,
    secretName: isSecretName,
  },
  // name: value, in YAML, HTTP header lines and JSON that is not whole (quotes kept, escaped quotes
  // too); after an authorization scheme (`Proxy-Authorization: Basic …`) only the credential.
  {
    head: new RegExp(String.raw`${NAME_START}(?<q>\\?["']?)(?<name>${NAME})\k<q>[ \t]*:[ \t]*`, 'g'),
    value: new RegExp(
      String.raw`(?<open>\\?["']?)(?<scheme>(?<![\\"'])${SCHEME})?(?<secret>(?<=\\")(?:[^"\\]|\\(?!"))*|(?<=")(?:[^"\\]|\\.)*|(?<=')[^']*|(?!${SCHEME})[^\s,;"'<>{}\[\]\\]+)(?<post>\\?["']?)`,
      'iy',
    ),
    secretName: isSecretName,
  },
  // A flag and its value as separate words inside one command line: `--db-password hunter2`.
  {
    head: new RegExp(String.raw`(?<![A-Za-z0-9_.-])(?<name>--?[A-Za-z][A-Za-z0-9_.\-]*)[ \t]+`, 'g'),
    value: /(?<open>)(?<secret>[^\s"'<>-][^\s"'<>]*)(?<post>)/y,
    secretName: isSecretFlag,
  },
];

/** The length of the longest known secret starting at a place in a text (0 for none). */
export type KnownAt = (text: string, at: number) => number;

/** One named shape over a text: each secret name's value replaced, other names passed over
 * without reading their values (so `note=Password=x` still finds `Password=`). A secret name's
 * value that does not close its quote is skipped whole, so no text is read twice. A known secret
 * that starts where the value does is replaced whole, though the value seems to end before it
 * (`pwd=` before a password with `&` in it). */
function redactNamed(text: string, shape: NamedShape, found: (secret: string) => void, knownAt: KnownAt): string {
  const { head, value } = shape;
  let out = '';
  let kept = 0;
  head.lastIndex = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    if (!shape.secretName(m.groups!.name)) continue;
    value.lastIndex = head.lastIndex;
    const v = value.exec(text);
    if (!v) continue;
    head.lastIndex = Math.max(value.lastIndex, head.lastIndex);
    const { open = '', scheme = '', secret = '', post = '' } = v.groups!;
    if (!closes(open, post) || isPlaceholder(secret)) continue;
    found(secret);
    const start = v.index + open.length + scheme.length;
    out += text.slice(kept, start) + REDACTED;
    kept = start + Math.max(secret.length, knownAt(text, start));
    head.lastIndex = Math.max(head.lastIndex, kept);
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** A quoted value counts only with its closing quote (otherwise the match is not what it seems). */
function closes(open: string | undefined, post: string | undefined): boolean {
  const quote = (open ?? '').replace(/^\\/, '');
  const close = (post ?? '').replace(/^\\/, '');
  if (quote === '') return true;
  return quote === '{' ? close === '}' : close === quote;
}

// Cheap test before the patterns: text with none of these characters holds no shape above.
const MAYBE = /[=:@]|eyJ|sha256~|-----BEGIN|Bearer|--?[A-Za-z]/;

/** The text with every credential-shaped part replaced by <redacted>; each secret taken out goes to `found`. */
export function redactShapes(text: string, found: (secret: string) => void, knownAt: KnownAt = () => 0): string {
  if (!MAYBE.test(text)) return text;
  let out = text;
  for (const shape of SHAPES) {
    out = out.replace(shape.pattern, (...args: unknown[]) => {
      const groups = (typeof args[args.length - 1] === 'object' ? args[args.length - 1] : {}) as Groups;
      return shape.replace(groups, String(args[0]), found);
    });
  }
  for (const shape of NAMED_SHAPES) out = redactNamed(out, shape, found, knownAt);
  return out;
}
