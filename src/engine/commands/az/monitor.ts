// az monitor metrics list, as today's az runs it: monitor/custom.py list_metrics builds the
// query (timespan from now and --offset, --dimension turned into a $filter) and calls the aaz
// command of Microsoft.Insights 2018-01-01, whose schema keeps only known fields, drops nulls and
// makes every aggregation a Python float. Its table transformer is metrics_table.
import type { ArgsOf, AzCommandDef } from './types.ts';
import { argDefs, azCommand, CliError } from './types.ts';
import { PyFloat } from '../../format/knack/python.ts';
import { formatDuration, parseDuration } from '../../format/iso-duration.ts';
import { quote } from './paths.ts';
import { arr, field, obj, type Json } from '../../world/json.ts';

/** monitor/actions.py get_period_type: `5m` → PT5M, `1d` → P1DT; an ISO duration is kept. */
function periodParts(value: string): { iso?: string; days: string; hours: string; minutes: string; seconds: string } {
  const m = /^(p)?(\d+y)?(\d+m)?(\d+d)?(t)?(\d+h)?(\d+m)?(\d+s)?$/.exec(value.toLowerCase());
  if (!m) throw new Error('PERIOD should be of the form "##h##m##s" or ISO8601');
  if (m[1] && m[5]) return { iso: value, days: '', hours: '', minutes: '', seconds: '' };
  return { days: m[4] ?? '', hours: m[6] ?? '', minutes: m[7] ?? m[3] ?? '', seconds: m[8] ?? '' };
}

/** The argparse type of --interval and --offset: checks the form, keeps the text. */
const periodType = {
  name: 'period_type',
  convert(value: string): string {
    periodParts(value);
    return value;
  },
};

function periodString(value: string): string {
  const p = periodParts(value);
  return p.iso ?? `P${p.days}T${p.minutes}${p.hours}${p.seconds}`.toUpperCase();
}

function periodMs(value: string): number {
  const p = periodParts(value);
  const n = (s: string) => (s ? Number(s.slice(0, -1)) : 0);
  return (((n(p.days) * 24 + n(p.hours)) * 60 + n(p.minutes)) * 60 + n(p.seconds)) * 1000;
}

/** aaz's duration argument: isodate reads it (retrying with `PT` in front) and writes it back normalized. */
function aazDuration(value: string): string {
  const upper = value.toUpperCase();
  const seconds = parseDuration(upper) ?? parseDuration(`PT${upper}`);
  if (seconds === undefined) throw new CliError(`InvalidArgumentValue: --interval: Invalid format: '${value}' should be of the form '##dT##h##m##s', '##h##m##s' or ISO8601 duration`);
  return formatDuration(seconds);
}

