import { useId } from 'react';
import { PROMPT_TEXT_MAX, customPromptId, type Prompt } from '../../../../core/instruments/prompts';
import { useT } from '../../../i18n';
import { Button } from '../../../ui/button';
import { TextAreaField } from '../../../ui/text-field';
import './packs.css';

export interface PromptEditorProps {
  readonly legend: string;
  readonly prompts: readonly Prompt[];
  /** The pack's text per prompt id, in the language the step was filled in (to show "Ändrad"). */
  readonly originals: ReadonlyMap<string, string>;
  readonly max: number;
  readonly onChange: (prompts: Prompt[]) => void;
}

/**
 * The step's own copy of a pack's questions: reword, remove, add one's own. A reworded question
 * keeps its id, so it stays linked to the pack item; the pack itself never changes.
 */
export function PromptEditor({ legend, prompts, originals, max, onChange }: PromptEditorProps) {
  const t = useT();
  const hintId = useId();
  const set = (id: string, text: string) => onChange(prompts.map((p) => (p.id === id ? { ...p, text } : p)));
  return (
    <fieldset className="prompt-editor stack-sm" aria-describedby={hintId}>
      <legend className="field-label">{legend}</legend>
      <p id={hintId} className="field-hint">
        {t('cloth.config.editHint')}
      </p>
      {prompts.length === 0 ? <p className="muted small">{t('cloth.config.noQuestions')}</p> : null}
      <ol className="plain-list stack-sm">
        {prompts.map((prompt, index) => {
          const original = originals.get(prompt.id);
          const edited = original !== undefined && original !== prompt.text.trim();
          return (
            <li key={prompt.id} className="prompt-editor-item">
              <TextAreaField
                label={t('cloth.config.questionLabel', { number: index + 1 })}
                hint={[prompt.zone, edited ? t('cloth.config.edited') : original === undefined ? t('cloth.config.ownQuestion') : '']
                  .filter(Boolean)
                  .join(' · ')}
                error={prompt.text.trim() ? null : t('cloth.config.questionEmpty')}
                value={prompt.text}
                maxLength={PROMPT_TEXT_MAX}
                rows={2}
                onChange={(event) => set(prompt.id, event.target.value)}
              />
              <div className="row">
                {edited ? (
                  <Button
                    variant="quiet"
                    aria-label={t('cloth.config.restoreNamed', { number: index + 1 })}
                    onClick={() => set(prompt.id, original)}
                  >
                    {t('cloth.config.restore')}
                  </Button>
                ) : null}
                <Button
                  variant="quiet"
                  aria-label={t('cloth.config.removeNamed', { number: index + 1 })}
                  onClick={() => onChange(prompts.filter((p) => p.id !== prompt.id))}
                >
                  {t('cloth.config.remove')}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        disabled={prompts.length >= max}
        onClick={() => onChange([...prompts, { id: customPromptId(prompts), text: '' }])}
      >
        {t('cloth.config.addQuestion')}
      </Button>
    </fieldset>
  );
}
