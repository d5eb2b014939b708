// `kubectl api-resources` (kubectl 1.32 pkg/cmd/apiresources): the resources the server's discovery
// lists, each at its preferred version, filtered by --api-group, --namespaced, --verbs and
// --categories, sorted by group then name (or --sort-by name|kind, then name), printed as a table,
// -o wide (with verbs and categories) or -o name (resource.group).
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import { flagBool, flagList, flagString } from './flags.ts';
import { discoveredResources } from './api.ts';
import { tabwrite } from '../../format/kube/tabwriter.ts';
import { API_RESOURCES_HELP } from './help-client.ts';
import type { ApiResource } from '../../world/kube-resources.ts';

/** The verbs the lab's discovery names for every resource: it serves reads only. */
const VERBS = ['get', 'list', 'watch'];

const defs = [
  { name: 'no-headers', type: 'bool' as const },
  { name: 'output', short: 'o', type: 'string' as const },
  { name: 'api-group', type: 'string' as const },
  { name: 'namespaced', type: 'bool' as const },
  { name: 'verbs', type: 'stringSlice' as const },
  { name: 'sort-by', type: 'string' as const },
  { name: 'cached', type: 'bool' as const },
  { name: 'categories', type: 'stringSlice' as const },
];

const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function runApiResources(cli: Cli, argv: string[]): Promise<number> {
  return runVerb(cli, 'api-resources', argv, defs, async (flags) => {
    if (flagBool(flags, 'help')) {
      cli.out(cli.tool === 'kubectl' ? API_RESOURCES_HELP : API_RESOURCES_HELP.replace(/kubectl/g, 'oc'));
      return 0;
    }
    if (flags.args.length > 0) throw plainError(`unexpected arguments: [${flags.args.join(' ')}]\nSee '${cli.tool} api-resources -h' for help and examples`);
    const output = flagString(flags, 'output');
    if (!['', 'wide', 'name'].includes(output)) throw plainError(`--output ${output} is not available`);
    const sortBy = flagString(flags, 'sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw plainError('--sort-by accepts only name or kind');
    const group = flags.values.has('api-group') ? flagString(flags, 'api-group') : undefined;
    const namespaced = flags.values.has('namespaced') ? flagBool(flags, 'namespaced') : undefined;
    const verbs = flagList(flags, 'verbs');
    const categories = flagList(flags, 'categories');
    const resources = (await discoveredResources(cli.ctx.world)).filter(
      (r) =>
        (group === undefined || r.group === group) &&
        (namespaced === undefined || r.namespaced === namespaced) &&
        verbs.every((v) => VERBS.includes(v)) &&
        categories.every((c) => r.categories.includes(c)),
    );
    const key = (r: ApiResource) => (sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group);
    // sort.Stable on (key, then name): discovery's order breaks the remaining ties.
    const sorted = resources.map((r, i) => ({ r, i })).sort((a, b) => byteCompare(key(a.r), key(b.r)) || byteCompare(a.r.plural, b.r.plural) || a.i - b.i).map((x) => x.r);
    if (output === 'name') {
      cli.out(sorted.map((r) => (r.group ? `${r.plural}.${r.group}\n` : `${r.plural}\n`)).join(''));
      return 0;
    }
    const lines: string[] = [];
    if (!flagBool(flags, 'no-headers')) lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
    for (const r of sorted) {
      const cells = [r.plural, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind];
      if (output === 'wide') cells.push(VERBS.join(','), r.categories.join(','));
      lines.push(cells.join('\t'));
    }
    cli.out(tabwrite(lines.map((l) => l + '\n').join('')));
    return 0;
  });
}
