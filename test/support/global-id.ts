import { parseGlobalId, toGlobalId } from '../../server/src/common/global-id';

/**
 * Ids in tests: the API gives opaque global ids (base64url of `Type:uuid`) and takes them (or raw uuids).
 * Compare an API id with a database uuid through these, never by its shape.
 */
export const globalId = (type: string, uuid: string): string => toGlobalId(type, uuid);

/** The database uuid behind an id the API gave (a global id, or a raw uuid as it is). */
export function uuidOf(id: string): string {
  const parsed = parseGlobalId(id);
  if (!parsed) throw new Error(`Not an id: ${id}`);
  return parsed.id;
}

/** The type a global id names (null for a raw uuid). */
export function typeOf(id: string): string | null {
  return parseGlobalId(id)?.type ?? null;
}
