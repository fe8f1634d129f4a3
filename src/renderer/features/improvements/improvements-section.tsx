import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ImprovementSummary } from '../../../contracts/improvements';
import { TEXT_SHORT } from '../../../core/improvement/model';
import { errorCodeOf } from '../../api/api-error';
import { createImprovement, deleteImprovement, exportImprovement, importImprovement, listImprovements } from '../../api/improvements-api';
import { navigate, routeHash } from '../../app/route-state';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { EmptyState, Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { fileStem, saveBlob } from '../../ui/save-file';
import { useAsync } from '../facilitator/use-async';
import { countsLine } from './counts';
import './improvements.css';

/**
 * "Förbättringsarbeten" on the facilitator's home screen: every improvement on this computer, with
 * the workshops it was worked on; create, open, export, import and delete.
 */
export function ImprovementsSection({ token }: { readonly token: string }) {
  const t = useT();
  const announce = useAnnounce();
  const headingId = useId();
  const load = useCallback(() => listImprovements(token), [token]);
  const [state, reload] = useAsync(load);
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function onImport(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    try {
      const imported = await importImprovement(token, await file.text());
      announce(t('improvements.home.imported', { title: imported.title }));
      reload();
    } catch (error) {
      setProblem(t('improvements.home.importFailed', { file: file.name, reason: t(`error.${errorCodeOf(error)}`) }));
    }
  }

  return (
    <section className="improvements-home stack" aria-labelledby={headingId} data-testid="improvements-home">
      <div className="row-between">
        <div>
          <h2 id={headingId} className="home-section-heading">
            {t('improvements.home.heading')}
          </h2>
          <p className="muted">{t('improvements.home.intro')}</p>
        </div>
        <div className="row">
          <Button variant="secondary" onClick={() => fileInput.current?.click()}>
            {t('improvements.home.import')}
          </Button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => void onImport(e)} aria-label={t('improvements.home.import')} />
          {!creating ? <Button onClick={() => setCreating(true)}>{t('improvements.home.create')}</Button> : null}
        </div>
      </div>
      {problem ? (
        <Notice tone="error" role="alert">
          <p>{problem}</p>
        </Notice>
      ) : null}
      {creating ? <CreateImprovementForm token={token} onCancel={() => setCreating(false)} /> : null}
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'error' ? (
        <Notice tone="error" role="alert">
          <p>{t(`error.${state.code}`)}</p>
          <Button variant="secondary" onClick={reload}>
            {t('sessions.retry')}
          </Button>
        </Notice>
      ) : null}
      {state.kind === 'ready' && state.value.length === 0 && !creating ? (
        <EmptyState title={t('improvements.home.emptyTitle')} headingLevel={3}>
          <p>{t('improvements.home.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {state.kind === 'ready' && state.value.length > 0 ? (
        <ul className="plain-list session-list" aria-labelledby={headingId}>
          {state.value.map((summary) => (
            <ImprovementRow key={summary.id} token={token} summary={summary} onDeleted={reload} onProblem={setProblem} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function CreateImprovementForm({ token, onCancel }: { readonly token: string; readonly onCancel: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('improvements.titleMissing'));
      return;
    }
    setBusy(true);
    try {
      const created = await createImprovement(token, { title: title.trim() });
      navigate({ name: 'improvement', improvementId: created.id });
    } catch (failure) {
      setBusy(false);
      setError(t(`error.${errorCodeOf(failure)}`));
    }
  }
  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('improvements.home.titleLabel')}
        hint={t('improvements.home.titleHint')}
        value={title}
        maxLength={TEXT_SHORT}
        error={error}
        autoFocus
        onChange={(e) => {
          setTitle(e.target.value);
          setError(null);
        }}
      />
      <div className="row">
        <Button type="submit" busy={busy}>
          {t('improvements.home.createSubmit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('improvements.cancel')}
        </Button>
      </div>
    </form>
  );
}

interface RowProps {
  readonly token: string;
  readonly summary: ImprovementSummary;
  readonly onDeleted: () => void;
  readonly onProblem: (text: string) => void;
}

function ImprovementRow({ token, summary, onDeleted, onProblem }: RowProps) {
  const t = useT();
  const lang = useLanguage();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const openable = summary.status === 'ok';

  async function exportFile(): Promise<void> {
    try {
      saveBlob(await exportImprovement(token, summary.id), `${fileStem(summary.title, 'forbattringsarbete')}.json`);
    } catch (error) {
      onProblem(t(`error.${errorCodeOf(error)}`));
    }
  }
  async function remove(): Promise<void> {
    setConfirming(false);
    try {
      await deleteImprovement(token, summary.id);
      announce(t('improvements.home.deleted', { title: summary.title }));
      onDeleted();
    } catch (error) {
      onProblem(t(`error.${errorCodeOf(error)}`));
    }
  }

  return (
    <li className={openable ? 'card session-row improvement-row' : 'card session-row is-broken'} data-testid="improvement-row">
      <div className="session-row-main">
        <h3 className="session-title">{summary.title || summary.file}</h3>
        {openable ? (
          <>
            <p className="muted small">
              {t('sessions.updated', { date: formatDateTime(summary.updatedAt, lang) })}
              {' · '}
              {countsLine(t, summary)}
            </p>
            {summary.sessions.length > 0 ? (
              <p className="small">
                {t('improvements.workedOnIn')} {summary.sessions.map((s) => s.title).join(', ')}
              </p>
            ) : null}
          </>
        ) : (
          <Notice tone="warning">
            <p>{summary.status === 'corrupt' ? t('improvements.home.corrupt') : t('improvements.home.tooNew')}</p>
            <p className="small">{summary.problem ?? t('sessions.file', { file: summary.file })}</p>
          </Notice>
        )}
      </div>
      <div className="row">
        {openable ? (
          <>
            <Button variant="quiet" onClick={() => void exportFile()} aria-label={t('improvements.home.exportNamed', { title: summary.title })}>
              {t('improvements.home.export')}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(true)} aria-label={t('improvements.home.deleteNamed', { title: summary.title })}>
              {t('improvements.home.delete')}
            </Button>
            <a className="btn btn-primary" href={routeHash({ name: 'improvement', improvementId: summary.id })} aria-label={t('improvements.home.openNamed', { title: summary.title })}>
              {t('improvements.home.open')}
            </a>
          </>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('improvements.home.deleteTitle', { title: summary.title })}
        body={t('improvements.home.deleteBody')}
        confirmLabel={t('improvements.home.delete')}
        onConfirm={() => void remove()}
        onClose={() => setConfirming(false)}
      />
    </li>
  );
}
