import { createStore } from 'zustand/vanilla';

/** Which of the flow dialogs is open (view-only state, never shared). */
export type FlowDialog = 'shortcuts' | 'duplicates' | null;

export const flowDialogs = createStore<{ readonly open: FlowDialog }>(() => ({ open: null }));

export function openFlowDialog(dialog: FlowDialog): void {
  flowDialogs.setState({ open: dialog });
}
