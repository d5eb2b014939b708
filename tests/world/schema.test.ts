// Lab files are validated on load, and a broken one is reported with its file, the path inside
// it and the reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLabFile, parseLabJson } from '../../src/engine/world/schema/lab-file.ts';
import { builtInLabs } from '../helpers/built-in-labs.ts';

const text = (lab: string) => readFileSync(new URL(`../../labs/${lab}/world.json`, import.meta.url), 'utf8');
const broken = (change: (lab: any) => void) => {
  const lab = JSON.parse(text('aro2'));
  change(lab);
  return () => parseLabFile(lab, 'broken.json');
};

describe('lab file validation', () => {
  it.each(builtInLabs())('accepts the built-in lab %s', (lab) => {
    expect(parseLabJson(text(lab), `labs/${lab}/world.json`).info.name).toBe(lab);
  });

  it('names the file, the path and the reason for a value of the wrong type', () => {
    expect(broken((lab) => (lab.arm[1].name = 42))).toThrow(/^broken\.json: arm\[1\]\.name: .*expected string/);
  });

  it('refuses an id that is not an ARM resource id', () => {
    expect(broken((lab) => (lab.arm[2].id = 'not-an-id'))).toThrow(/^broken\.json: arm\[2\]\.id: not an ARM resource id$/);
  });

  it('refuses a name that differs from the last segment of its id', () => {
    expect(broken((lab) => (lab.arm[3].name = 'other'))).toThrow(/^broken\.json: arm\[3\]\.name: "other" is not the last segment of its id$/);
  });

  it('refuses a reference to a resource the lab does not have', () => {
    const fn = broken((lab) => {
      const lb = lab.arm.find((r: any) => r.name === 'aro2-p8bjm');
      lb.properties.outboundRules[0].properties.frontendIPConfigurations[0].id += 'x';
    });
    expect(fn).toThrow(/broken\.json: arm\[\d+\]\.properties\.outboundRules\[0\]\.properties\.frontendIPConfigurations\[0\]\.id: .* is not in the lab/);
  });

  it('refuses an object in a namespace the lab does not have', () => {
    expect(broken((lab) => (lab.kube.find((o: any) => o.kind === 'Pod').metadata.namespace = 'ghost'))).toThrow(/kube\[\d+\]\.metadata\.namespace: namespace "ghost" is not in the lab/);
  });

  it("keeps the reader's private address when the reader sits in a peered VNet", () => {
    const lab = JSON.parse(text('aro2'));
    lab.info.client.privateIp = '10.70.1.4';
    expect(parseLabFile(lab, 'peered.json').info.client.privateIp).toBe('10.70.1.4');
  });

  it("refuses a reader's private address that is not an IPv4 address", () => {
    expect(broken((lab) => (lab.info.client.privateIp = 'jumpbox'))).toThrow(/^broken\.json: info\.client\.privateIp: not an IPv4 address$/);
  });

  it('refuses a clock that is not a date', () => {
    expect(broken((lab) => (lab.info.clock = 'yesterday'))).toThrow(/^broken\.json: info\.clock: not a date$/);
  });

  it('reports invalid JSON', () => {
    expect(() => parseLabJson('{"formatVersion":', 'f.json')).toThrow(/^f\.json: invalid JSON: /);
  });
});
