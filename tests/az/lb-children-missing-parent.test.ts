// What az network lb's child commands print when the load balancer or the child is missing. Today's
// az (aaz `network/lb/<sub>/_list.py`, `_show.py`) reads the load balancer itself for frontend IPs,
// rules, probes, outbound and inbound NAT rules and selects the child there, so a missing load
// balancer is ARM's ResourceNotFound for it, word for word what `az network lb show` prints; address
// pools are read on their own REST path, below the load balancer, where ARM answers for a missing
// parent with ParentResourceNotFound and for a missing pool with its NotFound.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { ArmResource, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

const run = async (lab: LabFile, line: string) => {
  const { status, stdout, stderr } = await new Session(createFixtureWorld(lab)).run(line);
  return { status, stdout, stderr };
};
const groupOf = (r: ArmResource) => r.id.split('/')[4];

const READ_FROM_THE_LB = ['frontend-ip', 'rule', 'probe', 'outbound-rule', 'inbound-nat-rule'];

describe.each(builtInLabs())('on %s', (name) => {
  const lab = builtInLab(name);
  const lbs = lab.arm.filter((r) => r.type.toLowerCase() === 'microsoft.network/loadbalancers');
  const [lb] = lbs;
  // A name no load balancer of the group has: one of the group's own names with a suffix.
  const missing = `${lb?.name}-${'x'.repeat(3)}`;
  const group = lb ? groupOf(lb) : '';

  it('has a load balancer and no load balancer of the name it calls missing', () => {
    expect(lbs.length, 'load balancers').not.toBe(0);
    expect(lbs.some((r) => r.name.toLowerCase() === missing.toLowerCase())).toBe(false);
  });

  it.each(READ_FROM_THE_LB)('answers %s list and show of a missing load balancer with the load balancer\'s own ResourceNotFound', async (sub) => {
    const lbShow = await run(lab, `az network lb show -g ${group} -n ${missing}`);
    expect(lbShow.status).not.toBe(0);
    expect(lbShow.stderr).toContain('(ResourceNotFound)');
    for (const line of [`az network lb ${sub} list --lb-name ${missing} -g ${group}`, `az network lb ${sub} list --lb-name ${missing} -g ${group} -o table`, `az network lb ${sub} show --lb-name ${missing} -g ${group} -n any`]) {
      expect(await run(lab, line), line).toEqual(lbShow);
    }
  });

  it('answers address-pool list and show of a missing load balancer with ParentResourceNotFound, as ARM answers a nested path', async () => {
    for (const line of [`az network lb address-pool list --lb-name ${missing} -g ${group}`, `az network lb address-pool show --lb-name ${missing} -g ${group} -n any`]) {
      const r = await run(lab, line);
      expect(r.status, line).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr, line).toMatch(new RegExp(`^ERROR: \\(ParentResourceNotFound\\) .*Parent resource '${missing}' not found\\.\\n`));
    }
  });

  it('answers address-pool show of a missing pool with ARM\'s NotFound for the pool\'s path, and shows each existing pool', async () => {
    const pools = (lb.properties?.backendAddressPools ?? []) as Array<{ id: string; name: string }>;
    for (const pool of pools) {
      expect(await run(lab, `az network lb address-pool show --lb-name ${lb.name} -g ${group} -n ${pool.name} --query id -o tsv`)).toEqual({ status: 0, stdout: `${pool.id}\n`, stderr: '' });
    }
    const r = await run(lab, `az network lb address-pool show --lb-name ${lb.name} -g ${group} -n ${missing}`);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`(NotFound) Resource ${lb.id}/backendAddressPools/${missing} not found.`);
  });

  it('lists each collection read from the load balancer as the load balancer holds it', async () => {
    const collections: Record<string, string> = { 'frontend-ip': 'frontendIPConfigurations', rule: 'loadBalancingRules', probe: 'probes', 'outbound-rule': 'outboundRules', 'inbound-nat-rule': 'inboundNatRules' };
    for (const each of lbs) {
      for (const [sub, property] of Object.entries(collections)) {
        const held = ((each.properties?.[property] ?? []) as Array<{ name: string }>).map((c) => c.name);
        const r = await run(lab, `az network lb ${sub} list --lb-name ${each.name} -g ${groupOf(each)} --query '[].name' -o tsv`);
        expect(r, `${each.name} ${sub}`).toEqual({ status: 0, stdout: held.map((n) => `${n}\n`).join(''), stderr: '' });
      }
    }
  });
});
