import { useEffect, useState } from 'react';
import { useT } from '../../i18n';

/** Fills the screen (the browser's own fullscreen); Esc leaves it, as everywhere. */
export function FullscreenButton() {
  const t = useT();
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (!document.fullscreenEnabled) return null;
  function toggle(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }
  return (
    <button type="button" className="btn btn-secondary projector-fullscreen" onClick={toggle}>
      {full ? t('projector.exitFullscreen') : t('projector.fullscreen')}
    </button>
  );
}
