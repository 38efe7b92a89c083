import { type ReactNode, useId } from 'react';

export type Column<T> = { label: string; cell: (row: T) => ReactNode; numeric?: boolean };

/** A table of the numbers a chart draws: the accessible reading of the chart, and the exact values. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.label} scope="row">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.label} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart with its title, a sentence saying what it shows (read by screen readers as the chart's
 * description), and its numbers as a table behind a disclosure, so nothing is only in the picture.
 */
export function ChartFigure({
  title,
  description,
  table,
  empty,
  children,
}: {
  title: string;
  description: string;
  table: ReactNode;
  /** Said instead of the chart when there is nothing to draw. */
  empty?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="an-figure" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <figcaption>
        <h3 id={`${id}-t`}>{title}</h3>
        <p id={`${id}-d`} className="muted">
          {description}
        </p>
      </figcaption>
      {empty ? (
        <p className="an-empty">{empty}</p>
      ) : (
        <>
          <div className="an-chart">{children}</div>
          <details className="an-table">
            <summary>Show the numbers as a table</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}
