// core/v1 Events as the API server prints them (kubernetes pkg/printers/internalversion/printers.go,
// printEvent): LAST SEEN, TYPE, REASON, OBJECT, MESSAGE, and with -o wide SUBOBJECT, SOURCE,
// FIRST SEEN, COUNT, NAME. The server does not sort the list: it comes in storage-key order.
import type { KubeObject } from '../../../world/types.ts';
import { timestampSince } from '../duration.ts';
import { field, num, str } from './helpers.ts';
import type { PrintOptions, TablePrinter } from './types.ts';

/** formatEventSource: the component (else reportingController), then `, host` (else reportingInstance). */
function eventSource(e: KubeObject): string {
  const component = str(field(e, 'source', 'component')) || str(field(e, 'reportingComponent')) || str(field(e, 'reportingController'));
  const instance = str(field(e, 'source', 'host')) || str(field(e, 'reportingInstance'));
  return instance ? `${component}, ${instance}` : component;
}

export const eventPrinter: TablePrinter = {
  columns: [
    { name: 'Last Seen', priority: 0 },
    { name: 'Type', priority: 0 },
    { name: 'Reason', priority: 0 },
    { name: 'Object', priority: 0 },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message', priority: 0 },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1, format: 'name' },
  ],
  cells(e: KubeObject, options: PrintOptions): string[] {
    // A zero firstTimestamp falls back to eventTime, a zero lastTimestamp to the first; a series
    // (events.k8s.io's repeated events) has its own last observation and count.
    const first = str(field(e, 'firstTimestamp')) ? timestampSince(field(e, 'firstTimestamp'), options.now) : timestampSince(field(e, 'eventTime'), options.now);
    let last = str(field(e, 'lastTimestamp')) ? timestampSince(field(e, 'lastTimestamp'), options.now) : first;
    let count = num(field(e, 'count'));
    const series = field(e, 'series');
    if (series && typeof series === 'object') {
      last = timestampSince(field(series, 'lastObservedTime'), options.now);
      count = num(field(series, 'count'));
    } else if (count === 0) count = 1;
    const kind = str(field(e, 'involvedObject', 'kind')).toLowerCase();
    const name = str(field(e, 'involvedObject', 'name'));
    const target = name ? `${kind}/${name}` : kind;
    const message = str(field(e, 'message')).trim();
    if (!options.wide) return [last, str(field(e, 'type')), str(field(e, 'reason')), target, message];
    return [last, str(field(e, 'type')), str(field(e, 'reason')), target, str(field(e, 'involvedObject', 'fieldPath')), eventSource(e), message, first, String(count), e.metadata.name];
  },
};
