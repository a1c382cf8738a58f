import { EMPTY_WORKSHOP, readWorkshopRecord, type WorkshopState, workshopMap } from '@squall/model';
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface WorkshopStoreState {
  /** The workshop state as the server last wrote it into the document. */
  readonly state: WorkshopState;
  /** This browser holds the board's owner key (a facilitator by that alone). */
  readonly owner: boolean;
  /** A view link or a locked board: the server refuses workshop actions from here. */
  readonly readOnly: boolean;
}

export interface WorkshopStore {
  readonly store: StoreApi<WorkshopStoreState>;
  destroy(): void;
}

/** The `workshop` map of the document, read (validated) into a store whenever the server changes it. */
export function createWorkshopStore(doc: Y.Doc): WorkshopStore {
  const map = workshopMap(doc);
  const read = () => (map.size === 0 ? EMPTY_WORKSHOP : readWorkshopRecord(map.toJSON()));
  const store = createStore<WorkshopStoreState>(() => ({ state: read(), owner: false, readOnly: false }));
  const onChange = () => store.setState({ state: read() });
  map.observe(onChange);
  return {
    store,
    destroy: () => map.unobserve(onChange),
  };
}
