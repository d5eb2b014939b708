// Values several labs share: the sample app's settings, the account every lab's subscription
// shows, OpenShift 4.19 as ARO installs it in 2026, and egress lockdown's list of domains.
import { VERIFIED_TOOLS } from '../../src/engine/verified-versions.ts';
import type { LabInfo } from '../../src/engine/world/types.ts';

/** The tool versions a lab's outputs are checked against, from the one list the badge reads. */
export const VERIFIED: Record<string, string> = Object.fromEntries(VERIFIED_TOOLS.map((t) => [t.tool, t.versions.join('/')]));

export const SQL_VERSION =
  'Microsoft SQL Server 2019 (RTM-CU4) (KB4548597) - 15.0.4033.1 (X64) \n\tMar 14 2020 16:10:35 \n\tCopyright (C) 2019 Microsoft Corporation\n\tDeveloper Edition (64-bit) on Linux (Ubuntu 18.04.4 LTS) ';

export function sqlApiEnv(project: string): Array<{ name: string; value: string }> {
  return [
    { name: 'SQL_SERVER_FQDN', value: `server.${project}.svc.cluster.local` },
    { name: 'SQL_SERVER_USERNAME', value: 'sa' },
    { name: 'SQL_SERVER_PASSWORD', value: 'Lab-Passw0rd!' },
  ];
}

export const SQL_SERVER_ENV = [
  { name: 'ACCEPT_EULA', value: 'Y' },
  { name: 'SA_PASSWORD', value: 'Lab-Passw0rd!' },
];

/** What `az account show` prints for the lab's subscription. */
export function account(sub: string, tenant: string, name: string): LabInfo['account'] {
  return {
    environmentName: 'AzureCloud',
    homeTenantId: tenant,
    id: sub,
    isDefault: true,
    managedByTenants: [],
    name,
    state: 'Enabled',
    tenantDefaultDomain: 'arolabs.onmicrosoft.com',
    tenantDisplayName: 'ARO Labs',
    tenantId: tenant,
    user: { name: 'reader@example.com', type: 'user' },
  };
}

// OpenShift 4.19.24, ARO's default install stream in 2026 (ARO-RP pkg/util/version/const.go):
// Kubernetes 1.32, CRI-O 1.32, RHCOS 9.6; ARO's VM image and today's default VM sizes.
export const CLUSTER_419 = {
  version: '4.19.24',
  kubelet: 'v1.32.10',
  crio: 'cri-o://1.32.10-2.rhaos4.19.git5a1e2c8.el9',
  osImage: 'Red Hat Enterprise Linux CoreOS 9.6.20251204-0 (Plow)',
  kernel: '5.14.0-570.62.1.el9_6.x86_64',
};
export const VM_419 = { masterSize: 'Standard_D8s_v5', workerSize: 'Standard_D4s_v5', sku: 'aro_419', version: '419.96.20251204' };

/** The ARO service's subscription (holds the gateway's private link service the clusters' private
 * endpoints connect to, and the endpoint that connects to each cluster's own private link service). */
export const RP_SUBSCRIPTION = '2d4c8a6e-1f3b-4d5a-9c7e-8b0f6a2d4e1c';

/** The domains egress lockdown sends through the service (Microsoft's list: the ARO registries,
 * Azure Resource Manager and Entra ID, the Geneva monitoring endpoints of the region). */
export function gatewayDomains(region: string, gsm: string[]): string[] {
  return [
    'arosvc.azurecr.io',
    `arosvc.${region}.data.azurecr.io`,
    'gcs.prod.monitoring.core.windows.net',
    ...gsm.flatMap((n) => [`gsm${n}eh.servicebus.windows.net`, `gsm${n}xt.blob.core.windows.net`, `gsm${n}xt.table.core.windows.net`]),
    'login.microsoftonline.com',
    'management.azure.com',
    'qos.prod.warm.ingest.monitor.core.windows.net',
    `${region}-shared.prod.warm.ingest.monitor.core.windows.net`,
  ].sort();
}

