import { useId } from 'react';
import type { CoAuthor, Improvement } from '../../../core/improvement/model';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../../core/roles';
import { TEXT_SHORT } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import type { Edit } from './edit-improvement';
import { LongText, QuestionSection } from './fields';

interface Props {
  readonly id: string;
  readonly improvement: Improvement;
  readonly edit: (change: Edit) => void;
}

const setCoAuthors = (coAuthors: CoAuthor[]): Edit => (i) => ({ ...i, aim: { ...i.aim, coAuthors } });

/** Question 1, "Vad vill vi åstadkomma?": the aim, and who helped set it (patients first of all). */
export function AimSection({ id, improvement, edit }: Props) {
  const t = useT();
  const listId = useId();
  const { coAuthors } = improvement.aim;
  const change = (index: number, next: CoAuthor) => edit(setCoAuthors(coAuthors.map((c, i) => (i === index ? next : c))));
  return (
    <QuestionSection id={id} number={1} question={t('improvements.q1.question')} intro={t('improvements.q1.intro')}>
      <LongText
        label={t('improvements.q1.aimLabel')}
        hint={t('improvements.q1.aimHint')}
        value={improvement.aim.text}
        rows={3}
        testId="aim-text"
        onChange={(text) => edit((i) => ({ ...i, aim: { ...i.aim, text } }))}
      />
      <div className="stack-sm">
        <h3 id={listId} className="subheading">
          {t('improvements.q1.coAuthorsHeading')}
        </h3>
        <p className="muted small">{t('improvements.q1.coAuthorsHint')}</p>
        {coAuthors.length > 0 ? (
          <ul className="plain-list co-author-list" aria-labelledby={listId}>
            {coAuthors.map((author, index) => (
              <li key={index} className="co-author-row">
                <label className="field">
                  <span className="field-label">{t('improvements.q1.role')}</span>
                  <select
                    className="input"
                    value={author.role}
                    onChange={(event) => change(index, { ...author, role: event.target.value as ParticipantRole })}
                  >
                    {PARTICIPANT_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`role.${role}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span className="field-label">{t('improvements.q1.name')}</span>
                  <input
                    className="input"
                    value={author.name ?? ''}
                    maxLength={TEXT_SHORT}
                    onChange={(event) => {
                      const name = event.target.value;
                      change(index, name.trim() ? { ...author, name } : { role: author.role });
                    }}
                  />
                </label>
                <Button
                  variant="quiet"
                  aria-label={t('improvements.q1.removeNamed', { who: author.name || t(`role.${author.role}`) })}
                  onClick={() => edit(setCoAuthors(coAuthors.filter((_, i) => i !== index)))}
                >
                  {t('improvements.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <div>
          <Button variant="secondary" onClick={() => edit(setCoAuthors([...coAuthors, { role: 'patient' }]))}>
            {t('improvements.q1.addCoAuthor')}
          </Button>
        </div>
      </div>
    </QuestionSection>
  );
}
