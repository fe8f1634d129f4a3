import { useId, useState } from 'react';
import { cycleMarkers, markerKey } from '../../../core/improvement/cycle-markers';
import { MAX_POINTS, pointsByDate, type Improvement, type Measure } from '../../../core/improvement/model';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { addPoints, editMeasure, removeMeasure, type Edit } from './edit-improvement';
import { formatIsoDate, formatNumber } from './format';
import { MeasureChart } from './measure-chart';
import { MeasureForm } from './measure-form';
import { PastePoints } from './paste-points';
import { PointEntry } from './point-entry';

interface Props {
  readonly improvement: Improvement;
  readonly measure: Measure;
  readonly edit: (change: Edit) => void;
  /** The workshop new points are added in (null: between workshops). */
  readonly sessionId: string | null;
}

/** One measure: what it is, its run chart with the signals in words, and adding data points. */
export function MeasureCard({ improvement, measure, edit, sessionId }: Props) {
  const t = useT();
  const lang = useLanguage();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const annotations = cycleMarkers(improvement, measure.id);
  const ideaKey = markerKey(improvement, annotations);
  const room = MAX_POINTS - measure.points.length;

  if (editing) {
    return (
      <MeasureForm
        measure={measure}
        onCancel={() => setEditing(false)}
        onDone={(next) => {
          edit(editMeasure(measure.id, () => next));
          setEditing(false);
        }}
      />
    );
  }
  return (
    <article className="measure-card card stack" aria-labelledby={headingId} data-testid="measure">
      <header className="row-between measure-head">
        <div className="stack-sm">
          <p className="eyebrow">
            {t(`improvements.measureKind.${measure.kind}`)} · {t(`improvements.direction.${measure.direction}`)}
          </p>
          <h3 id={headingId} className="measure-name">
            {measure.name}
            {measure.unit ? <span className="measure-unit"> ({measure.unit})</span> : null}
          </h3>
          {measure.definition ? <p className="measure-definition">{measure.definition}</p> : null}
        </div>
        <div className="row">
          <Button variant="quiet" onClick={() => setEditing(true)} aria-label={t('improvements.q2.editNamed', { name: measure.name })}>
            {t('improvements.edit')}
          </Button>
          <Button variant="quiet" onClick={() => setRemoving(true)} aria-label={t('improvements.q2.removeNamed', { name: measure.name })}>
            {t('improvements.remove')}
          </Button>
        </div>
      </header>
      <MeasureChart measure={measure} annotations={annotations} ideaKey={ideaKey} />
      <div className="measure-add stack-sm">
        <h4 className="minor-heading">{t('improvements.points.heading')}</h4>
        <PointEntry measureName={measure.name} onAdd={(point) => edit(addPoints(measure.id, [point], sessionId))} />
        <details className="disclosure">
          <summary>{t('improvements.paste.open')}</summary>
          <PastePoints measureName={measure.name} room={room} onAdd={(points) => edit(addPoints(measure.id, points, sessionId))} />
        </details>
        {measure.points.length > 0 ? (
          <details className="disclosure">
            <summary>{t('improvements.points.all', { count: measure.points.length })}</summary>
            <ul className="plain-list point-list">
              {pointsByDate(measure).map((point) => (
                <li key={point.id} className="point-row">
                  <span>{formatIsoDate(point.date, lang)}</span>
                  <span className="num">{formatNumber(point.value, lang)}</span>
                  <span className="muted small">{point.note ?? ''}</span>
                  <Button
                    variant="quiet"
                    aria-label={t('improvements.points.removeNamed', { date: formatIsoDate(point.date, lang), value: formatNumber(point.value, lang) })}
                    onClick={() => edit(editMeasure(measure.id, (m) => ({ ...m, points: m.points.filter((p) => p.id !== point.id) })))}
                  >
                    {t('improvements.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      <ConfirmDialog
        open={removing}
        title={t('improvements.q2.removeTitle', { name: measure.name })}
        body={t('improvements.q2.removeBody', { count: measure.points.length })}
        confirmLabel={t('improvements.remove')}
        onConfirm={() => {
          setRemoving(false);
          edit(removeMeasure(measure.id));
        }}
        onClose={() => setRemoving(false)}
      />
    </article>
  );
}
