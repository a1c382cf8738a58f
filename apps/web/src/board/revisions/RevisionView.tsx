import { KIND_INFO } from '@squall/model';

interface FileElement {
  readonly id: string;
  readonly kind: keyof typeof KIND_INFO;
  readonly text: string;
  readonly position: { readonly x: number; readonly y: number };
  readonly size: { readonly width: number; readonly height: number };
}

const WIDTH = 700;

/**
 * A revision's board file drawn as a picture: its notes where they were, nothing editable, no store,
 * no sync. It is not the live board, so nothing done here can reach it.
 */
export function RevisionView({ name, fileText }: { readonly name: string; readonly fileText: string }) {
  const file = JSON.parse(fileText) as { readonly elements?: readonly FileElement[] };
  const elements = (file.elements ?? []).filter((element) => element.kind in KIND_INFO);
  const minX = Math.min(0, ...elements.map((e) => e.position.x));
  const minY = Math.min(0, ...elements.map((e) => e.position.y));
  const maxX = Math.max(1, ...elements.map((e) => e.position.x + e.size.width));
  const maxY = Math.max(1, ...elements.map((e) => e.position.y + e.size.height));
  const scale = WIDTH / (maxX - minX);
  // Contexts first, so the notes on them stay visible.
  const ordered = [...elements].sort(
    (a, b) => Number(b.kind === 'boundedContext') - Number(a.kind === 'boundedContext'),
  );
  return (
    <section className="revision-view" aria-label={`Revision ${name} (read-only)`}>
      <h3>“{name}” (read-only)</h3>
      <div className="revision-view__canvas" style={{ width: WIDTH, height: (maxY - minY) * scale }}>
        {ordered.map((element) => {
          const info = KIND_INFO[element.kind];
          return (
            <div
              key={element.id}
              className={`revision-view__note revision-view__note--${element.kind}`}
              role="img"
              aria-label={`${info.label}: ${element.text}`}
              style={{
                left: (element.position.x - minX) * scale,
                top: (element.position.y - minY) * scale,
                width: element.size.width * scale,
                height: element.size.height * scale,
                background: info.color,
                color: info.textColor,
              }}
            >
              {element.text}
            </div>
          );
        })}
      </div>
    </section>
  );
}
