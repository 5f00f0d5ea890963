"use client";

import { useEffect, useState } from "react";
import { InlineEdit } from "@/components/ui/inline-edit";
import { dueLabel, reminderLabel, timeLabel } from "./due";
import { PrioritySelect } from "./priority";
import { describeRrule } from "./recurrence";
import { TagList } from "./tag-list";
import type { Task, TaskChanges } from "./types";

type TaskItemProps = {
  task: Task;
  todayIso: string;
  onChange: (changes: TaskChanges) => void;
  onDelete: () => void;
  /** Opens the full form: due time, reminder, repeat. */
  onEdit: () => void;
  /** Present when the list is in manual order: move buttons and dragging. */
  reorder?: {
    onMoveUp?: () => void;
    onMoveDown?: () => void;
    onDragStart: () => void;
    onDrop: () => void;
  };
};

const DUE_TONE = { overdue: "text-danger font-semibold", today: "text-warning font-medium", soon: "text-muted", later: "text-muted" };

export function TaskItem({ task, todayIso, onChange, onDelete, onEdit, reorder }: TaskItemProps) {
  const [dragOver, setDragOver] = useState(false);
  const done = task.status === "done";
  // The click's answer shows in the same frame; the cached task (optimistic, then the server's) takes
  // over as soon as its status changes.
  const [checked, setChecked] = useState<boolean | null>(null);
  useEffect(() => setChecked(null), [task.status]);
  const due = task.dueDate ? dueLabel(task.dueDate, todayIso) : null;
  const saving = task.id < 0;

  return (
    <li
      data-testid="task"
      data-task-id={task.id}
      draggable={reorder !== undefined && !saving}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", String(task.id));
        reorder?.onDragStart();
      }}
      onDragOver={(event) => {
        if (!reorder) return;
        event.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragOver(false);
        reorder?.onDrop();
      }}
      aria-busy={saving || undefined}
      className={`group flex gap-3 rounded-lg border bg-bg p-3 ${dragOver ? "border-accent" : "border-border"} ${saving ? "opacity-70" : ""}`}
    >
      <input
        type="checkbox"
        checked={checked ?? done}
        disabled={saving}
        onChange={(event) => {
          setChecked(event.target.checked);
          onChange({ status: event.target.checked ? "done" : "pending" });
        }}
        aria-label={done ? `Mark ${task.title} as not done` : `Complete ${task.title}`}
        className="mt-0.5 h-6 w-6 shrink-0 accent-[var(--accent)]"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <InlineEdit
          value={task.title}
          label={`Title of ${task.title}`}
          maxLength={200}
          validate={(value) => (value.trim() ? null : "Title is required")}
          onSave={(title) => onChange({ title: title.trim() })}
          className={`font-medium ${done ? "text-muted line-through" : ""}`}
        />
        <InlineEdit
          value={task.description ?? ""}
          label={`Description of ${task.title}`}
          placeholder="Add a description"
          multiline
          maxLength={1000}
          onSave={(description) => onChange({ description: description.trim() || null })}
          className="text-sm"
        />
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs">
          {due && !done && (
            <span className={DUE_TONE[due.tone]}>
              {due.text}
              {task.dueTime && <time dateTime={`${task.dueDate}T${task.dueTime}`}> at {timeLabel(task.dueTime)}</time>}
            </span>
          )}
          {task.reminderMinutesBefore !== null && !done && (
            <span role="img" data-testid="reminder-mark" aria-label={`Reminder: ${reminderLabel(task.reminderMinutesBefore)}`} title={`Reminder: ${reminderLabel(task.reminderMinutesBefore)}`}>
              🔔
            </span>
          )}
          {task.recurrence && (
            <span role="img" data-testid="repeat-mark" aria-label={describeRrule(task.recurrence, task.recurFrom)} title={describeRrule(task.recurrence, task.recurFrom)} className="text-muted">
              ↻
            </span>
          )}
          <PrioritySelect value={task.priority} label={`Priority of ${task.title}`} onChange={(priority) => onChange({ priority })} />
          <TagList tags={task.tags} taskTitle={task.title} onChange={(tags) => onChange({ tags })} />
        </div>
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-start">
        {reorder && (
          <>
            <button type="button" className="icon-btn" aria-label={`Move ${task.title} up`} disabled={!reorder.onMoveUp} onClick={reorder.onMoveUp}>
              <span aria-hidden="true">↑</span>
            </button>
            <button type="button" className="icon-btn" aria-label={`Move ${task.title} down`} disabled={!reorder.onMoveDown} onClick={reorder.onMoveDown}>
              <span aria-hidden="true">↓</span>
            </button>
          </>
        )}
        <button type="button" className="icon-btn" aria-label={`Edit ${task.title}`} onClick={onEdit} disabled={saving}>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
            <path d="M13.5 3.5l3 3L7 16H4v-3z" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button type="button" className="icon-btn hover:text-danger" aria-label={`Delete ${task.title}`} onClick={onDelete} disabled={saving}>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
            <path d="M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
    </li>
  );
}
