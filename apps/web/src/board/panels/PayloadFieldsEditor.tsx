import {
  addPayloadField,
  type BoardElement,
  FIELD_TYPE_KINDS,
  type FieldTypeKind,
  movePayloadField,
  type PayloadField,
  removePayloadField,
  SCALAR_FIELD_TYPES,
  type ScalarFieldType,
  updatePayloadField,
} from '@squall/model';
import { useSession, useView } from '../SessionContext.ts';
import { docOf } from '../workshop/drafts.ts';
import { CommitInput } from './CommitInput.tsx';
import { fieldTypeOfKind, parseEnumValues } from './fieldTypes.ts';

interface PayloadFieldsEditorProps {
  readonly element: Extract<BoardElement, { kind: 'domainEvent' | 'command' }>;
}

function nextFieldName(fields: readonly PayloadField[]): string {
  const names = new Set(fields.map((field) => field.name));
  let n = fields.length + 1;
  while (names.has(`field${n}`)) n++;
  return `field${n}`;
}

/** The payload of an event or command: add, edit, reorder and remove fields. */
export function PayloadFieldsEditor({ element }: PayloadFieldsEditorProps) {
  const session = useSession();
  const { origin } = session;
  const doc = docOf(session, element.id);
  const elements = useView((state) => state.elements);
  const update = (field: PayloadField, patch: Partial<Omit<PayloadField, 'id'>>) =>
    updatePayloadField(doc, element.id, field.id, patch, origin);
  const refTargets = [...elements.values()].filter(
    (other) => other.id !== element.id && ['domainEvent', 'command', 'readModel'].includes(other.kind),
  );

  return (
    <fieldset className="payload">
      <legend>Payload fields</legend>
      {element.fields.length === 0 && <p className="muted">No fields yet.</p>}
      <ol className="payload__list">
        {element.fields.map((field, index) => (
          <li key={field.id} className="payload__field" aria-label={`Field ${field.name}`}>
            <CommitInput
              aria-label="Field name"
              value={field.name}
              onCommit={(name) => name.trim() && update(field, { name: name.trim() })}
            />
            <select
              aria-label="Field type"
              value={field.type.kind}
              onChange={(event) =>
                update(field, { type: fieldTypeOfKind(event.target.value as FieldTypeKind, field.type) })
              }
            >
              {FIELD_TYPE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kind}
                </option>
              ))}
            </select>
            <label className="payload__required">
              <input
                type="checkbox"
                checked={field.required}
                onChange={(event) => update(field, { required: event.target.checked })}
              />
              Required
            </label>
            {field.type.kind === 'enum' && (
              <CommitInput
                aria-label="Enum values"
                placeholder="VALUE_A, VALUE_B"
                value={field.type.values.join(', ')}
                onCommit={(text) => update(field, { type: { kind: 'enum', values: parseEnumValues(text) } })}
              />
            )}
            {field.type.kind === 'array' && (
              <select
                aria-label="Item type"
                value={field.type.items.kind}
                onChange={(event) =>
                  update(field, {
                    type: { kind: 'array', items: { kind: event.target.value as ScalarFieldType } },
                  })
                }
              >
                {!(SCALAR_FIELD_TYPES as readonly string[]).includes(field.type.items.kind) && (
                  <option value={field.type.items.kind}>{field.type.items.kind}</option>
                )}
                {SCALAR_FIELD_TYPES.map((kind) => (
                  <option key={kind} value={kind}>
                    {kind}
                  </option>
                ))}
              </select>
            )}
            {field.type.kind === 'ref' && (
              <select
                aria-label="Referenced element"
                value={field.type.elementId}
                onChange={(event) => update(field, { type: { kind: 'ref', elementId: event.target.value } })}
              >
                <option value="">Choose…</option>
                {refTargets.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.text || other.id}
                  </option>
                ))}
              </select>
            )}
            {field.type.kind === 'object' && (
              <span className="muted">
                {field.type.fields.length} nested {field.type.fields.length === 1 ? 'field' : 'fields'}
              </span>
            )}
            <CommitInput
              aria-label="Field description"
              placeholder="Description"
              value={field.description ?? ''}
              onCommit={(description) => update(field, { description })}
            />
            <span className="payload__buttons">
              <button
                type="button"
                aria-label={`Move ${field.name} up`}
                disabled={index === 0}
                onClick={() => movePayloadField(doc, element.id, field.id, index - 1, origin)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${field.name} down`}
                disabled={index === element.fields.length - 1}
                onClick={() => movePayloadField(doc, element.id, field.id, index + 1, origin)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Remove ${field.name}`}
                onClick={() => removePayloadField(doc, element.id, field.id, origin)}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          addPayloadField(
            doc,
            element.id,
            { name: nextFieldName(element.fields), type: { kind: 'string' } },
            origin,
          )
        }
      >
        Add field
      </button>
    </fieldset>
  );
}
