import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { selectAgenda, type Step } from '../../../../core/workshop/agenda';
import { roomName } from '../../../../core/workshop/doc-names';
import { wsBase } from '../../../sync/provider';

/**
 * The partnership-matrix steps of another session (to compare with): its control document is read
 * once over the facilitator's own sync connection, then closed. Nothing is kept on the device.
 */
export function useMatrixSteps(token: string | null, sessionId: string | null): readonly Step[] | null {
  const [steps, setSteps] = useState<{ id: string; steps: readonly Step[] } | null>(null);
  useEffect(() => {
    if (!token || !sessionId) return;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${wsBase()}/sync`, roomName(sessionId, 'control'), doc, { params: { token } });
    provider.awareness.setLocalState(null);
    const done = (synced: boolean) => {
      if (!synced) return;
      setSteps({ id: sessionId, steps: selectAgenda(doc).filter((s) => s.type === 'partnership-matrix') });
      provider.destroy();
      doc.destroy();
    };
    provider.on('sync', done);
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [token, sessionId]);
  return steps && steps.id === sessionId ? steps.steps : null;
}
