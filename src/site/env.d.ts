// Build-time constants (astro.config.mjs): the names of the built-in labs and fault scenarios.
declare const __ARO_LABS__: { worlds: string[]; scenarios: string[] };
declare const __ARO_LAB_NAMESPACES__: Record<string, string>;
