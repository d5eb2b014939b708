// The engine's part of the terminal, loaded once the prompt is drawn: its own chunk, as the
// terminal imports it lazily (a static import of the engine's entry would load it with the prompt).
export { createDesk, isIncomplete, Session } from '../../engine/index.ts';
