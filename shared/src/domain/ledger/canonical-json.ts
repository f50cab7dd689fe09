/**
 * The ledger's canonical encoding of a value (docs/ledger.md): JSON as RFC 8785 (JCS) writes it for the
 * values records hold — object members sorted by key (UTF-16 code units, as JavaScript compares strings),
 * no whitespace, strings escaped as JSON.stringify does, numbers as JavaScript prints them (integers and
 * finite decimals), then UTF-8. Two parties that hold the same record compute the same bytes, so the same
 * hash, whatever the order in which their JSON happened to list the fields.
 */
export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

/**
 * Whether `JSON.stringify(value)` already is its canonical encoding: every object's members enumerate in
 * canonical order (as JSON.stringify writes them: array-index keys first, so `{"10":…,"9":…}` is not),
 * every number is finite, and nothing else than plain objects, arrays, strings, booleans and null (no
 * `toJSON`, no undefined member). A walk without allocation; JSON.stringify then writes it natively.
 */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const record = value as { readonly [key: string]: unknown };
  let previous: string | undefined;
  // for…in enumerates own keys in JSON.stringify's order (and inherited enumerable ones, which only
  // make this walk give up: JSON.stringify and the loop below both skip them).
  for (const key in record) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!inCanonicalOrder(record[key])) return false;
  }
  return true;
}

export function canonicalJson(value: CanonicalValue): string {
  // Most values (a record's nested facts, whole payloads whose members are listed in order) are already
  // in canonical order: the native writer is several times faster than the loops below.
  if (typeof value === 'object' && value !== null && inCanonicalOrder(value)) return JSON.stringify(value);
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`a canonical number is finite, got ${value}`);
    // -0 prints as 0 in JSON.stringify, as JCS says.
    return JSON.stringify(value);
  }
  // Plain loops and concatenation, no intermediate arrays: the verifier encodes every entry and payload.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i] as CanonicalValue);
    return out + ']';
  }
  const record = value as { readonly [key: string]: CanonicalValue };
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(member);
    first = false;
  }
  return out + '}';
}

/** TextEncoder where the runtime has one (Node, browsers): shared's types do not declare it (no DOM library). */
const nativeEncoder = (globalThis as { TextEncoder?: new () => { encode(text: string): Uint8Array } }).TextEncoder
  ? new (globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }).TextEncoder()
  : null;
// Any surrogate sends the text to the loop below, which pairs them and writes a lone one as before.
const SURROGATE = /[\ud800-\udfff]/;

/**
 * UTF-8 of a string (shared runs where TextEncoder may not be declared: the console, Node, the offline
 * script). Lone surrogates are written as their 3-byte code (as `for … of` yields them), as before. One
 * pass into a buffer sized for the worst case (3 bytes per UTF-16 unit): the verifier encodes every
 * entry and payload of the ledger, so this runs hundreds of thousands of times.
 */
export function utf8(text: string): Uint8Array {
  // The platform's encoder when there is one and the text has no surrogate (it would write a lone one as U+FFFD).
  if (nativeEncoder && !SURROGATE.test(text)) return nativeEncoder.encode(text);
  const out = new Uint8Array(text.length * 3);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    } else {
      out[at++] = 0xf0 | (code >> 18);
      out[at++] = 0x80 | ((code >> 12) & 0x3f);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    }
  }
  return out.slice(0, at);
}

/** The canonical encoding's bytes (UTF-8). */
export function canonicalBytes(value: CanonicalValue): Uint8Array {
  return utf8(canonicalJson(value));
}
