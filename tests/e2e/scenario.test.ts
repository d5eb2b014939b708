// A fault scenario solved in Chromium: its page tells the story, its terminal runs on the broken
// world even when the reader chose another lab, the exercises accept the diagnosis, and what fixed
// it and the walk that shows where the packet stops wait behind disclosures until the reader asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aroLabs, mountedTerminal, openPage, startSite, terminalText, typeInTerminal, type Site } from '../helpers/site.ts';
import { loadLab } from '../../src/node/labs.ts';
import { walk } from '../../src/engine/walk/walk.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { snatNow } from '../../src/engine/model/snat.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

describe('fault scenario in the browser', () => {
  it('router-down: the story, the timeout and the crashing routers, the cause accepted, the fix and the walk behind disclosures', async () => {
    const lab = await loadLab({ name: 'router-down' });
    // The reader runs the chapters on another lab; the scenario page still runs its own world.
    const page = await openPage(site, '/chapters/01-welcome/?lab=aro-today');
    await page.goto(`${site.base}/scenarios/router-down/`);
    expect((await page.locator('.scenario-story').textContent())?.trim()).toContain(lab.info.story);

    // The symptom printed into the page is curl's timeout, not an error page.
    const symptom = page.locator('figure.lab-run').filter({ hasText: 'echo $?' }).first();
    expect(await symptom.locator('.lab-run__stderr').textContent()).toMatch(/^curl: \(28\) /);

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

    // The cause, as the world names it, is accepted; the symptom given as the cause is told apart.
    const cause = page.locator('[data-exercise="router-down-cause"]');
    await cause.locator('input[name="answer"]').fill('CrashLoopBackOff');
    await cause.getByRole('button', { name: 'Check' }).click();
    const told = await aroLabs(['check', '--lab', 'router-down', 'router-down-cause', 'CrashLoopBackOff']);
    await expect.poll(() => cause.locator('[data-feedback]').textContent()).toBe(told.output.trim());
    const secret = String((lab.kube.find((o) => o.kind === 'IngressController' && o.metadata.name === 'default')?.spec as { defaultCertificate?: { name?: string } } | undefined)?.defaultCertificate?.name);
    await cause.locator('input[name="answer"]').fill(secret);
    await cause.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => cause.locator('[data-status]').textContent()).toBe('Solved');

    // What fixed it is closed until the reader opens it.
    const fix = page.locator('#what-fixed-it-and-what-it-teaches ~ details').first();
    expect(await fix.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await fix.locator('p').first().isVisible()).toBe(false);
    // From the keyboard: the docked terminal may cover the summary where a scroll leaves it.
    await fix.locator('summary').press('Enter');
    await expect.poll(() => fix.locator('table').isVisible()).toBe(true);

    const expected = walk(lab, 'ingress');
    const disclosure = page.locator('[data-walk-disclosure]');
    expect(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const walkEl = page.locator('packet-walk');
    expect(await walkEl.locator('[data-walk-stop]').textContent()).toBe(`The packet stops at step ${expected.stopped!.step}: ${expected.stopped!.why}`);
    expect(await walkEl.locator('.packet-walk__hop.is-stop').getAttribute('data-hop')).toBe(String(expected.stopped!.step));
  });

  it('snat-exhaustion: the metrics in the terminal are the CLI\'s, the node found is accepted, the egress walk stops', async () => {
    const lab = await loadLab({ name: 'snat-exhaustion' });
    const model = new WorldModel(lab);
    // The node whose ports are all taken, and the load balancer whose outbound rule gives them, from the world.
    const exhausted = lab.kube.filter((o) => o.kind === 'Node').map((n) => snatNow(model, n.metadata.name)).filter((n) => n && n.minute.inUse >= n.backend.allocated);
    expect(exhausted.length).toBe(1);
    const { lb, backend } = exhausted[0]!;

    const page = await openPage(site, '/scenarios/snat-exhaustion/');
    await mountedTerminal(page);
    const line = `az monitor metrics list --resource ${String(lb.id)} --metrics UsedSnatPorts --dimension BackendIPAddress --offset 1m -o table`;
    await typeInTerminal(page, line);
    const cli = await aroLabs(['exec', '--lab', 'snat-exhaustion', line]);
    const lastRow = cli.output.trim().split('\n').pop()!;
    await expect.poll(() => terminalText(page)).toContain(lastRow);
    expect(cli.output).toMatch(new RegExp(`${backend.backendIp.replaceAll('.', '\\.')} +${backend.allocated}\\.0`));

    const card = page.locator('[data-exercise="snat-exhausted-node"]');
    await card.locator('input[name="answer"]').fill(backend.backendIp);
    await card.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => card.locator('[data-status]').textContent()).toBe('Solved');

    const expected = walk(lab, 'egress');
    const walkEl = page.locator('packet-walk');
    expect(await walkEl.locator('[data-walk-stop]').textContent()).toBe(`The packet stops at step ${expected.stopped!.step}: ${expected.stopped!.why}`);
    expect(expected.stopped!.why).toContain(backend.backendIp);
  });
});
