/**
 * A ballot's receipt code as people handle it: shown in groups of four (read aloud, copied onto paper),
 * copied and checked as the bare code, whatever spaces a reader typed or pasted between the groups.
 */

const GROUP = 4;

/** "K7QP2M9XH4TD" → "K7QP 2M9X H4TD". */
export function groupReceipt(code: string): string {
  const bare = bareReceipt(code);
  const groups: string[] = [];
  for (let at = 0; at < bare.length; at += GROUP) groups.push(bare.slice(at, at + GROUP));
  return groups.join(' ');
}

/** The code as the API takes it: without the white space between groups (or around a pasted code). */
export function bareReceipt(typed: string): string {
  return typed.replace(/\s+/g, '');
}
