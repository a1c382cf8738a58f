import { type BoardElement, type Connection, checkConnection } from '@squall/model';
import { MarkerType } from '@xyflow/react';
import { type ConnectionEdge, elementLabel } from './elementNode.ts';

/** The edge for a connection whose two ends are in `elements`; `previous` carries its selection. */
export function connectionEdge(
  connection: Connection,
  elements: ReadonlyMap<string, BoardElement>,
  previous?: ConnectionEdge,
): ConnectionEdge {
  const source = elements.get(connection.source)!;
  const target = elements.get(connection.target)!;
  const legal = checkConnection(source.kind, target.kind).legal;
  const edge: ConnectionEdge = {
    id: connection.id,
    source: connection.source,
    target: connection.target,
    type: 'connection',
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    ariaLabel: `Connection from ${elementLabel(source)} to ${elementLabel(target)}`,
    selected: previous?.selected ?? false,
  };
  if (connection.label) edge.label = connection.label;
  // Imported boards can hold arrows the grammar refuses; the lint explains them, the canvas marks them.
  if (!legal) edge.className = 'is-illegal';
  return edge;
}
