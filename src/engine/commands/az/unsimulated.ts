// A real az command the lab does not simulate gets a plain answer: az's own "'x' is misspelled or
// not recognized" would tell the reader that a correct command is a typo. What counts as real is
// the recorded list of azure-cli's commands (real-commands.ts).
import { REAL_AZ_COMMANDS } from './real-commands.ts';
import type { TreeNode } from './tree.ts';

/** Every group and command path of real az, as space-joined words ("network route-table route"). */
const REAL_PATHS: ReadonlySet<string> = (() => {
  const paths = new Set<string>(REAL_AZ_COMMANDS.topLevel);
  for (const command of REAL_AZ_COMMANDS.commands) {
    const words = command.split(' ');
    for (let n = 1; n <= words.length; n++) paths.add(words.slice(0, n).join(' '));
  }
  return paths;
})();

/** The words real az takes after `path` (its subgroups and commands there). */
export function realChildren(path: string[]): string[] {
  const prefix = path.length ? `${path.join(' ')} ` : '';
  const out = new Set<string>();
  for (const p of REAL_PATHS) if (p.startsWith(prefix) && p.length > prefix.length && !p.slice(prefix.length).includes(' ')) out.add(p.slice(prefix.length));
  return [...out];
}

/** The longest run of leading words that names a real az group or command, or undefined. */
export function realAzPath(words: string[]): string[] | undefined {
  for (let n = words.length; n > 0; n--) if (REAL_PATHS.has(words.slice(0, n).join(' '))) return words.slice(0, n);
  return undefined;
}

/** What the lab says when `typed` (the command's words before any option) leaves its tree at `path`:
 * undefined when the words are no real az command either (then az's misspelling error stands). */
export function notSimulated(typed: string[], path: string[], node: TreeNode): string | undefined {
  const real = realAzPath(typed);
  if (!real || real.length <= path.length) return undefined;
  const has = [...node.children.keys()].sort();
  return `ERROR: 'az ${real.join(' ')}' is not available in this lab terminal.\nThe lab has these under '${['az', ...path].join(' ')}': ${has.join(', ')}\n`;
}

// Commands of extensions that a fresh az does not have. az finds a command typed without its
// extension in the extensions' command index and, with its default `extension.use_dynamic_install
// = yes_prompt`, asks whether to install it; where it cannot ask it stops (azure-cli
// core/extension/dynamic_install.py `_check_value_in_extensions`). The lab installs nothing.
const FIREWALL_NOUNS: Record<string, string[]> = {
  '': ['create', 'delete', 'list', 'list-fqdn-tags', 'show', 'update', 'wait'],
  'ip-config': ['create', 'delete', 'list', 'show'],
  'management-ip-config': ['show', 'update'],
  'application-rule': ['create', 'delete', 'list', 'list-protocols', 'show'],
  'application-rule collection': ['create', 'delete', 'list', 'show'],
  'network-rule': ['create', 'delete', 'list', 'show'],
  'network-rule collection': ['create', 'delete', 'list', 'show'],
  'nat-rule': ['create', 'delete', 'list', 'show'],
  'nat-rule collection': ['create', 'delete', 'list', 'show'],
  policy: ['create', 'delete', 'list', 'show', 'update', 'wait'],
};

const EXTENSION_COMMANDS: ReadonlyMap<string, string> = new Map(
  Object.entries(FIREWALL_NOUNS).flatMap(([noun, verbs]) => verbs.map((verb): [string, string] => [['network firewall', noun, verb].filter(Boolean).join(' '), 'azure-firewall'])),
);

/** az's answer to a command of an extension that is not installed (`words`: the command's words
 * before any option; `help`: -h or --help ended the line, which matches a group too). */
export function extensionNotInstalled(words: string[], help: boolean): string | undefined {
  const typed = words.join(' ');
  let extension = EXTENSION_COMMANDS.get(typed);
  if (!extension && help) extension = [...EXTENSION_COMMANDS].find(([command]) => command.startsWith(`${typed} `))?.[1];
  if (!extension) return undefined;
  return (
    `ERROR: The command requires the extension ${extension}. Unable to prompt for extension install confirmation as no tty available. ` +
    "Run 'az config set extension.use_dynamic_install=yes_without_prompt' to allow installing extensions without prompt.\n"
  );
}
