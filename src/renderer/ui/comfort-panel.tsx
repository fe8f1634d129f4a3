import { useId } from 'react';
import { useT } from '../i18n';
import {
  setEasyRead,
  setHighContrast,
  setReadAloudLayout,
  useEasyRead,
  useHighContrast,
  useReadAloudLayout,
} from '../preferences/comfort';
import { setLargeText, useLargeText } from '../preferences/preferences';

interface ToggleProps {
  readonly name: string;
  readonly hint: string;
  readonly on: boolean;
  readonly onChange: (on: boolean) => void;
}

/**
 * One setting as a tile: the button's name is exactly the setting's name ("Hög kontrast"), the
 * hint is its description, and the pill shows På/Av for the eye (the button says it with
 * aria-pressed). The button stretches over the whole tile (::after), so a tap anywhere toggles it.
 */
function ComfortToggle({ name, hint, on, onChange }: ToggleProps) {
  const t = useT();
  const id = useId();
  return (
    <div className={on ? 'comfort-toggle is-on' : 'comfort-toggle'}>
      <span className="comfort-toggle-text">
        <button
          type="button"
          className="comfort-toggle-name"
          aria-pressed={on}
          aria-describedby={`${id}-hint`}
          onClick={() => onChange(!on)}
        >
          {name}
        </button>
        <span id={`${id}-hint`} className="comfort-toggle-hint">
          {hint}
        </span>
      </span>
      <span className="comfort-switch" aria-hidden="true">
        {on ? t('comfort.on') : t('comfort.off')}
      </span>
    </div>
  );
}

export interface ComfortPanelProps {
  readonly id: string;
  readonly onDone: () => void;
}

/**
 * The participant's comfort settings, opened from "Visning" in the header: larger text, high
 * contrast, lättläst, read-aloud layout. Each takes effect at once and is remembered on the device.
 */
export function ComfortPanel({ id, onDone }: ComfortPanelProps) {
  const t = useT();
  const titleId = useId();
  const large = useLargeText();
  const contrast = useHighContrast();
  const easy = useEasyRead();
  const readAloud = useReadAloudLayout();
  return (
    <div id={id} className="comfort-panel" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="comfort-title">
        {t('comfort.panelTitle')}
      </p>
      <p className="muted small">{t('comfort.intro')}</p>
      <div className="comfort-options">
        <ComfortToggle name={t('comfort.largeText')} hint={t('comfort.largeTextHint')} on={large} onChange={setLargeText} />
        <ComfortToggle name={t('comfort.contrast')} hint={t('comfort.contrastHint')} on={contrast} onChange={setHighContrast} />
        <ComfortToggle name={t('comfort.easy')} hint={t('comfort.easyHint')} on={easy} onChange={setEasyRead} />
        <ComfortToggle
          name={t('comfort.readAloud')}
          hint={t('comfort.readAloudHint')}
          on={readAloud}
          onChange={setReadAloudLayout}
        />
      </div>
      <button type="button" className="btn btn-secondary" onClick={onDone}>
        {t('comfort.done')}
      </button>
    </div>
  );
}
