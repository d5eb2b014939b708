// Names in a lab file may hold no control character and no bidirectional formatting character:
// a name reaches terminals raw. Free text (annotation values, tags' values, titles) may hold any
// character. Refusals name the file, the path and the character, and never carry it raw.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLabFile, parseLabJson } from '../../src/engine/world/schema/lab-file.ts';

type Lab = { info: any; arm: any[]; kube: any[] };
const text = (lab: string) => readFileSync(new URL(`../../labs/${lab}/world.json`, import.meta.url), 'utf8');
const changed = (change: (lab: Lab) => void) => {
  const lab = JSON.parse(text('aro2')) as Lab;
  change(lab);
  return () => parseLabFile(lab, 'broken.json');
};
const pod = (lab: Lab) => lab.kube.find((o) => o.kind === 'Pod');
const indexOf = (lab: Lab, kind: string) => lab.kube.findIndex((o) => o.kind === kind);
const RAW = /[\p{Cc}\p{Bidi_Control}]/u;

function refusal(change: (lab: Lab) => void): string {
  try {
    changed(change)();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the lab file was accepted');
}

describe('names in lab files', () => {
  it('refuses ESC in a pod name with the file, the path and the character', () => {
    const lab = JSON.parse(text('aro2')) as Lab;
    const i = indexOf(lab, 'Pod');
    const message = refusal((l) => (pod(l).metadata.name = 'sqlapi\x1b]0;owned\x07'));
    expect(message).toBe(`broken.json: kube[${i}].metadata.name: names may not contain control characters (found U+001B)`);
  });

  it.each([
    ['a namespace', (l: Lab) => (pod(l).metadata.namespace = 'project1\x1b[2J'), /kube\[\d+\]\.metadata\.namespace: .*U\+001B/],
    ['a route host', (l: Lab) => (l.kube.find((o) => o.kind === 'Route').spec.host = 'app\u009b.example.com'), /kube\[\d+\]\.spec\.host: .*control characters \(found U\+009B\)/],
    ['a label value', (l: Lab) => (pod(l).metadata.labels.app = 'sqlapi\x7f'), /kube\[\d+\]\.metadata\.labels\.app: .*U\+007F/],
    ['an ARM resource name', (l: Lab) => (l.arm[2].name = `${l.arm[2].name}\x00`), /^broken\.json: arm\[2\]\.name: names may not contain control characters \(found U\+0000\)$/],
    ['an ARM id', (l: Lab) => (l.arm[2].id = `${l.arm[2].id}\n`), /^broken\.json: arm\[2\]\.id: .*U\+000A/],
    ['the session namespace', (l: Lab) => (l.info.session.namespace = 'project1\x07'), /^broken\.json: info\.session\.namespace: .*U\+0007/],
    ['a reference inside properties', (l: Lab) => {
      const lb = l.arm.find((r) => r.name === 'aro2-p8bjm');
      lb.properties.outboundRules[0].properties.frontendIPConfigurations[0].id += '\x1b';
    }, /arm\[\d+\]\.properties\.outboundRules\[0\]\.properties\.frontendIPConfigurations\[0\]\.id: .*U\+001B/],
  ])('refuses control characters in %s', (_what, change, expected) => {
    expect(refusal(change)).toMatch(expected);
  });

  it('refuses a label key with an escape and quotes the key in the path without the raw character', () => {
    const message = refusal((l) => (pod(l).metadata.labels['x\x1b]52;c;aGk=\x07'] = 'v'));
    expect(message).toMatch(/^broken\.json: kube\[\d+\]\.metadata\.labels\["x\\u001b\]52;c;aGk=\\u0007"\]: names may not contain control characters \(found U\+001B\)$/);
    expect(message).not.toMatch(RAW);
  });

  it('refuses a tag key with DEL', () => {
    expect(refusal((l) => (l.arm[3].tags = { 'owner\x7f': 'me' }))).toMatch(/^broken\.json: arm\[3\]\.tags\["owner\\u007f"\]: .*U\+007F/);
  });

  it('refuses a bidirectional override in a name, which would show it as another name', () => {
    expect(refusal((l) => (pod(l).metadata.name = 'sqlapi-\u202e1-x'))).toMatch(/metadata\.name: names may not contain bidirectional formatting characters \(found U\+202E\)$/);
    expect(refusal((l) => (l.arm[4].name = `${l.arm[4].name}\u2066`))).toMatch(/arm\[4\]\.name: .*bidirectional.*U\+2066/);
  });

  it('accepts control characters in free text: annotation values, tag values, titles, app bodies', () => {
    const nasty = 'a\x1b]52;c;aGk=\x07b\x1b]0;title\x07c\x1b[2Jd\re\x7f\u009b\u202e';
    const lab = changed((l) => {
      pod(l).metadata.annotations = { note: nasty };
      l.arm[3].tags = { note: nasty };
      l.info.title = `Lab ${nasty}`;
      l.info.app.sqlVersion = nasty;
    })();
    expect(pod(lab as unknown as Lab).metadata.annotations.note).toBe(nasty);
  });

  it('spells out the control characters a JSON parse error quotes', () => {
    // V8 quotes the text around an unexpected token.
    let message = '';
    try {
      parseLabJson('[1,\x1b]0;owned\x07]', 'f.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^f\.json: invalid JSON: Unexpected token '\\u001b', "\[1,\\u001b\]0;owned\\u0007\]" is not valid JSON$/);
  });

  it.each(['aro2', 'aro-today'])('accepts the built-in lab %s', (lab) => {
    expect(parseLabJson(text(lab), `labs/${lab}/world.json`).info.name).toBe(lab);
  });
});
