/** Tooltips are HTML: names and labels from the data go in escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Axis labels are ECharts rich text, where `{style|…}` is markup: braces from the data become full-width ones. */
export function escapeRich(text: string): string {
  return text.replace(/\{/g, '｛').replace(/\}/g, '｝');
}
