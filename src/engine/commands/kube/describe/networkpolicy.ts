// kubectl's NetworkPolicyDescriber: the spec in words, without events.
import type { KubeObject, World } from '../../../world/types.ts';
import { getTyped } from './events.ts';
import { formatLabelSelector } from '../../../format/kube/printers/helpers.ts';
import { goTimeString } from './go.ts';
import { describeInWriter, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import type { PrefixWriter } from './tabwriter.ts';
import { arr, field, obj, type Json } from '../../../world/json.ts';

export async function describeNetworkPolicyByName(world: World, namespace: string, name: string, _settings: DescribeSettings): Promise<string> {
  const np = await getTyped(world, `/apis/networking.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/networkpolicies/${encodeURIComponent(name)}`, `networkpolicies.networking.k8s.io "${name}" not found`);
  return describeNetworkPolicy(np);
}

export function describeNetworkPolicy(np: KubeObject): string {
  const spec = np.spec ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${np.metadata.name}\n`);
    w.write(0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
    w.write(0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
    printLabels(w, 'Labels', np.metadata.labels);
    printAnnotations(w, 'Annotations', np.metadata.annotations);
    w.write(0, 'Spec:\n');
    w.write(1, 'PodSelector: ');
    const ps = spec.podSelector ?? {};
    if (Object.keys(obj(field(ps, 'matchLabels'))).length === 0 && arr(field(ps, 'matchExpressions')).length === 0) {
      w.write(2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    } else w.write(2, `${formatLabelSelector(ps)}\n`);
    const types = arr(spec.policyTypes);
    if (types.includes('Ingress')) {
      w.write(1, 'Allowing ingress traffic:\n');
      printRules(arr(spec.ingress), 'from', w);
    } else w.write(1, 'Not affecting ingress traffic\n');
    if (types.includes('Egress')) {
      w.write(1, 'Allowing egress traffic:\n');
      printRules(arr(spec.egress), 'to', w);
    } else w.write(1, 'Not affecting egress traffic\n');
    w.write(1, `Policy Types: ${types.join(', ')}\n`);
  });
}

function printRules(rules: readonly Json[], direction: 'from' | 'to', w: PrefixWriter): void {
  const indent = '    ';
  if (rules.length === 0) {
    w.write(0, `${indent}${direction === 'from' ? '<none> (Selected pods are isolated for ingress connectivity)' : '<none> (Selected pods are isolated for egress connectivity)'}\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports = arr(field(rule, 'ports'));
    if (ports.length === 0) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const proto = String(field(p, 'protocol') ?? 'TCP');
      const portValue = field(p, 'port');
      const endPort = field(p, 'endPort');
      const port = portValue === undefined || portValue === null ? '%!s(<nil>)' : String(portValue);
      if (endPort === undefined || endPort === null) w.write(0, `${indent}To Port: ${port}/${proto}\n`);
      else w.write(0, `${indent}To Port Range: ${port}-${String(endPort)}/${proto}\n`);
    }
    const peers = arr(field(rule, direction));
    const word = direction === 'from' ? 'From' : 'To';
    if (peers.length === 0) w.write(0, `${indent}${direction === 'from' ? 'From: <any> (traffic not restricted by source)' : 'To: <any> (traffic not restricted by destination)'}\n`);
    for (const peer of peers) {
      w.write(0, `${indent}${word}:\n`);
      const podSelector = field(peer, 'podSelector');
      const namespaceSelector = field(peer, 'namespaceSelector');
      const ipBlock = field(peer, 'ipBlock');
      if (podSelector && namespaceSelector) {
        w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(namespaceSelector)}\n`);
        w.write(1, `${indent}PodSelector: ${formatLabelSelector(podSelector)}\n`);
      } else if (podSelector) w.write(1, `${indent}PodSelector: ${formatLabelSelector(podSelector)}\n`);
      else if (namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(namespaceSelector)}\n`);
      else if (ipBlock) {
        w.write(1, `${indent}IPBlock:\n`);
        w.write(2, `${indent}CIDR: ${String(field(ipBlock, 'cidr') ?? '')}\n`);
        w.write(2, `${indent}Except: ${arr(field(ipBlock, 'except')).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
  });
}
