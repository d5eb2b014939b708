// "Connect to my cluster" in Chromium: the page's terminal takes the bridge URL, says clearly that
// it is live, runs the chapter's commands against the reader's cluster (fake servers on loopback
// here) with the same output as the lab, checks exercises there, and falls back to the lab when
// the bridge goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadLab } from '../../src/node/labs.ts';
import { startBridge, type Bridge } from '../../src/node/live/bridge.ts';
import { takeSnapshot } from '../../src/node/live/snapshot.ts';
import { aroLabs, mountedTerminal, openPage, startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';
import { liveWorldOn, startFakeCluster, type FakeCluster } from '../helpers/fake-cluster.ts';

let site: Site;
let fake: FakeCluster;
let bridge: Bridge;

beforeAll(async () => {
  site = await startSite();
  const lab = await loadLab({ name: 'aro2' });
  fake = await startFakeCluster(lab);
  bridge = await startBridge({ world: await liveWorldOn(fake, lab), origins: [site.base] });
});

afterAll(async () => {
  await bridge?.close();
  await fake?.close();
  await site?.close();
});

async function chapter(path: string): Promise<Page> {
  const page = await openPage(site, path);
  await mountedTerminal(page);
  return page;
}

async function connect(page: Page, url: string): Promise<string> {
  const panel = page.locator('[data-lab-live]');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText('Connect to my cluster').click();
  await page.locator('[data-lab-live-status]').evaluate((p) => (p.textContent = ''));
  await page.getByLabel('Bridge URL').fill(url);
  await page.getByRole('button', { name: 'Connect' }).click();
  const status = page.locator('[data-lab-live-status]');
  await expect.poll(() => status.textContent()).not.toMatch(/^(Connecting…)?$/);
  return (await status.textContent())!;
}

describe('live mode in the page', () => {
  it('connects with the bridge URL, shows LIVE, and prints what the lab prints', async () => {
    const page = await chapter('/chapters/03-load-balancers/');
    expect(await page.locator('lab-terminal').getAttribute('data-source')).toBeNull();
    expect(await connect(page, bridge.url)).toMatch(/^Connected to your cluster aro2 through the bridge: read-only, live\./);
    expect(await page.locator('lab-terminal').getAttribute('data-source')).toBe('live');
    expect(await page.locator('.lab-terminal__source').textContent()).toBe('LIVE your cluster aro2 (resource group aro2), read-only, through the bridge');
    const before = fake.requests.arm.length;
    await typeInTerminal(page, 'az network lb list -g aro2-resources -o table');
    const lab = await aroLabs(['exec', 'az network lb list -g aro2-resources -o table']);
    const firstRow = lab.output.split('\n')[2];
    await expect.poll(() => terminalText(page)).toContain(firstRow);
    expect(fake.requests.arm.length).toBeGreaterThan(before);
    await expect.poll(() => terminalText(page)).toContain('[aro2 project1]$');
  });

  it('refuses a wrong token, and a URL that is not a bridge, in words', async () => {
    const page = await chapter('/chapters/03-load-balancers/');
    expect(await connect(page, bridge.url.replace(/token=.*/, 'token=wrong'))).toBe('Could not connect: it refused the token (was the bridge restarted? paste its new URL).');
    expect(await page.locator('lab-terminal').getAttribute('data-source')).toBeNull();
    expect(await connect(page, 'http://example.com/#token=x')).toMatch(/^That is not a bridge URL\./);
  });

  it('checks exercises against the live cluster while connected', async () => {
    const page = await chapter('/chapters/04-outbound-rule/');
    await connect(page, bridge.url);
    const before = fake.requests.app.length;
    const card = page.locator('[data-exercise="egress-ip"]');
    await card.locator('input[name="answer"]').fill('198.51.100.24');
    await card.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => card.locator('[data-status]').textContent()).toBe('Solved');
    expect(fake.requests.app.length + fake.requests.arm.length).toBeGreaterThan(before);
  });

  it('loads a snapshot of the cluster as a lab in workshop mode', async () => {
    const lab = await loadLab({ name: 'aro2' });
    const { lab: snap, replacements } = await takeSnapshot(await liveWorldOn(fake, lab), { cluster: 'aro2', group: 'aro2', redactIps: true, name: 'my-cluster' });
    const page = await openPage(site, '/labs/');
    await page.setInputFiles('[data-lab-file]', { name: 'my-cluster.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(snap)) });
    await expect.poll(() => page.locator('[data-lab-message]').textContent()).toMatch(new RegExp(`^Loaded my-cluster \\(Snapshot of aro2\\): ${snap.arm.length} Azure resources and ${snap.kube.length} Kubernetes objects\\.`));
    await page.goto(`${site.base}/chapters/04-outbound-rule/`);
    await mountedTerminal(page);
    await typeInTerminal(page, 'curl -s http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip | jq -r .my_public_ip');
    await expect.poll(() => terminalText(page)).toContain(`\n${replacements.get('198.51.100.24')}\n[my-cluster project1]$`);
  });

  it('reconnects on the next chapter of the same tab, and falls back to the lab when the bridge stops', async () => {
    const page = await chapter('/chapters/03-load-balancers/');
    await connect(page, bridge.url);
    await page.goto(`${site.base}/chapters/05-router/`);
    await mountedTerminal(page);
    await expect.poll(() => page.locator('lab-terminal').getAttribute('data-source')).toBe('live');
    await bridge.close();
    await typeInTerminal(page, 'kubectl get svc -n openshift-ingress');
    await expect.poll(() => terminalText(page)).toMatch(/The bridge stopped answering \(the bridge at http:\/\/127\.0\.0\.1:\d+ does not answer/);
    expect(await page.locator('lab-terminal').getAttribute('data-source')).toBe('fixture');
    expect(await page.locator('.lab-terminal__source').textContent()).toBe('Simulated lab aro2');
    await typeInTerminal(page, 'kubectl get svc -n openshift-ingress');
    await expect.poll(() => terminalText(page)).toContain('router-default');
  });
});
