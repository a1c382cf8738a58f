import { KIND_INFO, updateElement } from '@squall/model';
import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo } from 'react';
import type { ElementNode } from './elementNode.ts';
import { NoteTextEditor } from './NoteTextEditor.tsx';
import { useSession, useUi } from './SessionContext.ts';

/**
 * A bounded-context frame. Only its title bar and resize handles take the pointer, so people can
 * select, box-select and place notes inside it as on the bare canvas.
 */
export const FrameNode = memo(function FrameNode({ id, data, selected }: NodeProps<ElementNode>) {
  const session = useSession();
  const editing = useUi((state) => state.editingId === id);
  const { element } = data;
  const info = KIND_INFO.boundedContext;
  return (
    <div className="frame" style={{ color: info.textColor }}>
      <NodeResizer
        isVisible={selected && !editing}
        minWidth={200}
        minHeight={150}
        onResizeEnd={(_, box) =>
          updateElement(
            session.doc,
            id,
            { position: { x: box.x, y: box.y }, size: { width: box.width, height: box.height } },
            session.origin,
          )
        }
      />
      <div className="frame__title">
        {editing ? (
          <NoteTextEditor id={id} text={element.text} fontSize={16} label={info.label} />
        ) : (
          element.text || <span className="frame__placeholder">Name this context</span>
        )}
      </div>
    </div>
  );
});
