import { useEffect, useRef } from 'react';

/**
 * Focuses the first element matching `selector` inside a dialog's content once the dialog is open.
 * `autoFocus` is not enough: the content's effects run before the Dialog's own `showModal()`, which
 * then moves focus to the first control (the close button). One frame later focus stays put.
 */
export function useInitialFocus<T extends HTMLElement>(selector: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const frame = window.requestAnimationFrame(() => {
      ref.current?.querySelector<HTMLElement>(selector)?.focus();
    });
    return () => window.cancelAnimationFrame(frame);
  }, [selector]);
  return ref;
}
