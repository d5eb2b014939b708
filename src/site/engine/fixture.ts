// The fixture source, loaded with the world rather than with the lab's data.
export { createFixtureWorld } from '../../engine/index.ts';
