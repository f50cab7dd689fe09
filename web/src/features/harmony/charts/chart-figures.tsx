import type { ReactNode } from 'react';
import { useHarmonyI18n } from '../harmony-i18n';

export interface FiguresRow {
  key: string;
  /** One per header, in order. */
  cells: readonly ReactNode[];
}

interface ChartFiguresProps {
  caption: string;
  headers: readonly string[];
  rows: readonly FiguresRow[];
}

/** A chart's figures as a table, folded under it: for screen readers and for whoever wants the exact numbers. */
export function ChartFigures({ caption, headers, rows }: ChartFiguresProps) {
  const { t } = useHarmonyI18n();
  return (
    <details className="chart-data">
      <summary>{t('chart.showData')}</summary>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) => (
                <td key={headers[index]} data-label={headers[index]}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
