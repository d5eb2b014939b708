// The load balancer's SNAT metrics follow the world: the ports each backend gets are the outbound
// rule's, the backends are the nodes' addresses, the connections come from the app's load on the
// node that runs the app pod, and what az prints from them agrees across outputs and intervals.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { snatUsage } from '../../src/engine/model/snat.ts';
import { liveWorldOn, startFakeCluster } from '../helpers/fake-cluster.ts';

const LB = '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers/aro2-p8bjm';
const METRICS = `az monitor metrics list --resource ${LB}`;

async function session(lab: string) {
  return new Session(createFixtureWorld(await loadLab({ name: lab })), { tty: false });
}

async function out(lab: string, line: string): Promise<string> {
  const result = await (await session(lab)).run(line);
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('SNAT metrics of the fixture world', () => {
  it('allocate the outbound rule\'s ports to every node of its backend pool, at the nodes\' addresses', async () => {
    const s = await session('aro2');
    const ports = (await s.run('az network lb outbound-rule list -g aro2-resources --lb-name aro2-p8bjm --query "[0].allocatedOutboundPorts" -o tsv')).stdout.trim();
    const nodeIps = (await s.run("kubectl get nodes -l node-role.kubernetes.io/worker -o jsonpath='{.items[*].status.addresses[0].address}'")).stdout.trim().split(' ').sort();
    const allocated = (await s.run(`${METRICS} --metrics AllocatedSnatPorts --dimension BackendIPAddress --offset 1m --query "value[0].timeseries[].[metadatavalues[0].value, data[0].average]" -o tsv`)).stdout;
    const rows = allocated.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.map((r) => r[0]).sort()).toEqual(nodeIps);
    expect(rows.every((r) => r[1] === `${ports}.0`)).toBe(true);
  });

  it('count the app\'s outbound connections on the node that runs its pod, and none fail in the healthy lab', async () => {
    const s = await session('aro2');
    const node = (await s.run("kubectl get pods -l deploymentconfig=sqlapi -o jsonpath='{.items[0].spec.nodeName}'")).stdout.trim();
    const nodeIp = (await s.run(`kubectl get node ${node} -o jsonpath='{.status.addresses[0].address}'`)).stdout.trim();
    const busiest = await s.run(`${METRICS} --metrics SnatConnectionCount --dimension BackendIPAddress --offset 1m --query "value[0].timeseries[0].metadatavalues[0].value" -o tsv`);
    expect(busiest.stdout.trim()).toBe(nodeIp);
    const failed = await s.run(`${METRICS} --metrics SnatConnectionCount --filter "ConnectionState eq 'Failed'" --query "sum(value[0].timeseries[0].data[].total)"`);
    expect(failed.stdout).toBe('0.0\n');
  });

  it('show the campaign exhausting that node\'s ports in the scenario, and the app timing out through the router', async () => {
    const used = await out('snat-exhaustion', `${METRICS} --metrics UsedSnatPorts --dimension BackendIPAddress --offset 1m --query "value[0].timeseries[0].[metadatavalues[0].value, data[0].average]" -o tsv`);
    expect(used).toBe('10.0.2.4\n1024.0\n');
    const failed = await out('snat-exhaustion', `${METRICS} --metrics SnatConnectionCount --filter "ConnectionState eq 'Failed'" --offset 1m --query "value[0].timeseries[0].data[0].total"`);
    expect(Number(failed)).toBeGreaterThan(0);
    // Before the campaign started, nothing failed.
    const before = await out('snat-exhaustion', `${METRICS} --metrics SnatConnectionCount --filter "ConnectionState eq 'Failed'" --start-time 2020-05-29T15:00:00Z --end-time 2020-05-29T15:30:00Z --query "max(value[0].timeseries[0].data[].total)"`);
    expect(before).toBe('0.0\n');
    const code = await out('snat-exhaustion', "curl -s -o /dev/null -w '%{http_code}' http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip");
    expect(code).toBe('504');
    const health = await out('snat-exhaustion', 'curl -s http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/healthcheck');
    expect(health).toContain('"health": "OK"');
  });

  it('aggregate minutes into longer intervals consistently', async () => {
    const perMinute = JSON.parse(await out('snat-exhaustion', `${METRICS} --metrics SnatConnectionCount --query "value[0].timeseries[0].data[].total"`)) as number[];
    const perFive = JSON.parse(await out('snat-exhaustion', `${METRICS} --metrics SnatConnectionCount --interval 5m --query "value[0].timeseries[0].data[].total"`)) as number[];
    expect(perMinute).toHaveLength(60);
    expect(perFive).toHaveLength(12);
    perFive.forEach((total, i) => expect(total).toBe(perMinute.slice(i * 5, i * 5 + 5).reduce((a, b) => a + b, 0)));
    const max = await out('snat-exhaustion', `${METRICS} --metrics SnatConnectionCount --interval PT1H --aggregation Maximum Count -o tsv --query "value[0].timeseries[0].data[0].[maximum, count]"`);
    // A list prints an element per line in tsv; Count counts a sample per backend and state each minute.
    expect(max).toBe(`${Math.max(...perMinute)}.0\n${60 * 3 * 2}.0\n`);
  });

  it('follow the model minute by minute: a saturated node admits a port\'s worth of connections per hold time', async () => {
    const lab = await loadLab({ name: 'snat-exhaustion' });
    const model = new WorldModel(lab);
    const clock = Date.parse(lab.info.clock);
    const [busy] = snatUsage(model, model.armOfType('Microsoft.Network/loadBalancers')[0], clock - 5 * 60_000, clock);
    for (const minute of busy.minutes) {
      expect(minute.inUse).toBe(busy.allocated);
      expect(minute.succeeded + minute.failed).toBe(minute.attempts);
      expect(minute.succeeded).toBe(busy.allocated / 4);
    }
  });

  it('print every aggregation as a Python float, in each output format', async () => {
    const line = `${METRICS} --metrics AllocatedSnatPorts --offset 1m`;
    expect(await out('aro2', `${line} --query "value[0].timeseries[0].data[0].average"`)).toBe('1024.0\n');
    expect(await out('aro2', `${line} --query "value[0].timeseries[0].data[0].average" -o tsv`)).toBe('1024.0\n');
    expect(await out('aro2', `${line} --query "value[0].timeseries[0].data[0]" -o yaml`)).toBe("average: 1024.0\ntimeStamp: '2020-05-29T15:59:00Z'\n");
    expect(await out('aro2', `${line} -o table`)).toBe(
      ['Timestamp             Name                  Average', '--------------------  --------------------  ---------', '2020-05-29T15:59:00Z  Allocated SNAT Ports  1024.0', ''].join('\n'),
    );
    // JMESPath keeps them floats: Python's avg() is always one, and 1024.0 == 1024.
    expect(await out('aro2', `${line} --query "[avg(value[0].timeseries[0].data[].average), value[0].timeseries[0].data[?average == \\\`1024\\\`] | length(@)]" -o tsv`)).toBe('1024.0\n1\n');
  });

  it('answer the service\'s errors in az\'s voice', async () => {
    const s = await session('aro2');
    const unknown = await s.run(`${METRICS} --metrics Foo`);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^ERROR: \(BadRequest\) Failed to find metric configuration for provider: Microsoft\.Network, resource Type: loadBalancers, metric: Foo, Valid metrics: VipAvailability,.*,UsedSnatPorts\nCode: BadRequest\n/);
    const missing = await s.run(`${METRICS}x`);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/^ERROR: \(NotFound\) Resource: .*aro2-p8bjmx is not found\n/);
    const usage = await s.run('az monitor metrics list --resource aro2-p8bjm -g aro2-resources');
    expect(usage.stderr).toBe('ERROR: usage error: --resource ID | --resource NAME --resource-group NAME --resource-type TYPE [--resource-parent PARENT] [--resource-namespace NAMESPACE]\n');
    const byName = await s.run('az monitor metrics list --resource aro2-p8bjm -g aro2-resources --resource-type Microsoft.Network/loadBalancers --metrics UsedSnatPorts --offset 1m -o tsv --query "value[0].id"');
    expect(byName.stdout).toBe(`${LB}/providers/Microsoft.Insights/metrics/UsedSnatPorts\n`);
  });

  it('read the same through live mode as in the fixture', async () => {
    const lab = await loadLab({ name: 'snat-exhaustion' });
    const fake = await startFakeCluster(lab);
    try {
      const live = await liveWorldOn(fake, lab);
      const frozen = () => new Date(lab.info.clock);
      const line = `${METRICS} --metrics SnatConnectionCount UsedSnatPorts --dimension BackendIPAddress --offset 3m -o table`;
      const fromFixture = await new Session(createFixtureWorld(lab), { now: frozen }).run(line);
      const fromLive = await new Session(live, { now: frozen }).run(line);
      expect(fromLive.stderr).toBe('');
      expect(fromLive.stdout).toBe(fromFixture.stdout);
      expect(fake.requests.arm.some((r) => r.includes('/providers/Microsoft.Insights/metrics?') && r.includes('api-version=2018-01-01'))).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

describe('the health probe status (DipAvailability) of the router frontend', () => {
  async function probeStatus(lab: string): Promise<Map<string, string>> {
    const s = await session(lab);
    const routerIp = (await s.run("kubectl get svc -n openshift-ingress router-default -o jsonpath='{.status.loadBalancer.ingress[0].ip}'")).stdout.trim();
    const lines = await out(lab, `${METRICS} --metrics DipAvailability --filter "BackendIPAddress eq '*' and FrontendIPAddress eq '${routerIp}' and FrontendPort eq '443'" --offset 1m --query "value[0].timeseries[].[metadatavalues[0].value, data[0].average]" -o tsv`);
    return new Map(lines.trim().split('\n').map((l) => l.split('\t') as [string, string]));
  }
  async function routerNodeIps(lab: string): Promise<string[]> {
    const s = await session(lab);
    const nodes = (await s.run("kubectl get pods -n openshift-ingress -o jsonpath='{.items[*].spec.nodeName}'")).stdout.trim().split(' ');
    return Promise.all(nodes.map(async (n) => (await s.run(`kubectl get node ${n} -o jsonpath='{.status.addresses[0].address}'`)).stdout.trim()));
  }

  it('is 100 on the nodes that run a ready router pod of a healthy lab, 0 on the others (externalTrafficPolicy Local)', async () => {
    const status = await probeStatus('aro2');
    const routers = await routerNodeIps('aro2');
    expect(status.size).toBeGreaterThan(routers.length);
    for (const [ip, value] of status) expect([ip, value]).toEqual([ip, routers.includes(ip) ? '100.0' : '0.0']);
  });

  it('is 0 on every node in router-down, the routers crash-looping', async () => {
    const status = await probeStatus('router-down');
    expect(status.size).toBeGreaterThan(0);
    expect([...status.values()].every((v) => v === '0.0')).toBe(true);
  });
});

describe("the health probe status of the API's rule", () => {
  it('is 100 on the masters, where kube-apiserver answers the probe on 6443, and 0 on a worker in the same pool', async () => {
    const s = await session('aro-today');
    const ids = (await s.run('az network lb list --query "[].id" -o tsv')).stdout.trim().split('\n');
    const masters = (await s.run("kubectl get nodes -l node-role.kubernetes.io/master -o jsonpath='{.items[*].status.addresses[0].address}'")).stdout.trim().split(' ');
    const seen = new Map<string, string>();
    for (const id of ids) {
      const tsv = (await s.run(`az monitor metrics list --resource ${id} --metrics DipAvailability --filter "BackendIPAddress eq '*' and FrontendPort eq '6443'" --top 50 --offset 1m --query "value[0].timeseries[].[metadatavalues[0].value, data[0].average]" -o tsv`)).stdout.trim();
      for (const line of tsv.split('\n').filter(Boolean)) {
        const [ip, value] = line.split('\t');
        seen.set(ip, value);
      }
    }
    expect(masters.every((m) => seen.get(m) === '100.0')).toBe(true);
    for (const [ip, value] of seen) expect([ip, value]).toEqual([ip, masters.includes(ip) ? '100.0' : '0.0']);
  });
});
