"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { z } from "@/lib/zod";
import { Field } from "@/components/ui/field";
import { askForNotifications, NOTIFICATIONS_OFF, useNotificationState } from "@/features/reminders/notifications";
import { REMINDER_CHOICES, reminderLabel, today } from "./due";
import { describeRrule, fromRrule, repeatError, toRrule, WEEKDAY_LABELS, WEEKDAYS, type RepeatChoice, type Weekday } from "./recurrence";
import { normaliseTag } from "./tag-list";
import { PRIORITIES, PRIORITY_LABELS, type Priority, type Task, type TaskChanges } from "./types";

const NEEDS_DATE = "Pick a due date first";

const REPEAT_KINDS = ["none", "daily", "weekdays", "weekly", "monthly", "yearly", "custom", "other"] as const;

const REPEAT_LABELS: Record<(typeof REPEAT_KINDS)[number], string> = {
  none: "Does not repeat",
  daily: "Daily",
  weekdays: "Every weekday (Mon–Fri)",
  weekly: "Weekly on…",
  monthly: "Monthly on day…",
  yearly: "Yearly",
  custom: "Custom…",
  other: "As set elsewhere",
};

export const taskSchema = z
  .object({
    title: z.string().trim().min(1, "Title is required").max(200, "Title must be at most 200 characters"),
    description: z.string().max(1000, "Description must be at most 1000 characters"),
    priority: z.enum(["low", "medium", "high"]),
    dueDate: z.string(),
    dueTime: z.string(),
    // Minutes before the due moment, as the select's value; "" for no reminder.
    reminder: z.string(),
    repeat: z.enum(REPEAT_KINDS),
    repeatDays: z.array(z.enum(WEEKDAYS)),
    monthDay: z.string(),
    every: z.string(),
    unit: z.enum(["days", "weeks", "months"]),
    // The rule of a task whose repeat the picker cannot show (kept as it is).
    otherRule: z.string(),
    recurFrom: z.enum(["due", "completion"]),
    tags: z.string(),
  })
  .superRefine((values, ctx) => {
    if (!values.dueDate) {
      if (values.dueTime) ctx.addIssue({ code: "custom", path: ["dueTime"], message: NEEDS_DATE });
      if (values.reminder) ctx.addIssue({ code: "custom", path: ["reminder"], message: NEEDS_DATE });
      if (values.repeat !== "none") ctx.addIssue({ code: "custom", path: ["repeat"], message: NEEDS_DATE });
      return;
    }
    const problem = repeatError(repeatChoice(values));
    if (problem) {
      const path = { weekly: "repeatDays", monthly: "monthDay", custom: "every" }[values.repeat as string] ?? "repeat";
      ctx.addIssue({ code: "custom", path: [path], message: problem });
    }
  });

export type TaskFormValues = z.infer<typeof taskSchema>;

/** A new task as the API takes it. */
export type NewTask = TaskChanges & { title: string };

function repeatChoice(values: TaskFormValues): RepeatChoice {
  switch (values.repeat) {
    case "weekly":
      return { kind: "weekly", days: values.repeatDays };
    case "monthly":
      return { kind: "monthly", day: Number(values.monthDay) };
    case "custom":
      return { kind: "custom", every: Number(values.every), unit: values.unit };
    case "other":
      return { kind: "other", rrule: values.otherRule };
    default:
      return { kind: values.repeat };
  }
}

/** The fields every submit sends, with "" as null. */
function fields(values: TaskFormValues) {
  const recurrence = values.dueDate ? toRrule(repeatChoice(values)) : null;
  return {
    title: values.title.trim(),
    description: values.description.trim() || null,
    priority: values.priority as Priority,
    dueDate: values.dueDate || null,
    dueTime: (values.dueDate && values.dueTime) || null,
    reminderMinutesBefore: values.dueDate && values.reminder !== "" ? Number(values.reminder) : null,
    recurrence,
    recurFrom: values.recurFrom,
    tags: [...new Set(values.tags.split(",").map(normaliseTag).filter(Boolean))],
  };
}

/** The request body of a new task from the form's values: only what is set. */
export function toNewTask(values: TaskFormValues): NewTask {
  const all = fields(values);
  const task: NewTask = { title: all.title, priority: all.priority, tags: all.tags };
  if (all.description) task.description = all.description;
  if (all.dueDate) task.dueDate = all.dueDate;
  if (all.dueTime) task.dueTime = all.dueTime;
  if (all.reminderMinutesBefore !== null) task.reminderMinutesBefore = all.reminderMinutesBefore;
  if (all.recurrence) {
    task.recurrence = all.recurrence;
    task.recurFrom = all.recurFrom;
  }
  return task;
}

