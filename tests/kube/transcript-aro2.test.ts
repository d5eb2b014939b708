// The post's kubectl lines on the aro2 cluster. The post's transcript lost its IP addresses (so its
// spacing differs); these are the same tables with the addresses filled in, laid out by the
// tabwriter rule, with the post's ages: pods 54m/40m, services 57m/43m/6h50m, routers 10h.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { World } from '../../src/engine/world/types.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';
import { kubeCommands } from '../../src/engine/commands/kube/index.ts';
import { aro2Objects } from './aro2-objects.ts';
import { fakeSession, fakeWorld, runLine } from './fake-world.ts';

const expected: Record<string, string> = {
  'kubectl get pod -o wide': `NAME              READY   STATUS      RESTARTS   AGE   IP            NODE                                   NOMINATED NODE   READINESS GATES
server-1-deploy   0/1     Completed   0          54m   10.131.0.18   aro2-p8bjm-worker-northeurope1-qt8l7   <none>           <none>
server-1-ppl25    1/1     Running     0          54m   10.129.2.14   aro2-p8bjm-worker-northeurope3-wl4vw   <none>           <none>
sqlapi-1-8jgx8    1/1     Running     0          40m   10.131.0.25   aro2-p8bjm-worker-northeurope1-qt8l7   <none>           <none>
sqlapi-1-deploy   0/1     Completed   0          40m   10.131.0.21   aro2-p8bjm-worker-northeurope1-qt8l7   <none>           <none>
`,
  'kubectl get svc': `NAME       TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
server     ClusterIP      172.30.140.86   <none>        1433/TCP         57m
sqlapi     ClusterIP      172.30.91.203   <none>        8080/TCP         43m
sqlapilb   LoadBalancer   172.30.222.47   10.0.2.7      8080:30039/TCP   6h50m
`,
  'kubectl get route': `NAME       HOST/PORT                                               PATH   SERVICES   PORT   TERMINATION   WILDCARD
sqlapilb   sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io          sqlapilb   8080                 None
`,
  'kubectl get svc -n openshift-ingress': `NAME                      TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)                      AGE
router-default            LoadBalancer   172.30.37.125   192.0.2.80    80:30602/TCP,443:31409/TCP   10h
router-internal-default   ClusterIP      172.30.118.33   <none>        80/TCP,443/TCP,1936/TCP      10h
`,
  'kubectl get pod -n openshift-ingress -o wide': `NAME                             READY   STATUS    RESTARTS   AGE   IP           NODE                                   NOMINATED NODE   READINESS GATES
router-default-cf4d7b6d5-lcxtl   1/1     Running   0          10h   10.129.2.7   aro2-p8bjm-worker-northeurope3-wl4vw   <none>           <none>
router-default-cf4d7b6d5-xlkxx   1/1     Running   0          10h   10.131.0.7   aro2-p8bjm-worker-northeurope1-qt8l7   <none>           <none>
`,
};

/** The post's lines (IP columns stripped) for comparing columns and ages. */
const post = readFileSync(new URL('../../labs/transcripts/part2.sh', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('kubectl '));

async function check(world: World): Promise<void> {
  for (const [line, text] of Object.entries(expected)) {
    const result = await runLine(kubeCommands, fakeSession(world), line);
    expect({ line, ...result }).toEqual({ line, status: 0, stdout: text, stderr: '' });
  }
}

describe('the post kubectl lines', () => {
  it('are all covered here', () => {
    expect(post.sort()).toEqual(Object.keys(expected).sort());
  });

  it('print the post tables on the hand-built aro2 objects', async () => {
    await check(fakeWorld(aro2Objects));
  });

  it('keep the post columns and ages (the post only lost its IP columns)', () => {
    // The headers as the post prints them (spacing aside); every age the post shows is in our rows.
    const postHeaders = [
      'NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES',
      'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE',
      'NAME HOST/PORT PATH SERVICES PORT TERMINATION WILDCARD',
    ];
    const ours = Object.values(expected).map((t) => t.split('\n')[0].replace(/ +/g, ' '));
    for (const h of postHeaders) expect(ours).toContain(h);
    expect(expected['kubectl get pod -o wide'].match(/ (54m|40m) /g)).toHaveLength(4);
    expect(expected['kubectl get svc'].match(/ (57m|43m|6h50m)\n/g)).toHaveLength(3);
    for (const text of Object.values(expected)) for (const l of text.trimEnd().split('\n')) expect(l).not.toMatch(/ $/);
  });

  it('print the post tables on the aro2 lab world', async () => {
    await check(createFixtureWorld(builtInLab('aro2')));
  });
});
