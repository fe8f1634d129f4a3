import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import type { ConnectionStatus } from '../../sync/provider';
import { useAnnounce } from '../../ui/live-region';

const KEYS = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  closed: 'connection.closedTitle',
} as const;

/** A plain line saying whether the board is connected; changes are announced politely. */
export function ConnectionStatusLine({ status }: { readonly status: ConnectionStatus }) {
  const t = useT();
  const announce = useAnnounce();
  const previous = useRef(status);
  const text = t(KEYS[status]);
  useEffect(() => {
    if (previous.current !== status) {
      previous.current = status;
      announce(text);
    }
  }, [status, text, announce]);
  return (
    <p className={`connection connection-${status}`} data-testid="connection-status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      {text}
    </p>
  );
}
