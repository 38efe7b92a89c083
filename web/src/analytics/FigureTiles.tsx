/** A headline figure: its label, its value, and an optional note under it. */
export type Tile = [label: string, value: string, note?: string];

/** Headline figures as a row of tiles (analytics, the helpdesk audit). */
export function FigureTiles({ tiles, testId }: { tiles: Tile[]; testId?: string }) {
  return (
    <dl className="an-tiles" data-testid={testId}>
      {tiles.map(([label, value, note]) => (
        <div key={label} className="an-tile">
          <dt>{label}</dt>
          <dd>
            <span className="an-tile-value">{value}</span>
            {note ? <span className="an-tile-note">{note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
