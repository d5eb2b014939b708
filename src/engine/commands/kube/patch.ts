// `kubectl patch` (kubectl pkg/cmd/patch): TYPE NAME or TYPE/NAME, `-p` (JSON or YAML), `--type`
// strategic (the default), merge or json. The object is read, the patch sent, and kubectl says
// `patched`, or `patched (no change)` when the server's answer is the object it read.
import type { Json, RestWrite } from '../../world/types.ts';
import { resourcePath } from '../../world/kube-resources.ts';
import type { Cli } from './cli.ts';
import { plainError } from './cli.ts';
import { discoveredResources, getObject } from './api.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagString } from './flags.ts';
import { parseResourceArgs } from './get.ts';
import { dryRunOf, dryRunQuery, printResult, sendWrite, runWriteVerb } from './write-support.ts';
import { readManifests, YamlError } from './yaml-input.ts';
import { goJsonCompact } from '../../format/kube/json.ts';
import { parseJson } from '../../world/json.ts';

const patchFlags: FlagDef[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'field-manager', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
];

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

export function runPatch(cli: Cli, argv: string[]): Promise<number> {
  return runWriteVerb(cli, 'patch', argv, patchFlags, (flags) => patch(cli, flags));
}

/** The patch text as JSON (kubectl reads it with yaml.ToJSON, so YAML is accepted too). */
function patchBody(text: string): Json {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) return parseJson(trimmed);
    return readManifests(text)[0] ?? null;
  } catch (e) {
    if (e instanceof SyntaxError || e instanceof YamlError) throw plainError(`unable to parse "${text}": yaml: ${e.message}`);
    throw e;
  }
}

async function patch(cli: Cli, flags: ParsedFlags): Promise<number> {
  const namespace = flagString(flags, 'namespace') || cli.ctx.session.namespace;
  const type = flagString(flags, 'type', 'strategic');
  const contentType = CONTENT_TYPES[type];
  if (!contentType) throw plainError(`--type must be one of [json merge strategic], not "${type}"`);
  const text = flagString(flags, 'patch');
  if (text === '' && flagString(flags, 'patch-file') === '') throw plainError('must specify --patch or --patch-file containing the contents of the patch');
  if (text === '') throw plainError('reading files is not available in this lab terminal');
  if (flags.args.length === 0) throw plainError('must provide one or more resources');
  const body = patchBody(text);
  const dryRun = dryRunOf(flags);
  const served = await discoveredResources(cli.ctx.world);
  const parsed = parseResourceArgs(cli.tool, flags.args, false, false, served);
  for (const request of parsed.requests) {
    if (request.name === undefined) throw plainError('resource(s) were provided, but no name was specified');
    const before = await getObject(cli.ctx.world, request.res, namespace, request.name);
    // kubectl patch prints no dry-run suffix (its printer is made before the dry-run strategy is read).
    if (dryRun === 'client') {
      printResult(cli, flags, request.res, before, 'patched', 'none');
      continue;
    }
    const write: RestWrite = { method: 'PATCH', path: dryRunQuery(dryRun, resourcePath(request.res, namespace, request.name)), body, contentType };
    const after = await sendWrite(cli, write);
    const unchanged = goJsonCompact(after) === goJsonCompact(before);
    printResult(cli, flags, request.res, after, unchanged ? 'patched (no change)' : 'patched', 'none');
  }
  return 0;
}
