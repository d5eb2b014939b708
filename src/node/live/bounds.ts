// How much of one ARM or Kubernetes answer live mode reads, and for how long: a server that
// trickles a byte at a time, or streams without end, ends as a clear failure instead of holding
// the terminal and the reader's memory.
import type { Readable } from 'node:stream';

const MiB = 1024 * 1024;

/** All-namespace lists on a stock ARO cluster (pods, config maps full of dashboards) run to several MiB. */
export const MAX_ANSWER_BYTES = 32 * MiB;

export class AnswerTooLarge extends Error {
  constructor(limit: number) {
    super(`the answer is larger than ${limit / MiB} MiB, the most live mode reads of one answer`);
  }
}

/**
 * A whole body, or AnswerTooLarge as soon as its declared length or what came passes maxBytes
 * (the stream is destroyed then, so the connection stops). The caller bounds the time, by
 * destroying the stream, which rejects with the stream's error.
 */
export function readWhole(stream: Readable, maxBytes: number, declaredLength?: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      stream.destroy();
      reject(new AnswerTooLarge(maxBytes));
    };
    if (declaredLength !== undefined && declaredLength > maxBytes) return tooLarge();
    const parts: Buffer[] = [];
    let size = 0;
    let ended = false;
    stream.on('data', (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > maxBytes) tooLarge();
      else parts.push(bytes);
    });
    stream.on('end', () => {
      ended = true;
      resolve(Buffer.concat(parts));
    });
    stream.on('error', reject);
    stream.on('close', () => {
      if (!ended) reject(new Error('the answer ended before it was complete'));
    });
  });
}

/** The declared Content-Length, when there is a valid one. */
export function declaredLength(value: string | string[] | undefined | null): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d+$/.test(text) ? Number(text) : undefined;
}
