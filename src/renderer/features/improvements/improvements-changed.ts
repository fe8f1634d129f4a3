/**
 * "An improvement changed on the host" within this window: the one-click dialog (in the run
 * cockpit) tells the session's improvement panel to reload, without either knowing the other.
 */
const EVENT = 'samskapa:improvements-changed';

export function announceImprovementsChanged(improvementId: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: improvementId }));
}

export function onImprovementsChanged(listener: (improvementId: string) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<string>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
