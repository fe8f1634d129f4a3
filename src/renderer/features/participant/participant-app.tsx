import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { fetchMe } from '../../api/participant-api';
import { navigate } from '../../app/route-state';
import { setFlash } from '../../storage/flash';
import { loadParticipantSession, withPseudonym, type ParticipantSession } from '../../storage/participant-session';
import { Loading } from '../../ui/spinner';
import { ParticipantBoard } from './participant-board';
import { ParticipantFrame } from './participant-frame';
import { signOutParticipant } from './sign-out';

/**
 * `#board=<sessionId>`: the stored membership is checked with `GET /api/me`. A 401 means the token
 * is gone (back to joining); a network failure means the host is unreachable, and the board opens
 * anyway from the device's own copy (local-first).
 */
export function ParticipantApp({ sessionId }: { readonly sessionId: string }) {
  const [record, setRecord] = useState<ParticipantSession | null>(() => loadParticipantSession(sessionId));
  const [checked, setChecked] = useState(false);

  const token = record?.token ?? null;
  useEffect(() => {
    if (!token) {
      setFlash('join.signedOut');
      navigate({ name: 'join-code' }, { replace: true });
      return;
    }
    const abort = new AbortController();
    fetchMe(token, abort.signal).then(
      (me) => {
        if (me.kind === 'participant' && me.sessionId !== sessionId) return signOutParticipant(sessionId);
        // A record kept from before pseudonyms gets the one the host gives now.
        if (me.kind === 'participant') setRecord((current) => (current ? withPseudonym(current, me.pseudonym) : current));
        setChecked(true);
      },
      (failure: unknown) => {
        if (abort.signal.aborted) return;
        if (failure instanceof ApiError && failure.status === 401) signOutParticipant(sessionId);
        else setChecked(true);
      },
    );
    return () => abort.abort();
  }, [token, sessionId]);

  if (!record || !checked) {
    return (
      <ParticipantFrame>
        <Loading />
      </ParticipantFrame>
    );
  }
  return <ParticipantBoard record={record} />;
}
