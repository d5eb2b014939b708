// The whole part 2 transcript as one session on the aro2 lab: each command prints what the post
// shows where the post's values hold (the post lost its addresses, so its lines are quoted here
// without them), the addresses it lost agree across commands and with the world, and the post's
// two outdated queries behave as today's az makes them behave.
import { describe, expect, it } from 'vitest';
import { labSession, part2Lines } from './helpers.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';
import type { LineResult } from '../../src/engine/session.ts';
import type { ArmResource, KubeObject } from '../../src/engine/world/types.ts';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const HOST = 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io';
const SUBSCRIPTION_GROUP = '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources';

/** A table's rows as their cells: columns are two or more spaces apart (kubectl's and az's tables). */
const cells = (text: string): string[][] => text.trimEnd().split('\n').map((row) => row.trim().split(/\s{2,}|\t/));
/** A line with its runs of white space made one space, as the post's copy of az's tables has them. */
const squeezed = (text: string): string[] => text.trimEnd().split('\n').map((row) => row.trim().replace(/\s+/g, ' '));

describe('part 2 transcript on aro2', async () => {
  const lines = await part2Lines();
  const session = await labSession('aro2');
  const results: Array<LineResult & { line: string }> = [];
  for (const line of lines) results.push({ line, ...(await session.run(line)) });
  const byLine = (start: string) => results.filter((r) => r.line.startsWith(start));
  /** The output of the one line that is `start` or, when none is, the one line that begins with it. */
  const stdout = (start: string) => {
    const exact = results.filter((r) => r.line === start);
    const found = exact.length > 0 ? exact : byLine(start);
    expect(found.map((r) => r.line), start).toHaveLength(1);
    return found[0].stdout;
  };
  const lab = builtInLab('aro2');
  const arm = (type: string, name: string): ArmResource => {
    const found = lab.arm.find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`the aro2 world has no ${type} ${name}`);
    return found;
  };
  const kube = (kind: string, namespace: string | undefined, name: string): KubeObject => {
    const found = lab.kube.find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name);
    if (!found) throw new Error(`the aro2 world has no ${kind} ${namespace}/${name}`);
    return found;
  };
  const publicIp = (name: string) => String(arm('Microsoft.Network/publicIPAddresses', name).properties?.ipAddress);
  const ip = JSON.parse(stdout(`curl "http://${HOST}/api/ip"`));

  it('runs every line of the post successfully', () => {
    expect(results.map((r) => r.line)).toEqual(lines);
    for (const r of results) expect({ line: r.line, status: r.status, stderr: r.stderr }).toEqual({ line: r.line, status: 0, stderr: '' });
  });

  describe('prints what the post shows', () => {
    it('the route, as the post lists it', () => {
      // Quoted from the post.
      expect(stdout('kubectl get route')).toBe(
        'NAME       HOST/PORT                                               PATH   SERVICES   PORT   TERMINATION   WILDCARD\n' +
          'sqlapilb   sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io          sqlapilb   8080                 None\n',
      );
    });

    it("the pods', services' and routers' names, nodes, ports and ages (the post lost their addresses)", () => {
      const pods = cells(stdout('kubectl get pod -o wide')).slice(1);
      expect(pods.map((row) => [row[0], row[1], row[2], row[4], row[6]])).toEqual([
        ['server-1-deploy', '0/1', 'Completed', '54m', 'aro2-p8bjm-worker-northeurope1-qt8l7'],
        ['server-1-ppl25', '1/1', 'Running', '54m', 'aro2-p8bjm-worker-northeurope3-wl4vw'],
        ['sqlapi-1-8jgx8', '1/1', 'Running', '40m', 'aro2-p8bjm-worker-northeurope1-qt8l7'],
        ['sqlapi-1-deploy', '0/1', 'Completed', '40m', 'aro2-p8bjm-worker-northeurope1-qt8l7'],
      ]);
      const services = cells(stdout('kubectl get svc')).slice(1);
      expect(services.map((row) => [row[0], row[1], row.at(-2), row.at(-1)])).toEqual([
        ['server', 'ClusterIP', '1433/TCP', '57m'],
        ['sqlapi', 'ClusterIP', '8080/TCP', '43m'],
        ['sqlapilb', 'LoadBalancer', '8080:30039/TCP', '6h50m'],
      ]);
      const routerServices = cells(stdout('kubectl get svc -n openshift-ingress')).slice(1);
      expect(routerServices.map((row) => [row[0], row[1], row.at(-2), row.at(-1)])).toEqual([
        ['router-default', 'LoadBalancer', '80:30602/TCP,443:31409/TCP', '10h'],
        ['router-internal-default', 'ClusterIP', '80/TCP,443/TCP,1936/TCP', '10h'],
      ]);
      const routers = cells(stdout('kubectl get pod -n openshift-ingress -o wide')).slice(1);
      expect(routers.map((row) => [row[0], row[1], row[2], row[4], row[6]])).toEqual([
        ['router-default-cf4d7b6d5-lcxtl', '1/1', 'Running', '10h', 'aro2-p8bjm-worker-northeurope3-wl4vw'],
        ['router-default-cf4d7b6d5-xlkxx', '1/1', 'Running', '10h', 'aro2-p8bjm-worker-northeurope1-qt8l7'],
      ]);
    });

    it("the app's answers where the post kept them", () => {
      expect(Object.keys(ip)).toEqual(['my_default_gateway', 'my_dns_servers', 'my_private_ip', 'my_public_ip', 'path_accessed', 'sql_server_fqdn', 'sql_server_ip', 'x-forwarded-for', 'your_address', 'your_browser', 'your_platform']);
      expect(ip).toMatchObject({
        path_accessed: 'sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip',
        sql_server_fqdn: 'server.project1.svc.cluster.local',
        your_browser: 'None',
        your_platform: 'None',
      });
      expect(stdout(`curl -s "http://${HOST}/api/printenv"`)).toBe('server.project1.svc.cluster.local\n');
      expect(JSON.parse(stdout(`curl -s "http://${HOST}/api/dns?`)).fqdn).toBe('server.project1.svc.cluster.local');
      expect(JSON.parse(stdout(`curl -s "http://${HOST}/api/sqlversion"`))).toEqual({
        sql_output:
          'Microsoft SQL Server 2019 (RTM-CU4) (KB4548597) - 15.0.4033.1 (X64) \n\tMar 14 2020 16:10:35 \n\tCopyright (C) 2019 Microsoft Corporation\n\tDeveloper Edition (64-bit) on Linux (Ubuntu 18.04.4 LTS) ',
      });
    });

    it("the node resource group's load balancers, outbound rule and load balancing rules", () => {
      // Quoted from the post (its copy squeezed the tables' spaces and lost the header's case of EnableFloatingIP).
      expect(squeezed(stdout('az network lb list'))).toEqual([
        'Location Name ProvisioningState ResourceGroup ResourceGuid',
        '----------- ---------------------- ------------------- --------------- ------------------------------------',
        'northeurope aro2-p8bjm Succeeded aro2-resources f809521e-6935-4066-8898-6ca1215e3d82',
        'northeurope aro2-p8bjm-internal Succeeded aro2-resources 45347122-98bc-49c5-9940-fc9713268bc2',
        'northeurope aro2-p8bjm-internal-lb Succeeded aro2-resources 1d809b47-5c87-4ac4-83b4-1e3e53ae8a67',
        'northeurope aro2-p8bjm-public-lb Succeeded aro2-resources 972600b0-2a96-4313-a0f2-6137c2043cfd',
      ]);
      expect(squeezed(stdout('az network lb outbound-rule list'))).toEqual([
        'AllocatedOutboundPorts EnableTcpReset IdleTimeoutInMinutes Name Protocol ProvisioningState ResourceGroup',
        '------------------------ ---------------- ---------------------- ------------ ---------- ------------------- ---------------',
        '1024 False 30 outboundrule All Succeeded aro2-resources',
      ]);
      expect(squeezed(stdout('az network lb rule list')).slice(2)).toEqual([
        '80 False True True 80 4 Default ab765e9911ee74b8d81280e60cfcea16-TCP-80 Tcp Succeeded aro2-resources',
        '443 False True True 443 4 Default ab765e9911ee74b8d81280e60cfcea16-TCP-443 Tcp Succeeded aro2-resources',
      ]);
      const pips = cells(stdout('az network public-ip list')).slice(2);
      expect(pips.map((row) => [row[0], row[1], row[2], row.at(-2), row.at(-1)])).toEqual([
        ['aro2-p8bjm-ab765e9911ee74b8d81280e60cfcea16', 'aro2-resources', 'northeurope', '4', 'Succeeded'],
        ['aro2-p8bjm-outbound-pip-v4', 'aro2-resources', 'northeurope', '4', 'Succeeded'],
        ['aro2-p8bjm-pip-v4', 'aro2-resources', 'northeurope', '4', 'Succeeded'],
      ]);
    });

    it("the frontends' public IPs the post's az printed, through today's spelling of the key", () => {
      const [, corrected] = byLine('az network lb frontend-ip list');
      // Quoted from the post (its copy turned the tab into a space).
      expect(squeezed(corrected.stdout)).toEqual([
        `outbound ${SUBSCRIPTION_GROUP}/providers/Microsoft.Network/publicIPAddresses/aro2-p8bjm-outbound-pip-v4`,
        `ab765e9911ee74b8d81280e60cfcea16 ${SUBSCRIPTION_GROUP}/providers/Microsoft.Network/publicIPAddresses/aro2-p8bjm-ab765e9911ee74b8d81280e60cfcea16`,
      ]);
    });
  });

  describe('fills in the addresses the post lost, the same in every command and as the world has them', () => {
    const pods = cells(stdout('kubectl get pod -o wide')).slice(1);
    const podIp = (name: string) => pods.find((row) => row[0] === name)?.[5];
    const routers = cells(stdout('kubectl get pod -n openshift-ingress -o wide')).slice(1);

    it("the pods' addresses are the world's", () => {
      for (const row of pods) expect(row[5], row[0]).toBe(kube('Pod', 'project1', row[0]).status?.podIP);
      for (const row of routers) expect(row[5], row[0]).toBe(kube('Pod', 'openshift-ingress', row[0]).status?.podIP);
    });

    it("the router's public IP: the service's external IP, what the route's name resolves to, the load balancer frontend's public IP", () => {
      const routerIp = publicIp('aro2-p8bjm-ab765e9911ee74b8d81280e60cfcea16');
      expect(routerIp).toMatch(IPV4);
      const routerService = cells(stdout('kubectl get svc -n openshift-ingress')).find((row) => row[0] === 'router-default');
      expect(routerService?.[3]).toBe(routerIp);
      expect(stdout('nslookup')).toContain(`Name:\t${HOST}\nAddress: ${routerIp}\n`);
      const pipRow = cells(stdout('az network public-ip list')).find((row) => row[0] === 'aro2-p8bjm-ab765e9911ee74b8d81280e60cfcea16');
      expect(pipRow).toContain(routerIp);
    });

    it("the pod's public address: the outbound rule's frontend's public IP", () => {
      const rule = (arm('Microsoft.Network/loadBalancers', 'aro2-p8bjm').properties?.outboundRules as Array<{ properties: { frontendIPConfigurations: Array<{ id: string }> } }>)[0];
      expect(rule.properties.frontendIPConfigurations.map((f) => f.id.split('/').pop())).toEqual(['outbound']);
      expect(ip.my_public_ip).toBe(publicIp('aro2-p8bjm-outbound-pip-v4'));
      const pipRow = cells(stdout('az network public-ip list')).find((row) => row[0] === 'aro2-p8bjm-outbound-pip-v4');
      expect(pipRow).toContain(ip.my_public_ip);
    });

    it("the app pod's own address: its IP in kubectl, my_private_ip, and the source SQL Server sees", () => {
      expect(ip.my_private_ip).toBe(podIp('sqlapi-1-8jgx8'));
      expect(JSON.parse(stdout(`curl -s "http://${HOST}/api/sqlsrcip"`))).toEqual({ sql_output: ip.my_private_ip });
    });

    it("the SQL service's ClusterIP: in kubectl, in the app's DNS answer, and as sql_server_ip", () => {
      const clusterIp = kube('Service', 'project1', 'server').spec?.clusterIP;
      expect(cells(stdout('kubectl get svc')).find((row) => row[0] === 'server')?.[2]).toBe(clusterIp);
      expect(JSON.parse(stdout(`curl -s "http://${HOST}/api/dns?`))).toEqual({ fqdn: 'server.project1.svc.cluster.local', ip: clusterIp });
      expect(ip.sql_server_ip).toBe(clusterIp);
    });

    it('the connection the app sees comes from a router pod, with the client in X-Forwarded-For', () => {
      expect(routers.map((row) => row[5])).toContain(ip.your_address);
      expect(ip['x-forwarded-for']).toBe(`['${lab.info.client.publicIp}']`);
    });

    it("the pod's DNS server is the cluster DNS service and its gateway the first address of its node's pod network", () => {
      expect(ip.my_dns_servers).toBe(`['${kube('Service', 'openshift-dns', 'dns-default').spec?.clusterIP}']`);
      expect(ip.my_default_gateway).toBe(String(ip.my_private_ip).replace(/\.\d+$/, '.1'));
    });
  });

  it("prints nothing for the post's camelCase backendIpConfigurations query, and the worker nodes' NICs for the corrected one", () => {
    const [post, corrected] = results.filter((r) => r.line.includes('address-pool list'));
    expect(post.line).toContain('backendIpConfigurations');
    expect(post.stdout).toBe('');
    const workers = lab.kube.filter((o) => o.kind === 'Node' && o.metadata.labels?.['node-role.kubernetes.io/worker'] !== undefined).map((n) => `${n.metadata.name}-nic`);
    expect(workers).toHaveLength(3);
    expect(corrected.stdout.trimEnd().split('\n')).toEqual(workers);
  });

  it("prints None for the post's publicIpAddress.id query, and the ids for the corrected one", () => {
    const [post, corrected] = results.filter((r) => r.line.includes('frontend-ip list'));
    const postRows = post.stdout.trim().split('\n').map((row) => row.split('\t'));
    expect(postRows).toEqual([
      ['outbound', 'None'],
      ['ab765e9911ee74b8d81280e60cfcea16', 'None'],
    ]);
    const rows = corrected.stdout.trim().split('\n').map((row) => row.split('\t'));
    expect(rows.map((row) => row[0])).toEqual(postRows.map((row) => row[0]));
    for (const row of rows) expect(row[1]).toMatch(/\/providers\/Microsoft\.Network\/publicIPAddresses\//);
  });
});