/** dateutil's parse of the ISO forms a reader types; naive times take the (UTC) local zone. */
function parseDateTime(text: string, what: string): { ms: number; iso: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  const fail = () => new CliError(`Unable to parse: '${text}'. Expected format: ${what} Format: date (yyyy-mm-dd) time (hh:mm:ss.xxxxx) timezone (+/-hh:mm)`);
  if (!m) throw fail();
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? '+00:00' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac.padEnd(6, '0')}` : ''}${offset}`;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : ''}${offset}`);
  if (Number.isNaN(ms)) throw fail();
  return { ms, iso };
}

/** Python's datetime.isoformat() of a naive or +00:00 instant. */
function isoformat(ms: number, zone: string): string {
  const text = new Date(ms).toISOString();
  const fraction = text.slice(20, 23) === '000' ? '' : `.${text.slice(20, 23)}000`;
  return `${text.slice(0, 19)}${fraction}${zone}`;
}

const quotePlus = (value: string) => quote(value).replace(/%20/g, '+');

const USAGE = 'usage error: --resource ID | --resource NAME --resource-group NAME --resource-type TYPE [--resource-parent PARENT] [--resource-namespace NAMESPACE]';
const VALID_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+/i;

/** monitor/validators.py get_target_resource_validator: a full id, or a name with its group and type,
 * joined as resource_id() joins them (unquoted: the id goes into the path as it is). */
function targetResource(a: MetricsArgs, subscription: string): string {
  const name = a.resource;
  const namespace = a.resource_namespace;
  const parent = a.resource_parent;
  let type = a.resource_type;
  if (VALID_ID.test(name)) {
    if (namespace || parent || type) throw new CliError(USAGE);
    return name;
  }
  let ns = namespace;
  if (type?.includes('/')) {
    ns = ns || type.slice(0, type.lastIndexOf('/'));
    type = type.slice(type.lastIndexOf('/') + 1);
  }
  if (!a.resource_group || !ns || !type || !name) throw new CliError(USAGE);
  return `/subscriptions/${subscription}/resourceGroups/${a.resource_group}/providers/${ns}/${parent ? `${parent}/` : ''}${type}/${name}`;
}

// ---- The aaz response schema ---------------------------------------------------------------

const FLOATS = ['average', 'count', 'maximum', 'minimum', 'total'];

/** What aaz keeps of a JSON value: a value, and Python floats where its schema says float. */
type Kept = Json | PyFloat | Kept[] | { [key: string]: Kept };
type KeptObject = { [key: string]: Kept };

/** A localizable string ({localizedValue, value}), when there is one. */
const localizable = (v: Json | undefined) => (v ? pick({ localizedValue: field(v, 'localizedValue'), value: field(v, 'value') }) : undefined);

/** Only set values, in the schema's order (aaz drops nulls and fields it does not know). */
function pick(fields: Record<string, Kept | undefined>): KeptObject {
  const out: KeptObject = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

function dataPoint(d: Json): KeptObject {
  const out: KeptObject = {};
  for (const key of ['average', 'count', 'maximum', 'minimum', 'timeStamp', 'total']) {
    const v = field(d, key);
    if (v === null || v === undefined) continue;
    out[key] = FLOATS.includes(key) ? new PyFloat(Number(v)) : v;
  }
  return out;
}

/** A list field the schema maps item by item: left out when the answer has none. */
const items = <T>(list: Json | undefined, each: (item: Json) => T): T[] | undefined => (list ? arr(list).map(each) : undefined);

function aazOutput(body: Json): KeptObject {
  const read = (key: string) => field(body, key);
  return pick({
    cost: read('cost'),
    interval: read('interval'),
    namespace: read('namespace'),
    resourceregion: read('resourceregion'),
    timespan: read('timespan'),
    value: arr(read('value')).map((m) =>
      pick({
        displayDescription: field(m, 'displayDescription'),
        errorCode: field(m, 'errorCode'),
        errorMessage: field(m, 'errorMessage'),
        id: field(m, 'id'),
        name: localizable(field(m, 'name')),
        timeseries: arr(field(m, 'timeseries')).map((t) =>
          pick({
            data: items(field(t, 'data'), dataPoint),
            metadatavalues: items(field(t, 'metadatavalues'), (v) => pick({ name: localizable(field(v, 'name')), value: field(v, 'value') })),
          }),
        ),
        type: field(m, 'type'),
        unit: field(m, 'unit'),
      }),
    ),
  });
}

/** monitor/transformers.py metrics_table: a row per data point; the timestamp stays as the service wrote it. */
function metricsTable(result: unknown): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  const list = (value: unknown, key: string) => arr(field(value, key));
  for (const group of list(result, 'value')) {
    for (const series of list(group, 'timeseries')) {
      const metadata = Object.fromEntries(list(series, 'metadatavalues').map((m) => [String(field(m, 'name', 'localizedValue')), field(m, 'value')]));
      for (const data of list(series, 'data')) {
        rows.push({ Timestamp: field(data, 'timeStamp'), Name: field(group, 'name', 'localizedValue'), ...metadata, ...Object.fromEntries(Object.entries(obj(data)).filter(([k]) => k !== 'timeStamp')) });
      }
    }
  }
  return rows;
}

// ---- The command ----------------------------------------------------------------------------

const AGGREGATIONS = ['None', 'Average', 'Count', 'Minimum', 'Maximum', 'Total'];

const args = argDefs([
  { options: ['--aggregation'], dest: 'aggregation', help: 'The list of aggregation types (space-separated) to retrieve.', nargs: '*', choices: AGGREGATIONS },
  { options: ['--dimension'], dest: 'dimension', help: 'The list of dimensions (space-separated) the metrics are queried into.', nargs: '*' },
  { options: ['--filter'], dest: 'filters', help: `A string used to reduce the set of metric data returned. eg. "BlobType eq '*'".` },
  { options: ['--metadata'], dest: 'metadata', help: 'Returns the metadata values instead of metric data.', flag: true },
  { options: ['--metrics'], dest: 'metrics', help: 'Space-separated list of metric names to retrieve.', nargs: '+' },
  { options: ['--namespace'], dest: 'metric_namespace', help: 'Namespace to query metric definitions for.' },
  { options: ['--orderby'], dest: 'orderby', help: 'Aggregation to use for sorting results and the direction of the sort. Only one order can be specificed. Examples: sum asc.' },
  { options: ['--top'], dest: 'top', help: 'Max number of records to retrieve.  Default: 10.', type: { name: 'int', convert: (v) => String(parseIntStrict(v)) } },
  { options: ['--resource'], dest: 'resource', help: 'Name or ID of the target resource.', required: true, group: 'Target Resource' },
  { options: ['--resource-group', '-g'], dest: 'resource_group', help: 'Name of resource group.', group: 'Target Resource', complete: 'group' },
  { options: ['--resource-namespace'], dest: 'resource_namespace', help: 'Target resource provider namespace.', group: 'Target Resource' },
  { options: ['--resource-parent'], dest: 'resource_parent', help: 'Target resource parent path, if applicable.', group: 'Target Resource' },
  { options: ['--resource-type'], dest: 'resource_type', help: "Target resource type. Can also accept namespace/type format (Ex: 'Microsoft.Compute/virtualMachines').", group: 'Target Resource' },
  { options: ['--end-time'], dest: 'end_time', help: 'End time of the query. Defaults to the current time. Format: date (yyyy-mm-dd) time (hh:mm:ss.xxxxx) timezone (+/-hh:mm).', nargs: '+', group: 'Time' },
  { options: ['--interval'], dest: 'interval', help: 'The interval over which to aggregate metrics, in ##h##m format.  Default: 1m.', type: periodType, group: 'Time' },
  { options: ['--offset'], dest: 'offset', help: 'Time offset of the query range, in ##d##h format.  Default: 1h.', type: periodType, group: 'Time' },
  { options: ['--start-time'], dest: 'start_time', help: 'Start time of the query. Format: date (yyyy-mm-dd) time (hh:mm:ss.xxxxx) timezone (+/-hh:mm).', nargs: '+', group: 'Time' },
]);

type MetricsArgs = ArgsOf<typeof args>;

function parseIntStrict(value: string): number {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value)) throw new Error('not an int');
  return Number(value.replace(/_/g, ''));
}

const joined = (v: string[] | undefined) => v?.join(' ');

export const monitorCommands: AzCommandDef[] = [
  azCommand({
    words: ['monitor', 'metrics', 'list'],
    summary: 'List the metric values for a resource.',
    args,
    examples: [
      { command: 'az monitor metrics list --resource {ResourceName} --metric "Percentage CPU"', summary: "List a VM's CPU usage for the past hour" },
      { command: 'az monitor metrics list --resource {ResourceName} --metric SuccessE2ELatency --dimension ApiName', summary: 'List success E2E latency of a storage account and split the data series based on API name' },
      { command: 'az monitor metrics list --resource {ResourceName} --metric SuccessE2ELatency --dimension ApiName GeoType', summary: 'List success E2E latency of a storage account and split the data series based on both API name and geo type' },
      { command: `az monitor metrics list --resource {ResourceName} --metric SuccessE2ELatency --filter "ApiName eq '*' and GeoType eq '*'"`, summary: 'List success E2E latency of a storage account and split the data series based on both API name and geo type using "--filter" parameter' },
      { command: `az monitor metrics list --resource {ResourceName} --metric SuccessE2ELatency --filter "ApiName eq 'DeleteContainer' and GeoType eq '*'"`, summary: "List success E2E latency of a storage account and split the data series based on both API name and geo type. Limits the api name to 'DeleteContainer'" },
      { command: 'az monitor metrics list --resource {ResourceName} --metric Transactions --start-time 2017-01-01T00:00:00Z --interval PT24H', summary: 'List transactions of a storage account per day since 2017-01-01' },
      { command: `az monitor metrics list --resource {ResourceName} --metric Transactions --filter "ApiName eq '*'" --start-time 2017-01-01T00:00:00Z`, summary: "List the metadata values for a storage account under transaction metric's api name dimension since 2017" },
    ],
    shape: 'plain',
    table: metricsTable,
    async fetch(a, az) {
      const resource = targetResource(a, az.subscription);
      const dimensions = a.dimension;
      let filter = a.filters;
      if (dimensions?.length) {
        if (filter) throw new CliError('usage: --dimension and --filter parameters are mutually exclusive.');
        filter = dimensions.map((d) => `${d} eq '*'`).join(' and ');
      }
      // The end defaults to now (the lab's clock in a fixture), as a naive UTC time.
      const now = az.now().getTime();
      const offset = periodMs(a.offset ?? '1h');
      const start = joined(a.start_time);
      const end = joined(a.end_time);
      let from: string;
      let to: string;
      if (!start && !end) {
        to = isoformat(now, '');
        from = isoformat(now - offset, '');
      } else if (!start) {
        const e = parseDateTime(end!, 'End time of the query. Defaults to the current time.');
        [from, to] = [isoformat(e.ms - offset, '+00:00'), e.iso];
      } else {
        const s = parseDateTime(start, 'Start time of the query.');
        [from, to] = [s.iso, end ? parseDateTime(end, 'End time of the query. Defaults to the current time.').iso : isoformat(s.ms + offset, '+00:00')];
      }
      const interval = aazDuration(periodString(a.interval ?? '1m'));
      const params: Array<[string, string | undefined]> = [
        ['$filter', filter],
        ['aggregation', a.aggregation?.join(',') || undefined],
        ['interval', interval],
        ['metricnames', a.metrics?.join(',')],
        ['orderby', a.orderby],
        ['timespan', quotePlus(`${from}/${to}`)],
        ['top', a.top ?? '10'],
      ];
      const query = params.flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${quote(v)}`])).join('&');
      return aazOutput(await az.get(`${resource}/providers/Microsoft.Insights/metrics?${query}`));
    },
  }),
];
