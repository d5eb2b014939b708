// The service accounts of every namespace and their secrets.
import type { KubeObject } from '../../src/engine/world/types.ts';
import { placeholderBase64, randomSuffix } from './ids.ts';
import type { KubeContext } from './kube-context.ts';

/** The service accounts OpenShift's controller manager makes in every namespace (`builder`,
 * `default`, `deployer`), each with the secrets of its release: 4.3 a dockercfg secret for the
 * internal registry and a token secret; from 4.16 no token secret (bound tokens only), the dockercfg
 * secret kept and named in `imagePullSecrets`. openshift-ingress's secrets are ingressSecrets'. */
export function serviceAccounts(ctx: KubeContext, namespaces: string[]): KubeObject[] {
  const { spec, meta } = ctx;
  const out: KubeObject[] = [];
  const legacyTokens = spec.info.layout === '2020';
  const b64 = placeholderBase64;
  const suffix = (seed: string) => randomSuffix(seed, 5);
  for (const ns of namespaces) {
    const age = ns === spec.project ? Math.max(...spec.pods.filter((p) => p.namespace === ns).map((p) => p.ageMinutes)) + 20 : spec.clusterAgeMinutes - 30;
    const seed = (what: string, sa: string) => (ns === 'openshift-ingress' ? `${what}:${spec.cluster.name}/${sa}` : `${what}:${spec.cluster.name}/${ns}/${sa}`);
    for (const sa of ns === 'openshift-ingress' ? ['builder', 'default', 'deployer', 'router'] : ['builder', 'default', 'deployer']) {
      const dockercfg = `${sa}-dockercfg-${suffix(seed('dockercfg', sa))}`;
      const token = `${sa}-token-${suffix(seed('token', sa))}`;
      const account = meta(sa, age, legacyTokens ? {} : { annotations: { 'openshift.io/internal-registry-pull-secret-ref': dockercfg } }, ns);
      out.push({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: account,
        imagePullSecrets: [{ name: dockercfg }],
        secrets: legacyTokens ? [{ name: token }, { name: dockercfg }] : [{ name: dockercfg }],
      });
      if (ns === 'openshift-ingress') continue;
      // The token controller annotates each secret with the account's name and uid.
      const secret = (name: string, type: string, data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta(name, age, { annotations: { 'kubernetes.io/service-account.name': sa, 'kubernetes.io/service-account.uid': account.uid } }, ns), data, type });
      out.push(secret(dockercfg, 'kubernetes.io/dockercfg', { '.dockercfg': b64(`dockercfg:${ns}/${sa}`, 5400) }));
      if (legacyTokens) out.push(secret(token, 'kubernetes.io/service-account-token', { 'ca.crt': b64(`ca:${sa}`, 3590), namespace: b64(ns, ns.length), 'service-ca.crt': b64(`sca:${sa}`, 4724), token: b64(`token:${ns}/${sa}`, 912) }));
    }
  }
  return out;
}
