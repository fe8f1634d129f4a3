/**
 * One key per action while running a session (shown next to each button):
 *   N / PageDown  next step        P / PageUp  previous step     Space  start / pause the time
 *   R  reveal (silent writing)     L  lock / open input
 * (Ctrl+Z for undo works in every mode: run/use-undo-history.ts.)
 * Keys never fire while someone types in a field or a dialog is open. Space on a button that was
 * reached with the keyboard still presses that button; on one that was just clicked with the mouse
 * (no visible focus) it runs the timer, so "click Nästa steg, then Space" does not move on twice.
 * PageDown/PageUp are what presentation clickers send.
 */
import { useEffect, useRef } from 'react';
import type { RunActions } from './use-run-actions';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const CONTROLS = 'button, a[href], summary, [role="button"], [role="tab"]';

/** The control last pressed with a pointer (mouse, touch); forgotten when Tab moves focus. */
let pointerPressed: Element | null = null;

function rememberPointer(event: PointerEvent): void {
  pointerPressed = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
}

function isKeyboardFocusedControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const control = target.closest(CONTROLS);
  return control !== null && control !== pointerPressed && control.matches(':focus-visible');
}

export function useRunShortcuts(actions: RunActions, enabled: boolean): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  }, [actions]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Tab') pointerPressed = null;
      if (event.defaultPrevented || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const a = latest.current;
      const key = event.key.toLowerCase();
      if (event.ctrlKey || event.metaKey) return;
      const run: Record<string, (() => void) | undefined> = {
        n: a.next,
        pagedown: a.next,
        p: a.previous,
        pageup: a.previous,
        r: a.reveal,
        l: a.toggleLock,
        ' ': isKeyboardFocusedControl(event.target) ? undefined : a.toggleTimer,
      };
      const action = run[key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', rememberPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', rememberPointer, true);
    };
  }, [enabled]);
}
