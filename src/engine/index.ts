// The engine's public entry: everything the site, the CLI and live mode may use, and nothing else.
// Only re-exports, so a bundler keeps just the names a chunk uses: the site imports the light
// helpers at once and reaches the heavy parts (the session, the fixture world, the lab file's
// schema) through its own lazily loaded modules, which import them from here.

// The world port: what a lab's world answers, and the JSON it answers with.
export type { ArmResource, HttpRequest, HttpResponse, Json, JsonObject, KubeObject, LabFile, LabInfo, NetError, RestResponse, TransportFailure, World } from './world/types.ts';
export { field } from './world/json.ts';
export { parseLabFile, parseLabJson } from './world/schema/lab-file.ts';
export { everyApiResource } from './world/kube-resources.ts';

// The fixture source: a lab file's world, its fault scenarios, and the world written back as files.
export { createFixtureWorld } from './sources/fixture/index.ts';
export { applyScenario, parseScenarioFile, type ScenarioFile } from './sources/fixture/scenario.ts';
export { exportArm, exportKube } from './sources/fixture/export.ts';

// The bridge source: live mode's protocol, and the client that makes a world of a bridge.
export { BRIDGE_API, BRIDGE_CALLS, bridgeUrl, parseBridgeUrl, type BridgeCall } from './sources/bridge/protocol.ts';
export { connectBridge, type BridgeError } from './sources/bridge/client.ts';

// The terminal: a session runs lines on a world.
export { Session, type LineResult } from './session.ts';
export { isIncomplete } from './shell/parser.ts';
export { historyLine } from './shell/history.ts';
export { variablesUsed } from './shell/variables-used.ts';
export { visibleControls } from './format/visible-controls.ts';
export { quote } from './commands/az/paths.ts';
export { VERIFIED_TOOLS, verifiedBadge } from './verified-versions.ts';

// Exercises: the catalogue, the checker and the desk `submit` uses.
export { catalogue, forLab, summary, type CatalogueEntry } from './exercises/catalogue.ts';
export { checkAnswer, solutionAnswer } from './exercises/check.ts';
export { CheckUnavailable } from './exercises/run.ts';
export { createDesk, STATE_ANSWER } from './exercises/desk.ts';
export { assertUniqueIds, ExerciseFileError, parseExerciseFile } from './exercises/schema.ts';
export type { ChapterExercises, Verdict } from './exercises/types.ts';

// The packet walk: a flow's hops through the world, and their table.
export { FLOWS, isFlow, walk, WalkError, type Hop, type Walk } from './walk/walk.ts';
export { walkTable } from './walk/format.ts';
