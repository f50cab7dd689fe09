/**
 * Rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html,
 * "Binary Format"), for bulk writes and reads: the server takes numbers and bytes as sent, with none of
 * the text formatting and parsing a parameterized INSERT or a text COPY costs (measured: the bulk of a
 * 60,000-row write). Fields are written in the order of the COPY's column list; NaN and null are NULL.
 */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

export class BinaryCopyWriter {
  private readonly chunks: Buffer[] = [];
  private buffer: Buffer;
  private length = 0;

  /** Data is produced in chunks of about `chunkBytes`, streamed to the server one after the other. */
  constructor(private readonly chunkBytes = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
    this.copy(SIGNATURE);
    this.int32(0); // flags
    this.int32(0); // header extension length
  }

  /** Room for `bytes` more in the current chunk, so that what is written in place never straddles two. */
  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    this.chunks.push(this.buffer.subarray(0, this.length));
    this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
    this.length = 0;
  }

  private copy(source: Buffer): void {
    this.reserve(source.length);
    source.copy(this.buffer, this.length);
    this.length += source.length;
  }

  private int16(value: number): void {
    this.reserve(2);
    this.length = this.buffer.writeInt16BE(value, this.length);
  }

  private int32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeInt32BE(value, this.length);
  }

  private null(): void {
    this.int32(-1);
  }

  /** Starts a row of `fields` fields. */
  row(fields: number): this {
    this.int16(fields);
    return this;
  }

  /** A uuid, given as its 16 bytes (see `uuidBytes`). */
  uuid(bytes: Buffer): this {
    this.int32(16);
    this.copy(bytes);
    return this;
  }

  text(value: string | null): this {
    if (value === null) {
      this.null();
      return this;
    }
    const size = Buffer.byteLength(value);
    this.reserve(4 + size);
    this.int32(size);
    this.length += this.buffer.write(value, this.length);
    return this;
  }

  float8(value: number | null): this {
    if (value === null || Number.isNaN(value)) {
      this.null();
      return this;
    }
    this.reserve(12);
    this.int32(8);
    this.length = this.buffer.writeDoubleBE(value, this.length);
    return this;
  }

  /** A bytea of `size` bytes, written in place by `write` (which gets the buffer and the offset). */
  bytea(size: number, write: (target: Buffer, offset: number) => void): this {
    this.reserve(4 + size);
    this.int32(size);
    write(this.buffer, this.length);
    this.length += size;
    return this;
  }

  int4(value: number | null): this {
    if (value === null) {
      this.null();
      return this;
    }
    this.int32(4);
    this.int32(value);
    return this;
  }

  bool(value: boolean): this {
    this.reserve(5);
    this.int32(1);
    this.buffer[this.length++] = value ? 1 : 0;
    return this;
  }

  /** The data written since the last call, to send while more is written. */
  take(): Buffer[] {
    const taken = this.chunks.splice(0);
    if (this.length > 0) taken.push(this.buffer.subarray(0, this.length));
    this.buffer = this.buffer.subarray(this.length);
    this.length = 0;
    if (this.buffer.length < 1024) this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    return taken;
  }

  /** The rest of the data, trailer included; the writer is not to be used afterwards. */
  finish(): Buffer[] {
    this.int16(-1);
    return this.take();
  }
}

/** The 16 bytes of a uuid in its canonical text form. */
export function uuidBytes(uuid: string): Buffer {
  const bytes = Buffer.from(uuid.replace(/-/g, ''), 'hex');
  if (bytes.length !== 16) throw new Error(`not a uuid: ${uuid}`);
  return bytes;
}

/** Reads the rows of a binary `COPY … TO STDOUT` (see `copyOut`), field by field in column order. */
export class BinaryCopyReader {
  private offset: number;

  constructor(private readonly data: Buffer) {
    if (data.length < SIGNATURE.length + 8 || !data.subarray(0, SIGNATURE.length).equals(SIGNATURE))
      throw new Error('not binary COPY data');
    this.offset = SIGNATURE.length + 8 + data.readInt32BE(SIGNATURE.length + 4);
  }

  /** Moves to the next row: its number of fields, or -1 at the end of the data. */
  nextRow(): number {
    const fields = this.data.readInt16BE(this.offset);
    this.offset += 2;
    return fields;
  }

  /** The field's length, or -1 for NULL. */
  private field(): number {
    const length = this.data.readInt32BE(this.offset);
    this.offset += 4;
    return length;
  }

  int4(): number | null {
    if (this.field() < 0) return null;
    const value = this.data.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  float8(): number | null {
    if (this.field() < 0) return null;
    const value = this.data.readDoubleBE(this.offset);
    this.offset += 8;
    return value;
  }

  text(): string | null {
    const length = this.field();
    if (length < 0) return null;
    const value = this.data.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** A one-dimensional array's elements, each read by `element` (which gets the element's offset; NULL elements are skipped as NaN). */
  private array<T extends Int32Array | Float64Array>(make: (length: number) => T, element: (offset: number) => number): T | null {
    const length = this.field();
    if (length < 0) return null;
    const end = this.offset + length;
    const dimensions = this.data.readInt32BE(this.offset);
    if (dimensions === 0) {
      this.offset = end;
      return make(0);
    }
    if (dimensions !== 1) throw new Error(`expected a one-dimensional array, got ${dimensions} dimensions`);
    const count = this.data.readInt32BE(this.offset + 12);
    let at = this.offset + 20;
    const values = make(count);
    for (let i = 0; i < count; i++) {
      const size = this.data.readInt32BE(at);
      at += 4;
      if (size < 0) {
        values[i] = Number.NaN;
        continue;
      }
      values[i] = element(at);
      at += size;
    }
    this.offset = end;
    return values;
  }

  int4Array(): Int32Array | null {
    return this.array(
      (length) => new Int32Array(length),
      (at) => this.data.readInt32BE(at),
    );
  }

  /** NULL elements are NaN. */
  float8Array(): Float64Array | null {
    return this.array(
      (length) => new Float64Array(length),
      (at) => this.data.readDoubleBE(at),
    );
  }
}
