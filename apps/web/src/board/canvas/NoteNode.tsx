import { KIND_INFO } from '@squall/model';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useChangeMark } from '../revisions/comparison.ts';
import { useUi } from '../SessionContext.ts';
import { DraftBadge } from '../workshop/DraftBadge.tsx';
import { NoteVotes } from '../workshop/NoteVotes.tsx';
import { ElementResizer } from './ElementResizer.tsx';
import type { ElementNode } from './elementNode.ts';
import { fitFontSize } from './fitFontSize.ts';
import { NoteTextEditor } from './NoteTextEditor.tsx';

/** A sticky note of any kind but the bounded context. Memoised: it renders again only when its node object changes. */
export const NoteNode = memo(function NoteNode({
  id,
  data,
  selected,
  width,
  height,
}: NodeProps<ElementNode>) {
  const editing = useUi((state) => state.editingId === id);
  const change = useChangeMark(id);
  const { element } = data;
  const info = KIND_INFO[element.kind];
  const w = width ?? element.size.width;
  const h = height ?? element.size.height;
  const fontSize = fitFontSize(element.text, w, h);
  return (
    <div
      className={`${
        element.kind === 'domainEvent' && element.pivotal
          ? 'note note--domainEvent note--pivotal'
          : `note note--${element.kind}`
      }${data.draft ? ' note--draft' : ''}${change ? ` note--change-${change}` : ''}`}
      data-change={change}
      style={{ background: info.color, color: info.textColor }}
      data-kind={element.kind}
    >
      {info.resizable && (
        <ElementResizer id={id} visible={selected && !editing} minWidth={120} minHeight={100} />
      )}
      {editing ? (
        <NoteTextEditor id={id} text={element.text} fontSize={fontSize} label={info.label} />
      ) : (
        <div className="note__text" style={{ fontSize }}>
          {element.text}
        </div>
      )}
      {/* A connection starts and ends on any side; where it is drawn is ConnectionArrow's choice. */}
      <Handle type="source" id="top" position={Position.Top} className="note__handle" />
      <Handle type="source" id="right" position={Position.Right} className="note__handle" />
      <Handle type="source" id="bottom" position={Position.Bottom} className="note__handle" />
      <Handle type="source" id="left" position={Position.Left} className="note__handle" />
      {data.draft ? <DraftBadge id={id} /> : <NoteVotes id={id} kind={element.kind} />}
    </div>
  );
});
