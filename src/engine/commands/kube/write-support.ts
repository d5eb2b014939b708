// What kubectl's write verbs share: sending a write through the World (absent in live mode, where
// the refusal stays the lab's own), the API server's refusals as kubectl prints them, the objects
// a manifest names, and the printers a write's result goes through (`-o name|yaml|json`, the
// `kind.group/name <operation>` line, the dry-run suffixes).
import type { Json, JsonObject, KubeObject, RestWrite } from '../../world/types.ts';
import type { ApiResource } from '../../world/kube-resources.ts';
import { kindPrefix } from '../../world/kube-resources.ts';
import { arr, field, isJsonObject, str } from '../../world/json.ts';
import { isKubeObject } from '../../world/schema/kube.ts';
import { kubectlJson } from '../../format/kube/json.ts';
import { kubectlYaml } from '../../format/kube/yaml.ts';
import { kubeWriteRefusal } from '../read-only.ts';
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import { KubeError, serverError } from './api.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagBool, flagString } from './flags.ts';
import { readManifests, YamlError } from './yaml-input.ts';
import { absolute, operandReader } from '../fs/files.ts';
import { listDirectory, readFile } from '../fs/tree.ts';

/** The refusal of a write where the world only reads (live mode), or undefined where it writes. */
export function refuseInLive(cli: Cli, verb: string): number | undefined {
  if (cli.ctx.world.kubeWrite) return undefined;
  cli.err(kubeWriteRefusal(cli.tool, verb) ?? `error: "${cli.tool} ${verb}" is not available in this lab terminal\n`);
  return 1;
}

/** A write verb's run: refused in live mode, its flags parsed, its help (whose text the lab does
 * not carry) declined in the lab's words, then its body. */
export function runWriteVerb(cli: Cli, verb: string, argv: string[], defs: FlagDef[], body: (flags: ParsedFlags) => Promise<number>): Promise<number> {
  const refused = refuseInLive(cli, verb);
  if (refused !== undefined) return Promise.resolve(refused);
  return runVerb(cli, verb, argv, defs, (flags) => {
    if (!flagBool(flags, 'help')) return body(flags);
    cli.err(`error: "${cli.tool} ${verb} --help" is not available in this lab terminal\n`);
    return Promise.resolve(1);
  });
}

/** One write; a refusal becomes kubectl's `Error from server (Reason): message`. */
export async function sendWrite(cli: Cli, write: RestWrite, context?: string): Promise<KubeObject> {
  const send = cli.ctx.world.kubeWrite;
  if (!send) throw plainError('the lab only reads');
  const response = await send(write);
  if (response.status >= 200 && response.status < 300 && isKubeObject(response.body)) return response.body;
  if (str(field(response.body, 'reason')) === 'Invalid') throw invalidError(response.body);
  const error = serverError(response.status, response.body, 'the server rejected the request');
  // "Error from server (AlreadyExists): error when creating "STDIN": configmaps "x" already exists"
  if (context) throw new KubeError(error.text.replace(/^(Error from server(?: \([^)]*\))?: )/, `$1${context}: `), error.notFound);
  throw error;
}

/** kubectl's words for an Invalid Status (cmdutil.CheckErr): `The Kind "name" is invalid: ` and
 * its causes (`field: message`), one after it, or several as a list of `* ` lines. */
function invalidError(body: Json): KubeError {
  const kind = str(field(body, 'details', 'kind'));
  const name = str(field(body, 'details', 'name'));
  const prefix = kind === '' && name === '' ? 'The request is invalid' : `The ${kind} "${name}" is invalid`;
  // statusCausesToAggrError: `field: message` (an empty field too), each once.
  const causes = [...new Set(arr(field(body, 'details', 'causes')).map((c) => `${str(field(c, 'field'))}: ${str(field(c, 'message'))}`))];
  if (causes.length === 0) return new KubeError(prefix);
  if (causes.length === 1) return new KubeError(`${prefix}: ${causes[0]}`);
  return new KubeError(`${prefix}: \n${causes.map((c) => `* ${c}`).join('\n')}`);
}

