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

/**
 * `canonicalJson(JSON.parse(text))`, the canonical encoding of a JSON text, computed from the text when the
 * scanner below can prove its answer equal to that one (the verifier hashes every payload's jsonb members
 * this way: parsing them into objects only to write them again was most of its Node time). It throws
 * what the reference throws: a SyntaxError for a text that is not JSON.
 */
export function canonicalJsonOfText(text: string): string {
  return fastCanonicalJsonOfText(text) ?? canonicalJson(JSON.parse(text) as CanonicalValue);
}

/**
 * The scanner's answer for a text, or null where it cannot prove that answer equal to
 * `canonicalJson(JSON.parse(text))` (the ledger's tamper check must never hash a text differently from
 * the reference). It only drops whitespace between tokens and reorders object members, and gives up on
 * everything whose canonical form could differ from its spelling: a number other than an integer of at
 * most 15 digits in shortest form (`-0`, fractions, exponents, leading zeros), a string escape other than
 * those JSON.stringify writes for that character, any escape in a key (keys are compared decoded), a raw
 * control character or a lone surrogate in a string, a duplicate key (JSON.parse keeps the last), nesting
 * deeper than MAX_DEPTH, and anything malformed (so the reference throws its SyntaxError).
 */
export function fastCanonicalJsonOfText(text: string): string | null {
  src = text;
  at = 0;
  out = '';
  copyFrom = 0;
  membersTop = 0;
  let result: string | null = null;
  skipSpace();
  if (scanValue(0)) {
    skipSpace();
    // Nothing dropped and nothing reordered: the text is its own canonical encoding.
    if (at === text.length) result = out === '' && copyFrom === 0 ? text : out + text.slice(copyFrom, at);
  }
  src = '';
  out = '';
  return result;
}

/** Deeper texts go to the reference, whose recursion decides what they give (deep enough for any record's facts). */
const MAX_DEPTH = 64;

// One scan at a time (nothing runs inside one): the text, the next code unit to read, and the canonical
// text so far, which is `out` followed by `src.slice(copyFrom, at)` not yet copied (copied only when
// whitespace is dropped, so an unchanged text is never copied). An output position is
// `out.length + (p - copyFrom)`; each object starts its own `out` so that sorting it slices only its own text.
let src = '';
let at = 0;
let out = '';
let copyFrom = 0;
// Four numbers for each member of the objects open on the path: its key's start and end in src (inside
// the quotes), and its start and end in its object's output.
const members: number[] = [];
let membersTop = 0;

/** Drops JSON's whitespace (space, tab, line feed, carriage return) at `at`. */
function skipSpace(): void {
  let c = src.charCodeAt(at);
  if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
  const start = at;
  do c = src.charCodeAt(++at);
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09);
  out += src.slice(copyFrom, start);
  copyFrom = at;
}

function scanValue(depth: number): boolean {
  const c = src.charCodeAt(at);
  if (c === 0x22) return scanString(false);
  if (c === 0x7b) return depth < MAX_DEPTH && scanObject(depth + 1);
  if (c === 0x5b) return depth < MAX_DEPTH && scanArray(depth + 1);
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return scanInteger();
  if (c === 0x74) return scanWord('true');
  if (c === 0x66) return scanWord('false');
  if (c === 0x6e) return scanWord('null');
  return false;
}

function scanWord(word: string): boolean {
  if (!src.startsWith(word, at)) return false;
  at += word.length;
  return true;
}

/** `0 | -?[1-9][0-9]{0,14}` not followed by a fraction or exponent: JavaScript prints such a number as written. */
function scanInteger(): boolean {
  let i = at;
  const negative = src.charCodeAt(i) === 0x2d;
  if (negative) i++;
  const digits = i;
  let c = src.charCodeAt(i);
  while (c >= 0x30 && c <= 0x39) c = src.charCodeAt(++i);
  const count = i - digits;
  if (count === 0 || count > 15) return false;
  // A leading zero: `-0` prints as 0, `01` is not JSON.
  if (src.charCodeAt(digits) === 0x30 && (negative || count > 1)) return false;
  if (c === 0x2e || c === 0x65 || c === 0x45) return false;
  at = i;
  return true;
}

/** A string at `at` (its opening quote) that JSON.stringify would write back as it is spelled. */
function scanString(isKey: boolean): boolean {
  let i = at + 1;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c === 0x22) {
      at = i + 1;
      return true;
    }
    if (c >= 0x20 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) {
      i++;
      continue;
    }
    if (c === 0x5c) {
      if (isKey) return false;
      const length = escapeLength(i);
      if (length === 0) return false;
      i += length;
      continue;
    }
    // A surrogate pair is written as it is; a lone surrogate is escaped by JSON.stringify, a raw control
    // character is not JSON, and the end of the text (NaN) is an unterminated string.
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = src.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i += 2;
        continue;
      }
    }
    return false;
  }
}

