import { useCallback, useId, useState } from 'react';
import type { SessionSummary } from '../../../contracts/http';
import { listSessions } from '../../api/facilitator-api';
import { navigate, routeHash } from '../../app/route-state';
import { formatDateTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { EmptyState, Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FirstRunGuide } from '../help/first-run-guide';
import { TemplatesManager } from '../templates/templates-manager';
import { useSessionImport } from '../exports/session-import';
import { CreateSessionForm } from './create-session-form';
import { useAsync } from './use-async';

/** All sessions on this computer, newest first, with "Ny session". */
export function SessionList({ token }: { readonly token: string }) {
  const t = useT();
  const load = useCallback(() => listSessions(token), [token]);
  const [state, reload] = useAsync(load);
  const [creating, setCreating] = useState(false);
  const [showTemplates, setShowTemplates] = useState(false);
  const templatesId = useId();
  const sessionImport = useSessionImport(token, (session) => navigate({ name: 'session', sessionId: session.id }));
  useDocumentTitle(t('help.window.sessions'));

  return (
    <>
      <div className="row-between">
        <div>
          <h1>{t('sessions.heading')}</h1>
          <p className="muted">{t('sessions.intro')}</p>
        </div>
        <div className="row">
          {sessionImport.button}
          <Button
            variant="secondary"
            size="large"
            aria-expanded={showTemplates}
            aria-controls={templatesId}
            onClick={() => setShowTemplates((shown) => !shown)}
          >
            {t('templates.manage')}
          </Button>
          {!creating ? (
            <Button size="large" onClick={() => setCreating(true)}>
              {t('sessions.create')}
            </Button>
          ) : null}
        </div>
      </div>
      {sessionImport.problem}
      <FirstRunGuide />
      <div id={templatesId} hidden={!showTemplates}>
        {showTemplates ? <TemplatesManager token={token} /> : null}
      </div>
      {creating ? (
        <CreateSessionForm
          token={token}
          onCancel={() => setCreating(false)}
          onCreated={(session) => navigate({ name: 'session', sessionId: session.id })}
        />
      ) : null}
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
        <EmptyState title={t('sessions.emptyTitle')}>
          <p>{t('sessions.emptyBody')}</p>
          <Button size="large" onClick={() => setCreating(true)}>
            {t('sessions.create')}
          </Button>
        </EmptyState>
      ) : null}
      {state.kind === 'ready' && state.value.length > 0 ? (
        <ul className="plain-list session-list" aria-label={t('sessions.listLabel')}>
          {state.value.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </ul>
      ) : null}
    </>
  );
}

function SessionRow({ session }: { readonly session: SessionSummary }) {
  const t = useT();
  const language = useLanguage();
  const openable = session.status === 'ok';
  return (
    <li className={openable ? 'card session-row' : 'card session-row is-broken'}>
      <div className="session-row-main">
        <h2 className="session-title">{session.title}</h2>
        <p className="muted small">
          {t('sessions.created', { date: formatDateTime(session.createdAt, language) })}
          {' · '}
          {t('sessions.updated', { date: formatDateTime(session.updatedAt, language) })}
        </p>
        {session.shared ? <span className="badge badge-live">{t('sessions.shared')}</span> : null}
        {!openable ? (
          <Notice tone="warning">
            <p>{session.status === 'corrupt' ? t('sessions.corrupt') : session.status === 'read-only' ? t('sessions.readOnly') : t('sessions.tooNew')}</p>
            <p className="small">{t('sessions.file', { file: session.file })}</p>
          </Notice>
        ) : null}
      </div>
      {openable ? (
        <a
          className="btn btn-primary"
          href={routeHash({ name: 'session', sessionId: session.id })}
          aria-label={t('sessions.openNamed', { title: session.title })}
        >
          {t('sessions.open')}
        </a>
      ) : null}
    </li>
  );
}
