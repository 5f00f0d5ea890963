"use client";

import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import { LazyTaskForm } from "./new-task";
import { TaskActivity } from "./task-activity";
import { useUpdateTask } from "./use-tasks";
import type { Task } from "./types";

const EditTaskContext = createContext<(task: Task) => void>(() => {});

/** Opens the full form of a task (its Edit button, a reminder's Open). */
export function useEditTask(): (task: Task) => void {
  return useContext(EditTaskContext);
}

/** Holds the edit-task dialog (the form, then the task's Activity); saving sends only the fields that changed. */
export function EditTaskProvider({ children }: { children: ReactNode }) {
  const [editing, setEditing] = useState<Task | null>(null);
  const update = useUpdateTask();
  const close = useCallback(() => setEditing(null), []);

  return (
    <EditTaskContext.Provider value={setEditing}>
      {children}
      <Dialog open={editing !== null} onClose={close} title="Edit task">
        {editing && (
          <LazyTaskForm
            key={editing.id}
            task={editing}
            onCancel={close}
            onSubmit={(changes) => {
              if (Object.keys(changes).length > 0) update.mutate({ id: editing.id, changes, title: editing.title });
              close();
            }}
          />
        )}
        {editing && <TaskActivity key={editing.id} task={editing} />}
      </Dialog>
    </EditTaskContext.Provider>
  );
}
