/** Tooltips are HTML: names and labels from the data go in escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Axis labels are ECharts rich text, where `{style|…}` is markup: braces from the data become full-width ones. */
export function escapeRich(text: string): string {
  return text.replace(/\{/g, '｛').replace(/\}/g, '｝');
}

/** Roughly how wide a character is, in ems: CJK and full-width forms are square, Latin capitals wider than the rest. */
function charEms(char: string): number {
  if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char)) return 1;
  if (/[A-Z@%&MWmw⚠]/.test(char)) return 0.8;
  if (/[\s.,:;'’|!il()[\]]/.test(char)) return 0.32;
  return 0.6;
}

/**
 * How many lines a text takes when wrapped at `width` pixels (ECharts' `overflow: 'break'`: at spaces, and
 * between any two CJK characters), with widths estimated on the generous side: a chart that leaves room
 * for this many lines never overlaps a wrapped name with what is under it.
 */
export function wrappedLineCount(text: string, width: number, fontSize: number): number {
  const measure = (part: string) => [...part].reduce((sum, char) => sum + charEms(char) * fontSize, 0);
  // Words keep the space after them; each CJK character is a word of its own.
  const words = text.split(/(?<=\s)|(?=[\u2e80-\u9fff\uff00-\uffef])|(?<=[\u2e80-\u9fff\uff00-\uffef])/u).filter(Boolean);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const visible = measure(word.trimEnd());
    if (used > 0 && used + visible > width) {
      lines++;
      used = 0;
    }
    if (visible > width) {
      // A word longer than a line is cut where the line ends, and goes on below.
      lines += Math.ceil(visible / width) - 1;
      used = visible % width;
    } else {
      used += measure(word);
    }
  }
  return lines;
}
