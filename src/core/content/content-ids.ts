import { createHash } from 'node:crypto';

/** Namespace of Teacher AI content ids (a random UUID fixed once; never change it). */
const CONTENT_NAMESPACE = '5b0e7a3c-2f41-4c8e-9d6a-1e7f3b2a9c10';

/**
 * RFC 4122 version-5 UUID: the same pack yields the same course and lesson ids on every device and on
 * the server, so progress rows refer to the same lessons everywhere and re-importing never duplicates.
 */
export function uuidV5(name: string, namespace = CONTENT_NAMESPACE): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const courseIdFor = (courseKey: string) => uuidV5(`course:${courseKey}`);
export const lessonIdFor = (courseKey: string, lessonKey: string) => uuidV5(`lesson:${courseKey}/${lessonKey}`);
