// Where the build (diagrams rendered to SVG), the browser tests and the budget find a Chromium:
// the ARO_LABS_CHROMIUM setting first, then where each system's packages and installers put
// Chromium, Chrome or Edge. Without one, a single line says what to install, instead of
// Playwright's "executable doesn't exist" for a path this machine never had.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** How the project starts Chromium everywhere: headless, no sandbox, nothing fetched from outside. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export const CHROMIUM_SETTING = 'ARO_LABS_CHROMIUM';

export class ChromiumMissing extends Error {}

/** The usual places of Chromium-based browsers on a system, most likely first. */
export function usualChromiumPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'].flatMap((app) => [
      join('/Applications', app),
      ...(env.HOME ? [join(env.HOME, 'Applications', app)] : []),
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'].flatMap((exe) => roots.map((root) => `${root}\\${exe}`));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge'];
}

/** The Chromium to start, or ChromiumMissing with one line that says what to do. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): string {
  const chosen = env[CHROMIUM_SETTING];
  if (chosen) {
    if (exists(chosen)) return chosen;
    throw new ChromiumMissing(`${CHROMIUM_SETTING} is set to ${chosen}, which does not exist: point it at a Chromium, Chrome or Edge executable.`);
  }
  const found = usualChromiumPaths(platform, env).find((path) => exists(path));
  if (found) return found;
  throw new ChromiumMissing(`No Chromium, Chrome or Edge found: install one (Debian/Ubuntu: apt-get install chromium) or set ${CHROMIUM_SETTING} to its executable.`);
}
