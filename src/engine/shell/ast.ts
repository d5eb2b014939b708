// The shape of a parsed command line, as bash's grammar has it: lists of pipelines of commands
// (simple ones, and the compound ones: groups, subshells, loops, if, case, [[ ]], (( )) and
// function definitions); words are sequences of literal, parameter, arithmetic and
// command-substitution parts.

export type Part =
  | { kind: 'literal'; text: string; quoted: boolean }
  | ({ kind: 'variable'; quoted: boolean } & Parameter)
  | { kind: 'arithmetic'; expression: Word; quoted: boolean }
  | { kind: 'command'; list: List; quoted: boolean }
  /** `<(list)`, `>(list)`: a path standing for the list's output (or input). */
  | { kind: 'process'; list: List; direction: '<' | '>'; quoted: false };

/** `$name`, `${name…}`: what is read, and how the value is changed. */
export interface Parameter {
  /** A variable's name, a positional parameter's digits, or one of `? $ # 0 @ * - !`. */
  name: string;
  /** `a[i]`: the subscript, `@` or `*` for every element. */
  index?: Word | '@' | '*';
  /** `${#x}` (length), `${!x}` (indirection, or `${!a[@]}` the keys, `${!p*}` the names). */
  prefix?: '#' | '!';
  /** `:-`, `-`, `:=`, `=`, `:?`, `?`, `:+`, `+`, `#`, `##`, `%`, `%%`, `/`, `//`, `/#`, `/%`, `^`, `^^`, `,`, `,,`, `:` (substring), `@` (transform). */
  op?: string;
  /** The word after the operator (a pattern, a default, a transform's letter). */
  word?: Word;
  /** `${x/pattern/replacement}`. */
  replacement?: Word;
  /** `${x:offset:length}`: arithmetic texts. */
  offset?: Word;
  length?: Word;
  /** Text bash cannot read as a parameter expansion: "bad substitution" when expanded. */
  bad?: string;
}

export interface Word {
  parts: Part[];
  /** The word as typed (`type` and `declare -f` print a function's words so). */
  raw?: string;
  /** `local a=(1 2)`: an array given to a declaration builtin. */
  array?: Assignment;
}

export interface Redirect {
  /** The descriptor redirected (0, 1, 2…); `&>` sets both 1 and 2. */
  fd: number;
  op: '>' | '>>' | '>|' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<<' | '<<' | '<<-' | '<>';
  target: Word;
  /** A here-document's body: literal, or expanded as double-quoted text is. */
  heredoc?: Word;
}

export interface Assignment {
  name: string;
  /** `a[i]=v`. */
  index?: Word;
  /** `a+=v`, `a+=(v)`. */
  append?: boolean;
  value: Word;
  /** `a=(x y z)`. */
  array?: Word[];
}

export interface SimpleCommand {
  kind: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export type CondExpr =
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { kind: 'not'; expr: CondExpr }
  | { kind: 'unary'; op: string; arg: Word }
  | { kind: 'binary'; op: string; left: Word; right: Word }
  | { kind: 'word'; word: Word };

export interface CaseItem {
  patterns: Word[];
  body: List;
  terminator: ';;' | ';&' | ';;&';
}

export type CompoundCommand = (
  | { kind: 'group'; body: List }
  | { kind: 'subshell'; body: List }
  | { kind: 'for'; name: string; items: Word[] | null; body: List; /** `select`: a menu on the terminal. */ select?: boolean }
  | { kind: 'arith-for'; init: Word; test: Word; update: Word; body: List }
  | { kind: 'while'; until: boolean; condition: List; body: List }
  | { kind: 'if'; clauses: Array<{ condition: List; body: List }>; otherwise?: List }
  | { kind: 'case'; word: Word; items: CaseItem[] }
  | { kind: 'arith'; expression: Word }
  | { kind: 'cond'; expr: CondExpr }
) & { redirects: Redirect[] };

export interface FunctionDefinition {
  kind: 'function';
  name: string;
  body: CompoundCommand;
}

export type Command = SimpleCommand | CompoundCommand | FunctionDefinition;

export interface Pipeline {
  commands: Command[];
  /** `! pipeline`. */
  negated?: boolean;
  /** `time pipeline` (`time -p`: POSIX's layout). */
  timed?: 'bash' | 'posix';
}

export type Connector = ';' | '&&' | '||';

export interface List {
  /** Pipelines in order; `connectors[i]` joins item i and item i+1. */
  items: Pipeline[];
  connectors: Connector[];
}
