import { type ExportOptions, exportDownload, type TopicProfile } from '@squall/model/export';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../../SessionContext.ts';
import { downloadBlob } from '../download.ts';
import { highlight, previewLanguage } from './highlight.ts';
import { useLiveExport } from './useLiveExport.ts';
import './contracts.css';

/** Contracts (TypeScript, JSON Schema, AsyncAPI, topics) or the services built on them (`--only services`). */
type ExportWhat = 'contracts' | 'services';

interface ContractsDialogProps {
  readonly boardName: string;
  readonly onClose: () => void;
}

const CodePreview = memo(function CodePreview({ path, contents }: { path: string; contents: string }) {
  const tokens = useMemo(() => highlight(contents, previewLanguage(path)), [path, contents]);
  return (
    <pre className="contracts__code">
      <code>
        {tokens.map((token, index) =>
          token.kind === 'plain' ? (
            token.text
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity beyond their place
            <span key={index} className={`tok-${token.kind}`}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
});

/**
 * "Export code": a live preview of every file the exporters generate from this board (TypeScript,
 * JSON Schema, AsyncAPI, Kafka topics, README; or the services built on them), the lint warnings that
 * shape them, copy and zip download.
 */
export default function ContractsDialog({ boardName, onClose }: ContractsDialogProps) {
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [org, setOrg] = useState('');
  const [profile, setProfile] = useState<TopicProfile>('prod');
  const [asyncApiScope, setAsyncApiScope] = useState<'context' | 'board'>('context');
  const [what, setWhat] = useState<ExportWhat>('contracts');
  const options = useMemo<ExportOptions>(
    () => ({
      boardName,
      profile,
      asyncApiScope,
      ...(org.trim() ? { org: org.trim() } : {}),
      ...(what === 'services' ? { only: ['services'] as const } : {}),
    }),
    [boardName, profile, asyncApiScope, org, what],
  );
  const live = useLiveExport(session.doc, options);
  const [selectedPath, setSelectedPath] = useState('README.md');
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const files = 'result' in live ? live.result.files : [];
  const selected = files.find((file) => file.path === selectedPath) ?? files[0];

  const copy = async () => {
    if (!selected) return;
    await navigator.clipboard.writeText(selected.contents);
    setCopied(true);
  };
  const download = () => {
    if (!('result' in live)) return;
    const zip = exportDownload(live.result, what === 'services' ? 'services' : 'zip', boardName);
    if (zip)
      downloadBlob(new Blob([zip.body as Uint8Array<ArrayBuffer>], { type: zip.mediaType }), zip.fileName);
  };

  return (
    <dialog ref={dialog} className="contracts" aria-labelledby="contracts-title" onClose={onClose}>
      <header className="contracts__header">
        <h2 id="contracts-title">Export code</h2>
        <label>
          Output
          <select value={what} onChange={(event) => setWhat(event.target.value as ExportWhat)}>
            <option value="contracts">contracts</option>
            <option value="services">services (event-sourced, on Kafka)</option>
          </select>
        </label>
        <label>
          Organisation
          <input
            value={org}
            placeholder="example"
            maxLength={60}
            onChange={(event) => setOrg(event.target.value)}
          />
        </label>
        <label>
          Topic profile
          <select value={profile} onChange={(event) => setProfile(event.target.value as TopicProfile)}>
            <option value="prod">prod (3 replicas)</option>
            <option value="dev">dev (1 replica)</option>
          </select>
        </label>
        <label>
          AsyncAPI
          <select
            value={asyncApiScope}
            onChange={(event) => setAsyncApiScope(event.target.value as 'context' | 'board')}
          >
            <option value="context">one per bounded context</option>
            <option value="board">one for the board</option>
          </select>
        </label>
        <button type="button" onClick={download} disabled={files.length === 0}>
          Download zip
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      {'error' in live ? (
        <p role="alert">{live.error}</p>
      ) : (
        <div className="contracts__body">
          <div
            className="contracts__files"
            role="tablist"
            aria-label="Generated files"
            aria-orientation="vertical"
          >
            {files.map((file) => (
              <button
                key={file.path}
                type="button"
                role="tab"
                aria-selected={file === selected}
                aria-controls="contracts-preview"
                onClick={() => {
                  setSelectedPath(file.path);
                  setCopied(false);
                }}
              >
                {file.path}
              </button>
            ))}
          </div>
          <section
            id="contracts-preview"
            role="tabpanel"
            className="contracts__preview"
            aria-label={selected?.path}
          >
            {selected && (
              <>
                <div className="contracts__preview-bar">
                  <span>{selected.path}</span>
                  <button type="button" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </button>
                </div>
                <CodePreview path={selected.path} contents={selected.contents} />
              </>
            )}
          </section>
        </div>
      )}
      {'result' in live && live.result.warnings.length > 0 && (
        <section className="contracts__warnings" aria-label="Warnings that affect the export">
          <h3>
            {live.result.warnings.length} {live.result.warnings.length === 1 ? 'warning' : 'warnings'}
          </h3>
          <ul>
            {live.result.warnings.map((warning) => (
              <li
                key={`${warning.code}:${warning.elementIds.join(',')}:${warning.message}`}
                data-severity={warning.severity}
              >
                <strong>{warning.severity}</strong> {warning.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </dialog>
  );
}
