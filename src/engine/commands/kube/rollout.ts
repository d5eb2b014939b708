// `oc rollout history` (openshift/oc pkg/cli/rollout, kubectl's `rollout history` with oc's history
// viewers): for `dc/NAME` the DeploymentConfig history viewer lists the config's
// ReplicationControllers (label `openshift.io/deployment-config.name=NAME`) by version: REVISION
// (annotation openshift.io/deployment-config.latest-version), STATUS (openshift.io/deployment.phase)
// and CAUSE (openshift.io/deployment.status-reason, `<unknown>` when absent) through oc's
// tabbedString (a tabwriter padding with tabs: minwidth 0, tabwidth 8, padding 1), and with
// --revision=N that version's pod template (DescribePodTemplate into a plain prefix writer: its
// tabs are not aligned); for a Deployment, kubectl's viewer lists its ReplicaSets' revisions and
// change causes (kubectl's tabbedString: padding 2 with spaces). All after kubectl's name printer
// line `kind.group/NAME ` (the operation text begins with a newline, or `with revision #N`, and
// the printer's own newline leaves an empty line at the end). The output comes from oc's and
// kubectl's source, not from a recorded run: oc is not among the reference tools. `rollout restart`
// (kubectl and oc) and `rollout latest` (oc) change the world: rollout-restart.ts, rollout-latest.ts.
import type { KubeObject } from '../../world/types.ts';
import { arr, field } from '../../world/json.ts';
import { kindPrefix, resolveResource } from '../../world/kube-resources.ts';
import { discoveredResources, getObject, listObjects } from './api.ts';
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagString } from './flags.ts';
import { describePodTemplate } from './describe/replicationcontroller.ts';
import { escapeTerminal, PrefixWriter } from './describe/tabwriter.ts';
import { restart, restartFlags } from './rollout-restart.ts';
import { latest, latestFlags } from './rollout-latest.ts';
import { liveRefusal } from './write-targets.ts';
import { schemeRefusal } from './kubectl-scheme.ts';


const historyFlags: FlagDef[] = [
  { name: 'revision', type: 'int' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
];

/** Go's text/tabwriter over rows of cells: with spaces each cell is padded to its column's widest
 * plus `padding`; with tabs (padchar '\t') the column is that width rounded up to a multiple of
 * `tabwidth`, and each cell is followed by as many tabs as fill it. */
function tabbed(rows: string[][], o: { padding: number; tabs: boolean; tabwidth?: number }): string {
  const widths: number[] = [];
  for (const row of rows) row.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length + o.padding)));
  const tabwidth = o.tabwidth ?? 8;
  const pad = (cell: string, width: number) => {
    if (!o.tabs) return cell.padEnd(width);
    const cellw = Math.ceil(width / tabwidth) * tabwidth;
    return cell + '\t'.repeat(Math.ceil((cellw - [...cell].length) / tabwidth));
  };
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? pad(cell, widths[i]) : cell)).join('') + '\n').join('');
}

/** DescribePodTemplate into versioned.NewPrefixWriter(buf): the describer's lines, tabs left as written. */
class PlainPrefixWriter extends PrefixWriter {
  private raw = '';
  override write(level: number, text: string): void {
    this.raw += escapeTerminal('  '.repeat(level) + text);
  }
  override writeLine(text: string): void {
    this.raw += escapeTerminal(text + '\n');
  }
  override flush(): void {}
  override text(): string {
    return this.raw;
  }
}

export async function runRollout(cli: Cli, argv: string[]): Promise<number> {
  const sub = argv.find((a) => !a.startsWith('-'));
  const rest = argv.filter((a, i) => i !== argv.indexOf(sub ?? ''));
  if (sub === 'restart' || (sub === 'latest' && cli.tool === 'oc')) {
    const refusal = liveRefusal(cli, 'rollout');
    if (refusal) {
      cli.err(refusal);
      return 1;
    }
    return sub === 'restart' ? runVerb(cli, 'rollout restart', rest, restartFlags, (flags) => restart(cli, flags)) : runVerb(cli, 'rollout latest', rest, latestFlags, (flags) => latest(cli, flags));
  }
  if (sub === 'latest') {
    // kubectl has no such subcommand: cobra takes the words for an unknown command of `rollout`.
    cli.err(`error: unknown command "${argv.filter((a) => !a.startsWith('-')).join(' ')}"\nSee 'kubectl rollout -h' for help and examples\n`);
    return 1;
  }
  if (sub !== 'history') {
    cli.err(sub === undefined ? `error: "${cli.tool} rollout" is not available in this lab terminal\n` : `error: "${cli.tool} rollout ${sub}" is not available in this lab terminal\n`);
    return 1;
  }
  return runVerb(cli, 'rollout history', rest, historyFlags, (flags) => history(cli, flags));
}

