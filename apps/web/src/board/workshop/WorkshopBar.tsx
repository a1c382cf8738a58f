import './workshop.css';
import { BringEveryoneHereButton, SummonFollower } from './BringEveryoneHere.tsx';
import { PhaseSelect, PhaseStatus } from './PhaseControl.tsx';
import { TimerControls } from './TimerControls.tsx';
import { useIsFacilitator, useWorkshop } from './useWorkshop.ts';
import { WorkshopTimer } from './WorkshopTimer.tsx';

/**
 * The workshop row under the toolbar: the phase and the timer for everyone, and the facilitator's
 * controls for facilitators only.
 */
export function WorkshopBar() {
  const facilitator = useIsFacilitator();
  const active = useWorkshop((state) => state.phases.length > 0 || state.timer !== null);
  return (
    <>
      <SummonFollower />
      {(facilitator || active) && (
        <section className="workshop-bar" aria-label="Workshop">
          <PhaseStatus />
          <WorkshopTimer />
          {facilitator && (
            <fieldset className="workshop-bar__controls" aria-label="Facilitator controls">
              <PhaseSelect />
              <TimerControls />
              <BringEveryoneHereButton />
            </fieldset>
          )}
        </section>
      )}
    </>
  );
}
