// `kubectl get` / `oc get` (kubectl pkg/cmd/get): resolve the resource arguments, fetch lists or
// named objects from the API server, then print them as the server's tables through kubectl's
// tabwriter, or as json / yaml / name / jsonpath / custom-columns.
import type { KubeObject } from '../../world/types.ts';
import { printerFor } from '../../format/kube/printers/index.ts';
import type { ColumnDefinition } from '../../format/kube/printers/index.ts';
import { formatLabels } from '../../format/kube/printers/helpers.ts';
import { tabwrite } from '../../format/kube/tabwriter.ts';
import { goJsonCompact, kubectlJson } from '../../format/kube/json.ts';
import { GoTemplate, TemplateError, printValue } from '../../format/kube/go-template.ts';
import { kubectlYaml } from '../../format/kube/yaml.ts';
import { JsonPath, JsonPathError } from '../../format/kube/jsonpath.ts';
import { parseJson } from '../../world/json.ts';
import { goPrintSharpV, goPrintV, goStrconvQuote } from '../../format/kube/go-values.ts';
import { KubeError, getObject, listObjects, discoveredResources, serverError } from './api.ts';
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import type { FlagDef, ParsedFlags } from './flags.ts';
import { flagBool, flagList, flagString } from './flags.ts';
import { getHelp } from './help.ts';
import type { ApiResource } from '../../world/kube-resources.ts';
import { categoryResources, kindPrefix, resolveResource } from '../../world/kube-resources.ts';
import { fieldSelectorFilter, matchesLabels, parseLabelSelector } from './selectors.ts';
import { relaxedPath, sortObjects, sortTableRows } from './sort-by.ts';

export const getFlags: FlagDef[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'label-columns', short: 'L', type: 'stringSlice' },
  { name: 'no-headers', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'server-print', type: 'bool' },
  { name: 'show-kind', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'subresource', type: 'string' },
  { name: 'template', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
];

const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** One unit the builder visits: a list (a server Table) or one named object. */
interface Info {
  res: ApiResource;
  objects: KubeObject[];
}

export interface Request {
  res: ApiResource;
  /** undefined: list the collection. */
  name?: string;
}

// ---------- Arguments (cli-runtime resource.Builder.ResourceTypeOrNameArgs) ----------

function splitResourceArgument(arg: string): string[] {
  const out: string[] = [];
  for (const s of arg.split(',')) if (!out.includes(s)) out.push(s);
  return out;
}

function resolveOrThrow(typed: string, served: readonly ApiResource[]): ApiResource {
  const r = resolveResource(typed, served);
  if (!r.ok) throw plainError(`the server doesn't have a resource type "${r.resourceName}"`);
  return r.resource;
}

/** Expands the `all` category, as the builder's ReplaceAliases does. */
function replaceAliases(types: string[], served: readonly ApiResource[]): string[] {
  return types.flatMap((t) => (t === 'all' ? categoryResources('all', served).map((r) => r.plural) : [t]));
}

export interface ParsedArgs {
  requests: Request[];
  singleItemImplied: boolean;
  /** Whether names were given (named GETs) rather than collections. */
  named: boolean;
}

export function parseResourceArgs(tool: string, args0: string[], hasSelector: boolean, allNamespaces: boolean, served: readonly ApiResource[]): ParsedArgs {
  let args = args0;
  // "pods,svc a b" means pods/a pods/b svc/a svc/b.
  if (args.length >= 2) {
    const types = splitResourceArgument(args[0]);
    if (types.length > 1) args = types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`));
  }
  const withSlash = args.filter((a) => a.includes('/')).length;
  if (withSlash > 0) {
    if (withSlash !== args.length) {
      throw plainError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${tool} get resource/<resource_name>' instead of '${tool} get resource resource/<resource_name>'`,
      );
    }
    const tuples: Array<{ type: string; name: string }> = [];
    for (const a of args) {
      if (a === '') continue;
      const seg = a.split('/');
      if (seg.length !== 2) throw plainError('arguments in resource/name form may not have more than one slash');
      const [type, name] = seg;
      if (type === '' || name === '' || splitResourceArgument(type).length !== 1) {
        throw plainError('arguments in resource/name form must have a single resource and name');
      }
      tuples.push({ type, name });
    }
    if (hasSelector) throw plainError('selectors and the all flag cannot be used when passing resource/name arguments');
    const requests = tuples.map((t) => ({ res: resolveOrThrow(t.type, served), name: t.name }));
    checkNamespaceForNames(requests, allNamespaces);
    return { requests, singleItemImplied: tuples.length === 1, named: true };
  }
  const types = replaceAliases(splitResourceArgument(args[0]), served);
  const names = args.slice(1);
  if (names.length > 0 && hasSelector) throw plainError('name cannot be provided when a selector is specified');
  const resources = types.map((t) => resolveOrThrow(t, served));
  // The same resource named twice (po,pods) is visited once.
  const unique = resources.filter((r, i) => resources.indexOf(r) === i);
  if (names.length === 0) return { requests: unique.map((res) => ({ res })), singleItemImplied: false, named: false };
  const requests = unique.flatMap((res) => names.map((name) => ({ res, name })));
  checkNamespaceForNames(requests, allNamespaces);
  return { requests, singleItemImplied: names.length === 1 && unique.length === 1, named: true };
}

