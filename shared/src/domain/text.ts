/**
 * What text the platform accepts, for every input (server) and form (console) alike: Unicode in its
 * composed form (NFC, so that "é" typed two ways is one name), without control characters (a NUL byte
 * cannot even be stored) and without the invisible formatting marks that reorder what a reader sees
 * (right-to-left overrides make "gpj.exe" look like "exe.jpg").
 */

import type { ProblemCode } from '../errors/problems';

/** Why a text is refused: problem codes (shared/src/errors/problems.ts words them in English, the console in its languages). */
export type TextProblem = Extract<ProblemCode, 'CONTROL_CHARACTER' | 'INVISIBLE_FORMATTING' | 'MALFORMED_UNICODE'>;

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. Matching them is the point here. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional marks, embeddings, overrides and isolates. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** A surrogate half without its other half (JSON can spell one: "\ud800"). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text is refused, or null. */
export function textProblem(text: string): TextProblem | null {
  if (LONE_SURROGATE.test(text)) return 'MALFORMED_UNICODE';
  if (CONTROL.test(text)) return 'CONTROL_CHARACTER';
  if (BIDI.test(text)) return 'INVISIBLE_FORMATTING';
  return null;
}

/** The text as stored: composed (NFC), and without surrounding white space unless asked to keep it. */
export function normalizeText(text: string, options: { trim?: boolean } = {}): string {
  const composed = text.normalize('NFC');
  return options.trim === false ? composed : composed.trim();
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number written the way people and spreadsheets write decimals (`12`, `-0.5`, `1.2e3`): never hex,
 * binary, `Infinity` or an empty string, which `Number()` would also take. Null when it is not one, or
 * when it is too large to be finite.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * E-mail addresses in ASCII only: a Cyrillic "о" in place of a Latin "o" makes a second account that looks
 * like the first. An international domain is written in its `xn--` form.
 */
export function isAsciiEmail(email: string): boolean {
  return /^[!-~]+$/.test(email);
}
