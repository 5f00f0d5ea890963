export type Status = "pending" | "in_progress" | "done";
export type Priority = "low" | "medium" | "high";

/** A task as the API sends it. */
export type Task = {
  id: number;
  userId: string;
  title: string;
  description: string | null;
  status: Status;
  priority: Priority;
  dueDate: string | null;
  tags: string[];
  position: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
};

export type TaskPage = { tasks: Task[]; total: number; page: number; limit: number };

/** What a create or update may send; `null` clears description, dueDate or tags. */
export type TaskChanges = Partial<Pick<Task, "title" | "description" | "status" | "priority" | "dueDate" | "tags">>;

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
