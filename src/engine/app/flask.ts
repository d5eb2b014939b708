// What the sample app's framework puts on the wire: Flask 1.x jsonify (indent 2, sorted keys,
// ASCII only, trailing newline) and Werkzeug's 404 page.
import { pyJson } from '../format/knack/json.ts';

export interface AppResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
  /** How long the answer took to start, when it is not the app's usual few milliseconds. */
  waitMs?: number;
}

const asciiOnly = (text: string) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function werkzeugHeaders(contentType: string, body: string, date: Date): Array<[string, string]> {
  return [
    ['Content-Type', contentType],
    ['Content-Length', String(new TextEncoder().encode(body).length)],
    ['Server', 'Werkzeug/1.0.1 Python/3.6.9'],
    ['Date', date.toUTCString()],
  ];
}

export function jsonify(value: unknown, date: Date): AppResponse {
  const body = `${asciiOnly(pyJson(value))}\n`;
  return { status: 200, statusText: 'OK', headers: werkzeugHeaders('application/json', body, date), body };
}

const NOT_FOUND_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';

export function notFound(date: Date): AppResponse {
  return { status: 404, statusText: 'NOT FOUND', headers: werkzeugHeaders('text/html; charset=utf-8', NOT_FOUND_PAGE, date), body: NOT_FOUND_PAGE };
}
