import { useId, type ReactNode } from 'react';
import type { Note } from '../../../../core/workshop/board';
import { useT } from '../../../i18n';
import { NoteCard } from '../../../ui/note-card';
import type { DomainView } from './use-complexity';
import './complexity.css';

/** A small shape per domain, so the four differ by more than colour (the label says it in words). */
export const DOMAIN_GLYPH = { enkelt: '▪', komplicerat: '▪▪', komplext: '◆', kaos: '✱' } as const;

interface Props {
  readonly domain: DomainView;
  /** h2 on the phone and projector, h3 inside the cockpit's panel. */
  readonly level?: 2 | 3;
  readonly showDescription?: boolean;
  /** The phone folds the handling text away (one thing at a time); a tap opens it. */
  readonly foldHandling?: boolean;
  readonly noteActions?: (note: Note) => ReactNode;
}

/** One domain: its name and count, the suggested handling, and the notes sorted into it. */
export function DomainSection({ domain, level = 2, showDescription = false, foldHandling = false, noteActions }: Props) {
  const t = useT();
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`domain domain-${domain.id}`} aria-labelledby={headingId} data-testid={`domain-${domain.id}`}>
      <Heading id={headingId} className="domain-title">
        <span className="domain-glyph" aria-hidden="true">
          {DOMAIN_GLYPH[domain.id]}
        </span>
        <span>{domain.label}</span>
        <span className="domain-count">{t('complexity.count', { count: domain.notes.length })}</span>
      </Heading>
      {showDescription && domain.description ? <p className="domain-description">{domain.description}</p> : null}
      {domain.handling && foldHandling ? (
        <details className="domain-handling-details">
          <summary>{t('complexity.handlingSummary')}</summary>
          <p className="domain-handling">{domain.handling}</p>
        </details>
      ) : null}
      {domain.handling && !foldHandling ? (
        <p className="domain-handling">
          <strong>{t('complexity.handlingLabel')}</strong> {domain.handling}
          {domain.handlingEdited ? <span className="pack-edited"> · {t('cloth.editedInSession')}</span> : null}
        </p>
      ) : null}
      {domain.notes.length === 0 ? (
        <p className="muted small">{t('complexity.empty')}</p>
      ) : (
        <ul className="plain-list domain-notes">
          {domain.notes.map((note) => (
            <li key={note.id} className="fade-in">
              <NoteCard note={note} />
              {noteActions ? noteActions(note) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
