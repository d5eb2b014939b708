// Tab completion for az: command words, then option names, then resource names from the world.
import type { SessionState } from '../types.ts';
import type { TreeNode } from './tree.ts';
import { quote } from './paths.ts';
import { arr, field, str } from '../../world/json.ts';

const GLOBAL_OPTIONS = ['--query', '--output', '-o', '--help', '-h', '--only-show-errors', '--debug', '--verbose'];

async function names(session: SessionState, path: string): Promise<string[]> {
  const response = await session.world.arm(path);
  if (response.status !== 200) return [];
  return arr(field(response.body, 'value')).map((r) => str(field(r, 'name'))).filter(Boolean);
}

export async function completeAz(root: TreeNode, words: string[], session: SessionState): Promise<string[]> {
  const typed = words.slice(1, -1);
  let node = root;
  let i = 0;
  for (; i < typed.length && !node.command; i++) {
    const child = node.children.get(typed[i]);
    if (!child) return [];
    node = child;
  }
  if (!node.command) return [...node.children.keys()];
  const def = node.command;
  const previous = typed[typed.length - 1];
  const arg = def.args.find((a) => a.options.includes(previous));
  // An argument whose value may be left out (aaz's booleans) is followed by the next option as often.
  if (arg && !arg.flag && arg.blank === undefined) {
    if (previous === '-o' || previous === '--output') return ['json', 'jsonc', 'none', 'table', 'tsv', 'yaml', 'yamlc'];
    const sub = `/subscriptions/${quote(String(session.world.info.account.id ?? ''))}`;
    if (arg.complete === 'group') return names(session, `${sub}/resourcegroups`);
    if (!arg.complete) return [];
    const valueOf = (dest: string) => {
      const a = def.args.find((x) => x.dest === dest)!;
      const at = typed.findIndex((t) => a.options.includes(t));
      return at >= 0 ? typed[at + 1] : undefined;
    };
    const group = valueOf('resource_group');
    if (!group) return [];
    const [provider, type, ...child] = arg.complete.type.split('/');
    // Typed names are quoted as in the command's own path: a `/` in them stays inside the name.
    const base = `${sub}/resourceGroups/${quote(group)}/providers/${provider}/${type}`;
    if (child.length === 0) return names(session, base);
    const parent = valueOf(arg.complete.parentDest ?? '');
    return parent ? names(session, `${base}/${quote(parent)}/${child.join('/')}`) : [];
  }
  if (previous === '-o' || previous === '--output') return ['json', 'jsonc', 'none', 'table', 'tsv', 'yaml', 'yamlc'];
  return [...def.args.flatMap((a) => a.options), ...GLOBAL_OPTIONS];
}
