import type { TopicSettings } from '@squall/model';
import { CommitField } from './CommitInput.tsx';

interface TopicSettingsEditorProps {
  readonly topic: TopicSettings;
  /** Aggregates may also publish a compacted state topic. */
  readonly withStateTopic: boolean;
  readonly onChange: (topic: TopicSettings) => void;
}

type NumberKey = 'partitions' | 'replicationFactor' | 'retentionMs';

const NUMBERS: ReadonlyArray<{ key: NumberKey; label: string; min: number; hint: string }> = [
  { key: 'partitions', label: 'Partitions', min: 1, hint: 'inherited' },
  { key: 'replicationFactor', label: 'Replication factor', min: 1, hint: 'inherited' },
  { key: 'retentionMs', label: 'Retention (ms)', min: -1, hint: 'inherited; -1 keeps forever' },
];

/** Kafka topic settings; an empty box means "inherit" (aggregate ← context ← exporter profile). */
export function TopicSettingsEditor({ topic, withStateTopic, onChange }: TopicSettingsEditorProps) {
  function setNumber(key: NumberKey, text: string, min: number) {
    const next: { -readonly [K in keyof TopicSettings]: TopicSettings[K] } = { ...topic };
    const value = Number(text);
    if (text.trim() === '') delete next[key];
    else if (Number.isInteger(value) && value >= min) next[key] = value;
    else return;
    onChange(next);
  }
  return (
    <fieldset className="topic">
      <legend>Topic settings</legend>
      {NUMBERS.map(({ key, label, min, hint }) => (
        <CommitField
          key={key}
          label={label}
          inputMode="numeric"
          placeholder={hint}
          value={topic[key]?.toString() ?? ''}
          onCommit={(text) => setNumber(key, text, min)}
        />
      ))}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={topic.compaction ?? false}
          onChange={(event) => onChange({ ...topic, compaction: event.target.checked })}
        />
        Compacted topic
      </label>
      {withStateTopic && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={topic.stateTopic ?? false}
            onChange={(event) => onChange({ ...topic, stateTopic: event.target.checked })}
          />
          Publish a state topic
        </label>
      )}
    </fieldset>
  );
}
