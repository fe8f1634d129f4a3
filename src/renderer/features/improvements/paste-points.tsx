import { useId, useMemo, useState } from 'react';
import { MAX_POINTS } from '../../../core/improvement/model';
import { useLanguage, useT } from '../../i18n';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { TextAreaField } from '../../ui/text-field';
import { formatIsoDate, formatNumber } from './format';
import { parsePastedPoints } from './parse-points';

interface Props {
  readonly measureName: string;
  readonly room: number;
  readonly onAdd: (points: { date: string; value: number }[]) => void;
}

/**
 * Two columns copied from a spreadsheet (date and value) → a preview, line by line, with what is
 * wrong with each line that cannot be read. Only readable lines are added; the unreadable ones stay
 * in the box to be fixed, so nothing pasted is silently dropped.
 */
export function PastePoints({ measureName, room, onAdd }: Props) {
  const t = useT();
  const lang = useLanguage();
  const announce = useAnnounce();
  const previewId = useId();
  const [text, setText] = useState('');
  const lines = useMemo(() => parsePastedPoints(text), [text]);
  const good = lines.filter((l) => l.ok);
  const bad = lines.filter((l) => !l.ok);
  const tooMany = good.length > room;

  function add(): void {
    const points = good.flatMap((l) => (l.ok ? [{ date: l.date, value: l.value }] : []));
    onAdd(points);
    setText(bad.map((l) => l.text).join('\n'));
    announce(t('improvements.points.added', { count: points.length, measure: measureName }));
  }

  return (
    <div className="paste-points stack-sm">
      <TextAreaField
        label={t('improvements.paste.label')}
        hint={t('improvements.paste.hint')}
        rows={5}
        value={text}
        className="paste-area"
        aria-controls={previewId}
        onChange={(event) => setText(event.target.value)}
      />
      <div id={previewId} aria-live="polite">
        {lines.length > 0 ? (
          <>
            <p className={bad.length > 0 ? 'paste-summary has-errors' : 'paste-summary'} data-testid="paste-summary">
              {t('improvements.paste.summary', { count: good.length })}
              {bad.length > 0 ? ` ${t('improvements.paste.errors', { count: bad.length })}` : ''}
            </p>
            <table className="paste-preview" data-testid="paste-preview">
              <caption className="visually-hidden">{t('improvements.paste.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('improvements.paste.line')}</th>
                  <th scope="col">{t('improvements.points.date')}</th>
                  <th scope="col">{t('improvements.points.value')}</th>
                  <th scope="col">{t('improvements.paste.status')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.line} className={l.ok ? undefined : 'is-error'}>
                    <td>{l.line}</td>
                    {l.ok ? (
                      <>
                        <td>{formatIsoDate(l.date, lang)}</td>
                        <td className="num">{formatNumber(l.value, lang)}</td>
                        <td>{t('improvements.paste.ok')}</td>
                      </>
                    ) : (
                      <>
                        <td colSpan={2} className="paste-raw">
                          {l.text}
                        </td>
                        <td>{t(`improvements.paste.problem.${l.problem}`)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
      {tooMany ? <p className="field-error">{t('improvements.paste.tooMany', { count: MAX_POINTS })}</p> : null}
      <div>
        <Button variant="secondary" disabled={good.length === 0 || tooMany} onClick={add}>
          {t('improvements.paste.add', { count: good.length })}
        </Button>
      </div>
    </div>
  );
}
