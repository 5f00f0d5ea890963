"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { ApiError } from "@/lib/api";
import { absoluteTime, describeEntry, whenLabel, type TaskHistory } from "./activity";
import { getTaskHistory } from "./api";
import { taskKeys } from "./use-tasks";
import type { Task } from "./types";

/**
 * The history of one task, fetched when first shown and again each time it is shown (an event for
 * the task, from here or elsewhere, fetches it again while it is open: see applyTaskEvent).
 */
export function useTaskHistory(taskId: number) {
  return useQuery({
    queryKey: taskKeys.history(taskId),
    queryFn: async ({ signal }): Promise<TaskHistory> => {
      try {
        return await getTaskHistory(taskId, signal);
      } catch (error) {
        // The server answers 404 for a task of the user's with nothing recorded yet (one from before
        // the history was kept): for a task the user is looking at, that is no activity.
        if (error instanceof ApiError && error.status === 404) return { history: [] };
        throw error;
      }
    },
    staleTime: 0,
  });
}

/** "Activity": a disclosure under the task's form listing what happened to it, newest first. */
export function TaskActivity({ task }: { task: Pick<Task, "id" | "title"> }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <section className="flex flex-col gap-2 border-t border-border pt-3">
      <h3 className="text-sm font-semibold">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((shown) => !shown)}
          className="flex min-h-6 items-center gap-1.5 rounded hover:text-accent"
        >
          <span aria-hidden="true" className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>
            ▸
          </span>
          Activity
        </button>
      </h3>
      <div id={panelId} hidden={!open}>
        {open && <ActivityList task={task} />}
      </div>
    </section>
  );
}

function ActivityList({ task }: { task: Pick<Task, "id" | "title"> }) {
  const history = useTaskHistory(task.id);
  if (history.isPending) {
    return (
      <p role="status" className="text-sm text-muted">
        Loading activity…
      </p>
    );
  }
  if (history.isError) {
    return <ErrorState message={`Could not load the activity: ${history.error.message}`} onRetry={() => void history.refetch()} />;
  }
  const entries = history.data.history;
  if (entries.length === 0) return <p className="text-sm text-muted">No activity yet</p>;
  const now = new Date();
  return (
    <ol aria-label={`Activity of ${task.title}, newest first`} className="flex flex-col gap-1.5 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="activity-entry" className="flex flex-wrap gap-x-2">
          <span>{describeEntry(entry)}</span>
          <span aria-hidden="true" className="text-muted">
            ·
          </span>
          <time dateTime={entry.timestamp} title={absoluteTime(entry.timestamp)} className="text-muted">
            {whenLabel(entry.timestamp, now)}
          </time>
        </li>
      ))}
    </ol>
  );
}
