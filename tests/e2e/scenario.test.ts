// A fault scenario solved in Chromium: its page tells the story, its terminal runs on the broken
// world even when the reader chose another lab, the exercises accept the diagnosis, and the walk
// shows where the packet stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aroLabs, mountedTerminal, openPage, startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

describe('fault scenario in the browser', () => {
  it('router-down: diagnose with the terminal, answer, and see the walk stop', async () => {
    // The reader runs the chapters on another lab; the scenario page still runs its own world.
    const page = await openPage(site, '/chapters/01-welcome/?lab=aro-today');
    await page.goto(`${site.base}/scenarios/router-down/`);
    expect(await page.locator('.scenario-story').textContent()).toContain('every request to the sqlapi route gets an error page');

    await mountedTerminal(page);
    await typeInTerminal(page, 'kubectl get pods -n openshift-ingress');
    await expect.poll(() => terminalText(page)).toContain('CrashLoopBackOff');
    expect(await terminalText(page)).toContain('[router-down project1]$ kubectl get pods -n openshift-ingress');

    const card = page.locator('[data-exercise="router-down-status"]');
    await card.locator('input[name="answer"]').fill('Running');
    await card.getByRole('button', { name: 'Check' }).click();
    const cli = await aroLabs(['check', '--lab', 'router-down', 'router-down-status', 'Running']);
    await expect.poll(() => card.locator('[data-feedback]').textContent()).toBe(cli.output.trim());
    await card.locator('input[name="answer"]').fill('CrashLoopBackOff');
    await card.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => card.locator('[data-status]').textContent()).toBe('Solved');

    const walk = page.locator('packet-walk');
    expect(await walk.locator('[data-walk-stop]').textContent()).toBe('The packet stops at step 2: No router pod is ready: the load balancer has no healthy node to send to, and the router cannot answer.');
    expect(await walk.locator('.packet-walk__hop.is-stop').getAttribute('data-hop')).toBe('2');
  });

  it('snat-exhaustion: the metrics in the terminal are the CLI\'s, the node found is accepted, the egress walk stops', async () => {
    const page = await openPage(site, '/scenarios/snat-exhaustion/');
    await mountedTerminal(page);
    const line = 'az monitor metrics list --resource /subscriptions/e7da9914-9b05-4891-893c-546cb7b0422e/resourceGroups/aro2-resources/providers/Microsoft.Network/loadBalancers/aro2-p8bjm --metrics UsedSnatPorts --dimension BackendIPAddress --offset 1m -o table';
    await typeInTerminal(page, line);
    const cli = await aroLabs(['exec', '--lab', 'snat-exhaustion', line]);
    const lastRow = cli.output.trim().split('\n').pop()!;
    await expect.poll(() => terminalText(page)).toContain(lastRow);
    expect(cli.output).toContain('10.0.2.4            1024.0');

    const card = page.locator('[data-exercise="snat-exhausted-node"]');
    await card.locator('input[name="answer"]').fill('10.0.2.4');
    await card.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => card.locator('[data-status]').textContent()).toBe('Solved');

    const walk = page.locator('packet-walk');
    expect(await walk.locator('[data-walk-stop]').textContent()).toMatch(/^The packet stops at step 2: No SNAT port left: outbound rule outboundrule gives node 10\.0\.2\.4 1024 ports on 198\.51\.100\.24/);
  });
});
