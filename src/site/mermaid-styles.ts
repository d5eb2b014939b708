// rehype-mermaid puts each diagram's CSS in a <style> inside the inline SVG; MDX then turns that
// element's text into a `set:html` attribute, which reaches the built page as an attribute and
// leaves the diagram unstyled. This integration puts the CSS back inside the element after the build.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const STRANDED_STYLE = /<style set:html="([^"]*)"\s*><\/style>/g;

const unescapeAttribute = (value: string) =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function restoreStyles(html: string): string {
  return html.replace(STRANDED_STYLE, (_m, css: string) => `<style>${unescapeAttribute(css)}</style>`);
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

export function mermaidStyles(): AstroIntegration {
  return {
    name: 'aro-labs:mermaid-styles',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const fixed = restoreStyles(html);
          if (fixed !== html) await writeFile(file, fixed);
        }
      },
    },
  };
}
