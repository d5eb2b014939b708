// The build, the browser tests and the budget find Chromium by the ARO_LABS_CHROMIUM setting, then
// where each system puts it, and say in one line what to install when there is none.
import { describe, expect, it } from 'vitest';
import { ChromiumMissing, findChromium, usualChromiumPaths } from '../../src/node/chromium.ts';

const only = (...present: string[]) => (path: string) => present.includes(path);

describe('finding Chromium', () => {
  it('takes the ARO_LABS_CHROMIUM setting before any usual place', () => {
    expect(findChromium({ ARO_LABS_CHROMIUM: '/opt/my/chrome' }, 'linux', only('/opt/my/chrome', '/usr/bin/chromium'))).toBe('/opt/my/chrome');
  });

  it('refuses a setting that names nothing, naming the setting and the path, rather than looking elsewhere', () => {
    expect(() => findChromium({ ARO_LABS_CHROMIUM: '/nowhere/chrome' }, 'linux', only('/usr/bin/chromium'))).toThrow(
      new ChromiumMissing('ARO_LABS_CHROMIUM is set to /nowhere/chrome, which does not exist: point it at a Chromium, Chrome or Edge executable.'),
    );
  });

  it.each([
    ['linux', {}, '/snap/bin/chromium'],
    ['linux', {}, '/usr/bin/google-chrome-stable'],
    ['darwin', { HOME: '/Users/ana' }, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['darwin', { HOME: '/Users/ana' }, '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['win32', { PROGRAMFILES: 'C:\\Program Files' }, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ['win32', { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
  ] as const)('on %s finds a browser installed at its usual place (%o, %s)', (platform, env, path) => {
    expect(usualChromiumPaths(platform, env)).toContain(path);
    expect(findChromium(env, platform, only(path))).toBe(path);
  });

  it('prefers Debian’s Chromium on Linux when several are installed', () => {
    expect(findChromium({}, 'linux', only('/usr/bin/google-chrome', '/usr/bin/chromium'))).toBe('/usr/bin/chromium');
  });

  it('without any browser, fails with one line that says what to install or set', () => {
    let error: unknown;
    try {
      findChromium({}, 'linux', only());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChromiumMissing);
    expect((error as Error).message).toBe('No Chromium, Chrome or Edge found: install one (Debian/Ubuntu: apt-get install chromium) or set ARO_LABS_CHROMIUM to its executable.');
    expect((error as Error).message).not.toContain('\n');
  });
});
