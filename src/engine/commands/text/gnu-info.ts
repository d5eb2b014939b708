// GNU's --help and --version: the first of them among the options (before `--`) is all the
// command does, printing the real tool's text.
export function helpOrVersion(args: string[], help: string, version: string): string | undefined {
  for (const a of args) {
    if (a === '--') return undefined;
    if (a === '--help') return help;
    if (a === '--version') return version;
  }
  return undefined;
}