function checkNamespaceForNames(requests: Request[], allNamespaces: boolean): void {
  if (allNamespaces && requests.some((r) => r.res.namespaced)) {
    throw plainError('a resource cannot be retrieved by name across all namespaces');
  }
}

// ---------- Output formats ----------

type Format =
  | { kind: 'table'; wide: boolean }
  | { kind: 'json' | 'yaml' | 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string }
  | { kind: 'go-template'; template: string; parsed: GoTemplate };

/** PrintFlags.ToPrinter: the printer for -o (and --template). */
function outputFormat(output0: string, template: string, allowMissing: boolean): Format {
  // --template without -o means a Go template.
  const output = output0 === '' && template !== '' ? 'go-template' : output0;
  if (output === '' || output === 'wide') return { kind: 'table', wide: output === 'wide' };
  if (output === 'json' || output === 'yaml' || output === 'name') return { kind: output };
  for (const prefix of ['jsonpath-as-json', 'jsonpath']) {
    if (output === prefix || output.startsWith(prefix + '=')) {
      const t = output === prefix ? template : output.slice(prefix.length + 1);
      if (t === '') throw plainError('template format specified but no template given');
      try {
        new JsonPath(t).setAllowMissingKeys(allowMissing);
      } catch (e) {
        if (e instanceof JsonPathError) throw plainError(`error parsing jsonpath ${t}, ${e.message}`);
        throw e;
      }
      return { kind: 'jsonpath', template: t, asJson: prefix === 'jsonpath-as-json' };
    }
  }
  if (output === 'custom-columns' || output.startsWith('custom-columns=')) {
    const spec = output === 'custom-columns' ? template : output.slice('custom-columns='.length);
    if (spec === '') throw plainError('custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', spec };
  }
  for (const f of ['go-template', 'template']) {
    if (output === f || output.startsWith(f + '=')) {
      const t = output === f ? template : output.slice(f.length + 1);
      if (t === '') throw plainError('template format specified but no template given');
      try {
        return { kind: 'go-template', template: t, parsed: new GoTemplate(t) };
      } catch (e) {
        if (e instanceof TemplateError) throw plainError(`error parsing template ${t}, ${e.message}`);
        throw e;
      }
    }
  }
  for (const f of ['go-template-file', 'templatefile', 'jsonpath-file', 'custom-columns-file']) {
    if (output === f || output.startsWith(f + '=')) {
      const t = output === f ? template : output.slice(f.length + 1);
      if (t === '' && f !== 'custom-columns-file') throw plainError('template format specified but no template given');
      throw plainError(`the ${f} output format is not available in this lab terminal`);
    }
  }
  throw plainError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`);
}

function withoutManagedFields(o: KubeObject): KubeObject {
  if (!o.metadata || !('managedFields' in o.metadata)) return o;
  const { managedFields: _omit, ...metadata } = o.metadata;
  return { ...o, metadata };
}

function runJsonPath(template: string, data: unknown, allowMissing: boolean, asJson: boolean): string {
  const jp = new JsonPath(template).setAllowMissingKeys(allowMissing);
  try {
    return jp.execute(data, asJson);
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    const details =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goPrintSharpV(data)}\n\n`;
    throw plainError(`error executing jsonpath ${goStrconvQuote(template)}: ${details}\n`);
  }
}

/** kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
function relaxedJsonPath(expr: string): string {
  const path = relaxedPath(expr);
  if (path === undefined) {
    throw plainError(`unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`);
  }
  return path;
}

// ---------- Tables ----------

interface TableState {
  out: string;
  written: number;
  separatorReady: boolean;
}

function writeOut(state: TableState, text: string): void {
  if (text === '') return;
  if (state.separatorReady) {
    state.out += '\n';
    state.written += 1;
    state.separatorReady = false;
  }
  state.out += text;
  state.written += text.length;
}

/** Cells with a line break are cut there and end in "..."; ESC and CR are made visible. */
function cellText(value: string): string {
  const brk = value.search(/[\f\n\r]/);
  const escape = (s: string): string => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
  if (brk >= 0) return escape(value.slice(0, brk)) + '...';
  return /\x1b/.test(value) ? escape(value) : value;
}

