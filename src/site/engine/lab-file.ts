// The lab file's schema, loaded only to read a reader's own lab file.
export { parseLabJson } from '../../engine/index.ts';
