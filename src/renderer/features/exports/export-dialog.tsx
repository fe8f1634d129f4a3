import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { CSV_KINDS } from '../../../contracts/exports';
import type { CsvKind, CsvSeparator, ExportCheck } from '../../../contracts/exports';
import { errorCodeOf } from '../../api/api-error';
import { useLanguage, useT } from '../../i18n';
import type { Language } from '../../i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { useAnnounce } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { TextAreaField, TextField } from '../../ui/text-field';
import { FACILITATORS_MAX, PLACE_MAX, PURPOSE_MAX, selectReportFacts, writeReportFacts } from '../../../core/report/report-facts';
import type { ReportFacts } from '../../../core/report/report-facts';
import { checkExport, downloadExport } from './exports-api';
import type { ExportChoice } from './exports-api';
import './exports.css';
import { ErrorLine } from '../../ui/error-line';

/** The choices in the order a facilitator reaches for them: the report to file first, data after. */
const CHOICES: readonly ExportChoice[] = ['docx', 'pdf', 'md', 'csv', 'json', 'archive'];

export interface ExportButtonProps {
  readonly token: string;
  readonly sessionId: string;
  /** The session's control document: the title page's facts are written there. */
  readonly control: Y.Doc;
}

/** "Exportera": opens the export dialog; available at any moment, mid-workshop too. */
export function ExportButton({ token, sessionId, control }: ExportButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="export-open">
        {t('exports.open')}
      </Button>
      {open ? <ExportDialog token={token} sessionId={sessionId} control={control} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export interface ExportDialogProps extends ExportButtonProps {
  readonly onClose: () => void;
}

export function ExportDialog({ token, sessionId, control, onClose }: ExportDialogProps) {
  const t = useT();
  const uiLanguage = useLanguage();
  const announce = useAnnounce();
  const formatName = useId();
  const separatorName = useId();
  const kindId = useId();
  const langId = useId();
  const maskId = useId();
  const [format, setFormat] = useState<ExportChoice>('docx');
  const [lang, setLang] = useState<Language>(uiLanguage);
  const [kind, setKind] = useState<CsvKind>('notes');
  const [separator, setSeparator] = useState<CsvSeparator>('semicolon');
  const [mask, setMask] = useState(false);
  const [check, setCheck] = useState<ExportCheck | 'loading' | 'failed'>('loading');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [facts, setFacts] = useState<ReportFacts>(() => selectReportFacts(control));
  const keepFacts = (): void => writeReportFacts(control, facts);
  const factsShown = format === 'docx' || format === 'pdf' || format === 'md';

  useEffect(() => {
    let live = true;
    setCheck('loading');
    checkExport(token, sessionId, lang).then(
      (result) => live && setCheck(result),
      () => live && setCheck('failed'),
    );
    return () => {
      live = false;
    };
  }, [token, sessionId, lang]);

  const found = typeof check === 'object' ? check.findings.length : 0;
  // An archive is the session file itself: nothing in it is rewritten, so masking does not apply.
  const maskable = format !== 'archive';

  async function save(): Promise<void> {
    setBusy(true);
    const before = JSON.stringify(selectReportFacts(control));
    keepFacts();
    // The host reads the facts from its copy of the document: give a fresh edit a moment to arrive.
    if (JSON.stringify(selectReportFacts(control)) !== before) await new Promise((resolve) => window.setTimeout(resolve, 300));
    setError(null);
    setSaved(null);
    try {
      const name = await downloadExport(token, sessionId, { format, lang, kind, separator, mask: maskable && mask });
      if (name) {
        setSaved(name);
        announce(t('exports.saved', { name }));
      }
    } catch (failure) {
      setError(t(`error.${errorCodeOf(failure)}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open title={t('exports.title')} onClose={onClose}>
      <form
        className="stack export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="muted">{t('exports.intro')}</p>
        <fieldset className="export-formats">
          <legend className="field-label">{t('exports.format')}</legend>
          <div className="export-options">
            {CHOICES.map((choice) => (
              <label key={choice} className="export-option">
                <input type="radio" name={formatName} value={choice} checked={format === choice} onChange={() => setFormat(choice)} />
                <span>
                  <span className="export-option-label">{t(`exports.formats.${choice}.label`)}</span>
                  <span className="export-option-description">{t(`exports.formats.${choice}.description`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {factsShown ? (
          <fieldset className="export-facts stack-sm">
            <legend className="field-label">{t('exports.facts.heading')}</legend>
            <p className="muted small">
              {t('exports.facts.hint')} {t('exports.facts.facilitatorsHint')}
            </p>
            <div className="export-facts-row">
              <TextField label={t('exports.facts.place')} value={facts.place} maxLength={PLACE_MAX} onChange={(event) => setFacts({ ...facts, place: event.target.value })} onBlur={keepFacts} />
              <TextField
                label={t('exports.facts.facilitators')}
                value={facts.facilitators}
                maxLength={FACILITATORS_MAX}
                onChange={(event) => setFacts({ ...facts, facilitators: event.target.value })}
                onBlur={keepFacts}
              />
            </div>
            <TextAreaField label={t('exports.facts.purpose')} rows={2} value={facts.purpose} maxLength={PURPOSE_MAX} onChange={(event) => setFacts({ ...facts, purpose: event.target.value })} onBlur={keepFacts} />
          </fieldset>
        ) : null}

        {format === 'csv' ? (
          <div className="export-csv row">
            <div className="field">
              <label className="field-label" htmlFor={kindId}>
                {t('exports.csvKind')}
              </label>
              <select id={kindId} className="input" value={kind} onChange={(event) => setKind(event.target.value as CsvKind)}>
                {CSV_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`exports.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend className="field-label">{t('exports.separator')}</legend>
              <div className="row">
                {(['semicolon', 'comma'] as const).map((s) => (
                  <label key={s} className="radio-option">
                    <input type="radio" name={separatorName} value={s} checked={separator === s} onChange={() => setSeparator(s)} />
                    <span>{t(`exports.separators.${s}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        ) : null}

        {format !== 'archive' && format !== 'json' ? (
          <div className="field export-language">
            <label className="field-label" htmlFor={langId}>
              {t('exports.language')}
            </label>
            <select id={langId} className="input" value={lang} onChange={(event) => setLang(event.target.value as Language)}>
              <option value="sv">{t('language.sv')}</option>
              <option value="en">{t('language.en')}</option>
            </select>
          </div>
        ) : null}

        <section className="export-privacy stack-sm" aria-labelledby={`${maskId}-heading`}>
          <h3 id={`${maskId}-heading`}>{t('exports.privacy.heading')}</h3>
          <p className="muted small">{t('exports.privacy.anonymity')}</p>
          {check === 'loading' ? <p className="muted small">{t('exports.privacy.checking')}</p> : null}
          {check === 'failed' ? <p className="muted small">{t('exports.privacy.checkFailed')}</p> : null}
          {typeof check === 'object' && found === 0 ? (
            <Notice tone="success">
              <p>{t('exports.privacy.none')}</p>
            </Notice>
          ) : null}
          {typeof check === 'object' && found > 0 ? (
            <Notice tone="warning" title={t('exports.privacy.found', { count: found })}>
              <ul className="export-findings">
                {check.findings.slice(0, 8).map((f, i) => (
                  <li key={`${f.where}-${i}`}>
                    <span className="export-finding-kind">{t(`exports.privacy.kinds.${f.kind}`)}</span>
                    <span className="muted"> · {f.where}</span>
                    <span className="export-finding-excerpt">{f.excerpt}</span>
                  </li>
                ))}
              </ul>
              {found > 8 ? <p className="small">{t('exports.privacy.more', { count: found - 8 })}</p> : null}
              <label className="checkbox-option">
                <input id={maskId} type="checkbox" checked={maskable && mask} disabled={!maskable} onChange={(event) => setMask(event.target.checked)} />
                <span>{t('exports.privacy.mask')}</span>
              </label>
              {!maskable ? <p className="small">{t('exports.privacy.archiveNotMasked')}</p> : null}
            </Notice>
          ) : null}
        </section>

        <ErrorLine error={error} />
        {saved ? (
          <Notice tone="success" role="status">
            <p>{t('exports.saved', { name: saved })}</p>
          </Notice>
        ) : null}
        <div className="row">
          <Button type="submit" busy={busy} data-testid="export-save">
            {t('exports.save')}
          </Button>
          <Button variant="quiet" onClick={onClose}>
            {t('exports.close')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
