import { useMemo } from 'react';
import type { PackOf } from '../../../../core/instruments/content-pack';
import { setMark } from '../../../../core/instruments/marks';
import { markCell } from '../../../../core/instruments/partnership-matrix';
import { MATRIX_LAYERS } from '../../../../core/instruments/vocabulary';
import { useLanguage, useT } from '../../../i18n';
import { Loading } from '../../../ui/spinner';
import { Notice } from '../../../ui/notice';
import type { ParticipantStepProps } from '../../steps/step-context';
import { useContentPack } from '../pack-support/use-content-pack';
import { useMyMarks } from '../pack-support/use-marks';
import { matrixConfig } from './matrix-data';
import './matrix.css';

/**
 * The partnership matrix on a phone: one list per place, each phase a row with two toggles,
 * "I dag" and "Nästa". My own marks only; the group's matrix is everyone's marks counted.
 */
export function MatrixParticipant({ connection, record, step, run, groupId }: ParticipantStepProps) {
  const t = useT();
  const lang = useLanguage();
  const config = useMemo(() => matrixConfig(step.config), [step.config]);
  const { pack, failed } = useContentPack(record.token, config.packId, 'partnership-matrix');
  const mine = useMyMarks(connection.board, step.id, record.pseudonym);
  if (failed) return <Notice tone="error" role="alert"><p>{t('matrix.packFailed')}</p></Notice>;
  if (!pack) return <Loading />;
  return (
    <div className="stack matrix-phone">
      <p className="muted">{t('matrix.phoneIntro')}</p>
      {pack.content.places.map((place) => (
        <section key={place.id} className="card stack-sm matrix-place" aria-labelledby={`${step.id}-${place.id}`}>
          <h3 id={`${step.id}-${place.id}`} className="matrix-place-title">{place.label[lang]}</h3>
          <p className="muted small">{place.description[lang]}</p>
          <ul className="plain-list matrix-phases">
            {pack.content.phases.map((phase) => {
              const examples = pack.content.cells.find((c) => c.place === place.id && c.phase === phase.id)?.examples ?? [];
              return (
                <li key={phase.id} className="matrix-phase-row">
                  <span className="matrix-phase-name">{phase.label[lang]}</span>
                  {config.showExamples && examples.length > 0 ? (
                    <span className="matrix-examples">{t('matrix.examples', { text: examples.map((e) => e[lang]).join(', ') })}</span>
                  ) : null}
                  <span className="matrix-toggles">
                    {MATRIX_LAYERS.map((layer) => {
                      const cell = markCell(layer, place.id, phase.id);
                      const on = mine.has(cell);
                      return (
                        <button
                          key={layer}
                          type="button"
                          className={`btn matrix-toggle matrix-toggle-${layer}${on ? ' is-on' : ''}`}
                          aria-pressed={on}
                          aria-label={t('matrix.toggleLabel', { layer: t(`matrix.layer.${layer}`), place: place.label[lang], phase: phase.label[lang] })}
                          data-testid={`mark-${cell.replace(/:/g, '-')}`}
                          disabled={run.locked}
                          onClick={() => setMark(connection.board, { stepId: step.id, groupId, pseudonym: record.pseudonym, cell }, !on)}
                        >
                          <span aria-hidden="true" className="matrix-toggle-mark">{on ? '✓' : ''}</span>
                          {t(`matrix.layer.${layer}`)}
                        </button>
                      );
                    })}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {config.showParity ? <ParityPrompts pack={pack} /> : null}
    </div>
  );
}

/** The seven parity factors as reflection prompts. */
export function ParityPrompts({ pack, open = false }: { readonly pack: PackOf<'partnership-matrix'>; readonly open?: boolean }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <details className="card matrix-parity" open={open}>
      <summary className="matrix-parity-summary">{t('matrix.parityHeading')}</summary>
      <p className="muted small">{t('matrix.parityIntro')}</p>
      <ol className="matrix-parity-list">
        {pack.content.parity.map((p) => (
          <li key={p.id}>
            <strong>{p.label[lang]}</strong>: {p.prompt[lang]}
          </li>
        ))}
      </ol>
    </details>
  );
}
