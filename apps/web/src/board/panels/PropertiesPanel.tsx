import {
  type BoardElement,
  boardMaps,
  ELEMENT_KINDS,
  type ElementKind,
  type ElementPatch,
  hasPayload,
  KIND_INFO,
  readLevel,
  setWorkshopLevel,
  updateElement,
  WORKSHOP_LEVELS,
  type WorkshopLevel,
} from '@squall/model';
import { useEffect, useState } from 'react';
import { deleteSelection, duplicateSelection, reorderSelection } from '../editing/actions.ts';
import { storedUserName } from '../presence/localPresence.ts';
import { useSession, useView } from '../SessionContext.ts';
import type { BoardSession } from '../session.ts';
import { docOf } from '../workshop/drafts.ts';
import { CommitField } from './CommitInput.tsx';
import { PayloadFieldsEditor } from './PayloadFieldsEditor.tsx';
import { TopicSettingsEditor } from './TopicSettingsEditor.tsx';

const LEVEL_LABELS: Record<WorkshopLevel, string> = {
  bigPicture: 'Big Picture',
  process: 'Process level',
  design: 'Software design level',
};

function SelectionActions({ session }: { readonly session: BoardSession }) {
  return (
    <div className="properties__actions">
      <button type="button" onClick={() => reorderSelection(session, 'front')}>
        Bring to front
      </button>
      <button type="button" onClick={() => reorderSelection(session, 'back')}>
        Send to back
      </button>
      <button type="button" onClick={() => duplicateSelection(session)}>
        Duplicate
      </button>
      <button type="button" className="danger" onClick={() => deleteSelection(session)}>
        Delete
      </button>
    </div>
  );
}

function ElementProperties({ element }: { readonly element: BoardElement }) {
  const session = useSession();
  const patch = (change: ElementPatch) =>
    updateElement(docOf(session, element.id), element.id, change, session.origin);
  return (
    <>
      <h2>{KIND_INFO[element.kind].label}</h2>
      <label>
        Text
        {/* Written as people type (a minimal Y.Text edit), like the note editor, so a colleague typing
            into the same note at the same time merges instead of being overwritten on blur. */}
        <textarea value={element.text} rows={3} onChange={(event) => patch({ text: event.target.value })} />
      </label>
      <label>
        Kind
        <select value={element.kind} onChange={(event) => patch({ kind: event.target.value as ElementKind })}>
          {ELEMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_INFO[kind].label}
            </option>
          ))}
        </select>
      </label>
      <CommitField
        label="Code name"
        value={element.codeName}
        placeholder="derived from the text"
        onCommit={(codeName) => patch({ codeName: codeName.trim() })}
      />
      {element.kind === 'domainEvent' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={element.pivotal === true}
            onChange={(event) => patch({ pivotal: event.target.checked })}
          />
          Pivotal event
        </label>
      )}
      {element.kind === 'aggregate' && (
        <CommitField
          label="Key field"
          value={element.keyField}
          placeholder="<aggregate>Id"
          onCommit={(keyField) => patch({ keyField: keyField.trim() })}
        />
      )}
      {element.kind === 'boundedContext' && (
        <CommitField
          label="Topic prefix"
          value={element.topicPrefix}
          placeholder="derived from the name"
          onCommit={(topicPrefix) => patch({ topicPrefix: topicPrefix.trim() })}
        />
      )}
      {(element.kind === 'aggregate' || element.kind === 'boundedContext') && (
        <TopicSettingsEditor
          topic={element.topic}
          withStateTopic={element.kind === 'aggregate'}
          onChange={(topic) => patch({ topic })}
        />
      )}
      {hasPayload(element.kind) && (element.kind === 'domainEvent' || element.kind === 'command') && (
        <PayloadFieldsEditor element={element} />
      )}
      <SelectionActions session={session} />
    </>
  );
}

function BoardProperties() {
  const session = useSession();
  const [level, setLevel] = useState<WorkshopLevel>(() => readLevel(session.doc));
  const [userName, setUserName] = useState(() => storedUserName(session.awareness.clientID));
  useEffect(() => {
    const { meta } = boardMaps(session.doc);
    const onChange = () => setLevel(readLevel(session.doc));
    meta.observe(onChange);
    return () => meta.unobserve(onChange);
  }, [session]);
  return (
    <>
      <h2>Board</h2>
      <label>
        Workshop level
        <select
          value={level}
          onChange={(event) =>
            setWorkshopLevel(session.doc, event.target.value as WorkshopLevel, session.origin)
          }
        >
          {WORKSHOP_LEVELS.map((value) => (
            <option key={value} value={value}>
              {LEVEL_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <CommitField
        label="Your name"
        value={userName}
        maxLength={40}
        onCommit={(name) => {
          session.presence.setName(name);
          setUserName(storedUserName(session.awareness.clientID));
        }}
      />
      <p className="muted">Select a note to edit its properties. Double-click the canvas to add a note.</p>
    </>
  );
}

/** Properties of the selection: text, kind, code name, payload, aggregate key and topic settings. */
export function PropertiesPanel() {
  const session = useSession();
  const selectedIds = useView((state) => state.selectedIds);
  const elements = useView((state) => state.elements);
  const single = selectedIds.size === 1 ? elements.get([...selectedIds][0]!) : undefined;
  return (
    <aside className="properties" aria-label="Properties">
      {single ? (
        <ElementProperties key={single.id} element={single} />
      ) : selectedIds.size > 1 ? (
        <>
          <h2>{selectedIds.size} elements selected</h2>
          <SelectionActions session={session} />
        </>
      ) : (
        <BoardProperties />
      )}
    </aside>
  );
}
