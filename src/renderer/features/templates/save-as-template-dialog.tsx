import { useId, useState, type FormEvent } from 'react';
import type { TemplateSummary } from '../../../contracts/http';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';
import { saveAsTemplate } from '../../api/facilitator-api';
import { LANGUAGES, useLanguage, useT, type Language } from '../../i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { TextAreaField, TextField } from '../../ui/text-field';
import { useInitialFocus } from '../../ui/use-initial-focus';
import { useFacilitatorToken } from './use-facilitator-token';
import './templates.css';

export interface SaveAsTemplateDialogProps {
  readonly sessionId: string;
  readonly open: boolean;
  readonly onClose: () => void;
  /** The facilitator token, when the parent has it at hand (otherwise it is looked up). */
  readonly token?: string;
  /** Suggested title, e.g. the session's. */
  readonly defaultTitle?: string;
}

/** Saves this session's agenda as a template to reuse (skip flags and answers are not kept). */
export function SaveAsTemplateDialog({ sessionId, open, onClose, token, defaultTitle }: SaveAsTemplateDialogProps) {
  const t = useT();
  return (
    <Dialog open={open} title={t('templates.saveAs.title')} onClose={onClose}>
      <SaveForm sessionId={sessionId} onClose={onClose} token={token} defaultTitle={defaultTitle ?? ''} />
    </Dialog>
  );
}

function SaveForm({
  sessionId,
  onClose,
  token: given,
  defaultTitle,
}: {
  readonly sessionId: string;
  readonly onClose: () => void;
  readonly token: string | undefined;
  readonly defaultTitle: string;
}) {
  const t = useT();
  const uiLanguage = useLanguage();
  const token = useFacilitatorToken(given);
  const langName = useId();
  const [title, setTitle] = useState(defaultTitle);
  const [lang, setLang] = useState<Language>(uiLanguage);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<ApiErrorCode | 'missing' | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<TemplateSummary | null>(null);
  const formRef = useInitialFocus<HTMLFormElement>('input');

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!token) return;
    if (title.trim().length === 0) {
      setError('missing');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = description.trim()
        ? { title: title.trim(), lang, description: description.trim() }
        : { title: title.trim(), lang };
      setSaved(await saveAsTemplate(token, sessionId, body));
    } catch (failure) {
      setError(errorCodeOf(failure));
    } finally {
      setBusy(false);
    }
  }

  if (!token) return <Loading />;
  if (saved) {
    return (
      <div className="stack">
        <Notice tone="success" role="status" title={t('templates.saveAs.doneTitle')}>
          <p>{t('templates.saveAs.done', { title: saved.title })}</p>
        </Notice>
        <div className="row">
          <Button onClick={onClose} autoFocus>
            {t('templates.saveAs.close')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <form ref={formRef} className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <p className="muted">{t('templates.saveAs.intro')}</p>
      <TextField
        label={t('templates.saveAs.name')}
        error={error === 'missing' ? t('templates.saveAs.nameMissing') : null}
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
      />
      <fieldset className="plain-fieldset">
        <legend className="field-label">{t('templates.saveAs.language')}</legend>
        <div className="row">
          {LANGUAGES.map((value) => (
            <label key={value} className="radio-option">
              <input
                type="radio"
                name={langName}
                value={value}
                checked={lang === value}
                onChange={() => setLang(value)}
              />
              <span>{t(`language.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t('templates.saveAs.description')}
        hint={t('templates.saveAs.descriptionHint')}
        value={description}
        maxLength={2000}
        rows={3}
        onChange={(event) => setDescription(event.target.value)}
      />
      {error && error !== 'missing' ? (
        <Notice tone="error" role="alert">
          <p>{t(`error.${error}`)}</p>
        </Notice>
      ) : null}
      <div className="row">
        <Button type="submit" busy={busy}>
          {t('templates.saveAs.submit')}
        </Button>
        <Button variant="quiet" onClick={onClose}>
          {t('templates.saveAs.cancel')}
        </Button>
      </div>
    </form>
  );
}
