import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { GULDKORN_MAX, addGuldkorn, removeGuldkorn, type Guldkorn } from '../../../../core/instruments/dialogue-cloth';
import type { Prompt } from '../../../../core/instruments/prompts';
import { useT } from '../../../i18n';
import { Button } from '../../../ui/button';
import { useAnnounce } from '../../../ui/live-region';
import { TextField } from '../../../ui/text-field';
import { MakeChangeIdeaButton } from '../../improvements/make-change-idea';

interface Props {
  readonly control: Y.Doc;
  readonly stepId: string;
  readonly guldkorn: readonly Guldkorn[];
  readonly questions: readonly Prompt[];
  readonly columnName: (groupId: string | null | undefined) => string;
  /** The facilitator's session: each guldkorn can become a change idea ("Gör till förändringsidé"). */
  readonly sessionId?: string;
}

/** The shared summary: the guldkorn lifted from the cloths, plus the facilitator's own words. */
export function GuldkornPanel({ control, stepId, guldkorn, questions, columnName, sessionId }: Props) {
  const t = useT();
  const announce = useAnnounce();
  const headingId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const result = addGuldkorn(control, { stepId, text });
    if (typeof result === 'string') {
      setError(t(`cloth.run.${result}`));
      return;
    }
    setText('');
    setError(null);
    announce(t('cloth.run.guldkornAdded'));
  }

  return (
    <section className="guldkorn-panel stack-sm" aria-labelledby={headingId} data-testid="guldkorn">
      <h3 id={headingId}>{t('cloth.guldkornHeading', { count: guldkorn.length })}</h3>
      {guldkorn.length === 0 ? <p className="muted small">{t('cloth.run.guldkornEmpty')}</p> : null}
      <ul className="plain-list guldkorn-list">
        {guldkorn.map((item) => {
          const question = questions.find((q) => q.id === item.questionId);
          const where = [item.noteId ? columnName(item.groupId) : t('cloth.run.ownGuldkorn'), question?.text]
            .filter(Boolean)
            .join(' · ');
          return (
            <li key={item.id} className="guldkorn-item">
              <div>
                <p className="guldkorn-text">{item.text}</p>
                <p className="muted small guldkorn-where">{where}</p>
              </div>
              {sessionId ? (
                <MakeChangeIdeaButton from={{ kind: 'cloth-insight', sessionId, stepId, refId: item.id }} quote={item.text} />
              ) : null}
              <Button
                variant="quiet"
                aria-label={t('cloth.run.removeGuldkornNamed', { text: item.text.slice(0, 60) })}
                onClick={() => {
                  removeGuldkorn(control, item.id);
                  announce(t('cloth.run.guldkornRemoved'));
                }}
              >
                {t('cloth.run.removeGuldkorn')}
              </Button>
            </li>
          );
        })}
      </ul>
      <form className="guldkorn-add" onSubmit={add} noValidate>
        <TextField
          label={t('cloth.run.ownLabel')}
          value={text}
          maxLength={GULDKORN_MAX}
          error={error}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
        />
        <Button type="submit" variant="secondary">
          {t('cloth.run.addOwn')}
        </Button>
      </form>
    </section>
  );
}
