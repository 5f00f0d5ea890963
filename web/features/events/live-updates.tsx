"use client";

import { useShowReminder } from "@/features/reminders/reminders";
import { useTaskEvents } from "./use-task-events";

/** The signed-in user's event stream: other clients' changes show at once, reminders pop up. Renders nothing. */
export function LiveUpdates({ userId }: { userId: string }) {
  useTaskEvents(userId, useShowReminder());
  return null;
}
