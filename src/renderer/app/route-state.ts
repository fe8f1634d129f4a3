/**
 * The hash routes (see app/routes.tsx for the scheme) as data, plus navigation helpers.
 * A hash keeps everything in one static page the host can serve, and keeps secrets out of
 * request lines and server logs.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'join-code' }
  | { readonly name: 'join-link'; readonly secret: string }
  | { readonly name: 'board'; readonly sessionId: string }
  | { readonly name: 'session'; readonly sessionId: string }
  | { readonly name: 'projector'; readonly sessionId: string }
  | { readonly name: 'improvement'; readonly improvementId: string };

function param(hash: string, prefix: string): string | null {
  if (!hash.startsWith(prefix)) return null;
  const value = hash.slice(prefix.length);
  if (value.length === 0) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Parses `location.hash` (with or without the leading '#'). Unknown hashes are `home`. */
export function parseRoute(rawHash: string): Route {
  const hash = rawHash.startsWith('#') ? rawHash.slice(1) : rawHash;
  const secret = param(hash, 'join=');
  if (secret) return { name: 'join-link', secret };
  const board = param(hash, 'board=');
  if (board) return { name: 'board', sessionId: board };
  const projector = param(hash, 'projector=');
  if (projector) return { name: 'projector', sessionId: projector };
  const improvement = param(hash, 'improvement=');
  if (improvement) return { name: 'improvement', improvementId: improvement };
  const session = param(hash, 's=');
  if (session) return { name: 'session', sessionId: session };
  if (hash === 'code') return { name: 'join-code' };
  return { name: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '';
    case 'join-code':
      return '#code';
    case 'join-link':
      return `#join=${encodeURIComponent(route.secret)}`;
    case 'board':
      return `#board=${encodeURIComponent(route.sessionId)}`;
    case 'session':
      return `#s=${encodeURIComponent(route.sessionId)}`;
    case 'projector':
      return `#projector=${encodeURIComponent(route.sessionId)}`;
    case 'improvement':
      return `#improvement=${encodeURIComponent(route.improvementId)}`;
  }
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Goes to a route. `replace` keeps the browser's Back button from returning to a used-up step. */
export function navigate(route: Route, { replace = false } = {}): void {
  const hash = routeHash(route);
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
    window.removeEventListener('popstate', listener);
  };
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
