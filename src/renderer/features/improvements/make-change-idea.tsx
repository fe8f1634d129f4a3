import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ContributionRef, ImprovementSummary } from '../../../contracts/improvements';
import { TEXT_LONG, TEXT_SHORT } from '../../../core/improvement/model';
import { errorCodeOf } from '../../api/api-error';
import { addChangeIdea, createImprovement, listSessionImprovements } from '../../api/improvements-api';
import { routeHash } from '../../app/route-state';
import { useT } from '../../i18n';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { useAnnounce } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { TextAreaField, TextField } from '../../ui/text-field';
import { useFacilitatorToken } from '../instruments/pack-support/use-facilitator-token';
import { announceImprovementsChanged } from './improvements-changed';
import { countsLine } from './counts';
import './improvements.css';

export interface MakeChangeIdeaProps {
  /** The contribution: a voted note, a guldkorn or a seven-questions gap. */
  readonly from: ContributionRef;
  /** Its words, shown in the dialog and offered as the idea's first wording. */
  readonly quote: string;
}

/**
 * "Gör till förändringsidé": one click from a workshop contribution to a change idea in an
 * improvement, keeping the link back (the host copies the quote into the idea's roots).
 */
export function MakeChangeIdeaButton({ from, quote }: MakeChangeIdeaProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="quiet" className="make-idea-button" onClick={() => setOpen(true)} aria-label={t('improvements.oneClick.buttonNamed', { text: quote.slice(0, 60) })}>
        {t('improvements.oneClick.button')}
      </Button>
      <Dialog open={open} title={t('improvements.oneClick.title')} onClose={() => setOpen(false)}>
        <MakeChangeIdeaBody from={from} quote={quote} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

const NEW = '__new__';

function MakeChangeIdeaBody({ from, quote, onClose }: MakeChangeIdeaProps & { readonly onClose: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const token = useFacilitatorToken();
  const choiceName = useId();
  const [linked, setLinked] = useState<ImprovementSummary[] | null>(null);
  const [choice, setChoice] = useState<string>(NEW);
  const [title, setTitle] = useState('');
  const [text, setText] = useState(quote);
  const [errors, setErrors] = useState<{ title?: string; text?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; title: string } | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    listSessionImprovements(token, from.sessionId).then(
      (list) => {
        if (!live) return;
        const usable = list.filter((s) => s.status === 'ok');
        setLinked(usable);
        if (usable[0]) setChoice(usable[0].id);
      },
      () => live && setLinked([]),
    );
    return () => {
      live = false;
    };
  }, [token, from.sessionId]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!token) return;
    const next = {
      ...(choice === NEW && !title.trim() ? { title: t('improvements.titleMissing') } : {}),
      ...(!text.trim() ? { text: t('improvements.q3.ideaMissing') } : {}),
    };
    setErrors(next);
    if (next.title || next.text) return;
    setBusy(true);
    try {
      const target = choice === NEW ? (await createImprovement(token, { title: title.trim(), sessionId: from.sessionId })).id : choice;
      const saved = await addChangeIdea(token, target, { text: text.trim(), from: [from] });
      setDone({ id: saved.id, title: saved.title });
      announceImprovementsChanged(saved.id);
      announce(t('improvements.oneClick.done', { title: saved.title }));
    } catch (error) {
      setErrors({ form: t(`error.${errorCodeOf(error)}`) });
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="stack" data-testid="one-click-done">
        <Notice tone="success" role="status">
          <p>{t('improvements.oneClick.done', { title: done.title })}</p>
        </Notice>
        <div className="row">
          <a className="btn btn-secondary" href={routeHash({ name: 'improvement', improvementId: done.id })}>
            {t('improvements.oneClick.open')}
          </a>
          <Button onClick={onClose}>{t('dialog.close')}</Button>
        </div>
      </div>
    );
  }
  if (linked === null) return <Loading />;
  return (
    <form className="stack one-click-form" onSubmit={(e) => void submit(e)} noValidate>
      <figure className="origin-quote">
        <blockquote>
          <p>{t('improvements.origin.quoted', { quote })}</p>
        </blockquote>
      </figure>
      <fieldset className="choice">
        <legend className="field-label">{t('improvements.oneClick.where')}</legend>
        <div className="choice-options is-column">
          {linked.map((s) => (
            <label key={s.id} className="choice-option">
              <input type="radio" name={choiceName} checked={choice === s.id} onChange={() => setChoice(s.id)} />
              <span>
                <span className="choice-title">{s.title}</span>
                <span className="choice-hint">{countsLine(t, s)}</span>
              </span>
            </label>
          ))}
          <label className="choice-option">
            <input type="radio" name={choiceName} checked={choice === NEW} onChange={() => setChoice(NEW)} />
            <span>
              <span className="choice-title">{t('improvements.oneClick.new')}</span>
            </span>
          </label>
        </div>
      </fieldset>
      {choice === NEW ? (
        <TextField
          label={t('improvements.home.titleLabel')}
          hint={t('improvements.home.titleHint')}
          value={title}
          maxLength={TEXT_SHORT}
          error={errors.title}
          onChange={(e) => setTitle(e.target.value)}
        />
      ) : null}
      <TextAreaField
        label={t('improvements.oneClick.ideaLabel')}
        hint={t('improvements.oneClick.ideaHint')}
        rows={3}
        value={text}
        maxLength={TEXT_LONG}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      {errors.form ? (
        <Notice tone="error" role="alert">
          <p>{errors.form}</p>
        </Notice>
      ) : null}
      <div className="row">
        <Button type="submit" busy={busy}>
          {t('improvements.oneClick.submit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('improvements.cancel')}
        </Button>
      </div>
    </form>
  );
}
