// Writes the built-in lab worlds (labs/<lab>/world.json) from their specs (labs/<lab>/spec.ts,
// listed in labs/specs.ts) with the shared builders of labs/builders/. Deterministic: ids, etags and
// GUIDs derive from names, timestamps from each lab's clock; tests/world/lab-specs.test.ts checks
// that the committed worlds are what the specs give.
//   npm run labs
import { mkdir, writeFile } from 'node:fs/promises';
import { buildWorld, worldText } from '../labs/builders/world.ts';
import { LAB_SPECS } from '../labs/specs.ts';

for (const spec of LAB_SPECS) {
  const lab = buildWorld(spec);
  const dir = new URL(`../labs/${spec.info.name}/`, import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL('world.json', dir), worldText(lab));
  console.log(`labs/${spec.info.name}/world.json: ${lab.arm.length} ARM resources, ${lab.kube.length} Kubernetes objects`);
}
