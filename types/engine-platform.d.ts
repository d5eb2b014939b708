// The web-platform globals the engine uses, as both browsers and Node provide them: the engine
// compiles against ES2023 and these alone (src/engine/tsconfig.json), so it can reach neither the
// DOM nor Node. Shapes follow TypeScript's lib.dom.d.ts, cut to the members the engine calls.

interface TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBufferLike, options?: { stream?: boolean }): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: TextDecoderOptions): TextDecoder };

interface URLSearchParams {
  append(name: string, value: string): void;
  delete(name: string, value?: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string, value?: string): boolean;
  set(name: string, value: string): void;
  toString(): string;
  forEach(callback: (value: string, key: string, parent: URLSearchParams) => void): void;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
declare var URLSearchParams: {
  prototype: URLSearchParams;
  new (init?: string[][] | Record<string, string> | string | URLSearchParams): URLSearchParams;
};

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string | URL, base?: string | URL): URL };

interface Performance {
  now(): number;
}
declare var performance: Performance;

declare function structuredClone<T>(value: T): T;
declare function atob(data: string): string;
declare function btoa(data: string): string;

// fetch, as the bridge's client calls it: a POST with headers and a text body, its answer read as text.
interface Response {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}
declare function fetch(input: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Response>;

// V8's bound on stack frames kept by an Error (Chrome, Node); other engines lack it, and setting it there does nothing.
interface ErrorConstructor {
  stackTraceLimit?: number;
}
