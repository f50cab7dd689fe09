/**
 * For the console's unit tests: a `t()` that writes the key and its parameters, so that a test asserts
 * which message was chosen and with what, in no language in particular.
 */
export function keyT(key: string, params?: Record<string, string | number>): string {
  return params ? `${key} ${JSON.stringify(params)}` : key;
}
