// `kubectl cluster-info` (kubectl 1.32 pkg/cmd/clusterinfo): the API server the session talks to,
// then each service of the namespace (kube-system unless -n says otherwise) labelled
// kubernetes.io/cluster-service=true, with its load balancer's address or its proxy URL (OpenShift
// labels none, so a cluster prints the control plane alone), and the hint about `cluster-info dump`.
// kubectl 1.32 prints no colours.
import type { Cli } from './cli.ts';
import { plainError, runVerb } from './cli.ts';
import { flagBool, flagString } from './flags.ts';
import { listObjects, discoveredResources } from './api.ts';
import { apiServerUrl } from './cluster.ts';
import { CLUSTER_INFO_HELP } from './help-client.ts';
import { arr, field, str } from '../../world/json.ts';

/** utilnet.JoinSchemeNamePort: name, scheme:name, name:port or scheme:name:port. */
function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme) return port ? `${scheme}:${name}:${port}` : `${scheme}:${name}:`;
  return port ? `${name}:${port}` : name;
}

export function runClusterInfo(cli: Cli, argv: string[]): Promise<number> {
  return runVerb(cli, 'cluster-info', argv, [], async (flags) => {
    if (flagBool(flags, 'help')) {
      cli.out(cli.tool === 'kubectl' ? CLUSTER_INFO_HELP : CLUSTER_INFO_HELP.replace(/kubectl/g, 'oc'));
      return 0;
    }
    if (flags.args[0] === 'dump') throw plainError(`"${cli.tool} cluster-info dump" is not available in this lab terminal`);
    const host = await apiServerUrl(cli.ctx.world);
    const namespace = flagString(flags, 'namespace') || 'kube-system';
    const services = (await discoveredResources(cli.ctx.world)).find((r) => r.group === '' && r.plural === 'services')!;
    const list = await listObjects(cli.ctx.world, services, namespace, { labelSelector: 'kubernetes.io/cluster-service=true' });
    let out = `Kubernetes control plane is running at ${host}\n`;
    for (const service of list.items) {
      const ports = arr(service.spec?.ports);
      const ingress = field(service.status, 'loadBalancer', 'ingress', 0);
      let link = '';
      if (ingress) {
        const ip = field(ingress, 'ip') || field(ingress, 'hostname');
        for (const p of ports) link += `http://${String(ip)}:${String(field(p, 'port'))} `;
      } else {
        let name = service.metadata.name;
        if (ports.length > 0) name = joinSchemeNamePort(field(ports[0], 'name') === 'https' || field(ports[0], 'port') === 443 ? 'https' : '', name, str(field(ports[0], 'name')));
        link = `${host}/api/v1/namespaces/${service.metadata.namespace}/services/${name}/proxy`;
      }
      out += `${service.metadata.labels?.['kubernetes.io/name'] || service.metadata.name} is running at ${link}\n`;
    }
    cli.out(out + `\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
    return 0;
  });
}
