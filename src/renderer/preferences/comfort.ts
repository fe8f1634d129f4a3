/**
 * Participant comfort settings (issue #9), each remembered on this device and applied as a data
 * attribute on `<html>` (see ui/comfort.css):
 * - contrast: `data-contrast="high"` — black on white (white on black in a dark system theme),
 *   text ≥ 7:1, 2–3 px borders, a thick focus ring. Follows `prefers-contrast: more` until the
 *   person chooses for themselves.
 * - read-aloud: `data-layout="read-aloud"` — one column, left-aligned, no hyphenation, roomier
 *   text spacing (WCAG 1.4.12), decorative duplicates removed, no motion. See ui/README-comfort.md.
 * - easy (lättläst): no attribute; `useInstruction()` picks the `easy.*` wording.
 * Larger text and language live in preferences.ts.
 */
import { deviceSetting } from './device-setting';

const CONTRAST_QUERY = '(prefers-contrast: more)';

function systemWantsContrast(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(CONTRAST_QUERY).matches;
}

/** 'system' until the person chooses: then the system's `prefers-contrast` decides. */
export type ContrastChoice = 'system' | 'high' | 'normal';

function applyContrast(choice: ContrastChoice): void {
  const high = choice === 'high' || (choice === 'system' && systemWantsContrast());
  document.documentElement.dataset.contrast = high ? 'high' : 'normal';
}

function applyLayout(value: 'standard' | 'read-aloud'): void {
  document.documentElement.dataset.layout = value;
}

export const contrastSetting = deviceSetting<ContrastChoice>(
  'samskapa:contrast',
  ['system', 'high', 'normal'],
  'system',
  applyContrast,
);

export const layoutSetting = deviceSetting<'standard' | 'read-aloud'>(
  'samskapa:layout',
  ['standard', 'read-aloud'],
  'standard',
  applyLayout,
);

export const easySetting = deviceSetting<'off' | 'on'>('samskapa:easy-read', ['off', 'on'], 'off', () => {});

/** Whether high contrast is in effect now (chosen, or asked for by the system). */
export function useHighContrast(): boolean {
  const choice = contrastSetting.use();
  return choice === 'high' || (choice === 'system' && systemWantsContrast());
}

export function setHighContrast(on: boolean): void {
  contrastSetting.set(on ? 'high' : 'normal');
}

export function useReadAloudLayout(): boolean {
  return layoutSetting.use() === 'read-aloud';
}

export function setReadAloudLayout(on: boolean): void {
  layoutSetting.set(on ? 'read-aloud' : 'standard');
}

export function useEasyRead(): boolean {
  return easySetting.use() === 'on';
}

export function setEasyRead(on: boolean): void {
  easySetting.set(on ? 'on' : 'off');
}

/** Applies every stored comfort choice to `<html>` and follows a system contrast change. */
export function applyStoredComfort(): void {
  contrastSetting.refresh();
  layoutSetting.refresh();
  if (typeof window.matchMedia === 'function') {
    window.matchMedia(CONTRAST_QUERY).addEventListener('change', () => contrastSetting.refresh());
  }
}
