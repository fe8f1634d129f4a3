import { useEffect, useState } from 'react';
import { getSession } from '../../api/facilitator-api';
import { useDocumentTitle } from '../../ui/use-document-title';

/**
 * "Samskapa – <session>" for the facilitator's session view (a separate small read of the
 * session's summary, so the session view itself stays as it is).
 */
export function SessionWindowTitle({ token, sessionId }: { readonly token: string; readonly sessionId: string }) {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getSession(token, sessionId).then(
      (summary) => live && setTitle(summary.title),
      () => live && setTitle(null),
    );
    return () => {
      live = false;
    };
  }, [token, sessionId]);
  useDocumentTitle(title);
  return null;
}
