// The ARO Packet Labs site: Starlight over the chapters in content/, command outputs rendered at
// build time by the lab engine (remark-run), diagrams as inline SVG kept in the repo and drawn again
// only when their source changes (src/site/diagrams/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { remarkRun } from './src/site/remark-run.ts';
import { mermaidStyles } from './src/site/mermaid-styles.ts';
import { rehypeDiagramFrame } from './src/site/diagrams/rehype-diagram-frame.ts';
import { rehypeDiagramCache } from './src/site/diagrams/rehype-diagram-cache.ts';
import { DIAGRAM_OPTIONS } from './src/site/diagrams/diagram-options.ts';
import { folderSidebarItems } from './src/site/sidebar.ts';

// The names of the built-in labs and fault scenarios, known to pages without loading any of them.
const LAB_NAMES = {
  worlds: readdirSync('labs', { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(`labs/${d.name}/world.json`)).map((d) => d.name).sort(),
  scenarios: readdirSync('labs/scenarios').filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort(),
};
// Each one's namespace, all the terminal's first prompt needs of a lab: the prompt then waits for
// no world file (a scenario's is its base lab's, which a scenario does not change). Apart from the
// names, which the code before interaction reads: a define is copied wherever it is used.
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const worldNamespace = (name) => readJson(`labs/${name}/world.json`).info.session.namespace;
const LAB_NAMESPACES = Object.fromEntries([
  ...LAB_NAMES.worlds.map((name) => [name, worldNamespace(name)]),
  ...LAB_NAMES.scenarios.map((name) => [name, worldNamespace(readJson(`labs/scenarios/${name}.json`).base)]),
]);


// A build can go elsewhere than dist/ (ARO_LABS_DIST), with its own cache, so two builds of one
// checkout never write over each other; the browser tests read the same variable.
const OUT_DIR = process.env.ARO_LABS_DIST;

export default defineConfig({
  site: 'http://localhost:4321',
  // Starlight turns on Astro's prefetch of every link (1.1 KB gz of script before interaction on
  // every page); the pages are small static files, so a link followed loads fast without it.
  prefetch: false,
  ...(OUT_DIR ? { outDir: OUT_DIR, cacheDir: `${OUT_DIR}.cache` } : {}),
  vite: {
    define: { __ARO_LABS__: JSON.stringify(LAB_NAMES), __ARO_LAB_NAMESPACES__: JSON.stringify(LAB_NAMESPACES) },
    build: {
      rollupOptions: {
        // Astro marks each MDX page's module with its own "use astro:head-inject" directive and
        // handles it itself; the bundler's notice that it may drop the directive is noise for
        // every page, so that one notice (and only it) is not printed.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkRun],
      // Diagrams come from their stored SVGs; only a changed one is drawn, with a browser.
      rehypePlugins: [[rehypeDiagramCache, DIAGRAM_OPTIONS], rehypeDiagramFrame],
    }),
  },
  integrations: [
    mermaidStyles(),
    starlight({
      title: 'ARO Packet Labs',
      description: 'How packets get in and out of a public Azure Red Hat OpenShift cluster, with terminals that run the real queries.',
      customCss: ['./src/site/styles/site.css'],
      components: { Search: './src/site/components/Search.astro', TableOfContents: './src/site/components/toc/TableOfContents.astro', MobileTableOfContents: './src/site/components/toc/MobileTableOfContents.astro' },
      sidebar: [
        // Built from the folders: `autogenerate` only reads src/content/docs/ (see src/site/sidebar.ts).
        { label: 'Chapters', items: folderSidebarItems('content', 'chapters') },
        { label: 'Fault scenarios', items: folderSidebarItems('content', 'scenarios') },
        {
          label: 'Workshop',
          items: [
            { label: 'Your progress', link: '/progress/' },
            { label: 'Choose a lab', link: '/labs/' },
            { label: 'Running a workshop', link: '/instructor/' },
            { label: 'Workshop handout', link: '/handout/' },
          ],
        },
        { label: 'About', link: '/about/' },
      ],
    }),
  ],
});
