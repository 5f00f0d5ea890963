"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { taskKeys } from "@/features/tasks/use-tasks";
import type { TaskPage } from "@/features/tasks/types";
import { followTaskEvents, type ReminderEvent, type TaskEvent } from "./task-events";

/**
 * Brings a change made elsewhere (another tab or device, the assistant, an MCP client, a repeat) into
 * the cached lists: a changed task is replaced where it shows, a deleted one leaves, and the lists are
 * fetched again since a change may move a task between views. While this tab has a change of its own
 * in flight nothing is touched: its optimistic lists stand, and it fetches every list when it settles.
 */
export function applyTaskEvent(queryClient: QueryClient, event: TaskEvent): void {
  const { taskId, task } = event.data;
  // The task's activity, if it is open, gains a line; it is no list, so a change in flight does not matter.
  void queryClient.invalidateQueries({ queryKey: taskKeys.history(taskId) });
  if (queryClient.isMutating() > 0) return;
  for (const [key, page] of queryClient.getQueriesData<TaskPage>({ queryKey: taskKeys.all })) {
    if (!page?.tasks.some((t) => t.id === taskId)) continue;
    const tasks = event.type === "TaskDeleted" || !task ? page.tasks.filter((t) => t.id !== taskId) : page.tasks.map((t) => (t.id === taskId ? task : t));
    queryClient.setQueryData<TaskPage>(key, { ...page, tasks, total: page.total - (page.tasks.length - tasks.length) });
  }
  void queryClient.invalidateQueries({ queryKey: taskKeys.all });
}

/**
 * Keeps one event stream open for the signed-in user while mounted (the signed-in shell mounts it
 * once per tab); it closes when the user signs out or changes, and reconnects quietly otherwise.
 */
export function useTaskEvents(userId: string, onReminder: (reminder: ReminderEvent) => void): void {
  const queryClient = useQueryClient();
  const reminderHandler = useRef(onReminder);
  useEffect(() => {
    reminderHandler.current = onReminder;
  }, [onReminder]);

  useEffect(() => {
    const stop = new AbortController();
    void followTaskEvents({
      signal: stop.signal,
      onTask: (event) => applyTaskEvent(queryClient, event),
      onReminder: (reminder) => reminderHandler.current(reminder),
      // The server replays from Last-Event-ID; fetching the lists again covers a gap it could not fill.
      onConnected: (resumed) => {
        if (resumed) void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      },
    });
    return () => stop.abort();
  }, [userId, queryClient]);
}
