// What every describer shares: the settings (--show-events, --chunk-size, the clock), the
// tabbed string a describer builds, and the multi-line label, annotation, taint and toleration
// printers of kubectl's pkg/describe.
import { KUBECTL_DESCRIBE, PrefixWriter, type GoTabwriterOptions } from './tabwriter.ts';

export interface DescribeSettings {
  showEvents: boolean;
  chunkSize: number;
  now: Date;
}

/** tabbedString: what the describer writes, aligned. */
export function describeInWriter(body: (w: PrefixWriter) => void, options: GoTabwriterOptions = KUBECTL_DESCRIBE): string {
  const w = new PrefixWriter(options);
  body(w);
  return w.text();
}

/** printLabelsMultiline. */
export function printLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION = 140;

/** printAnnotationsMultiline: the last applied configuration is left out, long values folded. */
export function printAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![key].replace(/\n$/, '');
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION - 2)}\n`);
    } else w.write(0, `${key}: ${value}\n`);
  });
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** shorten: the first maxLength bytes and "...". */
function shorten(s: string, max: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= max) return s;
  return new TextDecoder().decode(bytes.slice(0, max)) + '...';
}

interface Taint {
  key?: string;
  value?: string;
  effect?: string;
}

/** printNodeTaintsMultiline: sorted by effect then key, each as Taint.ToString. */
export function printTaints(w: PrefixWriter, title: string, taints: Taint[]): void {
  w.write(0, `${title}:\t`);
  if (taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Taint) => `${t.effect ?? ''},${t.key ?? ''}`;
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    w.write(0, `${text}\n`);
  });
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** printPodTolerationsMultiline. */
export function printTolerations(w: PrefixWriter, title: string, tolerations: Toleration[]): void {
  w.write(0, `${title}:\t`);
  if (tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}
