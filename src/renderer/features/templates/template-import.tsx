import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { TemplateSummary } from '../../../contracts/http';
import { importTemplate } from '../../api/facilitator-api';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { checkLocally, problemFromError, type ImportProblem } from './import-problem';

export interface TemplateImportProps {
  readonly token: string;
  readonly onImported: (template: TemplateSummary) => void;
}

/** "Importera mall": pick a JSON file; a refused file says why, point by point. */
export function TemplateImport({ token, onImported }: TemplateImportProps) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const problemId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    setDone(null);
    setBusy(true);
    try {
      const text = await file.text();
      const local = checkLocally(t, text, file.size);
      if (local) {
        setProblem(local);
        return;
      }
      const template = await importTemplate(token, text);
      setDone(template.title);
      onImported(template);
    } catch (failure) {
      setProblem(problemFromError(t, failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack-sm template-import">
      <div className="row">
        <Button variant="secondary" busy={busy} onClick={() => inputRef.current?.click()}>
          {t('templates.import.button')}
        </Button>
        <span className="muted small">{t('templates.import.hint')}</span>
      </div>
      <input
        ref={inputRef}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('templates.import.fileLabel')}
        data-testid="template-file"
        onChange={(event) => void onFile(event)}
      />
      {problem ? (
        <Notice tone="error" role="alert" title={t('templates.import.failed')} id={problemId}>
          <p>{problem.message}</p>
          {problem.details.length > 0 ? (
            <ul className="import-details">
              {problem.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {done ? (
        <Notice tone="success" role="status">
          <p>{t('templates.import.done', { title: done })}</p>
        </Notice>
      ) : null}
    </div>
  );
}
