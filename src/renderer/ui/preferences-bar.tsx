import { LANGUAGES, useLanguage, useT } from '../i18n';
import { chooseLanguage, setLargeText, useLargeText } from '../preferences/preferences';

/** The language switch (sv/en): each option names its language in that language. */
export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="segmented-option"
          aria-pressed={language === lng}
          onClick={() => chooseLanguage(lng)}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}

/** "Aa": a toggle for larger text, remembered on this device. */
export function TextSizeToggle() {
  const t = useT();
  const large = useLargeText();
  return (
    <button
      type="button"
      className="segmented-option text-size-toggle"
      aria-pressed={large}
      aria-label={t('textSize.label')}
      title={t('textSize.label')}
      onClick={() => setLargeText(!large)}
    >
      <span aria-hidden="true">{t('textSize.symbol')}</span>
    </button>
  );
}

export function PreferencesBar({ showTextSize = true }: { readonly showTextSize?: boolean }) {
  const t = useT();
  return (
    <div className="preferences-bar" role="group" aria-label={t('app.settings')}>
      {showTextSize ? <TextSizeToggle /> : null}
      <LanguageSwitch />
    </div>
  );
}
