import { useEffect, useId, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Improvement } from '../../../core/improvement/model';
import { TEXT_SHORT } from '../../../core/improvement/model';
import { routeHash } from '../../app/route-state';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/text-field';
import { AimSection } from './aim-section';
import { ChangeIdeasSection } from './change-ideas-section';
import { ConflictNotice } from './conflict-notice';
import { formatDay } from './format';
import { ImprovementHistory } from './improvement-history';
import { ImprovementOverview } from './improvement-overview';
import { MeasuresSection } from './measures-section';
import { SaveBar, SaveProblem } from './save-status';
import { getImprovement } from '../../api/improvements-api';
import { onImprovementsChanged } from './improvements-changed';
import { useImprovementDraft } from './use-improvement-draft';
import './improvements.css';

export interface ImprovementEditorProps {
  readonly token: string;
  readonly improvement: Improvement;
  /** The workshop it is open in (new points and cycles are marked with it), or null. */
  readonly sessionId: string | null;
  /** `h1` on its own page, `h2` inside a session. */
  readonly titleLevel?: 'h1' | 'h2';
}

/**
 * An improvement as the Model for Improvement's three questions, one section each. Saves by
 * itself (see use-improvement-draft.ts); usable with no workshop running.
 */
export function ImprovementEditor({ token, improvement, sessionId, titleLevel = 'h1' }: ImprovementEditorProps) {
  const t = useT();
  const lang = useLanguage();
  const state = useImprovementDraft(token, improvement);
  const { draft, edit, saveNow } = state;
  const [renaming, setRenaming] = useState(false);
  /** Which version was just brought back from the history (said once, under the overview). */
  const [restoredFrom, setRestoredFrom] = useState<{ from: number; saved: number } | null>(null);
  const Title = titleLevel;
  const prefix = useId();
  const ids = { aim: `${prefix}-aim`, measures: `${prefix}-measures`, ideas: `${prefix}-ideas` };

  useEffect(() => {
    if (state.restored) saveNow();
    // Only once: a draft restored from this browser goes to the host as soon as it is shown.
  }, []);

  // A change idea added from the workshop shows up here at once (unless typing is waiting to be saved).
  const { replace } = state;
  useEffect(
    () =>
      onImprovementsChanged((id) => {
        if (id !== improvement.id) return;
        getImprovement(token, id).then(replace, () => undefined);
      }),
    [token, improvement.id, replace],
  );

  function onBlur(event: FocusEvent<HTMLDivElement>): void {
    if (event.target.matches('input, textarea, select')) saveNow();
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      saveNow();
    }
  }

  return (
    <div className="improvement-editor stack" onBlur={onBlur} onKeyDown={onKeyDown} data-testid="improvement-editor">
      <header className="improvement-head">
        <div className="stack-sm improvement-title-block">
          {titleLevel === 'h1' ? <p className="eyebrow">{t('improvements.eyebrow')}</p> : null}
          {renaming ? (
            <div className="row improvement-rename">
              <TextField
                label={t('improvements.titleLabel')}
                value={draft.title}
                maxLength={TEXT_SHORT}
                error={draft.title.trim() ? null : t('improvements.titleMissing')}
                onChange={(e) => edit((i) => ({ ...i, title: e.target.value }))}
              />
              <Button variant="secondary" onClick={() => setRenaming(false)} disabled={!draft.title.trim()}>
                {t('improvements.done')}
              </Button>
            </div>
          ) : (
            <div className="row improvement-title-row">
              <Title className="improvement-title" data-testid="improvement-title">
                {draft.title}
              </Title>
              <Button variant="quiet" onClick={() => setRenaming(true)}>
                {t('improvements.rename')}
              </Button>
            </div>
          )}
          {draft.sessions.length > 0 ? (
            <p className="muted small improvement-sessions">
              {t('improvements.workedOnIn')}{' '}
              {draft.sessions.map((s, index) => (
                <span key={s.sessionId}>
                  {index > 0 ? ', ' : ''}
                  {s.sessionId === sessionId ? (
                    <span>{t('improvements.thisWorkshop', { title: s.title })}</span>
                  ) : (
                    <a href={routeHash({ name: 'session', sessionId: s.sessionId })}>{s.title}</a>
                  )}{' '}
                  ({formatDay(s.linkedAt, lang)})
                </span>
              ))}
            </p>
          ) : (
            <p className="muted small">{t('improvements.noWorkshops')}</p>
          )}
        </div>
        <div className="stack-sm improvement-head-tools">
          <SaveBar status={state.status} savedAt={draft.updatedAt} onSave={saveNow} />
          <ImprovementHistory
            token={token}
            improvementId={improvement.id}
            currentRevision={draft.revision}
            canRestore={state.status.kind === 'saved'}
            onOpen={saveNow}
            onRestored={(restored, from) => {
              state.adopt(restored);
              setRestoredFrom({ from, saved: restored.revision });
            }}
          />
        </div>
      </header>
      <ImprovementOverview improvement={draft} ids={ids} />
      <SaveProblem status={state.status} />
      {state.restored ? (
        <Notice tone="info" role="status">
          <p>{t('improvements.restored')}</p>
        </Notice>
      ) : null}
      {restoredFrom ? (
        <Notice tone="success" role="status">
          <p data-testid="history-restored">
            {t('improvements.history.restored', { number: restoredFrom.from + 1, saved: restoredFrom.saved + 1 })}
          </p>
        </Notice>
      ) : null}
      {state.conflict ? <ConflictNotice conflict={state.conflict} onDismiss={state.dismissConflict} /> : null}
      <AimSection id={ids.aim} improvement={draft} edit={edit} />
      <MeasuresSection id={ids.measures} improvement={draft} edit={edit} sessionId={sessionId} />
      <ChangeIdeasSection id={ids.ideas} improvement={draft} edit={edit} sessionId={sessionId} />
    </div>
  );
}
