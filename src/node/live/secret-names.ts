// The one vocabulary of secret names. A JSON key, the name in `name: value` or `name=value` text,
// an environment variable, a command-line flag and an HTTP header are all judged here, so that a
// name hidden in one place is hidden in every other (`client-key-data` in a kubeconfig held as
// text, `x-functions-key` as a response header, `primaryKey` as a JSON key).

// A word of a name that makes it secret (`SQL_SERVER_PASSWORD`, `clientSecret`, `pullsecret`, `Set-Cookie`, `password2`).
const SECRET_WORD = /(?:password|passwd|passphrase|secret|token|credentials?|cookie)\d*$/;
const SECRET_WHOLE_WORDS = new Set(['pwd', 'pw', 'pass', 'auth', 'authorization', 'keydata', 'privatekey', 'apikey', 'accesskey', 'accountkey', 'saskey', 'sharedkey', 'clientkey', 'signingkey']);
// A `key` is secret when a word before it says which kind (`privateKey`, `AccountKey`, `tls.key`,
// `Ocp-Apim-Subscription-Key`, `x-functions-key`, `client-key-data`).
const KEY_QUALIFIERS = new Set([
  'private', 'api', 'access', 'account', 'sas', 'shared', 'client', 'signing', 'encryption', 'decryption', 'master', 'primary', 'secondary',
  'storage', 'subscription', 'tls', 'ssh', 'function', 'functions', 'auth', 'session', 'admin', 'hmac',
]);
// Names that are secret only as a whole: a SAS's `sig=`, a connection string's `SharedAccessSignature=`.
const WHOLE_NAMES = new Set(['sig', 'sharedaccesssignature']);
// Names whose last word says they hold no secret but something about one (`secretName`,
// `tokenExpirationSeconds`, `PASSWORD_FILE`, `credentialsMode`, `tokenInactivityTimeout`).
const HARMLESS_LAST_WORDS = new Set([
  'name', 'names', 'ref', 'refs', 'reference', 'id', 'uid', 'file', 'files', 'path', 'paths', 'dir', 'type', 'kind', 'seconds', 'ttl',
  'mode', 'policy', 'policies', 'enabled', 'version', 'expiration', 'expiry', 'count', 'length', 'namespace', 'url', 'uri', 'endpoint',
  'issuer', 'audience', 'authentication', 'format', 'algorithm', 'provider', 'store', 'location', 'rotation', 'status', 'state', 'secrets',
  'timeout', 'lifetime', 'duration', 'interval', 'age', 'size', 'limit', 'max', 'min', 'prefix', 'header', 'headers', 'method', 'methods',
  'scope', 'scopes', 'strategy',
]);
// Paging cursors are called tokens but open nothing; a CORS header only says credentials may be sent.
const NOT_SECRET = new Set(['skiptoken', 'nexttoken', 'continuationtoken', 'pagetoken', 'continuetoken', 'accesscontrolallowcredentials']);

/** camelCase, snake_case, dotted and dashed names as lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether a key, a name before `:` or `=`, an environment variable, a flag or a header is named for a secret. */
export function isSecretName(name: string): boolean {
  const parts = words(name);
  const joined = parts.join('');
  if (parts.length === 0 || NOT_SECRET.has(joined)) return false;
  if (WHOLE_NAMES.has(joined)) return true;
  if (HARMLESS_LAST_WORDS.has(parts[parts.length - 1])) return false;
  if (joined.includes('connectionstring')) return true;
  return parts.some((word, i) => SECRET_WORD.test(word) || SECRET_WHOLE_WORDS.has(word) || (word === 'key' && i > 0 && KEY_QUALIFIERS.has(parts[i - 1])));
}

/** A flag given alone that names a secret (`--db-password`), whose value is the next word. */
export function isSecretFlag(word: string): boolean {
  return /^--?[A-Za-z][A-Za-z0-9_.-]*$/.test(word) && isSecretName(word);
}
