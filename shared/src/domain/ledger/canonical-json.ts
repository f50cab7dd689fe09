/**
 * The ledger's canonical encoding of a value (docs/ledger.md): JSON as RFC 8785 (JCS) writes it for the
 * values records hold — object members sorted by key (UTF-16 code units, as JavaScript compares strings),
 * no whitespace, strings escaped as JSON.stringify does, numbers as JavaScript prints them (integers and
 * finite decimals), then UTF-8. Two parties that hold the same record compute the same bytes, so the same
 * hash, whatever the order in which their JSON happened to list the fields.
 */
export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`a canonical number is finite, got ${value}`);
    // -0 prints as 0 in JSON.stringify, as JCS says.
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: CanonicalValue) => canonicalJson(item)).join(',')}]`;
  const record = value as { readonly [key: string]: CanonicalValue };
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** UTF-8 of a string (shared runs where TextEncoder may not be declared: the console, Node, the offline script). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return Uint8Array.from(out);
}

/** The canonical encoding's bytes (UTF-8). */
export function canonicalBytes(value: CanonicalValue): Uint8Array {
  return utf8(canonicalJson(value));
}
