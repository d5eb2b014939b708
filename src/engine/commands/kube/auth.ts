// `kubectl auth can-i` (kubectl 1.32 pkg/cmd/auth/cani.go): whether the session's user may do VERB
// on TYPE[/NAME] or a NONRESOURCEURL, answered by the API server's SelfSubjectAccessReview: `yes`
// (exit 0) or `no` (exit 1), with kubectl's warnings for a resource the server does not have, a
// cluster-scoped resource asked in a namespace and an unknown verb. The lab logs in as kubeadmin
// (kube:admin), whom OpenShift binds to cluster-admin: every action is allowed (selfAccessReview).
// `--list` (a SelfSubjectRulesReview table) and impersonation (--as) are not available here.
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import { flagBool, flagString } from './flags.ts';
import { discoveredResources } from './api.ts';
import { currentUser } from './cluster.ts';
import { AUTH_CAN_I_HELP, AUTH_HELP } from './help-client.ts';
import { resolveResource } from '../../world/kube-resources.ts';
import { selfAccessReview } from '../../model/access-review.ts';

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
const NON_STANDARD = new Set(['users', 'groups']);

const canIFlags = [
  { name: 'all-namespaces', short: 'A', type: 'bool' as const },
  { name: 'quiet', short: 'q', type: 'bool' as const },
  { name: 'subresource', type: 'string' as const },
  { name: 'list', type: 'bool' as const },
  { name: 'no-headers', type: 'bool' as const },
];

export function runAuth(cli: Cli, argv: string[]): Promise<number> {
  const help = (text: string) => (cli.tool === 'kubectl' ? text : text.replace(/kubectl/g, 'oc'));
  if (argv[0] !== 'can-i') {
    if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help') {
      cli.out(help(AUTH_HELP));
      return Promise.resolve(0);
    }
    if (argv[0] === 'reconcile' || argv[0] === 'whoami') {
      cli.err(`error: "${cli.tool} auth ${argv[0]}" is not available in this lab terminal\n`);
      return Promise.resolve(1);
    }
    cli.err(`error: unknown command "${argv[0]}" for "${cli.tool} auth"\n`);
    return Promise.resolve(1);
  }
  return runVerb(cli, 'auth can-i', argv.slice(1), canIFlags, async (flags) => {
    if (flagBool(flags, 'help')) {
      cli.out(help(AUTH_CAN_I_HELP));
      return 0;
    }
    // The messages end in a line break and WarningPrinter.Print adds one.
    const warn = (text: string) => cli.err(`Warning: ${text}\n\n`);
    if (flagBool(flags, 'list')) {
      if (flags.args.length !== 0) throw plainError('list option must be specified with no arguments');
      throw plainError(`"${cli.tool} auth can-i --list" is not available in this lab terminal`);
    }
    if (flags.values.has('as') || flags.values.has('as-group') || flags.values.has('as-uid')) throw plainError('impersonation (--as) is not available in this lab terminal');
    if (flags.args.length !== 2) throw plainError(`you must specify two arguments: verb resource or verb resource/resourceName.\nSee '${cli.tool} auth can-i -h' for help and examples.`);
    const [verb, target] = flags.args;
    const served = await discoveredResources(cli.ctx.world);
    const subresource = flagString(flags, 'subresource');
    const allNamespaces = flagBool(flags, 'all-namespaces');
    let attributes: Record<string, string>;
    if (target.startsWith('/')) {
      if (subresource) throw plainError('--subresource can not be used with NonResourceURL');
      if (!NON_RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb`);
      attributes = { verb, path: target };
    } else {
      const [typed, name = ''] = target.split(/\/(.*)/s);
      let group = '';
      let resource = typed;
      let namespaced = true;
      if (typed !== '*') {
        const r = resolveResource(typed.toLowerCase(), served);
        if (r.ok) {
          group = r.resource.group;
          resource = r.resource.plural;
          namespaced = r.resource.namespaced;
        } else {
          const dot = typed.toLowerCase().indexOf('.');
          const [res, grp] = dot < 0 ? [typed.toLowerCase(), ''] : [typed.toLowerCase().slice(0, dot), typed.toLowerCase().slice(dot + 1)];
          if (!NON_STANDARD.has(grp ? `${res}.${grp}` : res)) warn(grp ? `the server doesn't have a resource type '${res}' in group '${grp}'` : `the server doesn't have a resource type '${res}'`);
          namespaced = true;
        }
      }
      if (!allNamespaces && !namespaced) warn(group ? `resource '${resource}' is not namespace scoped in group '${group}'` : `resource '${resource}' is not namespace scoped`);
      if (!RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb`);
      attributes = { verb, group, resource, subresource, name, namespace: allNamespaces ? '' : flagString(flags, 'namespace') || cli.ctx.session.namespace };
    }
    if (flagBool(flags, 'no-headers')) throw plainError('--no-headers cannot be set without --list specified');
    if (cli.ctx.world.source === 'live') throw plainError(`"${cli.tool} auth can-i" is not available in live mode`);
    const review = selfAccessReview(await currentUser(cli.ctx.world), attributes);
    if (flagBool(flags, 'quiet')) return review.allowed ? 0 : 1;
    cli.out(review.allowed ? 'yes\n' : `no${review.reason ? ` - ${review.reason}` : ''}\n`);
    return review.allowed ? 0 : 1;
  });
}
