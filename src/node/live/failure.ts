// An answer that never came (or came unreadable) from ARM or the API server, for the commands to
// word in their tool's voice.
import type { RestResponse, TransportFailure } from '../../engine/index.ts';

export function failure(kind: TransportFailure['kind'], endpoint: string, detail: string): RestResponse {
  return { status: 0, body: null, failure: { kind, endpoint, detail } };
}

/** A body that is not JSON, described by its status, size and first characters. */
export function malformed(endpoint: string, status: number, text: string): RestResponse {
  return failure('malformed', endpoint, `HTTP ${status}, ${text.length} bytes starting ${JSON.stringify(text.slice(0, 40))}`);
}
