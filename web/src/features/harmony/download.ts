import { isoDate, lastFinishedPeriod } from '@massline/shared';

/**
 * Saves text as a file through a Blob link. CSV gets a byte-order mark so that spreadsheet programs read
 * the Chinese names as UTF-8; MassLine's own import accepts the mark.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const content = type.startsWith('text/csv') && !text.startsWith('\ufeff') ? `\ufeff${text}` : text;
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the object URL is no longer needed once this task ends.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "observations-2026-11-26.csv" */
export function datedFilename(stem: string, extension = 'csv'): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}

/**
 * The period a form proposes: the last finished quarter (2026-Q3 in November), since figures describe
 * a period that is over, not the running one.
 */
export function defaultEntryPeriod(today = new Date()): string {
  return lastFinishedPeriod('QUARTER', isoDate(today)).code;
}
