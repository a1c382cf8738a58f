import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { elementLabel } from '../canvas/elementNode.ts';
import { useSession, useView } from '../SessionContext.ts';
import { usePeerUsers } from './usePeerUsers.ts';

const OUTLINE = 3;

/** What other people have selected, outlined in their colour (their selection is presence, never ours). */
export function RemoteSelections() {
  const session = useSession();
  const { clientIds, users } = usePeerUsers(session.peers);
  const selections = useStore(
    session.peers,
    useShallow((state) => [...state.peers.values()].map((peer) => peer.selection)),
  );
  const nodes = useView((state) => state.nodes);
  const byId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  return (
    <ViewportPortal>
      {selections.flatMap((selection, index) =>
        selection.flatMap((id) => {
          const clientId = clientIds[index]!;
          const user = users[index]!;
          const node = byId.get(id);
          if (!node) return [];
          const { width, height } = node.data.element.size;
          return [
            <div
              key={`${clientId}:${id}`}
              className="remote-selection"
              role="img"
              aria-label={`Selected by ${user.name}: ${elementLabel(node.data.element)}`}
              style={{
                borderColor: user.color,
                transform: `translate(${node.position.x - OUTLINE}px, ${node.position.y - OUTLINE}px)`,
                width: (node.width ?? width) + OUTLINE * 2,
                height: (node.height ?? height) + OUTLINE * 2,
              }}
            />,
          ];
        }),
      )}
    </ViewportPortal>
  );
}
