// Fault scenarios: each loads as a lab (the base lab plus its changes, valid as a lab file), shows
// its fault through the tools, and its packet walk stops at the hop the fault breaks, saying why.
import { describe, expect, it } from 'vitest';
import { listLabs, loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/world/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { walk, type FlowName } from '../../src/engine/walk/walk.ts';
import { applyScenario, ScenarioError, type ScenarioFile } from '../../src/engine/world/scenario.ts';

const ROUTE = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';

async function out(lab: string, line: string) {
  return new Session(createFixtureWorld(await loadLab({ name: lab })), { tty: false }).run(line);
}

const cases: Array<{ lab: string; flow: FlowName; stopsAt?: number; why: RegExp; symptom: [string, RegExp] }> = [
  { lab: 'router-down', flow: 'ingress', stopsAt: 2, why: /^No router pod is ready/, symptom: [`curl -s -o /dev/null -w '%{http_code}' http://${ROUTE}/api/ip`, /^503$/] },
  { lab: 'nsg-blocks-web', flow: 'ingress', stopsAt: 2, why: /^The network security group aro2-p8bjm-node-nsg denies port 80 to the node \(rule deny-web-inbound\)\.$/, symptom: [`curl -s -m 5 http://${ROUTE}/api/ip; echo $?`, /^28$/m] },
  { lab: 'sql-networkpolicy', flow: 'sql', stopsAt: 3, why: /^The NetworkPolicy db-backup-only in project1 admits no traffic from sqlapi-1-8jgx8 to port 1433 of server-1-ppl25: the packet is dropped on server-1-ppl25's node/, symptom: [`curl -s http://${ROUTE}/api/sqlversion | jq -r .sql_output`, /^Connection to server server\.project1\.svc\.cluster\.local failed/] },
  { lab: 'wrong-sql-fqdn', flow: 'sql', stopsAt: 1, why: /^sqlserver\.project1\.svc\.cluster\.local does not resolve/, symptom: [`curl -s "http://${ROUTE}/api/dns?fqdn=sqlserver.project1.svc.cluster.local" | jq .ip`, /^false$/] },
  { lab: 'snat-exhaustion', flow: 'egress', stopsAt: 2, why: /^No SNAT port left: outbound rule outboundrule gives node 10\.0\.2\.4 1024 ports on 198\.51\.100\.24 and all are taken/, symptom: [`curl -s -o /dev/null -w '%{http_code}' http://${ROUTE}/api/ip`, /^504$/] },
  { lab: 'firewall-egress', flow: 'egress', why: /.*/, symptom: [`curl -s http://${ROUTE}/api/ip | jq -r .my_public_ip`, /^203\.0\.113\.44$/] },
];

describe('fault scenarios', () => {
  it('are listed among the labs', async () => {
    const names = (await listLabs()).map((l) => l.name);
    for (const c of cases) expect(names).toContain(c.lab);
  });

  for (const c of cases) {
    it(`${c.lab}: the tools show the fault, and the ${c.flow} walk ${c.stopsAt ? `stops at step ${c.stopsAt}` : 'takes the changed path'}`, async () => {
      const lab = await loadLab({ name: c.lab });
      expect(lab.info.story).toMatch(/\S/);
      const symptom = await out(c.lab, c.symptom[0]);
      expect(symptom.stdout.trim()).toMatch(c.symptom[1]);
      const result = walk(lab, c.flow);
      if (c.stopsAt) {
        expect(result.stopped?.step).toBe(c.stopsAt);
        expect(result.stopped?.why).toMatch(c.why);
        // The same walk on the base lab goes through.
        expect(walk(await loadLab({ name: 'aro2' }), c.flow).stopped).toBeUndefined();
      } else {
        expect(result.stopped).toBeUndefined();
        expect(result.hops.map((h) => h.at)).toContain('firewall 10.0.4.4');
      }
    });
  }

  it('names what a change cannot find, instead of changing something else', async () => {
    const base = await loadLab({ name: 'aro2' });
    const scenario: ScenarioFile = { formatVersion: 1, name: 'bad', base: 'aro2', title: 't', summary: 's', story: 'x', changes: [{ op: 'merge', kube: { kind: 'Pod', namespace: 'project1', name: 'nope' }, path: 'status', value: {} }] };
    expect(() => applyScenario(base, scenario)).toThrow(new ScenarioError('scenario bad, change 1: no Pod project1/nope in the base lab'));
  });
});
