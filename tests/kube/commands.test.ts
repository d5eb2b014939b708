// kubectl and oc as commands: root help, unknown commands with cobra's suggestions, flag errors
// in both tools' words, the oc-only verbs (project, projects, whoami), and how `get` uses the
// session's current project.
import { describe, expect, it } from 'vitest';
import { kubeCommands, suggestionsFor } from '../../src/engine/commands/kube/index.ts';
import { KUBECTL_ROOT_HELP, OC_ROOT_HELP } from '../../src/engine/commands/kube/help.ts';
import { aro2Objects } from './aro2-objects.ts';
import { fakeSession, fakeWorld, runLine } from './fake-world.ts';

const API = 'https://api.m50kgrxk.northeurope.aroapp.io:6443';
const clusterId =
  '/subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2/providers/Microsoft.RedHatOpenShift/openShiftClusters/aro2';
const arm = {
  [clusterId]: {
    id: clusterId,
    name: 'aro2',
    properties: { apiserverProfile: { url: `${API}/` }, consoleProfile: { url: 'https://console-openshift-console.apps.m50kgrxk.northeurope.aroapp.io/' } },
  },
};
const session = () => fakeSession(fakeWorld(aro2Objects, undefined, arm));
const run = (line: string, s = session()) => runLine(kubeCommands, s, line);

describe('root', () => {
  it('prints the root help on stdout with status 0 when there is no verb, or for -h', async () => {
    expect(await run('kubectl')).toEqual({ status: 0, stdout: KUBECTL_ROOT_HELP, stderr: '' });
    expect(await run('kubectl -h')).toEqual({ status: 0, stdout: KUBECTL_ROOT_HELP, stderr: '' });
    expect((await run('oc --help')).stdout).toBe(OC_ROOT_HELP);
    expect(OC_ROOT_HELP).toMatch(/^OpenShift Client\n/);
    expect(OC_ROOT_HELP).toContain('\n  project           Switch to another project\n');
  });

  it('names an unknown command and suggests close ones in registration order (cobra)', async () => {
    expect(await run('kubectl gett pods')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n',
    });
    expect((await run('oc projcts')).stderr).toBe('error: unknown command "projcts" for "oc"\n\nDid you mean this?\n\tproject\n\tprojects\n');
    expect((await run('kubectl zzzzzz')).stderr).toBe('error: unknown command "zzzzzz" for "kubectl"\n');
  });

  it('suggests by edit distance 2 or prefix, as kubectl 1.32 does', () => {
    expect(suggestionsFor('kubectl', 'c')).toEqual(['create', 'certificate', 'cluster-info', 'cordon', 'cp', 'completion', 'config']);
    expect(suggestionsFor('kubectl', 'api')).toEqual(['cp', 'api-versions', 'api-resources']);
    expect(suggestionsFor('kubectl', 'opt')).toEqual(['set', 'get', 'top', 'cp', 'options']);
  });

  it('accepts kubectl-wide flags before the verb and rejects others', async () => {
    expect((await run('kubectl -n openshift-ingress get svc -o name')).stdout).toBe('service/router-default\nservice/router-internal-default\n');
    expect(await run('kubectl --foo get pods')).toEqual({ status: 1, stdout: '', stderr: 'Error: flags cannot be placed before plugin name: --foo\n' });
    expect((await run('oc -n')).stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'oc --help' for usage.\n");
  });

  it('says so for real commands this terminal does not imitate', async () => {
    expect(await run('kubectl top pod x')).toEqual({ status: 1, stdout: '', stderr: 'error: "kubectl top" is not available in this lab terminal\n' });
  });

  it('says that get cannot watch here, as logs says of --follow, instead of ignoring -w', async () => {
    for (const line of ['kubectl get pods -w', 'oc get pods --watch', 'kubectl get pods --watch-only']) {
      const flag = line.includes('watch-only') ? '--watch-only' : '--watch';
      expect(await run(line)).toEqual({ status: 1, stdout: '', stderr: `error: ${flag} is not available in this lab terminal\n` });
    }
    expect((await run('kubectl get pods -w=false -n openshift-ingress -o name')).status).toBe(0);
  });
});

