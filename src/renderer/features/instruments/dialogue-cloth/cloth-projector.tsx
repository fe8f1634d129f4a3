import { useId, useMemo } from 'react';
import { useT } from '../../../i18n';
import { useNotes } from '../../../sync/use-doc-selector';
import { useFacilitatorToken } from '../../templates/use-facilitator-token';
import type { ProjectorInstrumentProps } from '../registry';
import { SourceLine } from '../pack-support/source-line';
import { useClothTexts } from './cloth-text';
import { useGuldkorn } from './use-guldkorn';
import './cloth.css';

/** Where the questions sit around the theme: a cross for four, rows of three for six, else a ring. */
function ringClass(count: number): string {
  if (count > 8 || count < 3) return 'cloth-ring is-stacked';
  return count === 6 ? 'cloth-ring is-six' : 'cloth-ring';
}

const CROSS = ['1 / 2', '2 / 1', '2 / 3', '3 / 2'];

/** The room's view: the theme in the middle, the questions around it, then the guldkorn. */
export default function ClothProjector({ connection, step }: ProjectorInstrumentProps) {
  const t = useT();
  const headingId = useId();
  const token = useFacilitatorToken();
  const texts = useClothTexts(token, step);
  const notes = useNotes(connection.board);
  const guldkorn = useGuldkorn(connection.control, step.id);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const n of notes) if (n.stepId === step.id && n.questionId) map.set(n.questionId, (map.get(n.questionId) ?? 0) + 1);
    return map;
  }, [notes, step.id]);
  const count = texts.questions.length;
  return (
    <div className="stack" data-testid="cloth-projector">
      <div className={ringClass(count)}>
        <p className={texts.theme.length > 24 ? 'cloth-ring-theme is-long' : 'cloth-ring-theme'}>{texts.theme || t('cloth.noTheme')}</p>
        {texts.questions.map((q, index) => (
          <div
            key={q.id}
            className="cloth-ring-q"
            style={count === 4 ? { gridArea: CROSS[index] } : count === 6 ? { gridRow: index < 3 ? 1 : 3 } : undefined}
          >
            {q.zone ? <span className="cloth-zone">{q.zone}</span> : null}
            <span>{q.text}</span>
            <span className="cloth-ring-count">{t('board.notesCount', { count: counts.get(q.id) ?? 0 })}</span>
          </div>
        ))}
      </div>
      {guldkorn.length > 0 ? (
        <section className="guldkorn-panel stack-sm" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('cloth.guldkornHeading', { count: guldkorn.length })}</h2>
          <ul className="plain-list guldkorn-list">
            {guldkorn.map((item) => (
              <li key={item.id} className="guldkorn-item fade-in">
                <p className="guldkorn-text">{item.text}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SourceLine text={texts.source} edited={texts.edited ? t('cloth.editedInSession') : null} />
    </div>
  );
}
