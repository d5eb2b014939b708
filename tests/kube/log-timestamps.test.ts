// --timestamps prints the container runtime's time for each line of the log file: written after the
// program wrote the line, so never before the time klog put in the line itself; a message that spans
// lines is one entry per line, each with a time, and --tail counts those lines.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';

type Obj = Record<string, any>;

/** RFC3339Nano to nanoseconds past the epoch, as a bigint. */
function nanos(stamp: string): bigint {
  const m = /^(.{19})(?:\.(\d+))?Z$/.exec(stamp)!;
  return BigInt(Date.parse(`${m[1]}Z`)) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** klog's `I0529 15:58:01.123456` in a year, to nanoseconds. */
function klogNanos(header: string, year: string): bigint {
  const m = /^[IWE](\d\d)(\d\d) (\d\d:\d\d:\d\d)\.(\d{6})/.exec(header)!;
  return BigInt(Date.parse(`${year}-${m[1]}-${m[2]}T${m[3]}Z`)) * 1_000_000n + BigInt(m[4]) * 1000n;
}

describe.each(['aro2', 'router-down'])('router logs with --timestamps on %s', async (name) => {
  const lab = await loadLab({ name });
  const year = lab.info.clock.slice(0, 4);
  const routers = lab.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'openshift-ingress') as Obj[];

  it("stamps each line no earlier than the klog time written in it", async () => {
    const s = new Session(createFixtureWorld(lab), { tty: false });
    let klogLines = 0;
    for (const router of routers) {
      for (const previous of ['', ' -p']) {
        const out = (await s.run(`oc logs ${router.metadata.name} -n openshift-ingress --timestamps${previous}`)).stdout;
        for (const line of out.split('\n').filter(Boolean)) {
          const [stamp, ...rest] = line.split(' ');
          const text = rest.join(' ');
          expect(Number.isNaN(Date.parse(stamp)), line).toBe(false);
          if (!/^[IWE]\d{4} /.test(text)) continue;
          klogLines++;
          expect(nanos(stamp) >= klogNanos(text, year), line).toBe(true);
        }
      }
    }
    expect(klogLines).toBeGreaterThan(0);
  });

  it('stamps every line of a message that spans lines, and --tail counts lines', async () => {
    const s = new Session(createFixtureWorld(lab), { tty: false });
    for (const router of routers) {
      const plain = (await s.run(`oc logs ${router.metadata.name} -n openshift-ingress`)).stdout.split('\n').filter(Boolean);
      const stamped = (await s.run(`oc logs ${router.metadata.name} -n openshift-ingress --timestamps`)).stdout.split('\n').filter(Boolean);
      expect(stamped.map((l) => l.slice(l.indexOf(' ') + 1))).toEqual(plain);
      const tail = (await s.run(`oc logs ${router.metadata.name} -n openshift-ingress --tail=3`)).stdout;
      expect(tail).toBe(plain.slice(-3).map((l) => `${l}\n`).join(''));
    }
  });
});
