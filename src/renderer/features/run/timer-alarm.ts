/**
 * The end of a step's time: a short, soft two-note chime made with WebAudio (no audio files), and
 * a gentle flash for a few seconds. Browsers only allow sound after a key press or click on the
 * page, so the audio context is opened by `primeAudio()` when the facilitator starts a timer.
 */
import { useEffect, useRef, useState } from 'react';
import type { TimerPhase } from '../steps/step-timer';

let context: AudioContext | null = null;

/** Opens (or wakes) the audio context; call from a user action such as "Starta tiden". */
export function primeAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    context = null; // No WebAudio: the flash and the words still say the time is up.
  }
}

function note(audio: AudioContext, frequency: number, startsIn: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  const at = audio.currentTime + startsIn;
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.12, at + 0.04);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + 1);
}

export function playChime(): void {
  primeAudio();
  if (!context) return;
  note(context, 659.25, 0);
  note(context, 880, 0.35);
}

const FLASH_MS = 4000;

/** Chimes and flashes once when a running timer reaches zero; returns whether to flash now. */
export function useTimerAlarm(phase: TimerPhase, stepId: string | null): boolean {
  const previous = useRef<{ phase: TimerPhase; stepId: string | null }>({ phase, stepId });
  const [flashing, setFlashing] = useState(false);
  const timeout = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timeout.current), []);
  useEffect(() => {
    const before = previous.current;
    previous.current = { phase, stepId };
    if (before.stepId !== stepId || before.phase !== 'running' || phase !== 'overtime') return;
    playChime();
    setFlashing(true);
    window.clearTimeout(timeout.current);
    timeout.current = window.setTimeout(() => setFlashing(false), FLASH_MS);
  }, [phase, stepId]);
  return flashing;
}