/** `--dry-run`: none, client or server (a bare `--dry-run` is kubectl's deprecated `client`). */
export type DryRun = 'none' | 'client' | 'server';

export function dryRunOf(flags: ParsedFlags): DryRun {
  const raw = flags.values.get('dry-run');
  if (raw === undefined || raw === false || raw === 'none') return 'none';
  if (raw === true || raw === 'client' || raw === 'true') return 'client';
  if (raw === 'server') return 'server';
  throw plainError(`Invalid dry-run value (${String(raw)}). Must be "none", "server", or "client".`);
}

export const dryRunSuffix = (d: DryRun) => (d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '');

/** The query a server-side dry run adds to a write's path. */
export const dryRunQuery = (d: DryRun, path: string) => (d === 'server' ? `${path}${path.includes('?') ? '&' : '?'}dryRun=All` : path);

/** `-o` of a write: the operation line, the name, or the object. */
export function printResult(cli: Cli, flags: ParsedFlags, res: ApiResource, object: KubeObject, operation: string, dryRun: DryRun): void {
  const output = flagString(flags, 'output');
  const shown = stripManagedFields(object);
  if (output === 'name') cli.out(`${kindPrefix(res)}/${object.metadata.name}\n`);
  else if (output === 'yaml') cli.out(kubectlYaml(shown));
  else if (output === 'json') cli.out(kubectlJson(shown));
  else if (output === '') cli.out(`${kindPrefix(res)}/${object.metadata.name} ${operation}${dryRunSuffix(dryRun)}\n`);
  else throw plainError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
}

function stripManagedFields(o: KubeObject): KubeObject {
  if (!('managedFields' in o.metadata)) return o;
  const { managedFields: _m, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** One document of `-f`, and where it was read (`STDIN`, or the file as kubectl names it). */
export interface ManifestDocument {
  source: string;
  object: JsonObject;
}

/** The manifests of `-f`: `-` reads the command's standard input (a here-document), a file of the
 * lab's tree its text, a directory its .json, .yaml and .yml files in name order. */
export async function manifestsOf(cli: Cli, files: string[]): Promise<ManifestDocument[]> {
  const read = await operandReader(cli.ctx);
  const texts: Array<{ source: string; text: string }> = [];
  for (const file of files) {
    const got = read(file);
    if ('text' in got) texts.push({ source: file === '-' ? 'STDIN' : file, text: got.text });
    else if (got.error === 'Is a directory') {
      const dir = absolute(cli.ctx, file);
      for (const name of [...(listDirectory(cli.ctx.session, dir) ?? [])].filter((n) => /\.(json|ya?ml)$/.test(n)).sort()) {
        const source = `${file.replace(/\/+$/, '')}/${name}`;
        texts.push({ source, text: readFile(cli.ctx.session, `${dir}/${name}`) ?? '' });
      }
    } else throw plainError(`the path "${file}" does not exist`);
  }
  const out: ManifestDocument[] = [];
  for (const { source, text } of texts) {
    let docs: JsonObject[];
    try {
      docs = readManifests(text);
    } catch (e) {
      if (e instanceof YamlError || e instanceof SyntaxError) throw plainError(`error parsing ${source}: error converting YAML to JSON: yaml: ${e.message}`);
      throw e;
    }
    for (const object of docs) out.push({ source, object });
  }
  if (out.length === 0) throw plainError('no objects passed to apply');
  return out;
}

/** The resource of a manifest's apiVersion and kind, as the server's discovery names it. */
export function resourceOfManifest(object: JsonObject, served: readonly ApiResource[], source = 'STDIN'): ApiResource {
  const apiVersion = str(object.apiVersion);
  const kind = str(object.kind);
  if (!kind) throw plainError(`error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const res = served.find((r) => r.kind === kind && r.group === group && r.version === version);
  if (!res) throw plainError(`resource mapping not found for name: "${str(isJsonObject(object.metadata) ? object.metadata.name : '')}" namespace: "" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`);
  return res;
}
