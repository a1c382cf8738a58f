import * as Y from 'yjs';
import bankingPayments from '../../examples/banking-payments.squall.json' with { type: 'json' };
import containerShipping from '../../examples/container-shipping.squall.json' with { type: 'json' };
import { readBoard } from '../doc/read.ts';
import { createElement, setWorkshopLevel } from '../doc/write.ts';
import type { BoardSnapshot } from '../elements.ts';
import { parseBoardFile } from '../file/parse.ts';
import { KIND_INFO } from '../kinds.ts';
import type { BoardTemplate } from './template-list.ts';

export type TemplateContent = Pick<BoardSnapshot, 'level' | 'elements' | 'connections'>;

const LANE_WIDTH = 3200;

/**
 * The Big Picture wall: a legend, the timeline (with its arrow) where the events go, and a lane for each
 * later Big Picture step. Lanes are swimlanes (bands behind the notes), so the template adds nothing to
 * what the board exports.
 */
function bigPictureWall(): TemplateContent {
  const doc = new Y.Doc();
  const origin = 'template';
  setWorkshopLevel(doc, 'bigPicture', origin);
  const legend = (['domainEvent', 'hotspot', 'actor', 'externalSystem', 'opportunity'] as const)
    .map((kind) => `${KIND_INFO[kind].label}: ${KIND_INFO[kind].meaning.toLowerCase()}`)
    .join('\n');
  const lanes: Array<[string, number]> = [
    [`Timeline: domain events, in the order they happen ${'─'.repeat(40)}▶`, 360],
    ['People and systems: who makes things happen, and which systems are involved', 240],
    ['Problems and opportunities: hotspots and ideas, next to where they happen', 240],
    ['Pick your problem: the hotspots and opportunities the group votes to tackle', 200],
  ];
  createElement(
    doc,
    {
      kind: 'swimlane',
      text: `Legend\n${legend}\nTime flows from left to right.`,
      position: { x: -640, y: 0 },
      size: { width: 600, height: 1100 },
    },
    origin,
  );
  let y = 0;
  for (const [text, height] of lanes) {
    createElement(
      doc,
      { kind: 'swimlane', text, position: { x: 0, y }, size: { width: LANE_WIDTH, height } },
      origin,
    );
    y += height + 20;
  }
  const { level, elements, connections } = readBoard(doc);
  doc.destroy();
  return { level, elements, connections };
}

function example(file: unknown): TemplateContent {
  const parsed = parseBoardFile(file);
  if (!parsed.ok) throw new Error(`a shipped example board is invalid: ${parsed.errors[0]?.message}`);
  return parsed.file;
}

/** What a new board made from `template` holds (`undefined`: nothing, the empty board). */
export function templateBoard(template: BoardTemplate): TemplateContent | undefined {
  switch (template) {
    case 'empty':
      return undefined;
    case 'bigPicture':
      return bigPictureWall();
    case 'bankingPayments':
      return example(bankingPayments);
    case 'containerShipping':
      return example(containerShipping);
  }
}
