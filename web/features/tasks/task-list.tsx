"use client";

import { useDeferredValue, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { today } from "./due";
import { useEditTask } from "./edit-task";
import { TaskItem } from "./task-item";
import { taskKeys, useDeleteTask, useMoveTask, useUpdateTask } from "./use-tasks";
import type { Task, TaskFilters, View } from "./types";

const FIRST_ROWS = 12;

type TaskListProps = {
  tasks: Task[];
  view: View;
  filters?: TaskFilters;
  /** True when the list shows the manual order, so it can be rearranged. */
  manualOrder: boolean;
  label: string;
};

/** A list of tasks with completion, inline edits, reordering and delete-with-confirmation. */
export function TaskList({ tasks, view, filters = {}, manualOrder, label }: TaskListProps) {
  const update = useUpdateTask();
  const move = useMoveTask(taskKeys.list(view, filters));
  const remove = useDeleteTask();
  const [confirming, setConfirming] = useState<Task | null>(null);
  const edit = useEditTask();
  const dragged = useRef<Task | null>(null);
  const todayIso = today();
  // The first rows paint at once; the rest of a long list renders in the background, in slices
  // that leave the page responsive.
  const shown = useDeferredValue(tasks, tasks.slice(0, FIRST_ROWS));

  const moveTo = (task: Task, target: number) => {
    const from = tasks.indexOf(task);
    if (target < 0 || target >= tasks.length || target === from) return;
    const anchor = tasks[target];
    move.mutate({ task, place: target < from ? { before: anchor.id } : { after: anchor.id } });
  };

  return (
    <>
      <ul aria-label={label} className="flex flex-col gap-2">
        {shown.map((task, index) => (
          <TaskItem
            key={task.id}
            task={task}
            todayIso={todayIso}
            onChange={(changes) => update.mutate({ id: task.id, changes, title: task.title })}
            onDelete={() => setConfirming(task)}
            onEdit={() => edit(task)}
            reorder={
              manualOrder
                ? {
                    onMoveUp: index > 0 ? () => moveTo(task, index - 1) : undefined,
                    onMoveDown: index < tasks.length - 1 ? () => moveTo(task, index + 1) : undefined,
                    onDragStart: () => {
                      dragged.current = task;
                    },
                    onDrop: () => {
                      if (dragged.current) moveTo(dragged.current, index);
                      dragged.current = null;
                    },
                  }
                : undefined
            }
          />
        ))}
      </ul>
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title="Delete task?"
        description={confirming ? `"${confirming.title}" will be deleted. You can undo this for 5 seconds.` : undefined}
      >
        <form
          method="dialog"
          className="flex justify-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (confirming) remove(confirming);
            setConfirming(null);
          }}
        >
          <button type="button" className="btn btn-secondary" autoFocus onClick={() => setConfirming(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger">
            Delete
          </button>
        </form>
      </Dialog>
    </>
  );
}
