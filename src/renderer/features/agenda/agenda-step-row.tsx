import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import type { Step } from '../../../core/workshop/agenda';
import { useLanguage, useT } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import { StepTypeIcon } from './step-type-icon';
import { formatMinutes, stepTypeLabel } from './step-type-text';

export interface AgendaStepRowProps {
  readonly step: Step;
  readonly index: number;
  readonly count: number;
  readonly plannedStart: number | undefined;
  readonly current: boolean;
  readonly dragging: boolean;
  readonly dropEdge: 'before' | 'after' | null;
  readonly dragProps: HTMLAttributes<HTMLLIElement> & { draggable: boolean };
  readonly keyHintId: string;
  /** Moves the step by `delta` places (−1 up, +1 down). */
  readonly onMove: (delta: -1 | 1) => void;
  readonly onEdit: () => void;
  readonly onToggleSkip: () => void;
  readonly onRepeat: () => void;
  readonly onRemove: () => void;
  /** More actions for this step's type (e.g. "Skriv ut underlag" on instrument steps). */
  readonly extraActions?: ReactNode;
}

/** One step of the agenda: when, what and how long, with its actions. Alt+↑/↓ moves it. */
export function AgendaStepRow(props: AgendaStepRowProps) {
  const { step, index, count, current, dragging, dropEdge } = props;
  const t = useT();
  const language = useLanguage();
  const title = step.title;

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && index > 0) props.onMove(-1);
    if (event.key === 'ArrowDown' && index < count - 1) props.onMove(1);
  }

  const classes = [
    'agenda-step',
    current ? 'is-current' : '',
    step.skipped ? 'is-skipped' : '',
    dragging ? 'is-dragging' : '',
    dropEdge ? `drop-${dropEdge}` : '',
  ].filter(Boolean);

  return (
    <li
      {...props.dragProps}
      className={classes.join(' ')}
      data-step-id={step.id}
      data-focus-key="row"
      tabIndex={0}
      aria-current={current ? 'step' : undefined}
      aria-describedby={props.keyHintId}
      onKeyDown={onKeyDown}
    >
      <span className="agenda-grip" aria-hidden="true">
        ⠿
      </span>
      <p className="agenda-time">
        <span className="visually-hidden">{t('agenda.plannedStart')} </span>
        {props.plannedStart === undefined ? null : formatTime(props.plannedStart, language)}
      </p>
      <div className="agenda-step-main">
        <p className="agenda-step-type">
          <StepTypeIcon type={step.type} />
          {stepTypeLabel(t, step.type)}
        </p>
        <h3 className="agenda-step-title">
          <span className="agenda-step-number">{t('agenda.position', { position: index + 1 })}</span>{' '}
          {title}
        </h3>
        <p className="agenda-step-meta">
          <span>{formatMinutes(t, step.minutes)}</span>
          <span>{t(`agenda.groupMode.${step.groupMode}`)}</span>
          {typeof step.config.votesPerPerson === 'number' ? (
            <span>{t('agenda.votesPerPerson', { count: step.config.votesPerPerson })}</span>
          ) : null}
          {current ? <span className="badge badge-current">{t('agenda.current')}</span> : null}
          {step.skipped ? <span className="badge badge-skipped">{t('agenda.skipped')}</span> : null}
        </p>
      </div>
      <div className="agenda-step-actions">
        <Button
          variant="secondary"
          className="btn-icon"
          data-focus-key="up"
          aria-label={t('agenda.moveUp', { title })}
          disabled={index === 0}
          onClick={() => props.onMove(-1)}
        >
          <span aria-hidden="true">↑</span>
        </Button>
        <Button
          variant="secondary"
          className="btn-icon"
          data-focus-key="down"
          aria-label={t('agenda.moveDown', { title })}
          disabled={index === count - 1}
          onClick={() => props.onMove(1)}
        >
          <span aria-hidden="true">↓</span>
        </Button>
        <Button
          variant="secondary"
          data-focus-key="edit"
          aria-label={t('agenda.editNamed', { title })}
          onClick={props.onEdit}
        >
          {t('agenda.edit')}
        </Button>
        <Button
          variant="quiet"
          data-focus-key="skip"
          aria-label={
            step.skipped ? t('agenda.unskipNamed', { title }) : t('agenda.skipNamed', { title })
          }
          onClick={props.onToggleSkip}
        >
          {step.skipped ? t('agenda.unskip') : t('agenda.skip')}
        </Button>
        <Button
          variant="quiet"
          data-focus-key="repeat"
          aria-label={t('agenda.repeatNamed', { title })}
          onClick={props.onRepeat}
        >
          {t('agenda.repeat')}
        </Button>
        {props.extraActions}
        <Button
          variant="quiet"
          className="btn-quiet-danger"
          data-focus-key="remove"
          aria-label={t('agenda.removeNamed', { title })}
          onClick={props.onRemove}
        >
          {t('agenda.remove')}
        </Button>
      </div>
    </li>
  );
}
