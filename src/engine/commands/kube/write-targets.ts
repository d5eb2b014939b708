// What the workload verbs (scale, rollout restart|latest, set env, expose) share, as kubectl's
// cli-runtime does it for them: the objects the arguments name (resource.Builder with
// ResourceTypeOrNameArgs: `TYPE/NAME…`, `TYPE NAME…`, `TYPE` with -l or --all), visited with
// ContinueOnError (a missing one is an error kept for the end, the others are still changed); the
// write sent through the world (the lab's API server), its refusal in the server's words; and the
// printer of the result (`kind.group/name OPERATION`, `-o name`, `-o json|yaml`).
import type { KubeObject, RestWrite } from '../../world/types.ts';
import type { ApiResource } from '../../world/kube-resources.ts';
import { kindPrefix, resourcePath } from '../../world/kube-resources.ts';
import { kubectlJson } from '../../format/kube/json.ts';
import { kubectlYaml } from '../../format/kube/yaml.ts';
import { KubeError, discoveredResources, getObject, listObjects } from './api.ts';
import { dryRunSuffix, sendWrite as sendKubeWrite, type DryRun } from './write-support.ts';
import type { Cli } from './cli.ts';
import { plainError } from './cli.ts';
import { parseResourceArgs } from './get.ts';
import { kubeWriteRefusal } from '../read-only.ts';

export interface Target {
  res: ApiResource;
  object: KubeObject;
}

export interface Visited {
  targets: Target[];
  /** The errors of objects that could not be read, reported after the others were changed. */
  errors: KubeError[];
}

/** The refusal live mode gives a write verb, or undefined where the world can be changed. */
export function liveRefusal(cli: Cli, verb: string): string | undefined {
  return cli.ctx.world.kubeWrite ? undefined : (kubeWriteRefusal(cli.tool, verb) ?? `error: "${cli.tool} ${verb}" would change your cluster, and live mode only reads\n`);
}

interface VisitOptions {
  namespace: string;
  selector: string;
  all: boolean;
  /** A type alone means every object of it (rollout restart), rather than "no name was specified". */
  typeMeansAll?: boolean;
}

/** The objects the arguments name, each read from the server. */
export async function visitTargets(cli: Cli, args: string[], o: VisitOptions): Promise<Visited> {
  const served = await discoveredResources(cli.ctx.world);
  const parsed = parseResourceArgs(cli.tool, args, o.selector !== '' || o.all, false, served);
  const targets: Target[] = [];
  const errors: KubeError[] = [];
  for (const request of parsed.requests) {
    if (request.name !== undefined) {
      try {
        targets.push({ res: request.res, object: await getObject(cli.ctx.world, request.res, o.namespace, request.name) });
      } catch (e) {
        if (!(e instanceof KubeError)) throw e;
        errors.push(e);
      }
      continue;
    }
    if (!o.all && o.selector === '' && !o.typeMeansAll) throw plainError('resource(s) were provided, but no name was specified');
    const list = await listObjects(cli.ctx.world, request.res, request.res.namespaced ? o.namespace : undefined, o.selector ? { labelSelector: o.selector } : {});
    for (const object of list.items) targets.push({ res: request.res, object });
  }
  return { targets, errors };
}

/** A write through the world (write-support.ts: the API server's refusals as kubectl prints them). */
export const sendWrite = (cli: Cli, write: RestWrite): Promise<KubeObject> => sendKubeWrite(cli, write);

/** The errors a verb gathers while it goes on with the other objects, printed at the end as
 * kubectl's CheckErr prints an aggregate: one alone as any error (`error: ` before a message that
 * is not the API server's), several one per line (a message as it is). */
export class Problems {
  private readonly list: { text: string; api: boolean }[] = [];

  /** An error as kubectl has it: the API server's (`Error from server…`) or its own. */
  addError(e: KubeError): void {
    this.list.push({ text: e.text.replace(/^error: /, ''), api: e.text.startsWith('Error from server') });
  }

  /** A message of kubectl's own (without `error: `). */
  add(message: string): void {
    this.list.push({ text: message, api: false });
  }

  get size(): number {
    return this.list.length;
  }

  /** Prints them; the exit status (1 when there were any). */
  report(cli: Cli): number {
    if (this.list.length === 0) return 0;
    if (this.list.length === 1) {
      const [only] = this.list;
      cli.err(`${only.api || only.text.startsWith('error: ') ? only.text : `error: ${only.text}`}\n`);
    } else cli.err(this.list.map((p) => `${p.text}\n`).join(''));
    return 1;
  }
}

const PRINTERS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** The printer of a write's result: the operation after the name, `-o name`, or the object as JSON or YAML. */
export function writePrinter(cli: Cli, output: string, operation: string, dryRun: DryRun): (target: Target, object?: KubeObject) => void {
  if (!['', 'name', 'json', 'yaml'].includes(output)) {
    if (PRINTERS.split(',').includes(output)) throw plainError(`-o ${output} is not available with this command in this lab terminal`);
    throw plainError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINTERS}`);
  }
  return ({ res, object: read }, written) => {
    const object = written ?? read;
    if (output === 'json') cli.out(kubectlJson(object));
    else if (output === 'yaml') cli.out(kubectlYaml(object));
    else cli.out(`${kindPrefix(res)}/${object.metadata.name}${output === 'name' ? '' : ` ${operation}${dryRunSuffix(dryRun)}`}\n`);
  };
}

/** The path of an object of `res`, or of its subresource. */
export const objectPath = (res: ApiResource, namespace: string | undefined, name: string, subresource?: string) => `${resourcePath(res, namespace, name)}${subresource ? `/${subresource}` : ''}`;
