/**
 * "Tidigare versioner": every save of an improvement, newest first, with what each one changed, a
 * preview of the chosen one and "Återställ den här versionen" behind a confirm step. The host keeps
 * every revision (docs/improvements.md); this makes "nothing saved is ever lost" something a
 * facilitator can use, e.g. after a colleague overwrote the aim. A restore is saved by the host as
 * a new revision, so the version it replaces stays in the list too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RevisionSummary } from '../../../contracts/improvements';
import type { Improvement } from '../../../core/improvement/model';
import { errorCodeOf } from '../../api/api-error';
import { RevisionConflictError, getRevision, listRevisions, restoreRevision } from '../../api/improvements-api';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Notice } from '../../ui/notice';
import { Loading } from '../../ui/spinner';
import { revisionChanges, type RevisionChange } from './revision-changes';
import './improvement-history.css';

/** How many rows get their "what changed" at first (each needs its revision and the one before). */
const PAGE = 15;

/** People count from 1: revision 0 is "Version 1". */
const versionNumber = (revision: number) => revision + 1;

export interface ImprovementHistoryProps {
  readonly token: string;
  readonly improvementId: string;
  /** The revision on screen (the restore names it, like a save). */
  readonly currentRevision: number;
  /** False while edits wait to be saved: a restore must not race an autosave. */
  readonly canRestore: boolean;
  /** Called before the dialog opens: pending edits are saved first, so they are in the list. */
  readonly onOpen: () => void;
  readonly onRestored: (restored: Improvement, from: number) => void;
}

type ListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'ready'; readonly revisions: readonly RevisionSummary[] };

