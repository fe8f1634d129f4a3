import { useEffect, useId, useRef } from 'react';
import { tagNote } from '../../../../core/instruments/complexity';
import { COMPLEXITY_DOMAINS, isOneOf, type ComplexityDomain } from '../../../../core/instruments/vocabulary';
import type { Note } from '../../../../core/workshop/board';
import { useT } from '../../../i18n';
import { useAnnounce } from '../../../ui/live-region';
import { NoteCard } from '../../../ui/note-card';
import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { FacilitatorInstrumentProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { DOMAIN_GLYPH, DomainSection } from './domain-section';
import { useComplexity, type DomainView } from './use-complexity';
import './complexity.css';

/**
 * The cockpit: every unsorted note with one button per domain, the four domains with their counts,
 * handling and notes (a select per note moves or unsorts it). Tags live in control: only the
 * facilitator writes them, and the phones and the projector follow.
 */
export default function ComplexityFacilitator({ connection, step, onHide }: FacilitatorInstrumentProps) {
  const t = useT();
  const announce = useAnnounce();
  const token = useFacilitatorToken();
  const view = useComplexity(token, connection, step);
  const untaggedId = useId();
  const labelOf = (id: ComplexityDomain) => view.domains.find((d) => d.id === id)?.label ?? id;
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A sorted note leaves the list under the keyboard's focus: focus moves on to the next one.
  const focusAfter = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAfter.current;
    if (index === null) return;
    focusAfter.current = null;
    const next = listRef.current?.children[Math.min(index, view.untagged.length - 1)]?.querySelector<HTMLElement>('button');
    if (next) next.focus();
    else headingRef.current?.focus();
  }, [view.untagged]);

  const tag = (note: Note, domain: ComplexityDomain | null) => {
    tagNote(connection.control, step.id, note.id, domain);
    announce(domain ? t('complexity.sortedInto', { domain: labelOf(domain), text: note.text.slice(0, 60) }) : t('complexity.run.untagged'));
  };

  const hideButton = (note: Note) => (
    <button
      type="button"
      className="btn btn-quiet"
      aria-label={t('moderation.hideNamed', { text: note.text.slice(0, 60) })}
      onClick={() => onHide(note)}
    >
      {t('moderation.hide')}
    </button>
  );

  return (
    <div className="stack" data-testid="complexity-run">
      <div className="stack-sm">
        <p className="run-fact">{t('complexity.run.summary', { total: view.total, sorted: view.total - view.untagged.length })}</p>
        {view.config.sourceStepId === null ? <p className="muted small">{t('complexity.run.noSource')}</p> : null}
        <SourceLine text={view.source} />
      </div>
      <section className="complexity-untagged stack-sm" aria-labelledby={untaggedId} data-testid="complexity-untagged">
        <h3 id={untaggedId} ref={headingRef} tabIndex={-1}>
          {t('complexity.run.toSort', { count: view.untagged.length })}
        </h3>
        {view.untagged.length === 0 ? <p className="muted small">{t('complexity.run.allSorted')}</p> : null}
        <ul ref={listRef} className="plain-list complexity-untagged-list">
          {view.untagged.map((note) => {
            const short = note.text.slice(0, 60);
            return (
              <li key={note.id} className="complexity-untagged-item">
                <NoteCard note={note} />
                <div className="complexity-tag-buttons" role="group" aria-label={t('complexity.run.sortNamed', { text: short })}>
                  {view.domains.map((domain) => (
                    <button
                      key={domain.id}
                      type="button"
                      className={`btn btn-secondary domain-button domain-${domain.id}`}
                      aria-label={t('complexity.run.tagNamed', { domain: domain.label, text: short })}
                      onClick={() => {
                        focusAfter.current = view.untagged.indexOf(note);
                        tag(note, domain.id);
                      }}
                    >
                      <span aria-hidden="true">{DOMAIN_GLYPH[domain.id]}</span> {domain.label}
                    </button>
                  ))}
                  {hideButton(note)}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <div className="domain-grid">
        {view.domains.map((domain) => (
          <DomainSection
            key={domain.id}
            domain={domain}
            level={3}
            noteActions={(note) => (
              <div className="domain-note-actions">
                <MoveSelect note={note} domains={view.domains} onTag={tag} />
                {hideButton(note)}
              </div>
            )}
          />
        ))}
      </div>
      {view.parallel ? <p className="muted small">{view.parallel}</p> : null}
    </div>
  );
}

function MoveSelect({ note, domains, onTag }: { readonly note: Note; readonly domains: readonly DomainView[]; readonly onTag: (note: Note, domain: ComplexityDomain | null) => void }) {
  const t = useT();
  const id = useId();
  const current = domains.find((d) => d.notes.some((n) => n.id === note.id))?.id ?? '';
  return (
    <div className="field field-inline">
      <label htmlFor={id} className="visually-hidden">
        {t('complexity.run.moveNamed', { text: note.text.slice(0, 60) })}
      </label>
      <select
        id={id}
        className="input"
        value={current}
        onChange={(event) => onTag(note, isOneOf(COMPLEXITY_DOMAINS, event.target.value) ? event.target.value : null)}
      >
        {domains.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
        <option value="">{t('complexity.run.notSorted')}</option>
      </select>
    </div>
  );
}
