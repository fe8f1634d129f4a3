/**
 * The one i18next instance (STYLE.md habit 9): Swedish by default, English complete.
 * Components take `t` from `useT()` here, never from react-i18next directly, so keys stay typed
 * against sv.json and a missing key fails the typecheck.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './locales/en.json';
import sv from './locales/sv.json';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';

/** BCP 47 locale for Intl formatting per UI language. */
export const INTL_LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof sv };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Initialises i18next synchronously (resources are bundled) and keeps `<html lang>` in step. */
export function initI18n(language: Language): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void i18next.use(initReactI18next).init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
}

/** The typed translate function for components. */
export function useT() {
  return useTranslation().t;
}

/** The current UI language, re-rendering on change. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}
