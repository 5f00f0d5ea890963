"use client";

import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useMemo } from "react";
import { useNotices } from "@/components/ui/toast";
import { ApiError } from "@/lib/api";
import { createTask, listTasks, moveTask, updateTask } from "./api";
import { belongsTo } from "./matches";
import { cancelDelete, scheduleDelete, usePendingDeletes } from "./pending-deletes";
import type { Task, TaskChanges, TaskFilters, TaskPage, View } from "./types";

export const taskKeys = {
  all: ["tasks"] as const,
  list: (view: View, filters: TaskFilters = {}) => ["tasks", view, filters] as const,
  /** Not under `all`: the optimistic list updates treat every query there as a page of tasks. */
  history: (id: number) => ["task-history", id] as const,
};

type ListKey = ReturnType<typeof taskKeys.list>;
type Snapshot = Array<[QueryKey, TaskPage | undefined]>;

function message(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong";
}

/** The tasks of one view, without those waiting out their undo window after a delete. */
export function useTasks(view: View, filters: TaskFilters = {}) {
  const query = useQuery({
    queryKey: taskKeys.list(view, filters),
    queryFn: ({ signal }) => listTasks(view, filters, signal),
  });
  const hidden = usePendingDeletes();
  const tasks = useMemo(
    () => (query.data?.tasks ?? []).filter((task) => !hidden.has(task.id)),
    [query.data, hidden],
  );
  return { ...query, tasks };
}

/** Shared plumbing of the optimistic mutations: snapshot every list, change them, roll back on error. */
function useOptimisticLists() {
  const queryClient = useQueryClient();
  return {
    queryClient,
    snapshot(): Snapshot {
      // An answer loading from before the change must not overwrite it. cancelQueries stops those
      // fetches (restoring their data) at once; not awaiting it lets the change show in the same
      // tick, so a checkbox never flickers back.
      void queryClient.cancelQueries({ queryKey: taskKeys.all });
      return queryClient.getQueriesData<TaskPage>({ queryKey: taskKeys.all });
    },
    rollback(snapshot: Snapshot | undefined) {
      snapshot?.forEach(([key, data]) => queryClient.setQueryData(key, data));
    },
    eachList(change: (page: TaskPage, key: ListKey) => TaskPage) {
      for (const [key, page] of queryClient.getQueriesData<TaskPage>({ queryKey: taskKeys.all })) {
        if (page) queryClient.setQueryData(key, change(page, key as ListKey));
      }
    },
    refresh() {
      return queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  };
}

/** `task` with `changes` applied as the server applies them: no due date means no time, reminder or repeat. */
export function applyChanges(task: Task, changes: TaskChanges): Task {
  const next: Task = { ...task, ...changes, tags: changes.tags === null ? [] : (changes.tags ?? task.tags), recurFrom: changes.recurFrom ?? task.recurFrom };
  if (next.dueDate === null) return { ...next, dueTime: null, reminderMinutesBefore: null, remindAt: null, recurrence: null };
  // The server recomputes when the reminder fires; until it answers, the old moment is not known to hold.
  if ("dueDate" in changes || "dueTime" in changes || "reminderMinutesBefore" in changes) return { ...next, remindAt: null };
  return next;
}

let temporaryId = -1;

/** Creates a task; it shows at once in every list it belongs to and leaves again if the server refuses. */
export function useCreateTask() {
  const lists = useOptimisticLists();
  const { toast, announce } = useNotices();
  return useMutation({
    mutationFn: (input: TaskChanges & { title: string }) => createTask(input),
    onMutate: (input) => {
      const snapshot = lists.snapshot();
      const now = new Date().toISOString();
      const draft: Task = {
        id: temporaryId--,
        userId: "",
        title: input.title,
        description: input.description ?? null,
        status: input.status ?? "pending",
        priority: input.priority ?? "medium",
        dueDate: input.dueDate ?? null,
        dueTime: input.dueTime ?? null,
        reminderMinutesBefore: input.reminderMinutesBefore ?? null,
        remindAt: null,
        recurrence: input.recurrence ?? null,
        recurFrom: input.recurFrom ?? "due",
        tags: input.tags ?? [],
        position: Number.MAX_SAFE_INTEGER,
        createdAt: now,
        updatedAt: now,
        completedAt: null,
      };
      lists.eachList((page, [, view, filters]) =>
        belongsTo(draft, view, filters) ? { ...page, tasks: [...page.tasks, draft], total: page.total + 1 } : page,
      );
      announce(`Task created: ${input.title}`);
      return { snapshot, draftId: draft.id };
    },
    onSuccess: (task, _input, context) => {
      // The draft becomes the task; should a fetch have brought the task in beside it already, one copy stays.
      lists.eachList((page) =>
        page.tasks.some((t) => t.id === context?.draftId)
          ? { ...page, tasks: page.tasks.filter((t) => t.id !== task.id).map((t) => (t.id === context?.draftId ? task : t)) }
          : page,
      );
    },
    onError: (error, input, context) => {
      lists.rollback(context?.snapshot);
      toast({ tone: "error", message: `Could not create "${input.title}": ${message(error)}` });
    },
    onSettled: () => lists.refresh(),
  });
}

/** Changes fields of a task, shown at once and rolled back if the server refuses. */
export function useUpdateTask() {
  const lists = useOptimisticLists();
  const { toast, announce } = useNotices();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: TaskChanges; title: string }) => updateTask(id, changes),
    onMutate: ({ id, changes, title }) => {
      const snapshot = lists.snapshot();
      lists.eachList((page) => ({
        ...page,
        tasks: page.tasks.map((t) => (t.id === id ? applyChanges(t, changes) : t)),
      }));
      if (changes.status === "done") announce(`Task completed: ${title}`);
      else if (changes.status === "pending") announce(`Task reopened: ${title}`);
      return { snapshot };
    },
    onError: (error, { title }, context) => {
      lists.rollback(context?.snapshot);
      toast({ tone: "error", message: `Could not update "${title}": ${message(error)}` });
    },
    onSettled: () => lists.refresh(),
  });
}

