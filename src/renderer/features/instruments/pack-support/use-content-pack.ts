/**
 * Loads a content pack (GET /api/content-packs/:id) for the instruments' views, once per page:
 * the answer is validated with the core schema, kept in memory and on the device (localStorage),
 * so a phone that reloads without Wi-Fi still shows the questions it had.
 */
import { useEffect, useState } from 'react';
import { ContentPackSchema, packOfKind, type ContentPack, type PackKind, type PackOf } from '../../../../core/instruments/content-pack';
import { fetchContentPack } from '../../../api/participant-api';
import { readJson, writeJson } from '../../../storage/local-store';

const loaded = new Map<string, ContentPack>();
const loading = new Map<string, Promise<ContentPack>>();
const storageKey = (id: string) => `samskapa:content-pack:${id}`;

function fromDevice(id: string): ContentPack | null {
  const parsed = ContentPackSchema.safeParse(readJson(storageKey(id)));
  return parsed.success ? parsed.data : null;
}

/** The one loader of packs on this page (every instrument's views share it). */
export function loadContentPack(token: string, id: string): Promise<ContentPack> {
  const running = loading.get(id);
  if (running) return running;
  const promise = fetchContentPack(token, id).then(
    (pack) => {
      loaded.set(id, pack);
      writeJson(storageKey(id), pack);
      return pack;
    },
    (error: unknown) => {
      loading.delete(id);
      throw error;
    },
  );
  loading.set(id, promise);
  return promise;
}

export interface PackState<K extends PackKind> {
  readonly pack: PackOf<K> | null;
  readonly failed: boolean;
}

/** The pack `packId` of kind `kind`, or null while loading (failed = could not be loaded). */
export function useContentPack<K extends PackKind>(token: string | null, packId: string, kind: K): PackState<K> {
  const [pack, setPack] = useState<ContentPack | null>(() => loaded.get(packId) ?? fromDevice(packId));
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!token || loaded.has(packId)) {
      if (loaded.has(packId)) setPack(loaded.get(packId) ?? null);
      return;
    }
    let live = true;
    loadContentPack(token, packId).then(
      (p) => {
        if (live) setPack(p);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [token, packId]);
  const typed = packOfKind(pack ?? undefined, kind);
  return { pack: typed, failed: failed && typed === null };
}
