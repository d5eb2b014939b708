// Starlight's table-of-contents element (it marks the section being read), which its package does
// not export; loaded once the page is idle by the TableOfContents overrides.
export { StarlightTOC } from '../../../node_modules/@astrojs/starlight/dist/components-internals/TableOfContents/starlight-toc.js';