/** The PATCH body of an edit: only the fields that differ from `task` (null clears one). */
export function toChanges(values: TaskFormValues, task: Task): TaskChanges {
  const all = fields(values);
  const changes: TaskChanges = {};
  const put = <K extends keyof typeof all>(key: K, before: (typeof all)[K]) => {
    if (JSON.stringify(all[key]) !== JSON.stringify(before)) Object.assign(changes, { [key]: all[key] });
  };
  put("title", task.title);
  put("description", task.description);
  put("priority", task.priority);
  put("dueDate", task.dueDate);
  put("dueTime", task.dueTime);
  put("reminderMinutesBefore", task.reminderMinutesBefore);
  put("recurrence", task.recurrence);
  // How a repeat counts only matters while there is one.
  if (all.recurrence) put("recurFrom", task.recurFrom);
  put("tags", task.tags);
  return changes;
}

function weekdayOf(iso: string): Weekday {
  const [y, m, d] = iso.split("-").map(Number);
  return WEEKDAYS[(new Date(y, m - 1, d).getDay() + 6) % 7];
}

/** The form's values for `task`, or for a new task due on `dueDate`. */
export function formValues(task: Task | undefined, dueDate = ""): TaskFormValues {
  const choice = fromRrule(task?.recurrence ?? null);
  return {
    title: task?.title ?? "",
    description: task?.description ?? "",
    priority: task?.priority ?? "medium",
    dueDate: task ? (task.dueDate ?? "") : dueDate,
    dueTime: task?.dueTime ?? "",
    reminder: task?.reminderMinutesBefore == null ? "" : String(task.reminderMinutesBefore),
    repeat: choice.kind,
    repeatDays: choice.kind === "weekly" ? choice.days : [],
    monthDay: choice.kind === "monthly" ? String(choice.day) : "",
    every: choice.kind === "custom" ? String(choice.every) : "2",
    unit: choice.kind === "custom" ? choice.unit : "weeks",
    otherRule: choice.kind === "other" ? choice.rrule : "",
    recurFrom: task?.recurFrom ?? "due",
    tags: task?.tags.join(", ") ?? "",
  };
}

type TaskFormProps = { onCancel: () => void } & (
  | { task?: undefined; defaultDueDate: string; onSubmit: (task: NewTask) => void }
  | { task: Task; onSubmit: (changes: TaskChanges) => void }
);

