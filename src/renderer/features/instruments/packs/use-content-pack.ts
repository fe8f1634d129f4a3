/**
 * Content packs on screen (issue #4): one fetch per pack and page, shared by every view that needs
 * it. Any token may read packs, so the phone, the cockpit and the projector all use this. The texts
 * are data in sv and en: `packText` picks the UI language's, and `localizedCopy` shows a question
 * the step copied from a pack in the reader's language, unless the facilitator reworded it.
 */
import { useEffect, useState } from 'react';
import type { ContentPack, PackKind, PackOf, PackSummary } from '../../../../core/instruments/content-pack';
import { packOfKind } from '../../../../core/instruments/content-pack';
import type { Localized } from '../../../../core/instruments/pack-parts';
import { fetchContentPackList } from '../../../api/participant-api';
import { loadContentPack as loadPack } from '../pack-support/use-content-pack';

let listing: Promise<PackSummary[]> | null = null;

function loadListing(token: string): Promise<PackSummary[]> {
  if (!listing) {
    listing = fetchContentPackList(token);
    listing.catch(() => {
      listing = null;
    });
  }
  return listing;
}

export type PackState<T> = { readonly status: 'loading' } | { readonly status: 'failed' } | { readonly status: 'ready'; readonly pack: T };

/** One pack of a known kind; `failed` when it cannot be read or is another kind. */
export function usePack<K extends PackKind>(token: string | null, packId: string | null, kind: K): PackState<PackOf<K>> {
  const [state, setState] = useState<{ key: string; value: PackState<PackOf<K>> } | null>(null);
  const key = `${token ?? ''}|${packId ?? ''}`;
  useEffect(() => {
    if (!token || !packId) return;
    let live = true;
    loadPack(token, packId).then(
      (pack) => {
        const typed = packOfKind(pack, kind);
        if (live) setState({ key, value: typed ? { status: 'ready', pack: typed } : { status: 'failed' } });
      },
      () => live && setState({ key, value: { status: 'failed' } }),
    );
    return () => {
      live = false;
    };
  }, [token, packId, kind, key]);
  if (!packId) return { status: 'failed' };
  return state?.key === key ? state.value : { status: 'loading' };
}

/** Every pack of a kind (the planning dialog's choice of cloths or prompt sets). */
export function usePacksOfKind<K extends PackKind>(token: string | null, kind: K): PackState<readonly PackOf<K>[]> {
  const [state, setState] = useState<PackState<readonly PackOf<K>[]>>({ status: 'loading' });
  useEffect(() => {
    if (!token) return;
    let live = true;
    loadListing(token)
      .then((list) => Promise.all(list.filter((p) => p.kind === kind).map((p) => loadPack(token, p.id))))
      .then(
        (loaded) => live && setState({ status: 'ready', pack: loaded.flatMap((p) => packOfKind(p, kind) ?? []) }),
        () => live && setState({ status: 'failed' }),
      );
    return () => {
      live = false;
    };
  }, [token, kind]);
  return state;
}

export function readyPack<T>(state: PackState<T>): T | null {
  return state.status === 'ready' ? state.pack : null;
}

/** The pack's source line for an item ("Källa: SKR, Ett steg till, 2022"), in the UI language. */
export function sourceLine(pack: Pick<ContentPack, 'sources'>, sourceKey: string, lang: keyof Localized): string | null {
  return pack.sources[sourceKey]?.[lang] ?? null;
}

/**
 * The text to show for a question a step copied from a pack: the pack's text in the reader's
 * language when the stored text is the pack's (in either language), else the stored text as the
 * facilitator wrote it (a rewording is theirs, in the session's language).
 */
export function localizedCopy(stored: string, original: Localized | undefined, lang: keyof Localized): string {
  if (!original) return stored;
  return stored === original.sv || stored === original.en ? original[lang] : stored;
}
