import { readBoard } from '@squall/model';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { BoardSession } from '../session.ts';
import { showNotice } from '../uiStore.ts';
import { type ArrangedElement, arrangedElements, arrangeInput } from './arrangeLayout.ts';
import { animateAndWrite } from './flowActions.ts';

let worker: Worker | undefined;
let nextRequest = 0;

/**
 * Starts the arrange worker (it loads ELK, about 1.4 MB) so the first layout need not wait for it:
 * called when the pointer or focus reaches the button, and by the first layout.
 */
export function warmArrangeWorker(): Worker {
  worker ??= new Worker(new URL('./arrange.worker.ts', import.meta.url), { type: 'module' });
  return worker;
}

/** Lays a graph out in the arrange worker (kept for the next layout). */
function layoutInWorker(graph: ElkNode): Promise<ElkNode> {
  const id = ++nextRequest;
  const current = warmArrangeWorker();
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ id: number; layout?: ElkNode; error?: string }>) => {
      if (event.data.id !== id) return;
      current.removeEventListener('message', onMessage);
      if (event.data.layout) resolve(event.data.layout);
      else reject(new Error(event.data.error ?? 'the layout failed'));
    };
    current.addEventListener('message', onMessage);
    current.postMessage({ id, graph });
  });
}

/**
 * "Arrange flow": lays out the selected notes (two or more), or the whole board, with ELK's layered
 * algorithm left to right in a worker, then moves everything there at once: one undo step.
 */
export async function arrangeFlow(session: BoardSession): Promise<number> {
  const board = readBoard(session.doc);
  const { selectedIds } = session.view.store.getState();
  const scope = selectedIds.size >= 2 ? new Set(selectedIds) : undefined;
  const input = arrangeInput(board.elements, board.connections, scope);
  if (!input) {
    showNotice(session.ui, 'There is nothing to arrange: add some notes first.');
    return 0;
  }
  let layout: ElkNode;
  try {
    layout = await layoutInWorker(input.graph);
  } catch (error) {
    showNotice(session.ui, `Arrange flow failed: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
  // The board may have changed while the layout ran: only elements that still exist move.
  const alive = session.view.store.getState().elements;
  const arranged = arrangedElements(board.elements, input, layout).filter((entry: ArrangedElement) =>
    alive.has(entry.id),
  );
  return animateAndWrite(
    session,
    arranged.map((entry) => ({
      id: entry.id,
      to: entry.position,
      size: entry.size,
    })),
  );
}
