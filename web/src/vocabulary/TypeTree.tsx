import { Badge } from '../app/ui.tsx';
import { type Match, statusLabel, type TreeNode } from './taxonomy-tree.ts';
import type { IssueTypeView } from './vocabulary-api.ts';

/** What a lead can do to one type; the page opens the matching dialog. */
export type TypeAction = 'edit' | 'alias' | 'child' | 'merge' | 'retire';

type Names = {
  team: (key: string) => string;
  scenario: (id: string) => string;
  type: (path: string) => string;
};

type RowProps = {
  type: IssueTypeView;
  level: 3 | 4;
  match: Match | undefined;
  canEdit: boolean;
  names: Names;
  onAction: (action: TypeAction, type: IssueTypeView) => void;
};

function Aliases({ type, match, names }: { type: IssueTypeView; match: Match | undefined; names: Names }) {
  const teams = Object.entries(type.aliases).filter(([, words]) => words.length > 0);
  if (teams.length === 0) return <p className="small muted">No team has its own word for it yet.</p>;
  const hit = (team: string, word: string) =>
    match?.on === 'alias' && match.team === team && match.alias === word;
  return (
    <dl className="vocab-aliases">
      {teams.map(([team, words]) => (
        <div key={team} className="vocab-alias-team">
          <dt>{names.team(team)}</dt>
          <dd>
            <ul className="vocab-chips" aria-label={`${names.team(team)} says`}>
              {words.map((w) => (
                <li key={w} className="vocab-chip">
                  {hit(team, w) ? <mark>{w}</mark> : w}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Actions({ type, onAction }: Pick<RowProps, 'type' | 'onAction'>) {
  const button = (action: TypeAction, label: string, name = `${label} ${type.name}`) => (
    <button type="button" className="button small" aria-label={name} onClick={() => onAction(action, type)}>
      {label}
    </button>
  );
  return (
    <div className="vocab-actions">
      {button('edit', 'Edit')}
      {button('alias', 'Add alias', `Add alias to ${type.name}`)}
      {type.parent ? null : button('child', 'Add type', `Add type under ${type.name}`)}
      {button('merge', 'Merge')}
      {button('retire', 'Retire')}
    </div>
  );
}

function TypeRow({ type, level, match, canEdit, names, onAction }: RowProps) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const inactive = statusLabel(type, names.type);
  return (
    <div className="vocab-type" data-testid="vocab-type" data-path={type.path} data-status={type.status}>
      <div className="vocab-type-head">
        <div className="vocab-title">
          <Heading className="vocab-name">{type.name}</Heading>{' '}
          <code className="vocab-path">{type.path}</code>{' '}
          {inactive ? <Badge tone={type.status === 'merged' ? 'info' : 'neutral'}>{inactive}</Badge> : null}
        </div>
        {canEdit && type.status === 'active' ? <Actions type={type} onAction={onAction} /> : null}
      </div>
      {type.definition ? <p className="vocab-definition">{type.definition}</p> : null}
      <p className="small vocab-route">
        {type.status === 'retired' ? (
          <span className="muted">No longer suggested, matched or routed</span>
        ) : type.status === 'merged' ? (
          <span className="muted">Its tags and words count as {names.type(type.mergedInto ?? '')}</span>
        ) : type.scenario ? (
          <>
            Routes to <strong>{names.scenario(type.scenario)}</strong>
            {type.scenarioInherited ? <span className="muted"> (from its parent)</span> : null}
          </>
        ) : (
          <span className="muted">Routes to no scenario</span>
        )}
        {type.examples.length ? (
          <span className="muted">
            {' '}
            · {type.examples.length} example{type.examples.length === 1 ? '' : 's'}
          </span>
        ) : null}
      </p>
      <Aliases type={type} match={match} names={names} />
    </div>
  );
}

/** The taxonomy, two levels: each parent with its types, every type with its teams' words. */
export function TypeTree({
  tree,
  matches,
  canEdit,
  names,
  onAction,
}: {
  tree: TreeNode[];
  matches: Map<string, Match>;
  canEdit: boolean;
  names: Names;
  onAction: (action: TypeAction, type: IssueTypeView) => void;
}) {
  const row = { canEdit, names, onAction };
  return (
    <ul className="vocab-tree" data-testid="vocab-tree">
      {tree.map(({ type, children }) => (
        <li key={type.path} className="vocab-parent">
          <TypeRow type={type} level={3} match={matches.get(type.path)} {...row} />
          {children.length ? (
            <ul className="vocab-children" aria-label={`Types under ${type.name}`}>
              {children.map((c) => (
                <li key={c.path}>
                  <TypeRow type={c} level={4} match={matches.get(c.path)} {...row} />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
