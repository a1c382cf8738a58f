import { KIND_INFO } from '@squall/model';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useUi } from '../SessionContext.ts';
import { ElementResizer } from './ElementResizer.tsx';
import type { ElementNode } from './elementNode.ts';
import { NoteTextEditor } from './NoteTextEditor.tsx';

/**
 * A bounded-context frame. Only its title bar and resize handles take the pointer, so people can
 * select, box-select and place notes inside it as on the bare canvas.
 */
export const FrameNode = memo(function FrameNode({ id, data, selected }: NodeProps<ElementNode>) {
  const editing = useUi((state) => state.editingId === id);
  const { element } = data;
  const info = KIND_INFO.boundedContext;
  return (
    <div className="frame" style={{ color: info.textColor }}>
      <ElementResizer id={id} visible={selected && !editing} minWidth={200} minHeight={150} />
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
