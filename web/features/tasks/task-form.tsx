"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "@/lib/zod";
import { Field } from "@/components/ui/field";
import { normaliseTag } from "./tag-list";
import { PRIORITIES, PRIORITY_LABELS, type Priority, type TaskChanges } from "./types";

export const taskSchema = z.object({
  title: z.string().trim().min(1, "Title is required").max(200, "Title must be at most 200 characters"),
  description: z.string().max(1000, "Description must be at most 1000 characters"),
  priority: z.enum(["low", "medium", "high"]),
  dueDate: z.string(),
  tags: z.string(),
});

export type TaskFormValues = z.infer<typeof taskSchema>;

/** The request body of a new task from the form's values. */
export function toNewTask(values: TaskFormValues): TaskChanges & { title: string } {
  const tags = [...new Set(values.tags.split(",").map(normaliseTag).filter(Boolean))];
  return {
    title: values.title.trim(),
    description: values.description.trim() || undefined,
    priority: values.priority as Priority,
    dueDate: values.dueDate || undefined,
    tags,
  };
}

type TaskFormProps = {
  defaultDueDate: string;
  onSubmit: (task: TaskChanges & { title: string }) => void;
  onCancel: () => void;
};

/** The fields of a new task: title, description, priority, due date and tags. */
export function TaskForm({ defaultDueDate, onSubmit, onCancel }: TaskFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TaskFormValues>({
    resolver: zodResolver(taskSchema),
    mode: "onTouched",
    defaultValues: { title: "", description: "", priority: "medium", dueDate: defaultDueDate, tags: "" },
  });

  return (
    <form noValidate className="flex flex-col gap-4" onSubmit={handleSubmit((values) => onSubmit(toNewTask(values)))}>
      <Field label="Title" autoFocus autoComplete="off" error={errors.title?.message} {...register("title")} />
      <div className="flex flex-col gap-1">
        <label htmlFor="new-task-description" className="text-sm font-medium">
          Description
        </label>
        <textarea
          id="new-task-description"
          rows={3}
          className="input"
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? "new-task-description-error" : undefined}
          {...register("description")}
        />
        {errors.description && (
          <p id="new-task-description-error" className="text-sm text-danger">
            {errors.description.message}
          </p>
        )}
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="new-task-priority" className="text-sm font-medium">
            Priority
          </label>
          <select id="new-task-priority" className="input" {...register("priority")}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <Field label="Due date" type="date" {...register("dueDate")} />
      </div>
      <Field label="Tags" hint="Separate tags with commas" autoComplete="off" placeholder="work, home" {...register("tags")} />
      <div className="flex justify-end gap-2">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Add task
        </button>
      </div>
    </form>
  );
}