/** Places `task` before or after a neighbour in the manual order (drag and drop, move up/down). */
export function useMoveTask(listKey: ListKey) {
  const lists = useOptimisticLists();
  const { toast, announce } = useNotices();
  return useMutation({
    mutationFn: ({ task, place }: { task: Task; place: { before: number } | { after: number }; }) => moveTask(task.id, place),
    onMutate: ({ task, place }) => {
      const snapshot = lists.snapshot();
      const page = lists.queryClient.getQueryData<TaskPage>(listKey);
      if (page) {
        const rest = page.tasks.filter((t) => t.id !== task.id);
        const anchor = rest.findIndex((t) => t.id === ("before" in place ? place.before : place.after));
        const at = "before" in place ? anchor : anchor + 1;
        lists.queryClient.setQueryData<TaskPage>(listKey, { ...page, tasks: [...rest.slice(0, at), task, ...rest.slice(at)] });
        announce(`Moved ${task.title} to position ${at + 1} of ${page.tasks.length}`);
      }
      return { snapshot };
    },
    onError: (error, { task }, context) => {
      lists.rollback(context?.snapshot);
      toast({ tone: "error", message: `Could not move "${task.title}": ${message(error)}` });
    },
    onSettled: () => lists.refresh(),
  });
}

/** Deletes a task after a 5 second undo window; Undo brings it back exactly as it was. */
export function useDeleteTask() {
  const lists = useOptimisticLists();
  const { toast, announce } = useNotices();
  return (task: Task) => {
    let dismiss = () => {};
    scheduleDelete(task.id, (error) => {
      if (error && !(error instanceof ApiError && error.status === 404)) {
        dismiss();
        toast({ tone: "error", message: `Could not delete "${task.title}": ${message(error)}` });
      }
      void lists.refresh();
    });
    announce(`Task deleted: ${task.title}`);
    dismiss = toast({
      message: `Deleted "${task.title}"`,
      action: {
        label: "Undo",
        onAction: () => {
          if (cancelDelete(task.id)) announce(`Task restored: ${task.title}`);
        },
      },
    });
  };
}
