// Network Watcher is enabled in a lab's region as Azure enables it with the first VNet there, so
// `az network watcher show-next-hop` answers from every lab's workers.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { loadLab } from '../../src/node/labs.ts';
import type { ArmResource } from '../../src/engine/world/types.ts';

describe.each(['aro2', 'aro-today', 'aro-private'])('Network Watcher on %s', (name) => {
  it("is NetworkWatcher_<region> in NetworkWatcherRG, in the region of the lab's VNets, and az group list shows the group", async () => {
    const lab = await loadLab({ name });
    const vnets = lab.arm.filter((r) => r.type === 'Microsoft.Network/virtualNetworks');
    const watchers = lab.arm.filter((r) => r.type === 'Microsoft.Network/networkWatchers');
    const regions = [...new Set(vnets.map((v) => v.location))];
    expect(watchers.map((w) => [w.name, w.location, w.id.split('/')[4]])).toEqual(regions.map((r) => [`NetworkWatcher_${r}`, r, 'NetworkWatcherRG']));
    const groups = JSON.parse((await new Session(createFixtureWorld(lab)).run('az group list --query "[].name" -o json')).stdout) as string[];
    expect(groups).toContain('NetworkWatcherRG');
  });

  it('answers az network watcher show-next-hop from a worker', async () => {
    const lab = await loadLab({ name });
    const worker = lab.arm.find((r) => r.type === 'Microsoft.Compute/virtualMachines' && /-worker-/.test(r.name)) as ArmResource;
    const nicId = (worker.properties as any).networkProfile.networkInterfaces[0].id as string;
    const nic = lab.arm.find((r) => r.id.toLowerCase() === nicId.toLowerCase())!;
    const ip = (nic.properties as any).ipConfigurations[0].properties.privateIPAddress as string;
    const group = worker.id.split('/')[4];
    const result = await new Session(createFixtureWorld(lab)).run(`az network watcher show-next-hop -g ${group} --vm ${worker.name} --source-ip ${ip} --dest-ip 8.8.8.8`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).nextHopType).toMatch(/^(Internet|VirtualAppliance)$/);
  });
});
