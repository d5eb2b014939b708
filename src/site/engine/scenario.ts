// Fault scenarios, loaded only for a lab that is a scenario of another.
export { applyScenario } from '../../engine/index.ts';
