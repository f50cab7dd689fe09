/**
 * An assessment's per-indicator figures, packed into its `figures` column (bytea), in the order of its
 * methodology version's indicators. For k indicators, 33·k bytes:
 * - four blocks of k big-endian float64: raw value, normalized score, effective weight, contribution
 *   (NaN = missing);
 * - k flag bytes: 1 = past its red line, 2 = clipped by declared winsorisation.
 * Packed rather than six arrays because PostgreSQL receives an array element by element: packing halved
 * the bulk write of 60,000 assessments (measured with binary COPY: 0.77 s → 0.40 s) and spares the
 * read path six array parses per row. Big-endian like every number in PostgreSQL's binary formats, so
 * that SQL can build the same bytes (`float8send`), as the migration that introduced the column does.
 * This file is the only one that knows the layout.
 */
export const BLOCKS = ['raw', 'score', 'effectiveWeight', 'contribution'] as const;
const FLAG_PAST_RED_LINE = 1;
const FLAG_WINSORISED = 2;

export const figuresSize = (indicators: number) => indicators * (BLOCKS.length * 8 + 1);

/** Where a region's figures are, in columnar arrays of regions × indicators (see assessment-computation.ts). */
export interface FigureColumns {
  raw: Float64Array;
  scores: Float64Array;
  effectiveWeights: Float64Array;
  contributions: Float64Array;
  pastRedLines: Uint8Array;
  winsorised: Uint8Array;
}

/** Writes the figures of the k indicators at `cell` of the columns into `target` at `offset`. */
export function packFigures(columns: FigureColumns, cell: number, k: number, target: Buffer, offset: number): void {
  const blocks = [columns.raw, columns.scores, columns.effectiveWeights, columns.contributions];
  let at = offset;
  for (const block of blocks) {
    for (let c = 0; c < k; c++) at = target.writeDoubleBE(block[cell + c], at);
  }
  for (let c = 0; c < k; c++) {
    target[at++] =
      (columns.pastRedLines[cell + c] === 1 ? FLAG_PAST_RED_LINE : 0) | (columns.winsorised[cell + c] === 1 ? FLAG_WINSORISED : 0);
  }
}

export interface IndicatorFigures {
  rawValue: number | null;
  normalizedScore: number | null;
  effectiveWeight: number | null;
  contribution: number | null;
  pastRedLine: boolean;
  winsorised: boolean;
}

/** The figures of k indicators, in order; refuses bytes of the wrong size (a version with other indicators). */
export function unpackFigures(bytes: Buffer, k: number): IndicatorFigures[] {
  if (bytes.length !== figuresSize(k)) throw new Error(`figures of ${bytes.length} bytes for ${k} indicators`);
  const number = (block: number, c: number) => {
    const value = bytes.readDoubleBE((block * k + c) * 8);
    return Number.isNaN(value) ? null : value;
  };
  return Array.from({ length: k }, (_, c) => {
    const flags = bytes[BLOCKS.length * 8 * k + c];
    return {
      rawValue: number(0, c),
      normalizedScore: number(1, c),
      effectiveWeight: number(2, c),
      contribution: number(3, c),
      pastRedLine: (flags & FLAG_PAST_RED_LINE) !== 0,
      winsorised: (flags & FLAG_WINSORISED) !== 0,
    };
  });
}
