import { useEffect, useId, useState } from 'react';
import type { PackOf } from '../../../../core/instruments/content-pack';
import { parseCellId } from '../../../../core/instruments/partnership-matrix';
import type { CompareMatricesResponse } from '../../../../contracts/instruments';
import type { SessionSummary } from '../../../../contracts/http';
import { errorCodeOf } from '../../../api/api-error';
import { comparePartnershipMatrices, listSessions } from '../../../api/facilitator-api';
import { useLanguage, useT } from '../../../i18n';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { useMatrixSteps } from './use-other-agenda';

/** "Compare with an earlier session": pick a session and its matrix step; the host lists what moved. */
export function ComparePanel({ token, sessionId, stepId, pack }: { readonly token: string | null; readonly sessionId: string; readonly stepId: string; readonly pack: PackOf<'partnership-matrix'> }) {
  const t = useT();
  const lang = useLanguage();
  const id = useId();
  const [sessions, setSessions] = useState<readonly SessionSummary[]>([]);
  const [from, setFrom] = useState<string>('');
  const [fromStep, setFromStep] = useState<string>('');
  const [result, setResult] = useState<CompareMatricesResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const steps = useMatrixSteps(token, from || null);
  const choices = (steps ?? []).filter((s) => !(from === sessionId && s.id === stepId));
  const chosenStep = choices.some((s) => s.id === fromStep) ? fromStep : (choices[0]?.id ?? '');
  useEffect(() => {
    if (!token) return;
    listSessions(token).then(setSessions, () => setSessions([]));
  }, [token]);

  function compare(): void {
    if (!token || !from || !chosenStep) return;
    setBusy(true);
    setProblem(null);
    comparePartnershipMatrices(token, { from: { sessionId: from, stepId: chosenStep }, to: { sessionId, stepId } }).then(
      (r) => {
        setBusy(false);
        setResult(r);
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(t(`error.${errorCodeOf(error)}`));
      },
    );
  }

  const cellName = (cell: string) => {
    const parsed = parseCellId(cell);
    if (!parsed) return cell;
    const place = pack.content.places.find((p) => p.id === parsed.place)?.label[lang] ?? parsed.place;
    const phase = pack.content.phases.find((p) => p.id === parsed.phase)?.label[lang] ?? parsed.phase;
    return t('matrix.compare.cell', { place, phase });
  };

  return (
    <details className="card matrix-compare" data-testid="matrix-compare">
      <summary className="matrix-parity-summary">{t('matrix.compare.heading')}</summary>
      <div className="stack-sm">
        <p className="muted small">{t('matrix.compare.intro')}</p>
        <div className="field">
          <label htmlFor={`${id}-s`} className="field-label">{t('matrix.compare.session')}</label>
          <select id={`${id}-s`} className="input" value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">{t('matrix.compare.chooseSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === sessionId ? t('matrix.compare.thisSession', { title: s.title }) : t('matrix.compare.sessionOption', { title: s.title, date: new Date(s.createdAt).toLocaleDateString(lang === 'sv' ? 'sv-SE' : 'en-GB') })}
              </option>
            ))}
          </select>
        </div>
        {from ? (
          <div className="field">
            <label htmlFor={`${id}-st`} className="field-label">{t('matrix.compare.step')}</label>
            <select id={`${id}-st`} className="input" value={chosenStep} onChange={(e) => setFromStep(e.target.value)} disabled={choices.length === 0}>
              {steps === null ? <option value="">{t('matrix.compare.loading')}</option> : null}
              {steps !== null && choices.length === 0 ? <option value="">{t('matrix.compare.noSteps')}</option> : null}
              {choices.map((s) => (
                <option key={s.id} value={s.id}>{s.title}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="row">
          <Button variant="secondary" onClick={compare} busy={busy} disabled={!chosenStep}>{t('matrix.compare.run')}</Button>
        </div>
        {problem ? <Notice tone="error" role="alert"><p>{problem}</p></Notice> : null}
        {result ? (
          <div className="stack-sm" role="status" data-testid="matrix-compare-result">
            <p>{t('matrix.compare.span', {
              fromToday: result.span.from.today.places, fromTodayPhases: result.span.from.today.phases,
              toToday: result.span.to.today.places, toTodayPhases: result.span.to.today.phases,
            })}</p>
            {result.changes.length === 0 ? <p>{t('matrix.compare.noChanges')}</p> : (
              <ul>
                {result.changes.map((c) => (
                  <li key={`${c.layer}-${c.cell}`}>
                    {t(`matrix.compare.${c.layer}-${c.change}`, { cell: cellName(c.cell) })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </div>
    </details>
  );
}
