import { isTimeUp } from '@squall/model';
import { useState } from 'react';
import { serverNow } from './serverClock.ts';
import { useWorkshop, useWorkshopAct } from './useWorkshop.ts';

/** The facilitator's timer controls (the server refuses them from anyone else). */
export function TimerControls() {
  const timer = useWorkshop((state) => state.timer);
  const act = useWorkshopAct();
  const [minutes, setMinutes] = useState('5');
  const running = timer?.status === 'running' && !isTimeUp(timer, serverNow());
  const value = Number(minutes);
  const valid = Number.isFinite(value) && value > 0 && value <= 480;
  return (
    <fieldset className="toolbar__group workshop-timer-controls" aria-label="Timer">
      <label>
        Timer minutes
        <input
          type="number"
          min={1}
          max={480}
          step={1}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={!valid}
        onClick={() => void act({ type: 'startTimer', minutes: value })}
      >
        Start timer
      </button>
      {timer && running && (
        <button type="button" onClick={() => void act({ type: 'pauseTimer' })}>
          Pause timer
        </button>
      )}
      {timer?.status === 'paused' && (
        <button type="button" onClick={() => void act({ type: 'resumeTimer' })}>
          Resume timer
        </button>
      )}
      {timer && (
        <button type="button" onClick={() => void act({ type: 'addMinute' })}>
          Add 1 minute
        </button>
      )}
      {timer && (
        <button type="button" onClick={() => void act({ type: 'stopTimer' })}>
          Stop timer
        </button>
      )}
    </fieldset>
  );
}
