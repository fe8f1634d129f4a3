/** The personas step's data for the views: its config, the cards on the table, the groups' cards. */
import { useCallback } from 'react';
import type * as Y from 'yjs';
import type { PackOf } from '../../../../core/instruments/content-pack';
import type { PackLanguage } from '../../../../core/instruments/pack-parts';
import {
  DEFAULT_PERSONAS_CONFIG,
  PersonasConfigSchema,
  packPersona,
  personaCardsMap,
  selectPersonaCards,
  type PersonaCard,
  type PersonaContent,
  type PersonasConfig,
} from '../../../../core/instruments/personas';
import { useDocSelector, type Observe } from '../../../sync/use-doc-selector';

export function personasConfig(config: Readonly<Record<string, unknown>>): PersonasConfig {
  const parsed = PersonasConfigSchema.safeParse({ ...DEFAULT_PERSONAS_CONFIG, ...config });
  return parsed.success ? parsed.data : DEFAULT_PERSONAS_CONFIG;
}

/** A card as the views show it: pack persona, the facilitator's own, or a group's. */
export type PersonaView = PersonaContent & {
  readonly id: string;
  readonly origin: 'pack' | 'custom' | 'group';
  readonly provenance?: { readonly source: string; readonly ref: string };
  readonly quote?: string;
};

/** The step's pack and custom personas, in the config's order. */
export function tablePersonas(pack: PackOf<'personas'>, config: PersonasConfig, lang: PackLanguage): PersonaView[] {
  const fromPack = config.personaIds.flatMap((id) => {
    const content = packPersona(pack, id, lang);
    const item = pack.content.personas.find((p) => p.id === id);
    if (!content || !item) return [];
    return [{ ...content, origin: 'pack' as const, provenance: { source: item.source, ref: item.ref }, ...(item.quote ? { quote: item.quote.text[lang] } : {}) }];
  });
  return [...fromPack, ...config.customPersonas.map((p) => ({ ...p, origin: 'custom' as const }))];
}

export function cardView(card: PersonaCard): PersonaView {
  return { ...card, origin: 'group' };
}

const observeCards: Observe = (doc, onChange) => {
  const map = personaCardsMap(doc);
  map.observe(onChange);
  return () => map.unobserve(onChange);
};

/** The step's group cards (one group's when `groupId` is given; undefined = all). */
export function usePersonaCards(board: Y.Doc, stepId: string, groupId?: string | null): readonly PersonaCard[] {
  const select = useCallback((doc: Y.Doc) => selectPersonaCards(doc, stepId, groupId), [stepId, groupId]);
  return useDocSelector(board, observeCards, select);
}

/** The channel label in the UI language (the id when the pack lacks it). */
export function channelLabel(pack: PackOf<'personas'>, id: string, lang: PackLanguage): string {
  return pack.content.channels.find((c) => c.id === id)?.label[lang] ?? id;
}
