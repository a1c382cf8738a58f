import { BaseEdge, type EdgeProps, type InternalNode, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import { connectionPath } from './connectionPath.ts';
import type { Box } from './edgeSides.ts';
import type { ConnectionEdge, ElementNode } from './elementNode.ts';

function boxOf(node: InternalNode<ElementNode>): Box {
  const { x, y } = node.internals.positionAbsolute;
  const { size } = node.data.element;
  return { x, y, width: node.measured.width ?? size.width, height: node.measured.height ?? size.height };
}

/**
 * A connection drawn between the sides of its two elements that face each other, not from fixed
 * handles. It reads both nodes from React Flow's store, so the arrow follows every move as it is
 * drawn: a local drag, a colleague's live drag, an undo. Memoised: it renders again only when one of
 * its two nodes or its own props change.
 */
export const ConnectionArrow = memo(function ConnectionArrow({
  id,
  source,
  target,
  label,
  labelStyle,
  labelShowBg,
  labelBgStyle,
  labelBgPadding,
  labelBgBorderRadius,
  style,
  markerEnd,
  markerStart,
  interactionWidth,
}: EdgeProps<ConnectionEdge>) {
  const sourceNode = useInternalNode<ElementNode>(source);
  const targetNode = useInternalNode<ElementNode>(target);
  if (!sourceNode || !targetNode) return null;
  const { path, labelX, labelY } = connectionPath(boxOf(sourceNode), boxOf(targetNode));
  return (
    <BaseEdge
      id={id}
      path={path}
      labelX={labelX}
      labelY={labelY}
      label={label}
      labelStyle={labelStyle}
      labelShowBg={labelShowBg}
      labelBgStyle={labelBgStyle}
      labelBgPadding={labelBgPadding}
      labelBgBorderRadius={labelBgBorderRadius}
      style={style}
      markerEnd={markerEnd}
      markerStart={markerStart}
      interactionWidth={interactionWidth}
    />
  );
});
