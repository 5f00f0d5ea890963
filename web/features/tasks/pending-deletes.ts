import { useSyncExternalStore } from "react";
import { deleteTask } from "./api";

/**
 * Deletions waiting out their undo window. A task here is hidden from every list but still on the
 * server; Undo just takes it out again, so the task comes back exactly as it was (same id, same place).
 */
type Pending = { timer: ReturnType<typeof setTimeout>; commit: () => Promise<void> };

const pending = new Map<number, Pending>();
let snapshot: ReadonlySet<number> = new Set();
const listeners = new Set<() => void>();

function changed() {
  snapshot = new Set(pending.keys());
  listeners.forEach((listener) => listener());
}

export const UNDO_WINDOW_MS = 5000;

/** Hides task `id` now and deletes it on the server after the undo window. */
export function scheduleDelete(id: number, onDone: (error?: unknown) => void): void {
  const commit = async () => {
    clearTimeout(entry.timer);
    try {
      await deleteTask(id, { keepalive: true });
      onDone();
    } catch (error) {
      onDone(error);
    } finally {
      pending.delete(id);
      changed();
    }
  };
  const entry: Pending = { timer: setTimeout(commit, UNDO_WINDOW_MS), commit };
  pending.set(id, entry);
  changed();
}

/** Undo: the task was never deleted on the server, so showing it again restores it. */
export function cancelDelete(id: number): boolean {
  const entry = pending.get(id);
  if (!entry) return false;
  clearTimeout(entry.timer);
  pending.delete(id);
  changed();
  return true;
}

/** Sends every waiting deletion now (before signing out or leaving the page). */
export function flushDeletes(): Promise<void> {
  return Promise.all([...pending.values()].map((entry) => entry.commit())).then(() => undefined);
}

export function usePendingDeletes(): ReadonlySet<number> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
    () => snapshot,
  );
}

if (typeof window !== "undefined") {
  window.addEventListener("pagehide", () => void flushDeletes());
}
