// What a secret looks like, whatever it is stored under: names that say "this is a secret"
// (keys, environment variables, flags) and values shaped like credentials (a URL's password, a
// connection string's Password=, a --token=… flag, a JWT, an OpenShift token, a PEM private key).
// Where the text around a secret tells the reader something (the user and host of a URL, the
// other fields of a connection string, the name of a flag), only the secret part is replaced.

export const REDACTED = '<redacted>';

// A word of a name that makes it secret (`SQL_SERVER_PASSWORD`, `clientSecret`, `pullsecret`).
const SECRET_WORD = /(?:password|passwd|passphrase|secret|token|credentials?)$/;
const SECRET_WHOLE_WORDS = new Set(['pwd', 'pass', 'auth', 'authorization', 'keydata', 'privatekey', 'apikey', 'accesskey', 'accountkey', 'saskey', 'sharedkey', 'clientkey', 'signingkey']);
// A `key` is secret when a word before it says which kind (`privateKey`, `AccountKey`, `tls.key`).
const KEY_QUALIFIERS = new Set(['private', 'api', 'access', 'account', 'sas', 'shared', 'client', 'signing', 'encryption', 'master', 'primary', 'secondary', 'storage', 'subscription', 'tls', 'ssh']);
// Names whose last word says they hold no secret but something about one (`secretName`,
// `tokenExpirationSeconds`, `PASSWORD_FILE`, `credentialsMode`).
const HARMLESS_LAST_WORDS = new Set([
  'name', 'names', 'ref', 'refs', 'reference', 'id', 'uid', 'file', 'files', 'path', 'paths', 'dir', 'type', 'kind', 'seconds', 'ttl',
  'mode', 'policy', 'policies', 'enabled', 'version', 'expiration', 'expiry', 'count', 'length', 'namespace', 'url', 'uri', 'endpoint',
  'issuer', 'audience', 'authentication', 'format', 'algorithm', 'provider', 'store', 'location', 'rotation', 'status', 'state', 'secrets',
]);
// Paging cursors are called tokens but open nothing.
const NOT_SECRET = new Set(['skiptoken', 'nexttoken', 'continuationtoken', 'pagetoken', 'continuetoken']);

/** camelCase, snake_case, dotted and dashed names as lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a key, an environment variable or a flag is named for a secret. */
export function isSecretName(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0 || NOT_SECRET.has(parts.join(''))) return false;
  if (HARMLESS_LAST_WORDS.has(parts[parts.length - 1])) return false;
  if (parts.join('').includes('connectionstring')) return true;
  return parts.some((word, i) => SECRET_WORD.test(word) || SECRET_WHOLE_WORDS.has(word) || (word === 'key' && i > 0 && KEY_QUALIFIERS.has(parts[i - 1])));
}

/** A value under a bare `key` that is key material rather than a label key (`node.kubernetes.io/…`). */
export function looksLikeKeyMaterial(value: string): boolean {
  return /^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value);
}

// The end of a name a secret follows in `name=value` and `name: value` (case-insensitive).
const NAME = String.raw`[A-Za-z0-9_.\-]*?(?:password|passwd|pwd|passphrase|secret|token|credentials?|api[_-]?key|access[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|sharedaccesssignature|private[_-]?key|client[_-]?key)|sig`;
const NAME_START = String.raw`(?<![A-Za-z0-9_.\-])`;

interface Shape {
  pattern: RegExp;
  /** The replacement for one match; `found` receives each secret it takes out. */
  replace(groups: Record<string, string | undefined>, match: string, found: (secret: string) => void): string;
}

/** Replaces the `secret` group of a match, keeping what comes before and after it. */
function inner(groups: Record<string, string | undefined>, match: string, found: (secret: string) => void): string {
  const secret = groups.secret ?? '';
  const name = (groups.name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (secret === '' || secret === REDACTED || NOT_SECRET.has(name) || /^(?:true|false|null)$/i.test(secret)) return match;
  found(secret);
  return `${groups.pre ?? ''}${REDACTED}${groups.post ?? ''}`;
}

/** Replaces the whole match (a token or a key that is secret through and through). */
function whole(_groups: Record<string, string | undefined>, match: string, found: (secret: string) => void): string {
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
  // name=value: connection strings (Password=…;), query strings (&sig=…), flags (--db-password=…),
  // environment lines (DB_TOKEN=…). A value runs to the next separator, or is quoted whole.
  {
    pattern: new RegExp(String.raw`(?<pre>${NAME_START}(?<name>-{0,2}(?:${NAME}))[ \t]*=[ \t]*(?<open>["'{]?))(?<secret>(?<=")[^"]*|(?<=')[^']*|(?<=\{)(?:[^}]|\}\})*|[^\s;&"'<>]+)(?<post>["'}]?)`, 'gi'),
    replace: (groups, match, found) => (closes(groups.open, groups.post) ? inner(groups, match, found) : match),
  },
  // name: value, in YAML and in JSON that is not whole (quotes kept, escaped quotes too).
  {
    pattern: new RegExp(String.raw`(?<pre>${NAME_START}(?<q>\\?["']?)(?<name>${NAME})\k<q>[ \t]*:[ \t]*(?<open>\\?["']?))(?<secret>(?<=\\")(?:[^"\\]|\\(?!"))*|(?<=")(?:[^"\\]|\\.)*|(?<=')[^']*|[^\s,;"'<>{}\[\]\\]+)(?<post>\\?["']?)`, 'gi'),
    replace: (groups, match, found) => (closes(groups.open, groups.post) ? inner(groups, match, found) : match),
  },
  // A flag and its value as separate words inside one command line: `--db-password hunter2`.
  { pattern: new RegExp(String.raw`(?<pre>(?<![A-Za-z0-9_.-])(?<name>--?[A-Za-z0-9_.\-]*?(?:password|passwd|token|secret|api-?key))[ \t]+)(?<secret>[^\s"'<>-][^\s"'<>]*)`, 'gi'), replace: inner },
];

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
export function redactShapes(text: string, found: (secret: string) => void): string {
  if (!MAYBE.test(text)) return text;
  let out = text;
  for (const shape of SHAPES) {
    out = out.replace(shape.pattern, (...args: unknown[]) => {
      const groups = (typeof args[args.length - 1] === 'object' ? args[args.length - 1] : {}) as Record<string, string | undefined>;
      return shape.replace(groups, String(args[0]), found);
    });
  }
  return out;
}

/** A flag given alone that names a secret (`--db-password`), whose value is the next word. */
export function isSecretFlag(word: string): boolean {
  return /^--?[A-Za-z][A-Za-z0-9_.-]*$/.test(word) && isSecretName(word);
}
