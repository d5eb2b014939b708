// What every az command that changes Azure does, whatever it changes (aaz's generated commands:
// `build_lro_poller` around a PUT, PATCH or DELETE):
//   - it is refused in live mode before its arguments are read (run.ts, by `writes`);
//   - it sends its request through the world (World.armWrite: the fixture applies ARM's rules) and
//     an ARM error comes back as ArmError, which the runner prints as az prints ARM's errors
//     (`ERROR: (Code) Message`, `Code:`, `Message:`; exit 3 for a 404, 1 otherwise);
//   - the world answers a long-running operation with its final state, which az's poller takes as
//     done; with --no-wait az prints nothing at all (the poller is not waited on, its result is None);
//   - `-o none`, `--query` and the other formats are the runner's, as for every command.
// A create without --location takes the resource group's (aaz's AAZResourceLocationArgFormat: a GET
// of the group through the resources SDK; a group that is not there leaves the location out, and
// ARM's answer to the PUT then says what is wrong).
import type { Json } from '../../world/types.ts';
import { field, optStr } from '../../world/json.ts';
import { ArmError, CliError, argDef, type AzCommandDef, type AzCommandSpec, type ArgDef, type AzContext } from './types.ts';
import { groupPath } from './paths.ts';

/** A command that changes Azure: as `azCommand`, and marked so that live mode refuses it. */
export function azWriteCommand<const A extends readonly ArgDef[]>(spec: AzCommandSpec<A>): AzCommandDef {
  return { ...spec, writes: true };
}

/** The values aaz's boolean arguments take (AAZBoolArg), in the order az lists them. */
export const BOOLEAN_VALUES = ['true', 't', 'yes', 'y', '1', 'false', 'f', 'no', 'n', '0'];

/** An aaz boolean argument's value: true for the first half of BOOLEAN_VALUES. */
export const isTrue = (value: string | undefined) => value !== undefined && BOOLEAN_VALUES.indexOf(value.toLowerCase()) < 5;

/** aaz's `--no-wait` (AZ_SUPPORT_NO_WAIT), a boolean argument: given at all, with any value, az
 * does not wait and prints nothing (as today's az does for `--no-wait false` too). */
export const noWaitArg = argDef({ options: ['--no-wait'], dest: 'no_wait', help: 'Do not wait for the long-running operation to finish.', blank: 'true', choices: BOOLEAN_VALUES });

/** aaz's `--location -l` of a create (AAZResourceLocationArg). */
export const locationArg = argDef({
  options: ['--location', '-l'],
  dest: 'location',
  help: 'Location. Values from: `az account list-locations`. You can configure the default location using `az configure --defaults location=<location>`.',
});

/** aaz's `--tags` (AAZDictArg of strings, each value in `key=value` form). */
export const tagsArg = argDef({ options: ['--tags'], dest: 'tags', help: 'Space-separated tags: key[=value] [key[=value] ...].', nargs: '*' });

/** The tags a `--tags` list gives, as aaz's dict argument reads them: `key=value` each; a blank
 * value (`key=`, `""`) or a bare `key` is refused when the arguments are read. */
export function tagsValue(tags: string[] | undefined): Record<string, string> | undefined {
  if (tags === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const tag of tags) {
    const eq = tag.indexOf('=');
    if (tag === '' || eq === tag.length - 1) throw new CliError("Failed to parse '--tags' argument: argument value cannot be blank");
    if (eq < 0) throw new CliError(`Failed to parse '--tags' argument: dict type value expected, got '${tag}'(<class 'str'>)`);
    out[tag.slice(0, eq)] = tag.slice(eq + 1);
  }
  return out;
}

/** What az says when the world cannot be written (live mode refuses write commands earlier, in run.ts). */
function readOnly(): CliError {
  return new CliError('this world only reads: nothing in it can be changed');
}

/** One ARM write; the final resource (null for a delete), or ArmError with ARM's words. A 404
 * answer to a DELETE is a success to az (azure-cli core's LRO poller: "Service returned 404 on the
 * long-running delete or purge operation. CLI treats it as delete or purge successfully"). */
export async function armWrite(az: AzContext, method: 'PUT' | 'PATCH' | 'DELETE' | 'POST', path: string, body?: Json): Promise<Json> {
  if (!az.write) throw readOnly();
  try {
    return await az.write(method, path, body);
  } catch (error) {
    if (method === 'DELETE' && error instanceof ArmError && error.status === 404) return null;
    throw error;
  }
}

/** What an aaz write prints: the final resource, or nothing with --no-wait. */
export function lroResult(result: Json, noWait: string | true | undefined): Json {
  return noWait === undefined ? result : null;
}

/** The location a create without --location takes: its resource group's, or none when the group is not there. */
export async function groupLocation(az: AzContext, group: string): Promise<string | undefined> {
  try {
    return optStr(field(await az.get(groupPath(az, group)), 'location'));
  } catch (error) {
    if (error instanceof ArmError && error.status === 404) return undefined;
    throw error;
  }
}
