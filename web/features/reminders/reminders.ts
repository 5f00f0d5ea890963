"use client";

import { useCallback, useEffect, useRef } from "react";
import { useNotices } from "@/components/ui/toast";
import { ApiError } from "@/lib/api";
import type { ReminderEvent } from "@/features/events/task-events";
import { getTask } from "@/features/tasks/api";
import { addDays, isoDate } from "@/features/tasks/due";
import { useEditTask } from "@/features/tasks/edit-task";
import { useUpdateTask } from "@/features/tasks/use-tasks";
import { showSystemNotification } from "./notifications";

/** When a reminder's task is due, in the browser's zone: "2:30 PM", "tomorrow 9:00 AM", "Dec 9, 9:00 AM". */
export function dueText(dueAt: string, now: Date = new Date()): string {
  const due = new Date(dueAt);
  const time = due.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
  const day = isoDate(due);
  if (day === isoDate(now)) return time;
  if (day === addDays(isoDate(now), 1)) return `tomorrow ${time}`;
  if (day === addDays(isoDate(now), -1)) return `yesterday ${time}`;
  return `${due.toLocaleDateString("en-US", { month: "short", day: "numeric" })}, ${time}`;
}

/** "⏰ Pay rent — due 2:30 PM". */
export function reminderMessage(reminder: ReminderEvent, now: Date = new Date()): string {
  return `⏰ ${reminder.title} — due ${dueText(reminder.dueAt, now)}`;
}

/**
 * Shows a reminder as a toast that stays until dismissed, with Open and Mark done, and as a system
 * notification when the browser allows it. A reminder delivered twice (events are at least once)
 * shows once.
 */
export function useShowReminder(): (reminder: ReminderEvent) => void {
  const { toast } = useNotices();
  const editTask = useEditTask();
  const update = useUpdateTask();
  const complete = useRef(update.mutate);
  useEffect(() => {
    complete.current = update.mutate;
  }, [update.mutate]);
  const shown = useRef(new Set<string>());

  return useCallback(
    (reminder: ReminderEvent) => {
      if (shown.current.has(reminder.id)) return;
      shown.current.add(reminder.id);
      const open = async () => {
        try {
          editTask(await getTask(reminder.taskId));
        } catch (error) {
          const gone = error instanceof ApiError && error.status === 404;
          toast({ tone: "error", message: gone ? `"${reminder.title}" no longer exists` : `Could not open "${reminder.title}": ${(error as Error).message}` });
        }
      };
      const message = reminderMessage(reminder);
      toast({
        message,
        durationMs: null,
        actions: [
          { label: "Open", onAction: () => void open() },
          { label: "Mark done", onAction: () => complete.current({ id: reminder.taskId, changes: { status: "done" }, title: reminder.title }) },
        ],
      });
      // The tag lets the system show one notification when several tabs receive the same reminder.
      showSystemNotification(`⏰ ${reminder.title}`, { body: `Due ${dueText(reminder.dueAt)}`, tag: `reminder-${reminder.id}`, onClick: () => void open() });
    },
    [toast, editTask],
  );
}
