// oc rollout history over the 2020 cluster's DeploymentConfigs: one row per replication controller
// of the config, by version, with its phase and cause read from its annotations.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;
const run = (lab: LabFile, line: string) => new Session(createFixtureWorld(lab), { tty: false }).run(line);

describe('oc rollout history dc/NAME', () => {
  const lab = builtInLab('aro2');
  const dcs = lab.kube.filter((o) => o.kind === 'DeploymentConfig') as Obj[];

  it("lists each version of the config from its replication controllers' annotations", async () => {
    for (const dc of dcs) {
      const rcs = lab.kube.filter((o) => o.kind === 'ReplicationController' && o.metadata.labels?.['openshift.io/deployment-config.name'] === dc.metadata.name) as Obj[];
      const result = await run(lab, `oc rollout history dc/${dc.metadata.name} -n ${dc.metadata.namespace}`);
      const lines = result.stdout.split('\n');
      expect(lines[0]).toBe(`deploymentconfig.apps.openshift.io/${dc.metadata.name} `);
      // oc's tabbedString pads with tabs (tabwidth 8, padding 1).
      expect(lines[1]).toBe('REVISION\tSTATUS\t\tCAUSE');
      const rows = lines.slice(2).filter(Boolean).map((l) => l.split(/\t+/));
      expect(rows).toEqual(rcs.map((rc) => [rc.metadata.annotations['openshift.io/deployment-config.latest-version'], rc.metadata.annotations['openshift.io/deployment.phase'], rc.metadata.annotations['openshift.io/deployment.status-reason']]));
    }
  });

  it('lists a second version once the config rolled out again, in version order', async () => {
    const changed: LabFile = JSON.parse(JSON.stringify(lab));
    const first = changed.kube.find((o) => o.kind === 'ReplicationController' && o.metadata.name === 'sqlapi-1') as Obj;
    const second = JSON.parse(JSON.stringify(first)) as Obj;
    second.metadata.name = 'sqlapi-2';
    second.metadata.uid = 'b0a7d7e2-0000-4000-8000-000000000002';
    second.metadata.annotations['openshift.io/deployment-config.latest-version'] = '2';
    second.metadata.annotations['openshift.io/deployment.status-reason'] = 'config change';
    changed.kube.unshift(second as KubeObject);
    const result = await run(changed, 'oc rollout history dc/sqlapi -n project1');
    expect(result.stdout.split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0])).toEqual(['1', '2']);
  });

  it("shows a version's pod template with --revision, and refuses a version that does not exist", async () => {
    for (const rc of lab.kube.filter((o) => o.kind === 'ReplicationController' && o.metadata.labels?.['openshift.io/deployment-config.name']) as Obj[]) {
      const dc = rc.metadata.labels['openshift.io/deployment-config.name'];
      const version = rc.metadata.annotations['openshift.io/deployment-config.latest-version'];
      const result = await run(lab, `oc rollout history dc/${dc} -n ${rc.metadata.namespace} --revision=${version}`);
      const lines = result.stdout.split('\n');
      expect(lines.slice(0, 2)).toEqual([`deploymentconfig.apps.openshift.io/${dc} with revision #${version}`, 'Pod Template:']);
      const container = rc.spec.template.spec.containers[0];
      expect(lines).toContain(`    Image:\t${container.image}`);
      for (const e of container.env ?? []) expect(lines).toContain(`      ${e.name}:\t${e.value}`);
    }
    expect(await run(lab, 'oc rollout history dc/sqlapi -n project1 --revision=99')).toMatchObject({ status: 1, stderr: 'error: unable to find the specified revision\n' });
  });

  it('is refused by kubectl, whose scheme cannot read a DeploymentConfig (as kubectl 1.32 says: kubectl-workloads corpus), and other rollout subcommands are not available', async () => {
    expect((await run(lab, 'kubectl rollout history dc/sqlapi')).stderr).toBe('error: no kind "DeploymentConfig" is registered for version "apps.openshift.io/v1" in scheme "pkg/scheme/scheme.go:28"\n');
    expect((await run(lab, 'oc rollout undo dc/sqlapi')).stderr).toBe('error: "oc rollout undo" is not available in this lab terminal\n');
  });
});
