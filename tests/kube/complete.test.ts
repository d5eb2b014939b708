// Tab completion: verbs, resource types (also after a comma), flags, flag values, and object
// names read from the world for the chosen type and namespace.
import { describe, expect, it } from 'vitest';
import { kubeCommands } from '../../src/engine/commands/kube/index.ts';
import { aro2Objects } from './aro2-objects.ts';
import { fakeSession, fakeWorld, words } from './fake-world.ts';

const [kubectl, oc] = kubeCommands;
const complete = (cmd: typeof kubectl, line: string) => cmd.complete!(line.endsWith(' ') ? [...words(line), ''] : words(line), fakeSession(fakeWorld(aro2Objects)));

describe('completion', () => {
  it('completes verbs', async () => {
    expect(await complete(kubectl, 'kubectl ge')).toEqual(['get']);
    expect(await complete(oc, 'oc proj')).toEqual(['project', 'projects']);
  });
  it('completes resource types, also after a comma', async () => {
    expect(await complete(kubectl, 'kubectl get po')).toEqual(['pods']);
    expect(await complete(kubectl, 'kubectl get pods,se')).toEqual(['pods,services', 'pods,secrets', 'pods,serviceaccounts']);
  });
  it('completes object names of the type in the current or chosen namespace', async () => {
    expect(await complete(kubectl, 'kubectl get pods sq')).toEqual(['sqlapi-1-8jgx8', 'sqlapi-1-deploy']);
    expect(await complete(kubectl, 'kubectl get svc -n openshift-ingress ')).toEqual(['router-default', 'router-internal-default']);
    expect(await complete(kubectl, 'kubectl get svc/sql')).toEqual(['svc/sqlapi', 'svc/sqlapilb']);
  });
  it('completes types and names after the verbs that change an object', async () => {
    expect(await complete(kubectl, 'kubectl delete po')).toEqual(['pods']);
    expect(await complete(oc, 'oc delete pods sq')).toEqual(['sqlapi-1-8jgx8', 'sqlapi-1-deploy']);
    expect(await complete(kubectl, 'kubectl label svc/sql')).toEqual(['svc/sqlapi', 'svc/sqlapilb']);
    expect(await complete(kubectl, 'kubectl patch svc sqlapil')).toEqual(['sqlapilb']);
  });
  it('completes flags and their values', async () => {
    expect(await complete(kubectl, 'kubectl get pods --all')).toEqual(['--all-namespaces', '--allow-missing-template-keys']);
    expect(await complete(kubectl, 'kubectl get pods -o ya')).toEqual(['yaml']);
    expect(await complete(kubectl, 'kubectl get pods -n openshift-')).toEqual(['openshift-ingress']);
  });
  it('completes project names for oc project', async () => {
    expect(await complete(oc, 'oc project p')).toEqual(['project1']);
  });
});
