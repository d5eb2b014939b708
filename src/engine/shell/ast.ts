// The shape of a parsed command line: lists of pipelines of simple commands, whose words are
// sequences of literal, variable and command-substitution parts.

export type Part =
  | { kind: 'literal'; text: string; quoted: boolean }
  | { kind: 'variable'; name: string; quoted: boolean; fallback?: Word; length?: boolean }
  | { kind: 'arithmetic'; expression: Word; quoted: boolean }
  | { kind: 'command'; list: List; quoted: boolean };

export interface Word {
  parts: Part[];
}

export interface Redirect {
  /** Which output is redirected: 1, 2, or both ('&>'). */
  from: 1 | 2 | 'both';
  /** Another descriptor (`2>&1`) or a file name. */
  to: { fd: 1 | 2 } | { file: Word };
  append: boolean;
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  commands: SimpleCommand[];
}

export type Connector = ';' | '&&' | '||';

export interface List {
  /** Pipelines in order; `connectors[i]` joins item i and item i+1. */
  items: Pipeline[];
  connectors: Connector[];
}
