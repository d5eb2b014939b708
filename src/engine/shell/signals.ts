// How the shell's control builtins unwind: thrown by break, continue, exit and return, caught by the
// loop, the subshell or the function the interpreter runs.

/** `break n` and `continue n` unwinding to their loop, `return n` to its function. */
export class BreakSignal {
  readonly levels: number;
  /** The loop's status: 1 when break's own argument was wrong. */
  readonly status: number;
  constructor(levels: number, status = 0) {
    this.levels = levels;
    this.status = status;
  }
}
export class ContinueSignal {
  readonly levels: number;
  constructor(levels: number) {
    this.levels = levels;
  }
}
export class ExitSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}
export class ReturnSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}
