// How curl 7.88 follows a redirect (-L): where a Location header points, resolved against the URL
// that answered; which of the reader's own headers go along to the next host; and the errors curl
// gives on the way (checked against curl 7.88.1).
import type { HttpResponse } from '../../world/types.ts';

/** The schemes curl 7.88 knows (curl --version's protocols). */
const KNOWN_SCHEMES = new Set(['dict', 'file', 'ftp', 'ftps', 'gopher', 'gophers', 'http', 'https', 'imap', 'imaps', 'ldap', 'ldaps', 'mqtt', 'pop3', 'pop3s', 'rtmp', 'rtsp', 'scp', 'sftp', 'smb', 'smbs', 'smtp', 'smtps', 'telnet', 'tftp']);

export interface RedirectFailure {
  code: number;
  /** curl's message, without "curl: (N) ". */
  text: string;
  /** The URL curl reports as effective afterwards, when it got that far. */
  effective?: string;
}

/** The Location of a 3xx answer, when it has a non-empty one (any other answer is final). */
export function locationOf(answer: HttpResponse): string | undefined {
  if (answer.status < 300 || answer.status > 399) return undefined;
  const value = answer.headers.find(([k]) => k.toLowerCase() === 'location')?.[1].trim();
  return value ? value : undefined;
}

/** curl's encoding of a redirect target: spaces and bytes past ASCII become %xx, in lower case. */
function encodeLikeCurl(location: string): string {
  return Array.from(new TextEncoder().encode(location), (b) => (b === 0x20 || b >= 0x80 ? `%${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b))).join('');
}

const unparsable = (code: number, reason: string): RedirectFailure => ({ code, text: `The redirect target URL could not be parsed: ${reason}` });

/** Why WHATWG URL refused a target, in the words of curl's URL parser. */
function whyNotParsed(location: string): string {
  const authority = /^(?:[a-z][a-z0-9+.-]*:)?\/*([^/?#]*)/i.exec(location)?.[1].replace(/^[^@]*@/, '') ?? '';
  if (authority === '') return 'No host part in the URL';
  if (authority.includes('[')) return 'Bad IPv6 address';
  const port = /:([^:]*)$/.exec(authority)?.[1];
  if (port !== undefined && !(/^\d{0,5}$/.test(port) && Number(port) <= 65535)) return 'Port number was not a decimal number between 0 and 65535';
  return 'Bad hostname';
}

/** Where a Location sends curl from `base`, or the error curl stops with. */
export function redirectTarget(location: string, base: URL): URL | RedirectFailure {
  const encoded = encodeLikeCurl(location);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(encoded)?.[1].toLowerCase();
  if (scheme !== undefined && !KNOWN_SCHEMES.has(scheme)) return unparsable(1, 'Unsupported URL scheme');
  if (scheme !== undefined) {
    const slashes = /^[a-z][a-z0-9+.-]*:(\/*)/i.exec(encoded)![1].length;
    if (slashes < 1 || slashes > 3) return unparsable(3, 'Unsupported number of slashes following scheme');
  }
  let url: URL;
  try {
    url = new URL(encoded, base);
  } catch {
    return unparsable(3, whyNotParsed(encoded));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    // ftp and ftps too: this terminal's curl speaks only http and https.
    return { code: 1, text: `Protocol "${url.protocol.slice(0, -1)}" not supported or disabled in libcurl`, effective: url.href };
  }
  if (url.hostname === '') return unparsable(3, 'No host part in the URL');
  return url;
}

/** The ports curl uses for its schemes when a URL names none. */
const SCHEME_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21, ftps: 990, gopher: 70, gophers: 70, dict: 2628, ldap: 389, ldaps: 636, imap: 143, imaps: 993, pop3: 110, pop3s: 995, smtp: 25, smtps: 465, rtsp: 554, rtmp: 1935, scp: 22, sftp: 22, smb: 445, smbs: 445, telnet: 23, tftp: 69, mqtt: 1883 };
const defaultPort = (url: URL) => Number(url.port || (SCHEME_PORTS[url.protocol.slice(0, -1)] ?? 0));

/** -v's line when the next request goes to another port or scheme (curl then forgets credentials). */
export function clearAuthNote(from: URL, to: URL): string | undefined {
  if (defaultPort(from) !== defaultPort(to)) return `Clear auth, redirects to port from ${defaultPort(from)} to ${defaultPort(to)}`;
  if (from.protocol !== to.protocol) return `Clear auth, redirects scheme from ${from.protocol.slice(0, -1).toUpperCase()} to ${to.protocol.slice(0, -1)}`;
  return undefined;
}

/**
 * The reader's -H headers for a request to `url` when the first went to `first`, as curl sends
 * them: a custom Host only to the first host name, Authorization and Cookie only to the same
 * host, port and scheme (curl keeps credentials from other hosts), every other header always.
 */
export function carriedHeaders(custom: Array<[string, string]>, first: URL, url: URL): Array<[string, string]> {
  const sameHost = first.hostname === url.hostname;
  const sameOrigin = sameHost && defaultPort(first) === defaultPort(url) && first.protocol === url.protocol;
  return custom.filter(([name]) => {
    const lower = name.toLowerCase();
    if (lower === 'host') return sameHost;
    if (lower === 'authorization' || lower === 'cookie') return sameOrigin;
    return true;
  });
}

/** Whether curl keeps the connection after this answer (and reuses it for the next request there). */
export function keepsConnection(answer: HttpResponse): boolean {
  const connection = answer.headers.find(([k]) => k.toLowerCase() === 'connection')?.[1].toLowerCase() ?? '';
  return answer.httpVersion === '1.0' ? connection.includes('keep-alive') : !connection.includes('close');
}