export function ImprovementHistory(props: ImprovementHistoryProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="quiet"
        onClick={() => {
          props.onOpen();
          setOpen(true);
        }}
        data-testid="history-open"
      >
        {t('improvements.history.open')}
      </Button>
      {open ? <HistoryDialog {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function HistoryDialog({
  token,
  improvementId,
  currentRevision,
  canRestore,
  onRestored,
  onClose,
}: ImprovementHistoryProps & { readonly onClose: () => void }) {
  const t = useT();
  const lang = useLanguage();
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [contents, setContents] = useState<ReadonlyMap<number, Improvement>>(new Map());
  const [shown, setShown] = useState(PAGE);
  const [selected, setSelected] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fetched = useRef(new Set<number>());
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let live = true;
    listRevisions(token, improvementId).then(
      (revisions) => {
        if (!live) return;
        setList({ kind: 'ready', revisions });
        setSelected((was) => (was !== null && revisions.some((r) => r.revision === was) ? was : (revisions[0]?.revision ?? null)));
      },
      (error: unknown) => live && setList({ kind: 'failed', reason: t(`error.${errorCodeOf(error)}`) }),
    );
    return () => {
      live = false;
    };
  }, [token, improvementId, reloads, t]);

  // The shown rows' contents (and the one before the oldest shown, to say what it changed), one at
  // a time: a few kilobytes each, and the machine is shared with a running workshop.
  const wanted = list.kind === 'ready' ? list.revisions.slice(0, shown + 1).map((r) => r.revision) : [];
  if (selected !== null && !wanted.includes(selected)) wanted.push(selected);
  const wantedKey = wanted.join(',');
  useEffect(() => {
    let live = true;
    void (async () => {
      for (const revision of wantedKey ? wantedKey.split(',').map(Number) : []) {
        if (!live) return;
        if (fetched.current.has(revision)) continue;
        fetched.current.add(revision);
        try {
          const content = await getRevision(token, improvementId, revision);
          if (live) setContents((was) => new Map(was).set(revision, content));
        } catch {
          fetched.current.delete(revision); // tried again when the list changes; the row shows its time meanwhile
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [token, improvementId, wantedKey]);

  const choose = useCallback((revision: number) => {
    setSelected(revision);
    setConfirming(false);
    setProblem(null);
  }, []);

  async function restore(revision: number): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      const restored = await restoreRevision(token, improvementId, revision, currentRevision);
      onRestored(restored, revision);
      onClose();
    } catch (error) {
      setConfirming(false);
      if (error instanceof RevisionConflictError) {
        setProblem(t('improvements.history.conflict'));
        setReloads((n) => n + 1);
      } else {
        setProblem(t('improvements.history.failed', { reason: t(`error.${errorCodeOf(error)}`) }));
      }
    } finally {
      setBusy(false);
    }
  }

  const revisions = list.kind === 'ready' ? list.revisions : [];
  const chosen = selected === null ? null : (contents.get(selected) ?? null);
  const chosenSummary = revisions.find((r) => r.revision === selected) ?? null;
  const isCurrent = selected === currentRevision;

  return (
    <Dialog open title={t('improvements.history.title')} onClose={onClose}>
      <div className="stack improvement-history" data-testid="improvement-history">
        <p className="muted">{t('improvements.history.intro')}</p>
        {list.kind === 'loading' ? <Loading /> : null}
        {list.kind === 'failed' ? (
          <Notice tone="error" role="alert">
            <p>{t('improvements.history.loadFailed', { reason: list.reason })}</p>
          </Notice>
        ) : null}
        {problem ? (
          <Notice tone="warning" role="alert">
            <p>{problem}</p>
          </Notice>
        ) : null}
        {list.kind === 'ready' ? (
          <div className="history-layout">
            <div className="history-list-column">
              <ul className="history-list" aria-label={t('improvements.history.listLabel')}>
                {revisions.slice(0, shown).map((r, index) => {
                  const content = contents.get(r.revision);
                  const older = revisions[index + 1];
                  const before = older ? contents.get(older.revision) : null;
                  const changes = content && (older ? before : true) ? revisionChanges(before ?? null, content) : null;
                  return (
                    <li key={r.revision}>
                      <button
                        type="button"
                        className="history-row"
                        aria-pressed={r.revision === selected}
                        onClick={() => choose(r.revision)}
                        data-testid={`history-row-${r.revision}`}
                      >
                        <span className="history-row-head">
                          <strong>{t('improvements.history.version', { number: versionNumber(r.revision) })}</strong>
                          {r.revision === currentRevision ? <span className="history-current">{t('improvements.history.current')}</span> : null}
                        </span>
                        <span className="small">{formatDateTime(r.savedAt, lang)}</span>
                        {changes ? <span className="small muted">{changes.map((c) => changeText(t, c)).join(' · ')}</span> : null}
                      </button>
                    </li>
                  );
                })}
              </ul>
              {revisions.length > shown ? (
                <Button variant="secondary" onClick={() => setShown((n) => n + PAGE)}>
                  {t('improvements.history.more')}
                </Button>
              ) : null}
            </div>
            <section className="history-preview stack-sm" aria-live="polite" data-testid="history-preview">
              {chosenSummary ? (
                <>
                  <h3>{t('improvements.history.previewHeading', { number: versionNumber(chosenSummary.revision) })}</h3>
                  <p className="small muted">{t('improvements.history.savedAt', { time: formatDateTime(chosenSummary.savedAt, lang) })}</p>
                </>
              ) : null}
              {chosenSummary && !chosen ? <Loading /> : null}
              {chosen ? <Preview improvement={chosen} /> : null}
              {chosen && isCurrent ? <p className="muted">{t('improvements.history.isCurrent')}</p> : null}
              {chosen && !isCurrent && !confirming ? (
                <div className="stack-sm">
                  <Button variant="secondary" onClick={() => setConfirming(true)} disabled={!canRestore} data-testid="history-restore">
                    {t('improvements.history.restore')}
                  </Button>
                  {!canRestore ? <p className="small muted">{t('improvements.history.waitForSave')}</p> : null}
                </div>
              ) : null}
              {chosen && !isCurrent && confirming && selected !== null ? (
                <ConfirmStep
                  number={versionNumber(selected)}
                  busy={busy}
                  disabled={!canRestore}
                  onConfirm={() => void restore(selected)}
                  onCancel={() => setConfirming(false)}
                />
              ) : null}
            </section>
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}

/** The second step: says what a restore does, and focuses its own button so Enter completes it. */
function ConfirmStep({
  number,
  busy,
  disabled,
  onConfirm,
  onCancel,
}: {
  readonly number: number;
  readonly busy: boolean;
  readonly disabled: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const t = useT();
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    confirmRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);
  return (
    <div className="history-confirm stack-sm" ref={confirmRef}>
      <p>{t('improvements.history.confirmBody', { number })}</p>
      <div className="row">
        <Button variant="primary" onClick={onConfirm} busy={busy} disabled={disabled} data-testid="history-confirm">
          {t('improvements.history.confirm', { number })}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('improvements.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** What the chosen version held: its name, its aim in full, and how much of everything else. */
function Preview({ improvement }: { readonly improvement: Improvement }) {
  const t = useT();
  const points = improvement.measures.reduce((sum, m) => sum + m.points.length, 0);
  return (
    <>
      <dl className="history-facts">
        <dt>{t('improvements.history.name')}</dt>
        <dd data-testid="history-preview-title">{improvement.title}</dd>
        <dt>{t('improvements.history.aim')}</dt>
        <dd data-testid="history-preview-aim">
          {improvement.aim.text.trim() ? improvement.aim.text : <span className="muted">{t('improvements.history.noAim')}</span>}
        </dd>
      </dl>
      <ul className="history-counts" data-testid="history-preview-counts">
        <li>{t('improvements.home.countMeasures', { count: improvement.measures.length })}</li>
        <li>{t('improvements.history.countPoints', { count: points })}</li>
        <li>{t('improvements.home.countIdeas', { count: improvement.changeIdeas.length })}</li>
        <li>{t('improvements.home.countCycles', { count: improvement.cycles.length })}</li>
      </ul>
    </>
  );
}

function changeText(t: ReturnType<typeof useT>, change: RevisionChange): string {
  return 'count' in change ? t(`improvements.history.changes.${change.kind}`, { count: change.count }) : t(`improvements.history.changes.${change.kind}`);
}
