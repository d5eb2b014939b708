// az aro show/list print what the ARO SDK of today's az (API 2023-11-22) deserializes: every
// attribute of its models, null when ARM left it out, camelCase attribute names, properties
// flattened, fields the models lack dropped, times in Python's isoformat, and resourceGroup next
// to every id whose 4th segment is resourceGroups in any case (azure-cli 2.74's transform).
// Checked line by line against azure-cli 2.74 in the conformance corpus (az-today.txt).
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { ArmResource } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

describe.each(builtInLabs())('az aro show on %s', (name) => {
  const lab = builtInLab(name);
  const cluster = lab.arm.find((r) => r.type === 'Microsoft.RedHatOpenShift/openShiftClusters') as ArmResource;
  const show = async (query: string) => {
    const r = await new Session(createFixtureWorld(lab)).run(`az aro show -n ${cluster.name} -g ${cluster.id.split('/')[4]} --query '${query}' -o json`);
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout);
  };

  it("prints the network profile's attributes under the SDK's names, loadBalancerProfile included", async () => {
    const profile = (cluster.properties as any).networkProfile;
    const shown = await show('networkProfile');
    expect(Object.keys(shown).sort()).toEqual(['loadBalancerProfile', 'outboundType', 'podCidr', 'preconfiguredNsg', 'serviceCidr']);
    expect(shown.preconfiguredNsg).toBe(profile.preconfiguredNSG ?? null);
    const lb = profile.loadBalancerProfile;
    if (!lb) expect(shown.loadBalancerProfile).toBeNull();
    else {
      expect(shown.loadBalancerProfile.managedOutboundIps).toEqual(lb.managedOutboundIps ?? null);
      expect(shown.loadBalancerProfile.effectiveOutboundIps).toEqual(
        lb.effectiveOutboundIps ? lb.effectiveOutboundIps.map((ip: { id: string }) => ({ id: ip.id, resourceGroup: ip.id.split('/')[4] })) : null,
      );
    }
  });

  it('prints worker profiles with diskSizeGb and a null disk encryption set, and times as Python prints them', async () => {
    const workers = await show('workerProfiles');
    for (const w of workers) {
      expect(w).toHaveProperty('diskSizeGb');
      expect(w).not.toHaveProperty('diskSizeGB');
      expect(w).toHaveProperty('diskEncryptionSetId');
    }
    const created = (cluster.systemData as { createdAt?: string } | undefined)?.createdAt;
    if (created) expect(await show('systemData.createdAt')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/);
  });
});
