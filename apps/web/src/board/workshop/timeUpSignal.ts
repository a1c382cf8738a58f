/** The short sound at "Time is up" (muted per person, kept in this browser), and nothing else. */
const MUTE_KEY = 'squall:timerMuted';

export function timerSoundMuted(): boolean {
  return window.localStorage.getItem(MUTE_KEY) === '1';
}

export function setTimerSoundMuted(muted: boolean): void {
  if (muted) window.localStorage.setItem(MUTE_KEY, '1');
  else window.localStorage.removeItem(MUTE_KEY);
}

let context: AudioContext | undefined;

/** Two short beeps (Web Audio, no file to load); silently nothing where audio is not allowed yet. */
export function playTimeUpSound(): void {
  if (timerSoundMuted()) return;
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const at of [0, 0.25]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, start + at);
      gain.gain.exponentialRampToValueAtTime(0.001, start + at + 0.2);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + at);
      oscillator.stop(start + at + 0.2);
    }
    document.documentElement.dataset.squallTimeUpSound = String(Date.now());
  } catch {
    // No audio device or autoplay refused: the alert and the flash still show.
  }
}
