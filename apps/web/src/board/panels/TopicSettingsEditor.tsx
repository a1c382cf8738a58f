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
  function problemWith(key: NumberKey, text: string, min: number): string | null {
    if (text.trim() === '') return null;
    const value = Number(text);
    if (!Number.isInteger(value)) return 'Enter a whole number, or leave it empty to inherit.';
    if (value < min) return key === 'retentionMs' ? 'Use -1 (keep forever) or more.' : `Use ${min} or more.`;
    return null;
  }
  function setNumber(key: NumberKey, text: string) {
    const next: { -readonly [K in keyof TopicSettings]: TopicSettings[K] } = { ...topic };
    if (text.trim() === '') delete next[key];
    else next[key] = Number(text);
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
          validate={(text) => problemWith(key, text, min)}
          onCommit={(text) => setNumber(key, text)}
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
