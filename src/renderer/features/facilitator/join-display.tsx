import { useRef, useState, type ReactNode } from 'react';
import type { ShareResponse } from '../../../contracts/http';
import { formatJoinCode } from '../../../core/join-code';
import { formatTime } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';

export interface JoinDisplayProps {
  readonly share: ShareResponse;
  readonly title: string;
  readonly onDone: () => void;
  /** Shown under the code, e.g. "Ny kod" (features/safety). */
  readonly codeAction?: ReactNode;
}

/**
 * Selects the link's text and tries to copy it. Participants' pages are plain http (not a secure
 * context), and even here the async clipboard may be missing, so selection is the fallback.
 */
async function copyText(element: HTMLElement, text: string): Promise<boolean> {
  window.getSelection()?.selectAllChildren(element);
  if (window.isSecureContext && 'clipboard' in navigator) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Fall through to the selection that is already made.
    }
  }
  return false;
}

/** `http://192.168.1.20:4711/#join=…` → `http://192.168.1.20:4711`, short enough to type. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** What the projector shows: the QR code, the code in huge type and the link. */
export function JoinDisplay({ share, title, onDone, codeAction }: JoinDisplayProps) {
  const t = useT();
  const language = useLanguage();
  const linkRef = useRef<HTMLElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'selected'>('idle');
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(share.qrSvg)}`;

  async function copy(): Promise<void> {
    if (!linkRef.current) return;
    setCopyState((await copyText(linkRef.current, share.joinUrl)) ? 'copied' : 'selected');
  }

  return (
    <div className="join-display">
      <div className="join-qr">
        <img src={qrSrc} alt={t('share.qrAlt', { title })} width={280} height={280} />
        <p className="muted">{t('share.scanQr')}</p>
      </div>
      <div className="join-details stack">
        <div>
          <p className="eyebrow">{t('share.codeLabel')}</p>
          <p className="join-code" data-testid="join-code">
            {formatJoinCode(share.joinCode)}
          </p>
          <p className="muted small">
            {t('share.expires', { time: formatTime(share.expiresAt, language) })}
          </p>
          {codeAction}
        </div>
        <div>
          <p className="eyebrow">{t('share.orGoTo')}</p>
          <p className="join-address">{originOf(share.joinUrl)}</p>
        </div>
        <div className="stack-sm">
          <p className="eyebrow">{t('share.linkLabel')}</p>
          <code className="join-url" data-testid="join-url" ref={linkRef}>
            {share.joinUrl}
          </code>
          <div className="row">
            <Button variant="secondary" onClick={() => void copy()}>
              {t('share.copy')}
            </Button>
            <span role="status" className="small">
              {copyState === 'copied' ? t('share.copied') : null}
              {copyState === 'selected' ? t('share.selected') : null}
            </span>
          </div>
        </div>
        <Button onClick={onDone}>{t('share.done')}</Button>
      </div>
    </div>
  );
}
