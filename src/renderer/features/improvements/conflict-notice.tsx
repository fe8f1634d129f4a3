import { useId } from 'react';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { changedTexts, type ChangedText } from './changed-texts';
import type { Conflict } from './use-improvement-draft';

const FIELD_KEYS = [
  'text', 'title', 'objective', 'question', 'prediction', 'what', 'who', 'when', 'where', 'dataCollection',
  'patientExperience', 'consequencesElsewhere', 'whatHappened', 'observations', 'result', 'learning', 'summary',
  'nextSteps', 'definition', 'name', 'unit', 'owner', 'note',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
const isFieldKey = (value: string): value is FieldKey => (FIELD_KEYS as readonly string[]).includes(value);

/**
 * Someone saved while this person was typing: the newest version is on screen, and what they
 * typed is kept here, field by field, to copy back in. Nothing is lost and nothing overwritten.
 */
export function ConflictNotice({ conflict, onDismiss }: { readonly conflict: Conflict; readonly onDismiss: () => void }) {
  const t = useT();
  const id = useId();
  const texts = changedTexts(conflict.base, conflict.mine);
  const label = (item: ChangedText): string => {
    if (item.section === 'aim' && item.field === 'text') return t('improvements.q1.aimLabel');
    if (item.section === 'title') return t('improvements.titleLabel');
    const field = isFieldKey(item.field) ? t(`improvements.conflict.field.${item.field}`) : item.field;
    if (!item.context) return field;
    if (item.context.kind === 'cycle') return `${t('improvements.cycle.name', { n: item.context.number })} · ${field}`;
    return `${item.context.name} · ${field}`;
  };
  return (
    <div data-testid="conflict">
    <Notice tone="warning" role="alert" title={t('improvements.conflict.title')}>
      <p>{t('improvements.conflict.body')}</p>
      {texts.length > 0 ? (
        <div className="stack-sm conflict-texts">
          <p className="small">{t('improvements.conflict.yours', { count: texts.length })}</p>
          {texts.map((item, index) => (
            <div key={index} className="field">
              <label className="field-label" htmlFor={`${id}-${index}`}>
                {label(item)}
              </label>
              <textarea id={`${id}-${index}`} className="input" readOnly rows={Math.min(6, item.text.split('\n').length + 1)} value={item.text} onFocus={(e) => e.target.select()} />
            </div>
          ))}
        </div>
      ) : null}
      <div className="row">
        <Button variant="secondary" onClick={onDismiss}>
          {t('improvements.conflict.dismiss')}
        </Button>
      </div>
    </Notice>
    </div>
  );
}