/** The fields of a task: title, description, priority, due date and time, reminder, repeat and tags. New or edited. */
export function TaskForm(props: TaskFormProps) {
  const { task, onCancel } = props;
  const id = useId();
  const {
    register,
    handleSubmit,
    watch,
    getValues,
    setValue,
    formState: { errors },
  } = useForm<TaskFormValues>({
    resolver: zodResolver(taskSchema),
    mode: "onTouched",
    defaultValues: formValues(task, task ? undefined : props.defaultDueDate),
  });
  const [dueDate, dueTime, reminder, repeat] = watch(["dueDate", "dueTime", "reminder", "repeat"]);
  const notifications = useNotificationState();
  const reminderHint =
    reminder && (notifications === "denied" || notifications === "unsupported")
      ? NOTIFICATIONS_OFF
      : dueDate && !dueTime
        ? "Without a due time, reminders count from 9:00"
        : "Pops up in the app at its time";
  // Without a date these wait for one; a value left over from a cleared date stays editable, to be removed.
  const waitsForDate = (value: string) => !dueDate && (value === "" || value === "none");
  const reminderChoices =
    reminder !== "" && !REMINDER_CHOICES.some((choice) => String(choice.minutes) === reminder)
      ? [...REMINDER_CHOICES, { minutes: Number(reminder), label: reminderLabel(Number(reminder)) }]
      : REMINDER_CHOICES;

  const submit = handleSubmit((values) => {
    if (props.task) props.onSubmit(toChanges(values, props.task));
    else props.onSubmit(toNewTask(values));
  });

  return (
    <form noValidate className="flex flex-col gap-4" onSubmit={submit}>
      <Field label="Title" autoFocus autoComplete="off" error={errors.title?.message} {...register("title")} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-description`} className="text-sm font-medium">
          Description
        </label>
        <textarea
          id={`${id}-description`}
          rows={3}
          className="input"
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${id}-description-error` : undefined}
          {...register("description")}
        />
        <ErrorText id={`${id}-description-error`} error={errors.description} />
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-priority`} className="text-sm font-medium">
            Priority
          </label>
          <select id={`${id}-priority`} className="input" {...register("priority")}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <Field label="Due date" type="date" {...register("dueDate")} />
        <Field
          label="Due time"
          type="time"
          hint={dueDate ? "Optional" : "Pick a due date to set a time"}
          disabled={waitsForDate(dueTime)}
          error={errors.dueTime?.message}
          {...register("dueTime")}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-reminder`} className="text-sm font-medium">
            Reminder
          </label>
          <select
            id={`${id}-reminder`}
            className="input"
            disabled={waitsForDate(reminder)}
            aria-invalid={errors.reminder ? true : undefined}
            aria-describedby={errors.reminder ? `${id}-reminder-error` : `${id}-reminder-hint`}
            {...register("reminder", {
              // The moment the user first wants a reminder is the moment to ask for notifications.
              onChange: (event: { target: { value: string } }) => {
                if (event.target.value !== "") void askForNotifications();
              },
            })}
          >
            <option value="">None</option>
            {reminderChoices.map((choice) => (
              <option key={choice.minutes} value={String(choice.minutes)}>
                {choice.label}
              </option>
            ))}
          </select>
          {errors.reminder ? (
            <ErrorText id={`${id}-reminder-error`} error={errors.reminder} />
          ) : (
            <p id={`${id}-reminder-hint`} className="text-xs text-muted">
              {reminderHint}
            </p>
          )}
        </div>
      </div>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-border p-3">
        <legend className="px-1 text-sm font-medium">Repeat</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-repeat`} className="sr-only">
            Repeat
          </label>
          <select
            id={`${id}-repeat`}
            className="input"
            disabled={waitsForDate(repeat)}
            aria-invalid={errors.repeat ? true : undefined}
            aria-describedby={errors.repeat ? `${id}-repeat-error` : undefined}
            {...register("repeat", {
              // Weekly and monthly start from the due date's weekday and day, the usual wish.
              onChange: (event: { target: { value: string } }) => {
                const from = getValues("dueDate") || today();
                if (event.target.value === "weekly" && getValues("repeatDays").length === 0) setValue("repeatDays", [weekdayOf(from)]);
                if (event.target.value === "monthly" && !getValues("monthDay")) setValue("monthDay", String(Number(from.slice(8))));
              },
            })}
          >
            {REPEAT_KINDS.filter((kind) => kind !== "other" || getValues("otherRule")).map((kind) => (
              <option key={kind} value={kind}>
                {kind === "other" ? describeRrule(getValues("otherRule")) : REPEAT_LABELS[kind]}
              </option>
            ))}
          </select>
          <ErrorText id={`${id}-repeat-error`} error={errors.repeat} />
        </div>

        {repeat === "weekly" && (
          <fieldset aria-describedby={errors.repeatDays ? `${id}-days-error` : undefined}>
            <legend className="mb-1 text-sm">On these days</legend>
            <div className="flex flex-wrap gap-1.5">
              {WEEKDAYS.map((day) => (
                <label key={day} className="flex cursor-pointer items-center gap-1 rounded-md border border-border px-2 py-1 text-sm has-[:checked]:border-accent has-[:checked]:bg-surface">
                  <input type="checkbox" value={day} className="accent-[var(--accent)]" {...register("repeatDays")} />
                  {WEEKDAY_LABELS[day]}
                </label>
              ))}
            </div>
            <ErrorText id={`${id}-days-error`} error={errors.repeatDays as FieldError | undefined} />
          </fieldset>
        )}

        {repeat === "monthly" && (
          <Field
            label="Day of the month"
            type="number"
            min={1}
            max={31}
            inputMode="numeric"
            hint="29, 30 or 31 fall on the last day of shorter months"
            error={errors.monthDay?.message}
            {...register("monthDay")}
          />
        )}

        {repeat === "custom" && (
          <div className="grid grid-cols-2 gap-3">
            <Field label="Every" type="number" min={1} max={365} inputMode="numeric" error={errors.every?.message} {...register("every")} />
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-unit`} className="text-sm font-medium">
                Unit
              </label>
              <select id={`${id}-unit`} className="input" {...register("unit")}>
                <option value="days">days</option>
                <option value="weeks">weeks</option>
                <option value="months">months</option>
              </select>
            </div>
          </div>
        )}

        {repeat !== "none" && (
          <fieldset>
            <legend className="mb-1 text-sm">Count the next one from</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" value="due" className="accent-[var(--accent)]" {...register("recurFrom")} /> The due date
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" value="completion" className="accent-[var(--accent)]" {...register("recurFrom")} /> When I complete it
              </label>
            </div>
          </fieldset>
        )}
      </fieldset>

      <Field label="Tags" hint="Separate tags with commas" autoComplete="off" placeholder="work, home" {...register("tags")} />
      <div className="flex justify-end gap-2">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          {task ? "Save changes" : "Add task"}
        </button>
      </div>
    </form>
  );
}

function ErrorText({ id, error }: { id: string; error: FieldError | undefined }) {
  if (!error?.message) return null;
  return (
    <p id={id} className="text-sm text-danger">
      {error.message}
    </p>
  );
}
