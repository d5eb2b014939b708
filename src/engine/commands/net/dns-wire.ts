// A resolver's answer as the bytes it sends (RFC 1035 §4, names compressed as resolvers compress
// them; RFC 6891's OPT record when the question carried one). dig prints the message's size, and
// the server the references are recorded against sends these very bytes, so the size the lab
// prints is the size the real dig measured. Written here because the engine runs in the browser,
// where the Node DNS libraries (Buffer-based) do not.
import { RCODES, TYPE_CODES, type DnsAnswer } from './dns.ts';

/** The UDP payload size the lab's resolver advertises in its OPT record. */
export const RESOLVER_UDP_SIZE = 1232;

export interface WireOptions {
  id: number;
  /** The question asked for recursion (dig and nslookup do; +norecurse does not). */
  recursionDesired: boolean;
  /** The question carried an OPT record (EDNS): the answer carries one too. */
  edns: boolean;
}

class Writer {
  bytes: number[] = [];
  /** Offsets of names already written, by their lower-case text (compression targets). */
  private names = new Map<string, number>();

  u16(n: number): void {
    this.bytes.push((n >> 8) & 0xff, n & 0xff);
  }

  u32(n: number): void {
    this.u16(Math.floor(n / 0x10000) & 0xffff);
    this.u16(n & 0xffff);
  }

  /** A name, ending in a pointer to the longest suffix already written. */
  name(text: string): void {
    const labels = text.replace(/\.$/, '').split('.').filter(Boolean);
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.').toLowerCase();
      const at = this.names.get(suffix);
      if (at !== undefined) {
        this.u16(0xc000 | at);
        return;
      }
      if (this.bytes.length < 0x4000) this.names.set(suffix, this.bytes.length);
      const label = new TextEncoder().encode(labels[i]);
      this.bytes.push(label.length, ...label);
    }
    this.bytes.push(0);
  }
}

/** The answer's message on the wire. */
export function encodeAnswer(answer: DnsAnswer, o: WireOptions): Uint8Array {
  const w = new Writer();
  w.u16(o.id);
  // QR, the question's RD, RA; opcode QUERY; the answer's RCODE.
  w.u16(0x8000 | (o.recursionDesired ? 0x0100 : 0) | 0x0080 | RCODES[answer.rcode]);
  w.u16(1);
  w.u16(answer.records.length);
  w.u16(0);
  w.u16(o.edns ? 1 : 0);
  w.name(answer.name);
  w.u16(TYPE_CODES[answer.type]);
  w.u16(1);
  for (const r of answer.records) {
    w.name(r.name);
    w.u16(TYPE_CODES[r.type]);
    w.u16(1);
    w.u32(r.ttl);
    if (r.type === 'A') {
      w.u16(4);
      w.bytes.push(...r.data.split('.').map(Number));
    } else {
      // The length goes before the name, whose compressed size is known once written.
      const lengthAt = w.bytes.length;
      w.u16(0);
      w.name(r.data);
      const length = w.bytes.length - lengthAt - 2;
      w.bytes[lengthAt] = length >> 8;
      w.bytes[lengthAt + 1] = length & 0xff;
    }
  }
  if (o.edns) {
    w.bytes.push(0);
    w.u16(41);
    w.u16(RESOLVER_UDP_SIZE);
    w.u32(0);
    w.u16(0);
  }
  return Uint8Array.from(w.bytes);
}