/**
 * The length of the escape at `i` (a backslash) when it is the one JSON.stringify writes for its
 * character, else 0: `\"` `\\` `\b` `\f` `\n` `\r` `\t`, and `\u00xx` in lower case for the other
 * characters below U+0020 (not U+0008, 09, 0A, 0C, 0D, which have short escapes).
 */
function escapeLength(i: number): number {
  const c = src.charCodeAt(i + 1);
  if (c === 0x22 || c === 0x5c || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74) return 2;
  if (c !== 0x75 || src.charCodeAt(i + 2) !== 0x30 || src.charCodeAt(i + 3) !== 0x30) return 0;
  const high = src.charCodeAt(i + 4);
  const low = src.charCodeAt(i + 5);
  if (high === 0x30) return (low >= 0x30 && low <= 0x37) || low === 0x62 || low === 0x65 || low === 0x66 ? 6 : 0;
  if (high === 0x31) return (low >= 0x30 && low <= 0x39) || (low >= 0x61 && low <= 0x66) ? 6 : 0;
  return 0;
}

function scanArray(depth: number): boolean {
  at++;
  skipSpace();
  if (src.charCodeAt(at) === 0x5d) {
    at++;
    return true;
  }
  for (;;) {
    if (!scanValue(depth)) return false;
    skipSpace();
    const c = src.charCodeAt(at);
    if (c === 0x5d) {
      at++;
      return true;
    }
    if (c !== 0x2c) return false;
    at++;
    skipSpace();
  }
}

function scanObject(depth: number): boolean {
  const outer = out;
  out = '';
  const start = at - copyFrom;
  at++;
  skipSpace();
  if (src.charCodeAt(at) === 0x7d) {
    at++;
    out = outer + out;
    return true;
  }
  const base = membersTop;
  let ordered = true;
  for (;;) {
    if (src.charCodeAt(at) !== 0x22) return false;
    const member = membersTop;
    members[member] = at + 1;
    members[member + 2] = out.length + (at - copyFrom);
    if (!scanString(true)) return false;
    members[member + 1] = at - 1;
    membersTop += 4;
    // Equal keys are not in order either: sorting finds them and gives up.
    if (ordered && member > base && compareKeys(member - 4, member) >= 0) ordered = false;
    skipSpace();
    if (src.charCodeAt(at) !== 0x3a) return false;
    at++;
    skipSpace();
    if (!scanValue(depth)) return false;
    members[member + 3] = out.length + (at - copyFrom);
    skipSpace();
    const c = src.charCodeAt(at);
    if (c === 0x7d) break;
    if (c !== 0x2c) return false;
    at++;
    skipSpace();
  }
  if (!ordered && !sortMembers(base, start)) return false;
  membersTop = base;
  at++;
  out = outer + out;
  return true;
}

/** Compares two members' keys (by their index in `members`) as JavaScript compares strings: by UTF-16 code units. */
function compareKeys(a: number, b: number): number {
  const aStart = members[a];
  const bStart = members[b];
  const aLength = members[a + 1] - aStart;
  const bLength = members[b + 1] - bStart;
  const common = aLength < bLength ? aLength : bLength;
  for (let k = 0; k < common; k++) {
    const d = src.charCodeAt(aStart + k) - src.charCodeAt(bStart + k);
    if (d !== 0) return d;
  }
  return aLength - bLength;
}

/** Members' indexes in key order, for sortMembers (grown when an object has more members). */
let order = new Int32Array(16);

/**
 * Rewrites the object being closed (at its `}`) with its members in key order; false for a duplicate key.
 * The members and the commas between them keep their lengths, so every output position recorded by the
 * enclosing objects still holds.
 */
function sortMembers(base: number, start: number): boolean {
  out += src.slice(copyFrom, at);
  copyFrom = at;
  const count = (membersTop - base) >> 2;
  if (count <= 16) {
    // Insertion sort for records' usual sizes: no allocation and no callback (Array#sort's were most of the
    // cost of sorting a 3-member object). A key equal to the one being inserted is always compared with it:
    // everything after it in the sorted part is greater.
    for (let k = 0; k < count; k++) {
      const member = base + 4 * k;
      let j = k;
      for (; j > 0; j--) {
        const difference = compareKeys(order[j - 1], member);
        if (difference === 0) return false;
        if (difference < 0) break;
        order[j] = order[j - 1];
      }
      order[j] = member;
    }
  } else {
    if (order.length < count) order = new Int32Array(count * 2);
    const sorted = Array.from({ length: count }, (_, k) => base + 4 * k).sort(compareKeys);
    order.set(sorted);
    for (let k = 1; k < count; k++) if (compareKeys(order[k - 1], order[k]) === 0) return false;
  }
  let body = '';
  for (let k = 0; k < count; k++) {
    const member = order[k];
    body += (k > 0 ? ',' : '') + out.slice(members[member + 2], members[member + 3]);
  }
  out = out.slice(0, start + 1) + body;
  return true;
}
