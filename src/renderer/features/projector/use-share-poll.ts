import { useEffect, useState } from 'react';
import type { ShareResponse } from '../../../contracts/http';
import { getShare } from '../../api/facilitator-api';

const POLL_MS = 10_000;

/** The session's current share (join code and QR), re-read every few seconds; null when closed. */
export function useSharePoll(token: string, sessionId: string): ShareResponse | null {
  const [share, setShare] = useState<ShareResponse | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      getShare(token, sessionId).then(
        (current) => live && setShare(current),
        () => undefined, // Host briefly away: keep showing what we had.
      );
    void read();
    const id = window.setInterval(() => void read(), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(id);
    };
  }, [token, sessionId]);
  return share;
}
