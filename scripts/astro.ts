// Astro's command line with its usage telemetry off for this project, so a newcomer's first build
// prints no telemetry banner and sends nothing. Astro reads the setting from the environment
// before it reads astro.config.mjs, so it is set here, the same way on every OS.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
process.argv = [process.argv[0], astroBin, ...process.argv.slice(2)];
await import(pathToFileURL(astroBin).href);
