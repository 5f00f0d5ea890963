export type Status = "pending" | "in_progress" | "done";
export type Priority = "low" | "medium" | "high";
/** Where the next occurrence of a repeating task is counted from. */
export type RecurFrom = "due" | "completion";

/** A task as the API sends it. */
export type Task = {
  id: number;
  userId: string;
  title: string;
  description: string | null;
  status: Status;
  priority: Priority;
  dueDate: string | null;
  /** "HH:mm" in the user's time zone; only with a dueDate. */
  dueTime: string | null;
  /** Minutes before the due moment (dueDate at dueTime, 09:00 without one) that the reminder fires; 0 = at it. */
  reminderMinutesBefore: number | null;
  /** When the reminder fires (ISO instant, set by the server), or null. */
  remindAt: string | null;
  /** A canonical RRULE such as "FREQ=WEEKLY;BYDAY=MO,WE", or null for a one-off task. */
  recurrence: string | null;
  recurFrom: RecurFrom;
  tags: string[];
  position: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
};

export type TaskPage = { tasks: Task[]; total: number; page: number; limit: number };

/**
 * What a create or update may send; `null` clears description, dueDate, dueTime, the reminder, the
 * recurrence or tags (clearing dueDate clears the other three on the server). `remindAt` is the
 * server's to compute, so it is never sent.
 */
export type TaskChanges = Partial<
  Pick<
    Task,
    "title" | "description" | "status" | "priority" | "dueDate" | "dueTime" | "reminderMinutesBefore" | "recurrence" | "recurFrom" | "tags"
  >
>;

export type View = "today" | "upcoming" | "all" | "completed";

export type TaskSort = "position" | "due_date" | "priority" | "title";

/** The filters of the All view; the other views are fixed queries. */
export type TaskFilters = {
  status?: "all" | Status;
  priority?: Priority;
  tag?: string;
  q?: string;
  sort?: TaskSort;
};

export const PRIORITIES: Priority[] = ["high", "medium", "low"];

export const PRIORITY_LABELS: Record<Priority, string> = { high: "High", medium: "Medium", low: "Low" };
