import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  groupOf,
  moveToGroup,
  observeGroups,
  selectGroups,
  setGroups,
  splitIntoGroups,
  type SplitMode,
} from '../../../core/workshop/groups';
import { useT } from '../../i18n';
import { useDocSelector } from '../../sync/use-doc-selector';
import { Button } from '../../ui/button';
import { useAnnounce } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { GroupCard, MemberRow } from './group-card';
import { suggestedGroupCount, type GroupPerson } from './people';
import './groups.css';

export { ParityPanel } from './parity-panel';
export type { GroupPerson } from './people';

export interface GroupsPanelProps {
  readonly control: Y.Doc;
  /** The participants here now (from presence), the facilitator excluded. */
  readonly people: readonly GroupPerson[];
}

const MODES: readonly SplitMode[] = ['role-mix', 'random'];
const MAX_GROUPS = 12;

/** Splits the room into tables ("bord"): by chance, by role mix, or one person at a time by hand. */
export function GroupsPanel({ control, people }: GroupsPanelProps) {
  const t = useT();
  const announce = useAnnounce();
  const headingId = useId();
  const countId = useId();
  const modeName = useId();
  const groups = useDocSelector(control, observeGroups, selectGroups);
  const [count, setCount] = useState(() => suggestedGroupCount(people.length));
  const [mode, setMode] = useState<SplitMode>('role-mix');
  const [noPeople, setNoPeople] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  // A moved person's row is rebuilt under their new table: keep focus on their select.
  const [refocus, setRefocus] = useState<string | null>(null);
  useEffect(() => {
    if (refocus === null) return;
    setRefocus(null);
    sectionRef.current?.querySelector<HTMLElement>(`[data-person-id="${CSS.escape(refocus)}"]`)?.focus();
  }, [refocus, groups]);
  const unplaced = people.filter((p) => !groupOf(groups, p.id));

  function split(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (people.length === 0) {
      setNoPeople(true);
      return;
    }
    setNoPeople(false);
    const members = splitIntoGroups(people, count, mode);
    setGroups(control, members, (i) => t('groups.tableName', { number: i + 1 }));
    announce(t('groups.splitDone', { count: members.length }));
  }

  function clear(): void {
    setGroups(control, [], () => '');
    announce(t('groups.cleared'));
  }

  function move(personId: string, groupId: string | null): void {
    moveToGroup(control, personId, groupId);
    setRefocus(personId);
    const person = people.find((p) => p.id === personId);
    const group = groups.find((g) => g.id === groupId);
    if (person) {
      announce(
        group
          ? t('groups.moved', { name: person.name ?? t('presence.anonymous'), group: group.name })
          : t('groups.movedOut', { name: person.name ?? t('presence.anonymous') }),
      );
    }
  }

  return (
    <section
      ref={sectionRef}
      className="groups-panel stack"
      aria-labelledby={headingId}
      data-testid="groups-panel"
    >
      <h2 id={headingId}>{t('groups.heading')}</h2>
      <form className="card groups-controls" onSubmit={split} noValidate>
        <div className="field">
          <label htmlFor={countId} className="field-label">
            {t('groups.count')}
          </label>
          <select
            id={countId}
            className="input input-narrow"
            value={count}
            onChange={(event) => setCount(Number(event.target.value))}
          >
            {Array.from({ length: MAX_GROUPS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="groups-mode">
          <legend className="field-label">{t('groups.mode')}</legend>
          {MODES.map((value) => (
            <label key={value} className="radio-option">
              <input
                type="radio"
                name={modeName}
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              <span>
                <span className="radio-title">{t(`groups.modes.${value}.label`)}</span>
                <span className="small muted">{t(`groups.modes.${value}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="row groups-actions">
          <Button type="submit">{groups.length > 0 ? t('groups.resplit') : t('groups.split')}</Button>
          {groups.length > 0 ? (
            <Button variant="quiet" onClick={clear}>
              {t('groups.clear')}
            </Button>
          ) : null}
        </div>
      </form>
      {noPeople ? (
        <Notice tone="info" role="status">
          <p>{t('groups.noPeople')}</p>
        </Notice>
      ) : null}
      {groups.length > 0 ? (
        <div className="groups-grid">
          {groups.map((group) => (
            <GroupCard key={group.id} group={group} groups={groups} people={people} onMove={move} />
          ))}
        </div>
      ) : (
        <p className="muted">{t('groups.none')}</p>
      )}
      {groups.length > 0 && unplaced.length > 0 ? (
        <section className="card groups-unplaced" aria-labelledby={`${headingId}-unplaced`}>
          <h3 id={`${headingId}-unplaced`}>{t('groups.unplaced', { count: unplaced.length })}</h3>
          <ul className="plain-list group-members">
            {unplaced.map((person) => (
              <MemberRow key={person.id} person={person} group={null} groups={groups} onMove={move} />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
