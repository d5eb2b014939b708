// The errors a query can end with, each printed by az in its own way.

/** A JMESPathError of Python's jmespath: az prints "Invalid jmespath query supplied for `--query`: <message>". */
export class QueryError extends Error {}

/** A Python exception that is not a JMESPathError (e.g. `'<' not supported …`): az fails unexpectedly. */
export class QueryCrash extends Error {}
