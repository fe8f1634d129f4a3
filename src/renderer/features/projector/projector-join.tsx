import type { ShareResponse } from '../../../contracts/http';
import { formatJoinCode } from '../../../core/join-code';
import { useT } from '../../i18n';

/** `http://192.168.1.20:4711/#join=…` → `192.168.1.20:4711`, what people type. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The way in, for the back row: QR code, the six digits, the address. */
export function ProjectorJoin({ share, title, compact }: { readonly share: ShareResponse; readonly title: string; readonly compact: boolean }) {
  const t = useT();
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(share.qrSvg)}`;
  return (
    <section className={compact ? 'projector-join is-compact' : 'projector-join'} aria-label={t('projector.joinHeading')}>
      <img className="projector-qr" src={qrSrc} alt={t('share.qrAlt', { title })} />
      <div className="projector-join-text">
        <p className="projector-join-lead">{t('projector.joinLead')}</p>
        <p className="projector-code" data-testid="projector-join-code">
          {formatJoinCode(share.joinCode)}
        </p>
        <p className="projector-address">{t('projector.joinAddress', { address: hostOf(share.joinUrl) })}</p>
      </div>
    </section>
  );
}
