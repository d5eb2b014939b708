// A DeploymentConfig's deployer pods log the rollout of their own revision as openshift/oc's deployer
// writes it: the first revision scaled up to what the config asked for (not to the count a later
// rollout left it at), a later revision with the Rolling strategy's updater lines (the new revision
// up, the old one down, then Success). Names and counts are read from the world.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;

const revisions = (lab: LabFile, dc: Obj) =>
  (lab.kube.filter((o) => o.kind === 'ReplicationController' && o.metadata.annotations?.['openshift.io/deployment-config.name'] === dc.metadata.name) as Obj[]).sort(
    (a, b) => Number(a.metadata.annotations['openshift.io/deployment-config.latest-version']) - Number(b.metadata.annotations['openshift.io/deployment-config.latest-version']),
  );

describe.each(['aro2', 'wrong-sql-fqdn'])('deployer logs on %s', async (name) => {
  const lab = await loadLab({ name });
  const dcs = lab.kube.filter((o) => o.kind === 'DeploymentConfig') as Obj[];
  const session = () => new Session(createFixtureWorld(lab), { tty: false });

  it("says the first revision's deployer scaled it up to the config's replicas", async () => {
    for (const dc of dcs) {
      const [first] = revisions(lab, dc);
      const deployer = first.metadata.annotations['openshift.io/deployer-pod.name'];
      const log = (await session().run(`oc logs ${deployer} -n ${dc.metadata.namespace}`)).stdout;
      expect(log).toBe(`--> Scaling ${first.metadata.name} to ${dc.spec.replicas}\n--> Success\n`);
    }
  });

  it("says a later revision's deployer scaled it up and the one before it down, by the Rolling strategy", async () => {
    for (const dc of dcs) {
      const all = revisions(lab, dc);
      for (let i = 1; i < all.length; i++) {
        expect(dc.spec.strategy.type).toBe('Rolling');
        const [older, newer] = [all[i - 1].metadata.name, all[i].metadata.name];
        const log = (await session().run(`oc logs ${all[i].metadata.annotations['openshift.io/deployer-pod.name']} -n ${dc.metadata.namespace}`)).stdout.split('\n');
        const n = dc.spec.replicas;
        expect(log[0]).toMatch(new RegExp(`^--> Scaling up ${newer} from 0 to ${n}, scaling down ${older} from ${n} to 0 \\(keep \\d+ pods available, don't exceed \\d+ pods\\)$`));
        expect(log).toContain(`    Scaling ${newer} up to ${n}`);
        expect(log).toContain(`    Scaling ${older} down to 0`);
        expect(log.slice(-2)).toEqual(['--> Success', '']);
      }
    }
  });
});
