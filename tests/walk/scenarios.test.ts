// Fault scenarios: each loads as a lab (the base lab plus its changes, valid as a lab file), shows
// its fault through the tools, and its packet walk stops at the hop the fault breaks, saying why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listLabs, loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { walk, type FlowName } from '../../src/engine/walk/walk.ts';
import { applyScenario, ScenarioError, type ScenarioFile } from '../../src/engine/sources/fixture/scenario.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { sqlApi } from '../../src/engine/app/sqlapi.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

/** The app's route host on a lab: the first route outside openshift-* namespaces. */
function appHost(lab: LabFile): string {
  const route = lab.kube.find((o) => o.kind === 'Route' && !String(o.metadata.namespace).startsWith('openshift-'));
  return String((route?.spec as { host?: string } | undefined)?.host);
}

/** The lab a scenario is built on, from its file. */
function baseOf(name: string): string {
  return (JSON.parse(readFileSync(new URL(`../../labs/scenarios/${name}.json`, import.meta.url), 'utf8')) as ScenarioFile).base;
}

async function out(lab: string, line: string) {
  return new Session(createFixtureWorld(await loadLab({ name: lab })), { tty: false }).run(line);
}

// curl 7.88's words when -m ends a connection that was never made.
const CONNECT_TIMEOUT = 'curl: (28) Connection timed out after 5001 milliseconds\n';

