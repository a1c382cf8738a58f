import { useStore } from 'zustand';
import { useSession } from '../SessionContext.ts';
import { arrangeFlow, warmArrangeWorker } from './arrangeFlow.ts';
import { DuplicatesDialog } from './DuplicatesDialog.tsx';
import { enforceTimelineNow } from './flowActions.ts';
import { flowDialogs, openFlowDialog } from './flowDialogs.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';

/** The toolbar's "Flow" group: timeline, layout, duplicates, and the keyboard shortcuts. */
export function FlowTools({ editable }: { readonly editable: boolean }) {
  const session = useSession();
  const open = useStore(flowDialogs, (state) => state.open);
  const close = () => openFlowDialog(null);
  return (
    <fieldset className="toolbar__group" aria-label="Flow">
      <button
        type="button"
        disabled={!editable}
        title="Order the domain events left to right (the selected ones, or all), without overlaps, on their swimlanes' rows, pivotal events as phase borders"
        onClick={() => void enforceTimelineNow(session)}
      >
        Enforce the timeline
      </button>
      <button
        type="button"
        disabled={!editable}
        title="Lay out the flow left to right (the selected notes, or the whole board), keeping contexts and swimlanes"
        onPointerEnter={warmArrangeWorker}
        onFocus={warmArrangeWorker}
        onClick={() => void arrangeFlow(session)}
      >
        Arrange flow
      </button>
      <button type="button" disabled={!editable} onClick={() => openFlowDialog('duplicates')}>
        Find duplicates
      </button>
      <button type="button" onClick={() => openFlowDialog('shortcuts')} aria-keyshortcuts="?">
        Keyboard shortcuts
      </button>
      {open === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      {open === 'duplicates' && editable && <DuplicatesDialog onClose={close} />}
    </fieldset>
  );
}
