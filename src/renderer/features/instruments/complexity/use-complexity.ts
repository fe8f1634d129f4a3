/**
 * What a complexity-sorting step shows, shared by the phone, the cockpit and the projector: the four
 * domains (label, description, suggested handling in the UI language, or the facilitator's own
 * wording), the notes to sort (this step's and its source step's) and the facilitator's tags.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import {
  DEFAULT_COMPLEXITY_CONFIG,
  complexityMap,
  handlingText,
  selectTags,
  sortByDomain,
  type ComplexitySortingConfig,
} from '../../../../core/instruments/complexity';
import { COMPLEXITY_DOMAINS, type ComplexityDomain } from '../../../../core/instruments/vocabulary';
import type { Step } from '../../../../core/workshop/agenda';
import type { Note } from '../../../../core/workshop/board';
import { stepConfig } from '../../../../core/workshop/step-registry';
import { useLanguage, useT } from '../../../i18n';
import type { SessionConnection } from '../../../sync/provider';
import { useDocSelector, useNotes, type Observe } from '../../../sync/use-doc-selector';
import { useAnnounce } from '../../../ui/live-region';
import { readyPack, sourceLine, usePack } from '../packs/use-content-pack';

export interface DomainView {
  readonly id: ComplexityDomain;
  readonly label: string;
  readonly description: string | null;
  readonly handling: string | null;
  readonly handlingEdited: boolean;
  readonly notes: readonly Note[];
}

export interface ComplexityView {
  readonly config: ComplexitySortingConfig;
  readonly domains: readonly DomainView[];
  readonly untagged: readonly Note[];
  readonly tags: ReadonlyMap<string, ComplexityDomain>;
  readonly total: number;
  readonly source: string | null;
  readonly parallel: string | null;
}

const observeTags: Observe = (doc, onChange) => {
  const map = complexityMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
};

export function useTags(control: Y.Doc, stepId: string): ReadonlyMap<string, ComplexityDomain> {
  const select = useCallback((doc: Y.Doc) => selectTags(doc, stepId), [stepId]);
  return useDocSelector(control, observeTags, select);
}

/** The notes a complexity step sorts: those written in it, and those of its source step. */
export function notesToSort(notes: readonly Note[], stepId: string, sourceStepId: string | null): Note[] {
  return notes.filter((n) => n.stepId === stepId || (sourceStepId !== null && n.stepId === sourceStepId));
}

export function useComplexity(token: string | null, connection: SessionConnection, step: Step): ComplexityView {
  const t = useT();
  const lang = useLanguage();
  const config = useMemo(() => stepConfig<ComplexitySortingConfig>(step) ?? DEFAULT_COMPLEXITY_CONFIG, [step]);
  const pack = readyPack(usePack(token, config.packId, 'complexity'));
  const notes = useNotes(connection.board);
  const tags = useTags(connection.control, step.id);
  return useMemo(() => {
    const candidates = notesToSort(notes, step.id, config.sourceStepId);
    const byId = new Map(candidates.map((n) => [n.id, n]));
    const sorted = sortByDomain(
      candidates.map((n) => n.id),
      tags,
    );
    const pick = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);
    const domains = COMPLEXITY_DOMAINS.map((id) => {
      const data = pack?.content.domains.find((d) => d.id === id);
      const handling = pack ? handlingText(pack, config, id, lang) : null;
      const override = config.handlingOverrides[id];
      return {
        id,
        label: data?.label[lang] ?? t(`complexity.domain.${id}`),
        description: data?.description[lang] ?? null,
        handling: handling?.text ?? override ?? null,
        handlingEdited: handling?.edited ?? false,
        notes: pick(sorted[id]),
      };
    });
    return {
      config,
      domains,
      untagged: pick(sorted.untagged),
      tags,
      total: candidates.length,
      source: pack ? sourceLine(pack, pack.source, lang) : null,
      parallel: pack?.content.parallel.text[lang] ?? null,
    };
  }, [notes, step.id, config, tags, pack, lang, t]);
}

/** Says where a note was sorted ("Komplext: <text>") in the live region, without moving focus. */
export function useAnnounceSorting(view: ComplexityView): void {
  const t = useT();
  const announce = useAnnounce();
  const before = useRef<ReadonlyMap<string, ComplexityDomain> | null>(null);
  useEffect(() => {
    const previous = before.current;
    before.current = view.tags;
    if (previous === null) return;
    for (const domain of view.domains) {
      const moved = domain.notes.filter((n) => previous.get(n.id) !== domain.id);
      const first = moved[0];
      if (moved.length === 1 && first) announce(t('complexity.sortedInto', { domain: domain.label, text: first.text }));
      else if (moved.length > 1) announce(t('complexity.sortedMany', { domain: domain.label, count: moved.length }));
    }
  }, [view, announce, t]);
}
