// Every live read follows the bridge's rule (bridge-paths.ts): a path is normalised (one reading
// only: no dot segment, encoded or back slash, fragment, control character), and the terminal's
// reads are then allow-listed to the resources its commands read. The CLI's terminal
// (`shell --live`, `exec --live`) and the bridge read through the same check, so a name typed into
// a command can never reach another resource type. A refused path is never sent: the command that
// built it gets a failure, which it words in its tool's voice.
import type { RestResponse } from '../../engine/index.ts';
import { armReadPath, kubeReadPath, normalise, PathRefusal } from './bridge-paths.ts';
import { failure } from './failure.ts';

export type Api = 'ARM' | 'Kubernetes';

/**
 * What a live world reads: 'terminal' (the default), exactly the paths the terminal's commands
 * read; 'snapshot', any plainly spelled path (a snapshot keeps every network resource of the
 * cluster's groups, private endpoints and link services among them).
 */
export type LiveReads = 'terminal' | 'snapshot';

const ALLOW_LISTS: Record<Api, (path: string) => string> = { ARM: armReadPath, Kubernetes: kubeReadPath };

/** A path as a message shows it: quoted, printable ASCII only (it may hold anything a reader typed),
 * and a long one cut in the middle, so that the end (where the typed name is) still shows. */
function shown(path: string): string {
  const cut = path.length > 240 ? `${path.slice(0, 100)}...${path.slice(-120)}` : path;
  return JSON.stringify(cut).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function refused(api: Api, path: string, endpoint: string, check: (path: string) => unknown): RestResponse | undefined {
  try {
    check(path);
    return undefined;
  } catch (error) {
    if (!(error instanceof PathRefusal)) throw error;
    return failure('not-allowed', endpoint, `live mode only reads; ${api} path ${shown(path)} is not a plain read (${error.message})`);
  }
}

/** The failure a path that is not plainly spelled answers with; undefined when it may be sent. */
export function unplainPath(api: Api, path: string, endpoint: string): RestResponse | undefined {
  return refused(api, path, endpoint, normalise);
}

/** The failure a path outside `reads` answers with; undefined when it may be sent. */
export function unreadPath(api: Api, path: string, endpoint: string, reads: LiveReads): RestResponse | undefined {
  return refused(api, path, endpoint, reads === 'terminal' ? ALLOW_LISTS[api] : normalise);
}
