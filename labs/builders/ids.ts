// Deterministic names: every id, etag, GUID, MAC address and digest of a lab derives from a seed
// (the lab's names), so that writing the worlds again gives the same files.
import type { JsonObject } from '../../src/engine/world/json.ts';

/** FNV-1a of `seed`, varied by `salt`. */
export function hash(seed: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 64-hex-digit digest, deterministic from `seed`. */
export function sha256Of(seed: string): string {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((i) => hash(seed, i * 104_729 + 3).toString(16).padStart(8, '0')).join('');
}

/** A release payload's image, pinned by digest as a release references its images. */
export function releaseImage(version: string, component: string): string {
  return `quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:${sha256Of(`release:${version}:${component}`)}`;
}

export function guid(seed: string): string {
  const hex = [0, 1, 2, 3].map((i) => hash(seed, i * 7919).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[hash(seed, 99) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A controller's random suffix (`-x7k2p`): `length` lower-case letters and digits, no vowels. */
export function randomSuffix(seed: string, length: number): string {
  return guid(seed).replace(/[^a-z0-9]/g, '').replace(/[aeiouy013]/g, '').slice(0, length).padEnd(length, 'x');
}

/** `bytes` placeholder bytes (capital letters), base64-encoded as a secret's data. */
export function placeholderBase64(seed: string, bytes: number): string {
  return Buffer.from(Array.from({ length: bytes }, (_, i) => 65 + (hash(seed, i) % 26))).toString('base64');
}

export const etag = (id: string): string => `W/"${guid(`etag:${id}`)}"`;
export const ref = (id: string): { id: string } => ({ id });
export const ok = { provisioningState: 'Succeeded' } satisfies JsonObject;

export function mac(seed: string): string {
  const h = hash(seed, 5).toString(16).padStart(8, '0').toUpperCase();
  return `00-0D-3A-${h.slice(0, 2)}-${h.slice(2, 4)}-${h.slice(4, 6)}`;
}

/** Adds `n` to an IPv4 address. */
export function ipPlus(ip: string, n: number): string {
  const v = ip.split('.').reduce((a, o) => a * 256 + Number(o), 0) + n;
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
}

/** The last segment of a resource id: its name. */
export function lastSegment(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}
