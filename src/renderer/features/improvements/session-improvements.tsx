import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ImprovementSummary } from '../../../contracts/improvements';
import { TEXT_SHORT } from '../../../core/improvement/model';
import { errorCodeOf } from '../../api/api-error';
import { createImprovement, getImprovement, linkSession, listImprovements, listSessionImprovements } from '../../api/improvements-api';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { useAsync } from '../facilitator/use-async';
import { ImprovementEditor } from './improvement-editor';
import { onImprovementsChanged } from './improvements-changed';
import { countsLine } from './counts';
import './improvements.css';

const SESSION_IMPROVEMENTS_ID = 'session-improvements';

/** "Förbättringsarbete" in the cockpit's top row: down to the session's improvement panel, focus on its heading. */
export function ImprovementsJumpButton() {
  const t = useT();
  return (
    <Button
      variant="secondary"
      onClick={() => {
        const panel = document.getElementById(SESSION_IMPROVEMENTS_ID);
        panel?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        panel?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
      }}
    >
      {t('improvements.session.jump')}
    </Button>
  );
}

interface Props {
  readonly token: string;
  readonly sessionId: string;
}

/**
 * "Förbättringsarbete" in a session: the improvements this workshop works on, shown in full so the
 * facilitator can plan a cycle or add this month's data points (marked with this session) right
 * here; a follow-up workshop links an existing improvement with "Öppna förbättringsarbete".
 */
export function SessionImprovements({ token, sessionId }: Props) {
  const t = useT();
  const headingId = useId();
  const load = useCallback(() => listSessionImprovements(token, sessionId), [token, sessionId]);
  const [state, reload] = useAsync(load);
  const [shown, setShown] = useState<string | null>(null);
  const [adding, setAdding] = useState<'open' | 'new' | null>(null);
  useEffect(() => onImprovementsChanged(() => reload()), [reload]);

  const linked = state.kind === 'ready' ? state.value.filter((s) => s.status === 'ok') : [];
  const current = linked.find((s) => s.id === shown) ?? linked[0] ?? null;

  return (
    <section id={SESSION_IMPROVEMENTS_ID} className="session-improvements stack" aria-labelledby={headingId} data-testid="session-improvements">
      <div className="row-between">
        <div>
          <h2 id={headingId} tabIndex={-1}>
            {t('improvements.session.heading')}
          </h2>
          <p className="muted">{t('improvements.session.intro')}</p>
        </div>
        <div className="row">
          <Button variant="secondary" aria-expanded={adding === 'open'} onClick={() => setAdding(adding === 'open' ? null : 'open')}>
            {t('improvements.session.open')}
          </Button>
          <Button variant="secondary" aria-expanded={adding === 'new'} onClick={() => setAdding(adding === 'new' ? null : 'new')}>
            {t('improvements.home.create')}
          </Button>
        </div>
      </div>
      {adding === 'open' ? (
        <LinkExisting
          token={token}
          sessionId={sessionId}
          linkedIds={linked.map((s) => s.id)}
          onLinked={(id) => {
            setAdding(null);
            setShown(id);
            reload();
          }}
        />
      ) : null}
      {adding === 'new' ? (
        <CreateHere
          token={token}
          sessionId={sessionId}
          onCreated={(id) => {
            setAdding(null);
            setShown(id);
            reload();
          }}
        />
      ) : null}
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'error' ? (
        <Notice tone="error" role="alert">
          <p>{t(`error.${state.code}`)}</p>
        </Notice>
      ) : null}
      {state.kind === 'ready' && linked.length === 0 ? <p className="muted">{t('improvements.session.none')}</p> : null}
      {linked.length > 1 ? (
        <div className="row" role="group" aria-label={t('improvements.session.which')}>
          {linked.map((s) => (
            <Button key={s.id} variant={s.id === current?.id ? 'primary' : 'secondary'} aria-pressed={s.id === current?.id} onClick={() => setShown(s.id)}>
              {s.title}
            </Button>
          ))}
        </div>
      ) : null}
      {current ? <LoadedEditor key={current.id} token={token} improvementId={current.id} sessionId={sessionId} /> : null}
    </section>
  );
}

function LoadedEditor({ token, improvementId, sessionId }: { readonly token: string; readonly improvementId: string; readonly sessionId: string }) {
  const t = useT();
  const load = useCallback(() => getImprovement(token, improvementId), [token, improvementId]);
  const [state] = useAsync(load);
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') {
    return (
      <Notice tone="error" role="alert">
        <p>{t(`error.${state.code}`)}</p>
      </Notice>
    );
  }
  return <ImprovementEditor token={token} improvement={state.value} sessionId={sessionId} titleLevel="h2" />;
}

function LinkExisting({ token, sessionId, linkedIds, onLinked }: Props & { readonly linkedIds: readonly string[]; readonly onLinked: (id: string) => void }) {
  const t = useT();
  const load = useCallback(() => listImprovements(token), [token]);
  const [state] = useAsync(load);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  async function link(summary: ImprovementSummary): Promise<void> {
    setBusy(summary.id);
    try {
      await linkSession(token, summary.id, sessionId);
      onLinked(summary.id);
    } catch (error) {
      setProblem(t(`error.${errorCodeOf(error)}`));
      setBusy(null);
    }
  }
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <Notice tone="error" role="alert"><p>{t(`error.${state.code}`)}</p></Notice>;
  const open = state.value.filter((s) => s.status === 'ok' && !linkedIds.includes(s.id));
  return (
    <div className="card stack-sm" data-testid="link-improvement">
      <h3 className="subheading">{t('improvements.session.pick')}</h3>
      {open.length === 0 ? <p className="muted">{t('improvements.session.nothingToOpen')}</p> : null}
      <ul className="plain-list stack-sm">
        {open.map((s) => (
          <li key={s.id} className="row-between link-row">
            <span>
              <span className="choice-title">{s.title}</span>{' '}
              <span className="muted small">{countsLine(t, s)}</span>
            </span>
            <Button onClick={() => void link(s)} busy={busy === s.id} aria-label={t('improvements.session.linkNamed', { title: s.title })}>
              {t('improvements.session.link')}
            </Button>
          </li>
        ))}
      </ul>
      {problem ? <Notice tone="error" role="alert"><p>{problem}</p></Notice> : null}
    </div>
  );
}

function CreateHere({ token, sessionId, onCreated }: Props & { readonly onCreated: (id: string) => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('improvements.titleMissing'));
      return;
    }
    try {
      onCreated((await createImprovement(token, { title: title.trim(), sessionId })).id);
    } catch (failure) {
      setError(t(`error.${errorCodeOf(failure)}`));
    }
  }
  return (
    <form className="card stack-sm" onSubmit={(e) => void submit(e)} noValidate>
      <TextField label={t('improvements.home.titleLabel')} hint={t('improvements.home.titleHint')} value={title} maxLength={TEXT_SHORT} error={error} onChange={(e) => setTitle(e.target.value)} />
      <div>
        <Button type="submit">{t('improvements.home.createSubmit')}</Button>
      </div>
    </form>
  );
}
