// Times of the lab's network model that more than one reader prints.

/** How long the reader's resolver takes to answer from its cache: the lookup time of the lab's
 * network model (curl's time_namelookup), which dig prints as its Query time. */
export const RESOLVER_MS = 3;
