/**
 * Says what the storage module found (issue 14): a record that could not be read was set aside
 * (recover it into drafts, download it, or discard it), or the browser refuses to save.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { AppStorage, SetAsideRecord } from '../../store/storage/index.ts';
import { download } from '../share/share-actions.ts';
import './storage.css';

export interface StorageNoticeProps {
  readonly storage: AppStorage;
  /** Recovers a set-aside record's programs (the lab opens them as drafts); absent: link to the lab. */
  readonly recover?: (record: SetAsideRecord) => string | undefined;
  /** The work on screen, to download when saving fails. */
  readonly current?: () => { readonly name: string; readonly text: string };
}

const fileName = (r: SetAsideRecord): string => `${r.key.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.txt`;

export function StorageNotice({ storage, recover, current }: StorageNoticeProps) {
  const setAside = useStore(storage.status, (s) => s.setAside);
  const problems = useStore(storage.status, (s) => s.problems);
  const writeFailure = useStore(storage.status, (s) => s.writeFailure);
  const [recovered, setRecovered] = useState<Readonly<Record<string, string>>>({});
  if (setAside.length === 0 && writeFailure === undefined) return null;
  return (
    <div className="storage-notices" data-testid="storage-notices">
      {writeFailure !== undefined && (
        <p className="storage-notice storage-warning" role="alert" data-testid="storage-write-failure">
          <span aria-hidden="true">⚠ </span>
          Your changes are not being saved: {writeFailure}. Keep this page open, or download your work.
          {current !== undefined && (
            <button
              type="button"
              onClick={() => {
                const c = current();
                download(c.name, new Blob([c.text], { type: 'text/plain' }));
              }}
            >
              Download
            </button>
          )}
        </p>
      )}
      {setAside.map((r) => (
        <p key={r.key} className="storage-notice" role="alert" data-testid="storage-set-aside">
          <span aria-hidden="true">⚠ </span>
          {recovered[r.key] !== undefined
            ? `Recovered into “${recovered[r.key]}”. The unreadable copy is still kept.`
            : `Saved data (${r.what}) could not be read, so it was set aside, not deleted.`}
          {recovered[r.key] === undefined && problems.length > 0 && (
            <span className="muted"> {problems.join(' ')}</span>
          )}
          {recover !== undefined && recovered[r.key] === undefined && (
            <button
              type="button"
              onClick={() => {
                const name = recover(r);
                if (name !== undefined) setRecovered((m) => ({ ...m, [r.key]: name }));
              }}
            >
              Recover
            </button>
          )}
          {recover === undefined && <a href="?mode=lab">Recover in the lab</a>}
          <button type="button" onClick={() => download(fileName(r), new Blob([r.text], { type: 'text/plain' }))}>
            Download
          </button>
          <button type="button" onClick={() => storage.discardSetAside(r.key)}>
            Discard
          </button>
        </p>
      ))}
    </div>
  );
}
