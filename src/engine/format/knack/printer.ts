// What one az output may cost in the lab. knack prints whatever the command returns, but a short
// --query can return a value that holds one list a million times (`{a:@,b:@}` twenty times), and
// the lab prints on the page's own thread: each printer writes into a Printer, which stops at a
// size (as much as one shell value holds), at an amount of reading (cells a table strips, keys it
// skips), and at a depth (Python's own printers give up near 1000 levels).

/** Characters of one output: as much as a pipe or a `$( )` holds in the lab. */
export const MAX_OUTPUT = 4 * 1024 * 1024;
/** What a printer may read and build on the way, in characters (each piece counts as PIECE more). */
export const MAX_SCAN = 32 * 1024 * 1024;
export const MAX_DEPTH = 512;
/** What a piece costs beyond its characters: a value of many tiny pieces stops as early. */
const PIECE = 8;

/** A printer reached a bound of the lab; `prefix` is the output up to there, `message` says why. */
export class OutputLimit extends Error {
  readonly prefix: string;
  constructor(message: string, prefix: string) {
    super(message);
    this.prefix = prefix;
  }
}

export class Printer {
  private readonly parts: string[] = [];
  private length = 0;
  private scanned = 0;

  /** Appends to the output; past MAX_OUTPUT throws with the output cut there. */
  put(piece: string): void {
    this.scan(piece.length);
    if (this.length + piece.length > MAX_OUTPUT) {
      this.parts.push(piece.slice(0, MAX_OUTPUT - this.length));
      this.length = MAX_OUTPUT;
      throw this.overflow();
    }
    this.parts.push(piece);
    this.length += piece.length;
  }

  /** Work that writes nothing yet (text measured, stripped or padded before it is written). */
  scan(characters: number): void {
    this.scanned += characters + PIECE;
    if (this.scanned > MAX_SCAN) throw new OutputLimit(`the lab stops outputs that read more than ${MAX_SCAN / 1024 / 1024} MB of data`, this.text());
  }

  /**
   * Text the output will hold later in full (a table cell, measured before any line is written):
   * charged now, and bounded as the output is.
   */
  collect(write: (put: (piece: string) => void) => void): string {
    const parts: string[] = [];
    let length = 0;
    write((piece) => {
      this.scan(piece.length);
      length += piece.length;
      if (length > this.room) throw this.overflow();
      parts.push(piece);
    });
    return parts.join('');
  }

  private overflow(): OutputLimit {
    return new OutputLimit(`the lab stopped this output at ${MAX_OUTPUT} characters`, this.text());
  }

  /** Throws past MAX_DEPTH: every printer calls it with the level it reached. */
  depth(level: number): void {
    if (level > MAX_DEPTH) throw new OutputLimit(`the lab prints values nested at most ${MAX_DEPTH} levels deep`, this.text());
  }

  /** Characters the output can still take. */
  get room(): number {
    return MAX_OUTPUT - this.length;
  }

  /**
   * A string of the value cut where the output must stop anyway: escaping never shortens a
   * string, so what lies past the room (and a margin for the writer's look-ahead) is never shown.
   */
  cut(text: string): string {
    this.scan(text.length);
    return text.length > this.room + 16 ? text.slice(0, this.room + 16) : text;
  }

  text(): string {
    return this.parts.join('');
  }
}
