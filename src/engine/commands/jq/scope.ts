// What a jq program can see by name: variables and function definitions. Each binding adds one
// link in front of its scope instead of copying it, so binding inside a loop or calling a
// function costs the same however many names the program or its options (--arg) define.

export class Scope<T> {
  private readonly name: string | undefined;
  private readonly value: T | undefined;
  private readonly parent: Scope<T> | undefined;
  /** The names given from outside the program (options, $ENV), at the root. */
  private readonly base: ReadonlyMap<string, T>;

  private constructor(base: ReadonlyMap<string, T>, name?: string, value?: T, parent?: Scope<T>) {
    this.base = base;
    this.name = name;
    this.value = value;
    this.parent = parent;
  }

  static of<T>(base: ReadonlyMap<string, T> = new Map()): Scope<T> {
    return new Scope(base);
  }

  /** This scope with `name` bound to `value`, in front of any earlier binding. */
  with(name: string, value: T): Scope<T> {
    return new Scope(this.base, name, value, this);
  }

  private find(name: string): Scope<T> | undefined {
    let scope: Scope<T> | undefined = this;
    while (scope && scope.parent) {
      if (scope.name === name) return scope;
      scope = scope.parent;
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.find(name) !== undefined || this.base.has(name);
  }

  get(name: string): T | undefined {
    const bound = this.find(name);
    return bound ? bound.value : this.base.get(name);
  }
}
