// The shell's own builtins as `help` lists them, apart from the code that runs them, so `help` reads
// them without loading the interpreter.

/** One line for `help` about each builtin the shell runs itself. */
export const shellBuiltinSummaries: ReadonlyArray<readonly [string, string]> = [
  [':', 'Do nothing, successfully (its arguments are expanded).'],
  ['break', 'Leave the innermost loop (break N: N loops).'],
  ['continue', 'Start the next turn of the innermost loop (continue N).'],
  ['return', 'Leave a function with a status (return N).'],
  ['exit', 'Leave a subshell with a status (exit N); at the prompt it ends the line.'],
  ['local', 'Make variables local to the function running: local NAME[=VALUE]...'],
  ['declare', 'Set variables and show them: declare [-a] [-x] [-p] [-f|-F] NAME[=VALUE]...'],
  ['typeset', 'The same as declare.'],
  ['set', 'Set positional parameters (set -- ARGS) and options (-u, -x, -f, -o pipefail); alone, list variables.'],
  ['shift', 'Drop the first positional parameters (shift N).'],
  ['read', 'Read a line of the input into variables (-r, -a ARRAY, -p, -d, -n, IFS).'],
  ['mapfile', 'Read the lines of the input into an array (-t: without their newlines).'],
  ['readarray', 'The same as mapfile.'],
  ['type', 'Say what a name is: keyword, function, builtin or file (-t, -a, -p).'],
  ['unset', 'Remove variables, array elements (unset a[1]) or functions (unset -f NAME).'],
  ['eval', 'Run the arguments, joined, as a line of the shell.'],
  ['let', 'Evaluate arithmetic expressions: let "x = 1 + 2".'],
  ['source', "Run the lines of a file of the lab's tree in this shell (also: . FILE)."],
  ['command', 'Run a command passing over functions; command -v NAME says what runs.'],
  ['builtin', 'Run a shell builtin passing over functions.'],
];
