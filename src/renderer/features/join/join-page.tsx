import { useEffect, useState } from 'react';
import type { JoinBody, JoinInfo } from '../../../contracts/http';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';
import { fetchJoinInfo, join } from '../../api/participant-api';
import { navigate } from '../../app/route-state';
import { useT } from '../../i18n';
import { useInstructions } from '../../preferences/use-instruction';
import { clearFlash, peekFlash } from '../../storage/flash';
import { loadParticipantSession, saveParticipantSession } from '../../storage/participant-session';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/spinner';
import { Notice } from '../../ui/notice';
import { useDocumentTitle } from '../../ui/use-document-title';
import { JoinHelp } from '../help/join-help';
import { CodeStep } from './code-step';
import { IdentityForm, type Identity } from './identity-form';
import { ParticipantFrame } from '../participant/participant-frame';

export type JoinMode = { readonly kind: 'code' } | { readonly kind: 'link'; readonly secret: string };

/** A code problem sends the person back to the code field, with the reason. */
const CODE_ERRORS: readonly ApiErrorCode[] = ['wrong-code', 'code-expired', 'too-many-attempts'];

type Step =
  | { readonly kind: 'code'; readonly error: ApiErrorCode | null }
  | { readonly kind: 'loading' }
  | { readonly kind: 'link-failed'; readonly error: ApiErrorCode }
  | { readonly kind: 'identity'; readonly info: JoinInfo; readonly key: Pick<JoinBody, 'code' | 'secret'> };

/**
 * Joining: by link (`#join=<secret>`, from the QR code) straight to "who are you", or by typing
 * the six-digit code first. A device that already joined this session goes straight to the board.
 */
export function JoinPage({ mode }: { readonly mode: JoinMode }) {
  const t = useT();
  const ti = useInstructions();
  const [help, setHelp] = useState(false);
  const [flash] = useState(peekFlash);
  const [step, setStep] = useState<Step>(
    mode.kind === 'code' ? { kind: 'code', error: null } : { kind: 'loading' },
  );
  const [busy, setBusy] = useState(false);
  const [joinError, setJoinError] = useState<ApiErrorCode | null>(null);
  const secret = mode.kind === 'link' ? mode.secret : null;

  useEffect(() => clearFlash(), []);
  useDocumentTitle(help ? t('help.window.joinHelp') : t('help.window.join'));

  useEffect(() => {
    if (secret === null) return;
    const abort = new AbortController();
    fetchJoinInfo({ secret }, abort.signal).then(
      (info) => {
        if (loadParticipantSession(info.sessionId)) {
          navigate({ name: 'board', sessionId: info.sessionId }, { replace: true });
        } else {
          setStep({ kind: 'identity', info, key: { secret } });
        }
      },
      (failure: unknown) => {
        if (abort.signal.aborted) return;
        setStep({ kind: 'link-failed', error: errorCodeOf(failure) });
      },
    );
    return () => abort.abort();
  }, [secret]);

  async function submitIdentity(identity: Identity, key: Pick<JoinBody, 'code' | 'secret'>) {
    setBusy(true);
    setJoinError(null);
    try {
      const joined = await join({
        ...key,
        ...(identity.anonymous ? {} : { name: identity.name }),
        anonymous: identity.anonymous,
        role: identity.role,
      });
      saveParticipantSession(joined);
      navigate({ name: 'board', sessionId: joined.sessionId }, { replace: true });
    } catch (failure) {
      const code = errorCodeOf(failure);
      setBusy(false);
      if (key.code && CODE_ERRORS.includes(code)) setStep({ kind: 'code', error: code });
      else setJoinError(code);
    }
  }

  if (help) {
    return (
      <ParticipantFrame>
        <JoinHelp onBack={() => setHelp(false)} />
      </ParticipantFrame>
    );
  }

  return (
    <ParticipantFrame>
      {flash && step.kind === 'code' ? (
        <Notice tone="warning" role="status">
          <p>{t(flash)}</p>
        </Notice>
      ) : null}
      {step.kind === 'loading' ? <Loading /> : null}
      {step.kind === 'code' ? (
        <div className="stack fade-in">
          <div>
            <h1>{t('join.codeTitle')}</h1>
            <p className="page-intro">{ti('join.codeIntro')}</p>
          </div>
          <CodeStep
            initialError={step.error}
            onFound={(code, info) => setStep({ kind: 'identity', info, key: { code } })}
          />
          <p className="muted small">{ti('join.privacy')}</p>
          <Button variant="quiet" className="join-help-link" onClick={() => setHelp(true)}>
            {t('help.join.link')}
          </Button>
        </div>
      ) : null}
      {step.kind === 'link-failed' ? (
        <div className="stack fade-in">
          <h1>{t('join.linkFailed')}</h1>
          <Notice tone="error" role="alert">
            <p>{t(`error.${step.error}`)}</p>
          </Notice>
          <Button variant="secondary" size="large" onClick={() => navigate({ name: 'join-code' })}>
            {t('join.useCodeInstead')}
          </Button>
        </div>
      ) : null}
      {step.kind === 'identity' ? (
        <div className="stack fade-in">
          <div>
            <span className="eyebrow">{t('join.youAreJoining')}</span>
            <h1>{step.info.sessionTitle}</h1>
          </div>
          <IdentityForm
            busy={busy}
            error={joinError ? t(`error.${joinError}`) : null}
            onSubmit={(identity) => void submitIdentity(identity, step.key)}
          />
        </div>
      ) : null}
    </ParticipantFrame>
  );
}
