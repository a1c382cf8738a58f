import {
  type BoardElement,
  type BoardSnapshot,
  checkConnection,
  isFrameKind,
  KIND_INFO,
} from '@squall/model';
import { connectionPath } from '../canvas/connectionPath.ts';
import type { Box } from '../canvas/edgeSides.ts';

const MARGIN = 40;
/** The canvas's colours for an arrow the grammar refuses and for a pivotal event. */
const ILLEGAL = '#c62828';
const PIVOTAL = '#7c2d12';
const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", sans-serif';

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

function boxOf(element: BoardElement): Box {
  return { ...element.position, ...element.size };
}

/** Breaks a note's text into lines that fit its width (wide characters count double). */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(4, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/(\s+)/)) {
      const size = [...word].reduce((sum, c) => sum + (c.codePointAt(0)! >= 0x1100 ? 2 : 1), 0);
      if (used + size > perLine && line.trim()) {
        lines.push(line.trim());
        line = '';
        used = 0;
      }
      line += word;
      used += size;
    }
    lines.push(line.trim());
  }
  return lines;
}

/**
 * The board (or some of its elements) as a standalone SVG: swimlanes, frames, connections (with their
 * labels; illegal ones marked), pivotal events' phase lines and sticky notes in paint order, with real
 * text so it stays searchable and sharp at any size.
 */
export function boardSvg(board: BoardSnapshot, onlyIds?: ReadonlySet<string>): string {
  const elements = board.elements.filter((element) => !onlyIds || onlyIds.has(element.id));
  const byId = new Map(elements.map((element) => [element.id, element]));
  if (elements.length === 0) {
    return '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="200" height="100" fill="#ffffff"/></svg>';
  }
  const minX = Math.min(...elements.map((e) => e.position.x)) - MARGIN;
  const minY = Math.min(...elements.map((e) => e.position.y)) - MARGIN;
  const maxX = Math.max(...elements.map((e) => e.position.x + e.size.width)) + MARGIN;
  const maxY = Math.max(...elements.map((e) => e.position.y + e.size.height)) + MARGIN;
  const width = Math.ceil(maxX - minX);
  const height = Math.ceil(maxY - minY);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family='${FONT}'>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#4b5563"/></marker><marker id="arrow-illegal" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${ILLEGAL}"/></marker></defs>`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  const lanes = elements.filter((element) => element.kind === 'swimlane');
  const frames = elements.filter((element) => element.kind === 'boundedContext');
  const notes = elements.filter((element) => !isFrameKind(element.kind));
  for (const lane of lanes) {
    const { x, y } = lane.position;
    const info = KIND_INFO.swimlane;
    parts.push(
      `<g><title>${escapeXml(`${info.label}: ${lane.text}`)}</title>`,
      `<rect x="${x}" y="${y}" width="${lane.size.width}" height="${lane.size.height}" fill="${info.color}" fill-opacity="0.75" stroke="#d6cfbd"/>`,
      `<rect x="${x}" y="${y}" width="6" height="${lane.size.height}" fill="#b8ad8f"/>`,
      `<text x="${x + 18}" y="${y + 28}" font-size="18" font-weight="600" fill="${info.textColor}">${escapeXml(lane.text)}</text></g>`,
    );
  }
  for (const frame of frames) {
    const { x, y } = frame.position;
    parts.push(
      `<g><title>${escapeXml(`${KIND_INFO[frame.kind].label}: ${frame.text}`)}</title>`,
      `<rect x="${x}" y="${y}" width="${frame.size.width}" height="${frame.size.height}" fill="${KIND_INFO.boundedContext.color}" fill-opacity="0.6" stroke="#64748b" stroke-width="2" stroke-dasharray="8 6"/>`,
      `<text x="${x + 16}" y="${y + 28}" font-size="18" font-weight="600" fill="${KIND_INFO.boundedContext.textColor}">${escapeXml(frame.text)}</text></g>`,
    );
  }
  for (const connection of board.connections) {
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    if (!source || !target) continue;
    // The same curve between the same sides as on the canvas; arrows the grammar refuses are marked
    // as the canvas marks them (red, dashed), with the reason as their tooltip.
    const { path, labelX, labelY } = connectionPath(boxOf(source), boxOf(target));
    const check = checkConnection(source.kind, target.kind);
    if (check.legal) {
      parts.push(
        `<path d="${path}" fill="none" stroke="#4b5563" stroke-width="2" marker-end="url(#arrow)"/>`,
      );
    } else {
      parts.push(
        `<g class="illegal"><title>${escapeXml(`Illegal connection: ${check.reason}`)}</title>`,
        `<path d="${path}" fill="none" stroke="${ILLEGAL}" stroke-width="2" stroke-dasharray="6 4" marker-end="url(#arrow-illegal)"/></g>`,
      );
    }
    if (connection.label) {
      const width = connection.label.length * 7 + 12;
      parts.push(
        `<g><rect x="${labelX - width / 2}" y="${labelY - 11}" width="${width}" height="22" rx="4" fill="#ffffff" fill-opacity="0.9"/>`,
        `<text x="${labelX}" y="${labelY}" font-size="12" fill="#1f2937" text-anchor="middle" dominant-baseline="middle">${escapeXml(connection.label)}</text></g>`,
      );
    }
  }
  const top = minY + MARGIN / 2;
  for (const note of notes) {
    if (note.kind !== 'domainEvent' || !note.pivotal) continue;
    const x = note.position.x + note.size.width / 2;
    parts.push(
      `<g><title>${escapeXml(`Phase border: ${note.text}`)}</title>`,
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${minY + height - MARGIN / 2}" stroke="${PIVOTAL}" stroke-opacity="0.75" stroke-width="4"/></g>`,
    );
  }
  for (const note of notes) {
    const info = KIND_INFO[note.kind];
    const { x, y } = note.position;
    const { width: w, height: h } = note.size;
    const fontSize = 16;
    const lines = wrapText(note.text, w - 20, fontSize);
    const top = y + h / 2 - ((lines.length - 1) * fontSize * 1.2) / 2;
    const tilt = note.kind === 'hotspot' ? ` transform="rotate(-4 ${x + w / 2} ${y + h / 2})"` : '';
    parts.push(
      `<g${tilt}><title>${escapeXml(`${info.label}: ${note.text}`)}</title>`,
      note.kind === 'domainEvent' && note.pivotal
        ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="${info.color}" stroke="${PIVOTAL}" stroke-width="6"/>`
        : `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="${info.color}" stroke="rgba(0,0,0,0.15)"/>`,
      `<text x="${x + w / 2}" y="${top}" font-size="${fontSize}" fill="${info.textColor}" text-anchor="middle" dominant-baseline="middle">`,
      ...lines.map(
        (line, i) =>
          `<tspan x="${x + w / 2}" dy="${i === 0 ? 0 : fontSize * 1.2}">${escapeXml(line)}</tspan>`,
      ),
      '</text></g>',
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