const cases: Array<{ lab: string; flow: FlowName; stopsAt?: number; why: RegExp; symptom: [(host: string) => string, RegExp] }> = [
  {
    lab: 'router-down',
    flow: 'ingress',
    stopsAt: 2,
    why: /^No healthy backend: every node fails the load balancer's health probe \(Http \/healthz on port \d+\): no ready router-default pod on the node\./,
    symptom: [(host) => `curl -s -m 5 http://${host}/api/ip; echo $?`, /^28$/],
  },
  {
    lab: 'nsg-blocks-web',
    flow: 'ingress',
    stopsAt: 3,
    why: /^The network security group demo-nsg on the node's subnet drops the packet: no rule of demo-nsg allows 192\.0\.2\.200 to port 80, so its default rule DenyAllInBound \(priority 65500\) denies it\./,
    symptom: [(host) => `curl -s -m 5 http://${host}/api/ip; echo $?`, /^28$/],
  },
  {
    lab: 'firewall-egress',
    flow: 'ingress',
    stopsAt: 4,
    why: /^The answer to 198\.51\.100\.7 follows route default-to-firewall of route table aro2-egress-rt to the virtual appliance 10\.0\.4\.4 \(firewall aro2-fw\), not back through the load balancer: the firewall never saw the connection's first packet and drops the answer \(asymmetric routing\)\./,
    symptom: [(host) => `curl -s -m 5 http://${host}/api/healthcheck; echo $?`, /^28$/],
  },
  { lab: 'sql-networkpolicy', flow: 'sql', stopsAt: 3, why: /^The NetworkPolicy db-backup-only in project1 admits no traffic from sqlapi-1-8jgx8 to port 1433 of server-1-ppl25: the packet is dropped on server-1-ppl25's node/, symptom: [(host) => `curl -s http://${host}/api/sqlversion | jq -r .sql_output`, /^Connection to server server\.project1\.svc\.cluster\.local failed/] },
  { lab: 'wrong-sql-fqdn', flow: 'sql', stopsAt: 1, why: /^sqlserver\.project1\.svc\.cluster\.local does not resolve/, symptom: [(host) => `curl -s "http://${host}/api/dns?fqdn=sqlserver.project1.svc.cluster.local" | jq .ip`, /^false$/] },
  { lab: 'snat-exhaustion', flow: 'egress', stopsAt: 2, why: /^No SNAT port left: outbound rule outboundrule gives node 10\.0\.2\.4 1024 ports on 198\.51\.100\.24 and all are taken/, symptom: [(host) => `curl -s -o /dev/null -w '%{http_code}' http://${host}/api/ip`, /^504$/] },
];

describe('fault scenarios', () => {
  it('are listed among the labs', async () => {
    const names = (await listLabs()).map((l) => l.name);
    for (const c of cases) expect(names).toContain(c.lab);
  });

  for (const c of cases) {
    it(`${c.lab}: the tools show the fault, and the ${c.flow} walk stops at step ${c.stopsAt}`, async () => {
      const lab = await loadLab({ name: c.lab });
      expect(lab.info.story).toMatch(/\S/);
      const symptom = await out(c.lab, c.symptom[0](appHost(lab)));
      expect(symptom.stdout.trim()).toMatch(c.symptom[1]);
      const result = walk(lab, c.flow);
      expect(result.stopped?.step).toBe(c.stopsAt);
      expect(result.hops).toHaveLength(c.stopsAt!);
      expect(result.stopped?.why).toMatch(c.why);
      // The same walk on the base lab goes through.
      expect(walk(await loadLab({ name: baseOf(c.lab) }), c.flow).stopped).toBeUndefined();
    });
  }

  for (const name of ['router-down', 'nsg-blocks-web', 'firewall-egress']) {
    it(`${name}: curl -m 5 to the route ends as curl 7.88 does when no connection is made: exit 28, "Connection timed out"`, async () => {
      const lab = await loadLab({ name });
      const r = await out(name, `curl -sS -m 5 http://${appHost(lab)}/api/healthcheck`);
      expect(r).toMatchObject({ status: 28, stdout: '', stderr: CONNECT_TIMEOUT });
      // On the base lab the same line answers.
      const base = await new Session(createFixtureWorld(await loadLab({ name: baseOf(name) })), { tty: false }).run(`curl -sS -m 5 http://${appHost(lab)}/api/healthcheck`);
      expect(base.status).toBe(0);
    });
  }

  it('router-down: the router pods are down, so no router answers with its 503 page: the client times out', async () => {
    const lab = await loadLab({ name: 'router-down' });
    const r = await out('router-down', `curl -s -m 5 -o /dev/null -w '%{http_code}' http://${appHost(lab)}/api/ip`);
    expect(r).toMatchObject({ status: 28, stdout: '000' });
  });

  it('firewall-egress: the pods leave from the firewall\'s public IP, and the API server, whose subnet has no route table, still answers', async () => {
    const lab = await loadLab({ name: 'firewall-egress' });
    const model = new WorldModel(lab);
    const pod = model.pod('project1', 'sqlapi-1-8jgx8')!;
    const answer = JSON.parse(sqlApi(model, pod, { path: '/api/ip', query: new URLSearchParams(), host: 'h', remoteAddr: '10.0.0.1', headers: {}, now: new Date(lab.info.clock) }).body);
    const fwPip = (await out('firewall-egress', 'az network public-ip show -g aro2 -n aro2-fw-pip --query ipAddress -o tsv')).stdout.trim();
    expect(answer.my_public_ip).toBe(fwPip);
    const egress = walk(lab, 'egress');
    expect(egress.stopped).toBeUndefined();
    expect(egress.hops.at(-1)!.src).toBe(`${fwPip}:1024`);
    expect(walk(lab, 'api').stopped).toBeUndefined();
  });

  it('names what a change cannot find, instead of changing something else', async () => {
    const base = await loadLab({ name: 'aro2' });
    const scenario: ScenarioFile = { formatVersion: 1, name: 'bad', base: 'aro2', title: 't', summary: 's', story: 'x', changes: [{ op: 'merge', kube: { kind: 'Pod', namespace: 'project1', name: 'nope' }, path: 'status', value: {} }] };
    expect(() => applyScenario(base, scenario)).toThrow(new ScenarioError('scenario bad, change 1: no Pod project1/nope in the base lab'));
  });
});
