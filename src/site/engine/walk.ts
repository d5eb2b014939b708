// The packet walk, loaded when a reader first opens one.
export { walk } from '../../engine/index.ts';