async function history(cli: Cli, flags: ParsedFlags): Promise<number> {
  const { ctx } = cli;
  const namespace = flagString(flags, 'namespace') || ctx.session.namespace;
  if (flags.args.length === 0) throw plainError('required resource not specified');
  const revision = Number(flags.values.get('revision') ?? 0);
  if (flagString(flags, 'output')) throw plainError('-o is not available with rollout history in this lab terminal');
  const served = await discoveredResources(ctx.world);
  const targets = flags.args.length === 2 && !flags.args[0].includes('/') ? [`${flags.args[0]}/${flags.args[1]}`] : flags.args;
  let out = '';
  for (const target of targets) {
    const slash = target.indexOf('/');
    if (slash < 0) throw plainError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${cli.tool} get resource/<resource_name>' instead of '${cli.tool} get resource resource/<resource_name>'`);
    const resolved = resolveResource(target.slice(0, slash), served);
    if (!resolved.ok) throw plainError(`the server doesn't have a resource type "${resolved.resourceName}"`);
    const res = resolved.resource;
    const name = target.slice(slash + 1);
    const object = await getObject(ctx.world, res, namespace, name);
    // kubectl's scheme cannot read a DeploymentConfig (oc's can).
    const refusal = schemeRefusal(cli.tool, res);
    if (refusal) throw refusal;
    let table: string;
    if (object.kind === 'DeploymentConfig') table = await deploymentConfigHistory(cli, namespace, name, served, revision);
    else if (object.kind === 'Deployment' && revision <= 0) table = await deploymentHistory(cli, namespace, object, served);
    else if (object.kind === 'Deployment') throw plainError('--revision of a Deployment is not available in this lab terminal');
    else throw plainError(`no history viewer has been implemented for "${res.kind}${res.group ? `.${res.group}` : ''}"`);
    out += `${kindPrefix(res)}/${name} ${revision > 0 ? `with revision #${revision}` : ''}\n${table}\n`;
  }
  cli.out(out);
  return 0;
}

async function deploymentConfigHistory(cli: Cli, namespace: string, name: string, served: Awaited<ReturnType<typeof discoveredResources>>, revision: number): Promise<string> {
  const rcs = resolveResource('replicationcontrollers', served);
  if (!rcs.ok) return 'No rollout history found.';
  const list = await listObjects(cli.ctx.world, rcs.resource, namespace, { labelSelector: `openshift.io/deployment-config.name=${name}` });
  const owned = list.items.filter((rc) => rc.metadata.labels?.['openshift.io/deployment-config.name'] === name);
  if (owned.length === 0) return 'No rollout history found.';
  const annotation = (rc: KubeObject, key: string) => rc.metadata.annotations?.[key] ?? '';
  const version = (rc: KubeObject) => Number(annotation(rc, 'openshift.io/deployment-config.latest-version')) || 0;
  if (revision > 0) {
    const desired = owned.find((rc) => version(rc) === revision);
    if (!desired) throw plainError('unable to find the specified revision');
    const w = new PlainPrefixWriter();
    describePodTemplate(desired.spec?.template, w);
    return w.text();
  }
  const rows = [...owned].sort((a, b) => version(a) - version(b)).map((rc) => [String(version(rc)), annotation(rc, 'openshift.io/deployment.phase'), annotation(rc, 'openshift.io/deployment.status-reason') || '<unknown>']);
  return tabbed([['REVISION', 'STATUS', 'CAUSE'], ...rows], { padding: 1, tabs: true });
}

async function deploymentHistory(cli: Cli, namespace: string, deployment: KubeObject, served: Awaited<ReturnType<typeof discoveredResources>>): Promise<string> {
  const rss = resolveResource('replicasets', served);
  if (!rss.ok) return 'No rollout history found.';
  const list = await listObjects(cli.ctx.world, rss.resource, namespace);
  const owned = list.items.filter((rs) => arr(rs.metadata.ownerReferences).some((o) => field(o, 'uid') === deployment.metadata.uid));
  if (owned.length === 0) return 'No rollout history found.';
  const revision = (rs: KubeObject) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  // The change cause is the ReplicaSet's annotation (kubectl copies it onto the revision's template).
  const rows = [...owned].sort((a, b) => revision(a) - revision(b)).map((rs) => [String(revision(rs)), rs.metadata.annotations?.['kubernetes.io/change-cause'] || '<none>']);
  return tabbed([['REVISION', 'CHANGE-CAUSE'], ...rows], { padding: 2, tabs: false });
}