interface TableOptions {
  wide: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
  withNamespace: boolean;
  withKind: boolean;
}

// ---------- The command ----------

export function runGet(cli: Cli, argv: string[]): Promise<number> {
  return runVerb(cli, 'get', argv, getFlags, async (flags) => {
    if (!flagBool(flags, 'help')) return get(cli, flags);
    cli.out(getHelp(cli.tool));
    return 0;
  });
}

async function get(cli: Cli, flags: ParsedFlags): Promise<number> {
  const { tool, ctx } = cli;
  const output = flagString(flags, 'output');
  const allNamespaces = flagBool(flags, 'all-namespaces');
  const namespace = flagString(flags, 'namespace') || ctx.session.namespace;
  const selector = flagString(flags, 'selector');
  const fieldSelector = flagString(flags, 'field-selector');
  const ignoreNotFound = flagBool(flags, 'ignore-not-found');
  const allowMissing = flags.values.get('allow-missing-template-keys') !== false;

  const raw = flagString(flags, 'raw');
  if (raw !== '') return getRaw(cli, flags, raw);
  if (flags.args.length === 0 && flagList(flags, 'filename').length === 0) {
    cli.err(
      `You must specify the type of resource to get. Use "${tool} api-resources" for a complete list of supported resources.\n\n` +
        `error: Required resource not specified.\n` +
        `Use "${tool} explain <resource>" for a detailed description of that resource (e.g. ${tool} explain pods).\n` +
        `See '${tool} get -h' for help and examples\n`,
    );
    return 1;
  }
  if (flagList(flags, 'filename').length > 0 || flagString(flags, 'kustomize') !== '') {
    throw plainError('reading files is not available in this lab terminal');
  }
  // A watch streams changes until interrupted; the lab's world does not change while it is read.
  if (flagBool(flags, 'watch')) throw plainError('--watch is not available in this lab terminal');
  if (flagBool(flags, 'watch-only')) throw plainError('--watch-only is not available in this lab terminal');
  if (flagBool(flags, 'show-labels') && output !== '' && output !== 'wide') {
    throw plainError(`--show-labels option cannot be used with ${output} printer`);
  }
  if (flagList(flags, 'label-columns').length > 0 && output.startsWith('custom-columns')) {
    throw plainError(`--label-columns option cannot be used with ${output} printer`);
  }
  const humanReadable = (output === '' && flagString(flags, 'template') === '') || output === 'wide';

  const parsed = parseResourceArgs(tool, flags.args, selector !== '' || fieldSelector !== '', allNamespaces, await discoveredResources(ctx.world));
  const labelReqs = parseLabelSelector(selector);

  // The API server's warnings go to stderr as they come, each text once (rest.WarningWriter with Deduplicate).
  const warned = new Set<string>();
  const warn = (text: string): void => {
    if (warned.has(text)) return;
    warned.add(text);
    cli.err(`Warning: ${text}\n`);
  };
  // Fetch (ContinueOnError: every request is made, errors are reported after the output).
  const infos: Info[] = [];
  const errors: KubeError[] = [];
  for (const req of parsed.requests) {
    try {
      if (req.name !== undefined) {
        const obj = await getObject(ctx.world, req.res, namespace, req.name, warn);
        infos.push({ res: req.res, objects: [obj] });
      } else {
        const ns = allNamespaces || !req.res.namespaced ? undefined : namespace;
        const list = await listObjects(ctx.world, req.res, ns, { labelSelector: selector, fieldSelector, warn });
        const keep = fieldSelectorFilter(req.res, fieldSelector, selector);
        const items = list.items.filter((o) => keep(o) && (!labelReqs || matchesLabels(labelReqs, o.metadata.labels)));
        infos.push({ res: req.res, objects: items });
      }
    } catch (e) {
      if (!(e instanceof KubeError)) throw e;
      if (ignoreNotFound && e.notFound) continue;
      // Failures of a list (bad selector, forbidden) end the command at once.
      if (req.name === undefined) throw e;
      errors.push(e);
    }
  }

  const sortBy = flagString(flags, 'sort-by');

  if (!humanReadable) {
    if (parsed.singleItemImplied && errors.length > 0) throw errors[0];
    const format = outputFormat(output, flagString(flags, 'template'), allowMissing);
    let objects = infos.flatMap((i) => i.objects);
    const single = parsed.singleItemImplied && infos.length === 1 && objects.length === 1;
    // A list is sorted as objects; one object asked for by name is printed as it is.
    if (sortBy !== '' && !single) objects = sortObjects(objects, sortBy, ctx.session.now());
    printGeneric(cli, format, objects, single, {
      allowMissing,
      showManagedFields: flagBool(flags, 'show-managed-fields'),
      noHeaders: flagBool(flags, 'no-headers'),
    });
    return finish(cli, errors);
  }

  if (sortBy !== '') {
    // Several tables are first sorted among themselves as objects (kind Table, no rows' fields),
    // then each table's rows on their own.
    const now = ctx.session.now();
    const sorted = infos.length > 1 ? sortObjects(infos, sortBy, now, tableObject) : infos;
    infos.splice(0, infos.length, ...sorted.map((info) => ({ ...info, objects: sortTableRows(info.objects, sortBy, now) })));
  }
  const withKind = flagBool(flags, 'show-kind') || new Set(infos.map((i) => i.res)).size > 1;
  const state: TableState = { out: '', written: 0, separatorReady: false };
  let allResourcesNamespaced = !allNamespaces;
  let lastRes: ApiResource | undefined;
  let buffer = '';
  let printedHeaders = false;
  for (const info of infos) {
    allResourcesNamespaced = allResourcesNamespaced && info.res.namespaced;
    if (info.res !== lastRes) {
      writeOut(state, tabwrite(buffer));
      buffer = '';
      if (lastRes !== undefined && !flagBool(flags, 'no-headers') && state.written > 0) state.separatorReady = true;
      printedHeaders = false;
      lastRes = info.res;
    }
    const options: TableOptions = {
      wide: output === 'wide',
      noHeaders: flagBool(flags, 'no-headers') || printedHeaders,
      showLabels: flagBool(flags, 'show-labels'),
      labelColumns: flagList(flags, 'label-columns'),
      withNamespace: allNamespaces && info.res.namespaced,
      withKind,
    };
    buffer += tableText(info, options, ctx.session.now());
    if (info.objects.length > 0) printedHeaders = true;
  }
  writeOut(state, tabwrite(buffer));
  cli.out(state.out);

  if (state.written === 0 && !ignoreNotFound && errors.length === 0) {
    cli.err(allResourcesNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
  }
  return finish(cli, errors);
}

/** get --raw PATH (rawhttp.RawGet): the server's answer to a GET of the path, byte for byte. */
async function getRaw(cli: Cli, flags: ParsedFlags, raw: string): Promise<number> {
  if (flags.args.length > 0) throw plainError('arguments may not be passed when --raw is specified');
  if (flagBool(flags, 'watch') || flagBool(flags, 'watch-only') || flagString(flags, 'selector') !== '') {
    throw plainError('--raw may not be specified with other flags that filter the server request or alter the output');
  }
  if (flagString(flags, 'output') !== '') throw plainError('--raw and --output are mutually exclusive');
  // url.ParseRequestURI: an absolute path or an absolute URL.
  if (!raw.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(raw)) throw plainError(`--raw must be a valid URL path: parse ${goStrconvQuote(raw)}: invalid URI for request`);
  const answer = await cli.ctx.world.kube(raw);
  if (answer.failure) throw new KubeError(`Unable to connect to the server: ${answer.failure.detail ?? answer.failure.kind}`);
  if (answer.status < 200 || answer.status > 299) throw serverError(answer.status, answer.body, 'the server could not find the requested resource');
  cli.out(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  return 0;
}

function finish(cli: Cli, errors: KubeError[]): number {
  if (errors.length === 0) return 0;
  cli.err(errors.map((e) => e.text).join('\n') + '\n');
  return 1;
}

/** One server Table (header unless suppressed, then a row per object) as tab-separated lines. */
function tableText(info: Info, o: TableOptions, now: Date): string {
  if (info.objects.length === 0) return '';
  const printer = printerFor(info.res.group, info.res.kind, info.objects.find((o) => o.kind === 'ClusterOperator' && o.metadata.name !== 'aro') ?? info.objects[0]);
  const visible: Array<{ col: ColumnDefinition; index: number }> = printer.columns
    .map((col, index) => ({ col, index }))
    .filter(({ col }) => o.wide || col.priority === 0);
  const headers = [
    ...(o.withNamespace ? ['NAMESPACE'] : []),
    ...visible.map(({ col }) => col.name.toUpperCase()),
    ...o.labelColumns.map((l) => l.split('/').pop()!.toUpperCase()),
    ...(o.showLabels ? ['LABELS'] : []),
  ];
  const lines: string[] = [];
  if (!o.noHeaders) lines.push(headers.join('\t'));
  for (const obj of info.objects) {
    // The server always renders the wide cells; kubectl drops the priority-1 columns.
    const all = printer.cells(obj, { now, wide: true });
    const cells = visible.map(({ col, index }) => {
      const v = cellText(all[index] ?? '');
      return o.withKind && col.format === 'name' ? `${kindPrefix(info.res)}/${v}` : v;
    });
    const labels = obj.metadata.labels ?? {};
    const row = [
      ...(o.withNamespace ? [obj.metadata.namespace ?? ''] : []),
      ...cells,
      ...o.labelColumns.map((l) => labels[l] ?? ''),
      ...(o.showLabels ? [formatLabels(labels)] : []),
    ];
    lines.push(row.join('\t'));
  }
  return lines.map((l) => l + '\n').join('');
}

/** A server Table as the sorter sees it when it sorts several of them: no object's field is there. */
function tableObject(): unknown {
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {} };
}

interface GenericOptions {
  allowMissing: boolean;
  showManagedFields: boolean;
  noHeaders: boolean;
}

/** printGeneric: one object when one was asked for by name, otherwise a v1 List of them all. */
function printGeneric(cli: Cli, format: Format, objects: KubeObject[], single: boolean, o: GenericOptions): void {
  const strip = (x: KubeObject): KubeObject => (o.showManagedFields ? x : withoutManagedFields(x));
  const list = { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  const data = single ? objects[0] : list;
  switch (format.kind) {
    case 'json':
      cli.out(kubectlJson(single ? strip(objects[0]) : { ...list, items: objects.map(strip) }));
      return;
    case 'yaml':
      cli.out(kubectlYaml(single ? strip(objects[0]) : { ...list, items: objects.map(strip) }));
      return;
    case 'name':
      for (const obj of objects) cli.out(`${nameOf(obj)}/${obj.metadata.name || '<unknown>'}\n`);
      return;
    case 'jsonpath':
      cli.out(runJsonPath(format.template, data, o.allowMissing, format.asJson));
      return;
    case 'custom-columns':
      cli.out(customColumns(format.spec, single ? [objects[0]] : objects, o.noHeaders));
      return;
    case 'go-template':
      runGoTemplate(cli, format.template, format.parsed, data);
      return;
    case 'table':
      return;
  }
}

/** GoTemplatePrinter: the object through JSON into a map (every number a float64), the template run
 * over it; on a failure, what it printed, the debugging dump on stdout, and the error. */
function runGoTemplate(cli: Cli, template: string, parsed: GoTemplate, data: unknown): void {
  const raw = goJsonCompact(data);
  const decoded = parseJson(raw);
  try {
    cli.out(parsed.execute(decoded));
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    cli.out(
      e.partial +
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\traw data was:\n\t\t${raw}\n` +
        `\tobject given to template engine was:\n\t\t${printValue(decoded)}\n\n`,
    );
    throw plainError(`error executing template ${goStrconvQuote(template)}: ${e.message}`);
  }
}

/** kind[.group] from an object's apiVersion/kind, as the name printer spells it. */
function nameOf(obj: KubeObject): string {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  const kind = obj.kind.toLowerCase();
  return group ? `${kind}.${group}` : kind;
}

/** -o custom-columns=HEADER:.path,...: values joined by commas (Go's %v), <none> when absent. */
function customColumns(spec: string, objects: KubeObject[], noHeaders: boolean): string {
  const columns = spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw plainError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const path = relaxedJsonPath(part.slice(colon + 1));
    try {
      return { header: part.slice(0, colon), path: new JsonPath(path) };
    } catch (e) {
      if (e instanceof JsonPathError) throw plainError(e.message);
      throw e;
    }
  });
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  for (const obj of objects) {
    const cells = columns.map((c) => {
      let values: unknown[][];
      try {
        values = c.path.findValues(obj);
      } catch (e) {
        if (e instanceof JsonPathError) throw plainError(e.message);
        throw e;
      }
      const texts = values.length === 0 || values[0].length === 0 ? ['<none>'] : [];
      for (const list of values) for (const v of list) texts.push(goPrintV(v).replace(/\x1b/g, '^[').replace(/\r/g, '\\r'));
      return texts.join(',');
    });
    lines.push(cells.join('\t'));
  }
  return tabwrite(lines.map((l) => l + '\n').join(''));
}
