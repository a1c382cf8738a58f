import { updateElement } from '@squall/model';
import { NodeResizer } from '@xyflow/react';
import { useSession } from '../SessionContext.ts';
import { docOf } from '../workshop/drafts.ts';

/** Resize handles that write the new box to the document once, when the resize ends (one undo step). */
export function ElementResizer({
  id,
  visible,
  minWidth,
  minHeight,
}: {
  readonly id: string;
  readonly visible: boolean;
  readonly minWidth: number;
  readonly minHeight: number;
}) {
  const session = useSession();
  return (
    <NodeResizer
      isVisible={visible}
      minWidth={minWidth}
      minHeight={minHeight}
      onResizeEnd={(_, box) =>
        updateElement(
          docOf(session, id),
          id,
          { position: { x: box.x, y: box.y }, size: { width: box.width, height: box.height } },
          session.origin,
        )
      }
    />
  );
}
