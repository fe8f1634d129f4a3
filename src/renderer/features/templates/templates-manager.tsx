import { useCallback, useId, useState } from 'react';
import type { TemplateSummary } from '../../../contracts/http';
import { errorCodeOf, type ApiErrorCode } from '../../api/api-error';
import { deleteTemplate, getTemplateFile, listTemplates } from '../../api/facilitator-api';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useAsync } from '../facilitator/use-async';
import { saveTextFile, templateFileName } from './download';
import { TemplateImport } from './template-import';
import { TemplateMeta, byLanguage } from './template-meta';
import { useFacilitatorToken } from './use-facilitator-token';
import './templates.css';

/** The templates on this computer: export one to share with a colleague, import theirs, delete your own. */
export function TemplatesManager({ token: given }: { readonly token?: string } = {}) {
  const token = useFacilitatorToken(given);
  return token ? <TemplatesManagerFor token={token} /> : <Loading />;
}

function TemplatesManagerFor({ token }: { readonly token: string }) {
  const t = useT();
  const language = useLanguage();
  const announce = useAnnounce();
  const headingId = useId();
  const load = useCallback(() => listTemplates(token), [token]);
  const [state, reload] = useAsync(load);
  const [removing, setRemoving] = useState<TemplateSummary | null>(null);
  const [failure, setFailure] = useState<ApiErrorCode | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);

  async function exportOne(template: TemplateSummary): Promise<void> {
    setFailure(null);
    setExporting(template.id);
    try {
      const saved = await saveTextFile(templateFileName(template.id), await getTemplateFile(token, template.id));
      if (saved) announce(t('templates.exported', { title: template.title }));
    } catch (error) {
      setFailure(errorCodeOf(error));
    } finally {
      setExporting(null);
    }
  }

  async function confirmDelete(): Promise<void> {
    const template = removing;
    setRemoving(null);
    if (!template) return;
    setFailure(null);
    try {
      await deleteTemplate(token, template.id);
      announce(t('templates.deleted', { title: template.title }));
      reload();
    } catch (error) {
      setFailure(errorCodeOf(error));
    }
  }

  const groups = state.kind === 'ready' ? byLanguage(state.value, language) : null;
  const all = groups ? [...groups.own, ...groups.other] : [];

  return (
    <section className="card templates-manager stack" aria-labelledby={headingId} data-testid="templates-manager">
      <div>
        <h2 id={headingId}>{t('templates.heading')}</h2>
        <p className="muted">{t('templates.intro')}</p>
      </div>
      <TemplateImport token={token} onImported={reload} />
      {failure ? (
        <Notice tone="error" role="alert">
          <p>{t(`error.${failure}`)}</p>
        </Notice>
      ) : null}
      {state.kind === 'loading' ? <Loading label={t('templates.loading')} /> : null}
      {state.kind === 'error' ? (
        <Notice tone="error" role="alert">
          <p>{t('templates.loadFailed')}</p>
          <Button variant="secondary" onClick={reload}>
            {t('sessions.retry')}
          </Button>
        </Notice>
      ) : null}
      {state.kind === 'ready' && all.length === 0 ? <p className="muted">{t('templates.none')}</p> : null}
      {all.length > 0 ? (
        <ul className="plain-list template-list" aria-labelledby={headingId}>
          {all.map((template) => (
            <li key={template.id} className="template-row">
              <div className="template-row-main">
                <h3 className="template-title" lang={template.lang}>
                  {template.title}
                </h3>
                {template.description ? (
                  <p className="template-description small" lang={template.lang}>
                    {template.description}
                  </p>
                ) : null}
                <p className="template-meta-line">
                  <TemplateMeta template={template} showLanguage />
                </p>
              </div>
              <div className="row template-row-actions">
                <Button
                  variant="secondary"
                  busy={exporting === template.id}
                  aria-label={t('templates.exportNamed', { title: template.title })}
                  onClick={() => void exportOne(template)}
                >
                  {t('templates.export')}
                </Button>
                {!template.builtIn ? (
                  <Button
                    variant="danger"
                    aria-label={t('templates.deleteNamed', { title: template.title })}
                    onClick={() => setRemoving(template)}
                  >
                    {t('templates.delete')}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('templates.deleteTitle')}
        body={t('templates.deleteBody', { title: removing?.title ?? '' })}
        confirmLabel={t('templates.deleteConfirm')}
        onConfirm={() => void confirmDelete()}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}
