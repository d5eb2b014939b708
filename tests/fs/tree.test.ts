// The lab machine's read-only tree: paths resolve as bash's logical paths, and what a file says
// about the lab (its resolver, its API server) is read from the lab's world.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { apiServerUrl } from '../../src/engine/commands/kube/cluster.ts';
import { isDirectory, listDirectory, prepareTree, readFile, resolvePath } from '../../src/engine/commands/fs/tree.ts';

async function session(lab: string) {
  return new Session(createFixtureWorld(await loadLab({ name: lab })), { tty: false });
}

describe('resolvePath', () => {
  it('resolves . and .. logically against the working directory', () => {
    expect(resolvePath('/home/reader', '../x/./y/..')).toBe('/home/x');
    expect(resolvePath('/usr', '/etc//hosts')).toBe('/etc/hosts');
    expect(resolvePath('/', '../..')).toBe('/');
  });
});

describe('the tree', () => {
  for (const lab of ['aro2', 'aro-private']) {
    it(`names ${lab}'s resolver in /etc/resolv.conf, the server nslookup reports`, async () => {
      const s = await session(lab);
      const nslookup = await s.run('nslookup example.invalid');
      const server = /^Server:\s+(\S+)/.exec(nslookup.stdout)?.[1];
      expect(server).toBeTruthy();
      expect(readFile(s, '/etc/resolv.conf')).toContain(`nameserver ${server}\n`);
    });

    it(`points ${lab}'s kubeconfig at the API server oc reports, with the session's namespace`, async () => {
      const s = await session(lab);
      await prepareTree(s);
      const config = readFile(s, '/home/reader/.kube/config')!;
      expect(config).toContain(`server: ${await apiServerUrl(s.world)}\n`);
      expect(config).toContain(`namespace: ${s.world.info.session.namespace}\n`);
    });
  }

  it("keeps a manifest of each Service and Route of the session's project, read from the world", async () => {
    const s = await session('aro-today');
    const namespace = s.world.info.session.namespace;
    await prepareTree(s);
    const services = (await s.world.kube(`/api/v1/namespaces/${namespace}/services`)).body as { items: Array<{ metadata: { name: string } }> };
    const files = listDirectory(s, `/home/reader/${namespace}`)!;
    for (const { metadata } of services.items) {
      expect(files).toContain(`${metadata.name}-service.yaml`);
      expect(readFile(s, `/home/reader/${namespace}/${metadata.name}-service.yaml`)).toContain(`  name: ${metadata.name}\n`);
    }
  });

  it('lists a directory in byte order, hidden names first, and reads no directory as a file', async () => {
    const s = await session('aro2');
    expect(listDirectory(s, '/home/reader')).toEqual(['.bashrc', '.kube', '.profile']);
    expect(listDirectory(s, '/etc/hosts')).toBeUndefined();
    expect(readFile(s, '/etc')).toBeUndefined();
    expect(isDirectory(s, '/home/reader/.kube')).toBe(true);
  });
});

describe('a world that cannot answer', () => {
  it('still gives the tree, with the placeholder server and no manifests', async () => {
    const s = await session('aro2');
    const failing = { ...s.world, kube: async () => { throw new Error('unreachable'); }, arm: async () => { throw new Error('unreachable'); } };
    const offline = { ...s, world: failing } as unknown as typeof s;
    await prepareTree(offline);
    expect(readFile(offline, '/home/reader/.kube/config')).toContain('server: https://api.cluster.local:6443\n');
    expect(listDirectory(offline, '/home/reader')).toEqual(['.bashrc', '.kube', '.profile']);
  });
});
