import { ViewportPortal } from '@xyflow/react';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { elementLabel } from '../elementNode.ts';
import { useSession, useView } from '../SessionContext.ts';

const OUTLINE = 3;

/** What other people have selected, outlined in their colour (their selection is presence, never ours). */
export function RemoteSelections() {
  const session = useSession();
  const peers = useStore(session.peers, (state) => state.peers);
  const nodes = useView((state) => state.nodes);
  const byId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  return (
    <ViewportPortal>
      {[...peers.values()].flatMap((peer) =>
        peer.selection.flatMap((id) => {
          const node = byId.get(id);
          if (!node) return [];
          const { width, height } = node.data.element.size;
          return [
            <div
              key={`${peer.clientId}:${id}`}
              className="remote-selection"
              role="img"
              aria-label={`Selected by ${peer.user.name}: ${elementLabel(node.data.element)}`}
              style={{
                borderColor: peer.user.color,
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
