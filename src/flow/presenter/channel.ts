/**
 * The transport under presenter sync: a BroadcastChannel in the browser, an in-memory pair in
 * tests. Messages that fail the protocol's checks never reach the machine.
 */
import { isSyncMessage } from './protocol.ts';
import type { SyncMessage } from './protocol.ts';

export interface SyncChannel {
  post(message: SyncMessage): void;
  /** Returns the unsubscribe function. */
  listen(handler: (message: SyncMessage) => void): () => void;
  close(): void;
}

/** A BroadcastChannel (same origin, other windows and tabs; never this window itself). */
export function broadcastChannel(name: string): SyncChannel {
  const channel = new BroadcastChannel(name);
  const handlers = new Set<(message: SyncMessage) => void>();
  channel.onmessage = (e: MessageEvent<unknown>) => {
    if (!isSyncMessage(e.data)) return;
    for (const h of handlers) h(e.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    listen: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    close: () => {
      handlers.clear();
      channel.close();
    },
  };
}

/** Channels that deliver to every other member, synchronously and in order (tests). */
export function memoryHub(): { join(): SyncChannel; readonly log: SyncMessage[] } {
  const members = new Set<Set<(m: SyncMessage) => void>>();
  const log: SyncMessage[] = [];
  return {
    log,
    join: () => {
      const mine = new Set<(m: SyncMessage) => void>();
      members.add(mine);
      return {
        post: (message) => {
          // Structured clone, as BroadcastChannel does: receivers never share the sender's objects.
          const copy: unknown = JSON.parse(JSON.stringify(message));
          log.push(message);
          for (const m of members) if (m !== mine && isSyncMessage(copy)) for (const h of m) h(copy);
        },
        listen: (handler) => {
          mine.add(handler);
          return () => mine.delete(handler);
        },
        close: () => {
          mine.clear();
          members.delete(mine);
        },
      };
    },
  };
}
