import { formatTimer, isTimeUp, remainingMs } from '@squall/model';
import { useEffect, useRef, useState } from 'react';
import { playTimeUpSound, setTimerSoundMuted, timerSoundMuted } from './timeUpSignal.ts';
import { useServerTime } from './useServerTime.ts';
import { useWorkshop } from './useWorkshop.ts';

const FLASH_MS = 1500;

/**
 * The shared countdown everyone sees (`role="timer"`, mm:ss on the server's clock). When it reaches zero
 * while this page watches, everyone gets the "Time is up" alert, a short sound (unless muted here) and a
 * flash; the alert stays until a facilitator stops or restarts the timer.
 */
export function WorkshopTimer() {
  const timer = useWorkshop((state) => state.timer);
  const now = useServerTime(timer?.status === 'running');
  const up = isTimeUp(timer, now);
  const [flash, setFlash] = useState(false);
  const [muted, setMuted] = useState(timerSoundMuted);
  const wasCounting = useRef(false);

  useEffect(() => {
    const counting = timer?.status === 'running' && !up;
    if (up && wasCounting.current) {
      playTimeUpSound();
      setFlash(true);
      const off = setTimeout(() => setFlash(false), FLASH_MS);
      wasCounting.current = counting;
      return () => clearTimeout(off);
    }
    wasCounting.current = counting;
  }, [timer, up]);

  if (!timer) return null;
  return (
    <div className={`workshop-timer${flash ? ' workshop-timer--flash' : ''}`} data-status={timer.status}>
      <span role="timer" aria-label="Workshop timer" className="workshop-timer__clock">
        {formatTimer(remainingMs(timer, now))}
      </span>
      {timer.status === 'paused' && <span className="workshop-timer__state">paused</span>}
      {up && (
        <p role="alert" className="workshop-timer__up">
          Time is up
        </p>
      )}
      <button
        type="button"
        className="workshop-timer__mute"
        aria-pressed={muted}
        title={muted ? 'The timer sound is off in this browser' : 'The timer sound is on in this browser'}
        onClick={() => {
          setTimerSoundMuted(!muted);
          setMuted(!muted);
        }}
      >
        Mute timer sound
      </button>
      {flash && <div className="workshop-flash" aria-hidden="true" />}
    </div>
  );
}
