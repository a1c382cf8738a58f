import { KIND_INFO } from '@squall/model';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useUi } from '../SessionContext.ts';
import { DraftBadge } from '../workshop/DraftBadge.tsx';
import { NoteVotes } from '../workshop/NoteVotes.tsx';
import { ElementResizer } from './ElementResizer.tsx';
import type { ElementNode } from './elementNode.ts';
import { NoteTextEditor } from './NoteTextEditor.tsx';

/**
 * A bounded-context frame or a swimlane (a horizontal band, its name on the left). Only its title and
 * resize handles take the pointer, so people can select, box-select and place notes inside it as on
 * the bare canvas.
 */
export const FrameNode = memo(function FrameNode({ id, data, selected }: NodeProps<ElementNode>) {
  const editing = useUi((state) => state.editingId === id);
  const { element } = data;
  const lane = element.kind === 'swimlane';
  const info = KIND_INFO[element.kind];
  return (
    <div
      className={`${lane ? 'frame frame--swimlane' : 'frame'}${data.draft ? ' frame--draft' : ''}`}
      style={{ color: info.textColor }}
      data-kind={element.kind}
    >
      <ElementResizer
        id={id}
        visible={selected && !editing}
        minWidth={lane ? 400 : 200}
        minHeight={lane ? 80 : 150}
      />
      <div className="frame__title">
        {editing ? (
          <NoteTextEditor id={id} text={element.text} fontSize={16} label={info.label} />
        ) : (
          element.text || (
            <span className="frame__placeholder">{lane ? 'Name this lane' : 'Name this context'}</span>
          )
        )}
        {data.draft ? <DraftBadge id={id} /> : <NoteVotes id={id} kind={element.kind} />}
      </div>
    </div>
  );
});
