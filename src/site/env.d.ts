// Build-time constants (astro.config.mjs): the names of the built-in labs and fault scenarios.
declare const __ARO_LABS__: { worlds: string[]; scenarios: string[] };
