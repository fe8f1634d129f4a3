import type { CSSProperties, ReactNode } from 'react';
import type { Note } from '../../../core/workshop/board';
import type { VoteResult } from '../../../core/workshop/votes';
import { useT } from '../../i18n';
import { EmptyState } from '../../ui/notice';

export interface VoteResultsProps {
  readonly results: readonly VoteResult[];
  readonly notes: readonly Note[];
  readonly headingId: string;
  readonly heading: string;
  /** Show at most this many (the projector shows the top of the list). */
  readonly limit?: number;
  /** A facilitator's action on a result (e.g. "Gör till förändringsidé"); none on phones and the projector. */
  readonly action?: (note: Note, votes: number) => ReactNode;
}

/** Dot-voting results, most votes first: rank and count in words, a bar for the eye only. */
export function VoteResults({ results, notes, headingId, heading, limit, action }: VoteResultsProps) {
  const t = useT();
  const byId = new Map(notes.map((n) => [n.id, n]));
  const shown = results.filter((r) => byId.has(r.noteId)).slice(0, limit ?? results.length);
  const most = Math.max(1, ...shown.map((r) => r.votes));
  return (
    <section className="vote-results stack-sm" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {shown.length === 0 ? (
        <EmptyState title={t('steps.vote.noVotes')} headingLevel={3} />
      ) : (
        <ol className="plain-list vote-results-list" data-testid="vote-results">
          {shown.map((result) => (
            <li key={result.noteId} className="vote-result">
              <span className="vote-rank">{t('steps.vote.rank', { rank: result.rank })}</span>
              <span className="vote-text">{byId.get(result.noteId)?.text}</span>
              <span className="vote-count">{t('steps.vote.votes', { count: result.votes })}</span>
              <span
                className="vote-bar"
                aria-hidden="true"
                style={{ '--share': `${(result.votes / most) * 100}%` } as CSSProperties}
              />
              {action && byId.get(result.noteId) ? (
                <span className="vote-action">{action(byId.get(result.noteId) as Note, result.votes)}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
