import { useState, type FormEvent } from 'react';
import { TEXT_SHORT } from '../../../core/improvement/model';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { TextField } from '../../ui/text-field';
import { parseDate, parseValue } from './parse-points';

interface Props {
  readonly measureName: string;
  readonly onAdd: (point: { date: string; value: number; note?: string }) => void;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** One data point typed in: a date, a value (decimal comma welcome) and an optional note. */
export function PointEntry({ measureName, onAdd }: Props) {
  const t = useT();
  const announce = useAnnounce();
  const [date, setDate] = useState(today);
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ date?: string; value?: string }>({});

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const parsedDate = parseDate(date);
    const parsedValue = parseValue(value);
    const next = {
      ...(parsedDate ? {} : { date: t('improvements.points.dateError') }),
      ...(parsedValue === null ? { value: t('improvements.points.valueError') } : {}),
    };
    setErrors(next);
    if (!parsedDate || parsedValue === null) return;
    onAdd({ date: parsedDate, value: parsedValue, ...(note.trim() ? { note: note.trim() } : {}) });
    setValue('');
    setNote('');
    announce(t('improvements.points.added', { count: 1, measure: measureName }));
  }

  return (
    <form className="point-entry" onSubmit={submit} noValidate aria-label={t('improvements.points.entryLabel', { measure: measureName })}>
      <TextField label={t('improvements.points.date')} type="date" value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
      <TextField
        label={t('improvements.points.value')}
        inputMode="decimal"
        value={value}
        error={errors.value}
        onChange={(e) => setValue(e.target.value)}
      />
      <TextField label={t('improvements.points.note')} value={note} maxLength={TEXT_SHORT} onChange={(e) => setNote(e.target.value)} />
      <Button type="submit" variant="secondary">
        {t('improvements.points.add')}
      </Button>
    </form>
  );
}
