import { currentPhase, isWorkshopPhase, PHASE_INFO, WORKSHOP_PHASES } from '@squall/model';
import { useWorkshop, useWorkshopAct } from './useWorkshop.ts';

/** The facilitator's "Workshop phase" select. */
export function PhaseSelect() {
  const phase = useWorkshop(currentPhase);
  const act = useWorkshopAct();
  return (
    <label className="workshop-phase-select">
      Workshop phase
      <select
        value={phase ?? ''}
        onChange={(event) => {
          const next = event.target.value;
          if (isWorkshopPhase(next)) void act({ type: 'setPhase', phase: next });
        }}
      >
        {!phase && (
          <option value="" disabled>
            Choose a phase…
          </option>
        )}
        {WORKSHOP_PHASES.map((id) => (
          <option key={id} value={id}>
            {PHASE_INFO[id].label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What everyone sees: the current phase and one line on what to do now. */
export function PhaseStatus() {
  const phase = useWorkshop(currentPhase);
  if (!phase) return null;
  const info = PHASE_INFO[phase];
  return (
    <div className="workshop-phase">
      <p role="status" className="workshop-phase__name">
        Phase: {info.label}
      </p>
      <p className="workshop-phase__hint">{info.hint}</p>
    </div>
  );
}