describe('get errors in each tool name', () => {
  it.each([
    ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ['oc get pods --foo', "error: unknown flag: --foo\nSee 'oc get --help' for usage.\n"],
    ['oc get pods -x', "error: unknown shorthand flag: 'x' in -x\nSee 'oc get --help' for usage.\n"],
    ['oc get pods -n', "error: flag needs an argument: 'n' in -n\nSee 'oc get --help' for usage.\n"],
    ['oc get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['oc get pod nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['oc get route nope', 'Error from server (NotFound): routes.route.openshift.io "nope" not found\n'],
    ['oc get svc/x pods', "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'oc get resource/<resource_name>' instead of 'oc get resource resource/<resource_name>'\n"],
  ])('%s', async (line, stderr) => {
    expect(await run(line)).toEqual({ status: 1, stdout: '', stderr });
  });

  it('asks for a resource type when none is given, naming the tool', async () => {
    expect(await run('oc get')).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "oc api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "oc explain <resource>" for a detailed description of that resource (e.g. oc explain pods).\n' +
        "See 'oc get -h' for help and examples\n",
    });
  });

  it('prints get --help with the tool name', async () => {
    const help = (await run('oc get --help')).stdout;
    expect(help).toContain('  oc get pods -o wide\n');
    expect(help).not.toContain('kubectl');
  });

  it('reports an empty namespace on stderr with status 0, an empty cluster-wide list without the namespace', async () => {
    expect(await run('kubectl get pods -n nowhere')).toEqual({ status: 0, stdout: '', stderr: 'No resources found in nowhere namespace.\n' });
    expect(await run('kubectl get netpol -A')).toEqual({ status: 0, stdout: '', stderr: 'No resources found\n' });
  });

  it('lists projects with kubectl too: they are a resource of the OpenShift API server', async () => {
    expect((await run('kubectl get projects')).stdout).toBe(
      'NAME                DISPLAY NAME   STATUS\ndefault                            Active\nopenshift-ingress                  Active\nproject1            Project One    Active\n',
    );
  });
});

describe('oc project, projects, whoami', () => {
  it('shows the current project with the API server URL from the cluster', async () => {
    expect(await run('oc project')).toEqual({ status: 0, stdout: `Using project "project1" on server "${API}".\n`, stderr: '' });
    expect((await run('oc project -q')).stdout).toBe('project1\n');
  });

  it('switches the session project, and get follows it', async () => {
    const s = session();
    expect(await run('oc project openshift-ingress', s)).toEqual({
      status: 0,
      stdout: `Now using project "openshift-ingress" on server "${API}".\n`,
      stderr: '',
    });
    expect(s.namespace).toBe('openshift-ingress');
    expect((await run('kubectl get svc -o name', s)).stdout).toBe('service/router-default\nservice/router-internal-default\n');
    expect((await run('oc project openshift-ingress', s)).stdout).toBe(`Already on project "openshift-ingress" on server "${API}".\n`);
  });

  it('refuses an unknown project and lists the existing ones', async () => {
    const s = session();
    expect(await run('oc project nope', s)).toEqual({
      status: 1,
      stdout: '',
      stderr: `error: A project named "nope" does not exist on "${API}".\nYour projects are:\n* default\n* openshift-ingress\n* Project One (project1)\n`,
    });
    expect(s.namespace).toBe('project1');
    expect((await run('oc project a b')).stderr).toBe('error: Only one argument is supported (project name or context name).\n');
  });

  it('lists projects with the current one starred', async () => {
    expect(await run('oc projects')).toEqual({
      status: 0,
      stdout:
        "You have access to the following projects and can switch between them with 'oc project <projectname>':\n\n" +
        '    default\n    openshift-ingress\n  * project1 - Project One\n\n' +
        `Using project "project1" on server "${API}".\n`,
      stderr: '',
    });
  });

  it('whoami prints the user, the server or the console', async () => {
    expect((await run('oc whoami')).stdout).toBe('kube:admin\n');
    expect((await run('oc whoami --show-server')).stdout).toBe(`${API}\n`);
    expect((await run('oc whoami --show-console')).stdout).toBe('https://console-openshift-console.apps.m50kgrxk.northeurope.aroapp.io\n');
    expect((await run('oc whoami --show-context')).stdout).toBe('project1/api-m50kgrxk-northeurope-aroapp-io:6443/kube:admin\n');
  });

  it('has no project verbs in kubectl', async () => {
    expect(await run('kubectl project')).toEqual({ status: 1, stdout: '', stderr: 'error: unknown command "project" for "kubectl"\n' });
  });
});

describe('get all', () => {
  it('prints every kind of the "all" category that has objects, each with kind/ names and its own header', async () => {
    const r = await run('kubectl get all');
    expect(r.status).toBe(0);
    const blocks = r.stdout.split('\n\n');
    expect(blocks.map((b) => b.split('\n')[1].split(' ')[0])).toEqual(['pod/server-1-deploy', 'service/server', 'route.route.openshift.io/sqlapilb']);
    expect(blocks[0].startsWith('NAME                  READY   STATUS      RESTARTS   AGE\n')).toBe(true);
  });
});
