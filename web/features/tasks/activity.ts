/**
 * A task's activity: the entries of `GET /api/v1/tasks/{id}/history` and the sentence a person reads
 * for each ("You changed the title from "A" to "B"", "Assistant completed it").
 */
import { isoDate, reminderLabel, timeLabel } from "./due";
import { describeRrule, parseRrule } from "./recurrence";
import { PRIORITY_LABELS, type Priority, type Task } from "./types";

/** The door a change came through. */
export type Via = "api" | "mcp" | "assistant" | "import" | "recurrence";

/** One field of one entry: its value before and after, as the Task JSON holds it (null: not set). */
export type HistoryChange = { field: string; from: unknown; to: unknown };

/** One event of a task's history; `task` is the task after it (null once deleted). */
export type HistoryEntry = {
  id: string;
  type: "TaskCreated" | "TaskUpdated" | "TaskCompleted" | "TaskDeleted";
  timestamp: string;
  via: Via;
  changes: HistoryChange[];
  task: Task | null;
};

export type TaskHistory = { history: HistoryEntry[] };

const ACTORS: Record<Via, string> = { api: "You", assistant: "Assistant", mcp: "An MCP client", import: "Import", recurrence: "Repeat" };

/** Who made the change, in the words of the list: "You" for the app and the API, "Assistant", … */
export function actorOf(via: Via): string {
  return ACTORS[via] ?? "Someone";
}

const STATUS_WORDS: Record<string, string> = { pending: "pending", in_progress: "in progress", done: "done" };

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const isSet = (value: unknown): boolean => value !== null && value !== undefined && value !== "";
const quoted = (value: unknown): string => `"${text(value)}"`;
const lowerFirst = (words: string): string => words.charAt(0).toLowerCase() + words.slice(1);

function dateWords(iso: unknown): string {
  const [y, m, d] = text(iso).split("-").map(Number);
  if (!y || !m || !d) return text(iso);
  return new Date(y, m - 1, d).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
}

function timeWords(hhmm: unknown): string {
  return /^\d{2}:\d{2}$/.test(text(hhmm)) ? timeLabel(text(hhmm)) : text(hhmm);
}

function repeatWords(rrule: unknown): string {
  return parseRrule(text(rrule)) ? lowerFirst(describeRrule(text(rrule))) : `by the rule ${text(rrule)}`;
}

function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === "string") : [];
}

function tagWords(verb: string, tags: string[]): string {
  return `${verb} the ${tags.length === 1 ? "tag" : "tags"} ${tags.join(", ")}`;
}

/** Joins "a", "b", "c" as "a, b and c". */
function joinWords(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** "Changed the X from A to B", "set the X to B" or "removed the X", by what was there before and after. */
function setOrChange(name: string, { from, to }: HistoryChange, words: (value: unknown) => string): string {
  if (!isSet(to)) return `removed the ${name}`;
  if (!isSet(from)) return `set the ${name} to ${words(to)}`;
  return `changed the ${name} from ${words(from)} to ${words(to)}`;
}

/** What one field's change did, as the end of a sentence whose subject is who made it: "completed it". */
export function describeChange(change: HistoryChange): string {
  const { field, from, to } = change;
  switch (field) {
    case "title":
      return isSet(from) ? `changed the title from ${quoted(from)} to ${quoted(to)}` : `set the title to ${quoted(to)}`;
    case "description":
      if (!isSet(to)) return "removed the description";
      return isSet(from) ? "changed the description" : "added a description";
    case "status":
      if (to === "done") return "completed it";
      if (from === "done") return "reopened it";
      return `marked it ${STATUS_WORDS[text(to)] ?? text(to)}`;
    case "priority":
      return setOrChange("priority", change, (value) => PRIORITY_LABELS[value as Priority] ?? text(value));
    case "dueDate":
      return setOrChange("due date", change, dateWords);
    case "dueTime":
      return setOrChange("due time", change, timeWords);
    case "reminderMinutesBefore":
      if (typeof to !== "number") return "removed the reminder";
      return `${typeof from === "number" ? "changed the reminder to" : "set a reminder"} ${lowerFirst(reminderLabel(to))}`;
    case "recurrence":
      return isSet(to) ? `set it to repeat ${repeatWords(to)}` : "stopped it repeating";
    case "recurFrom":
      return to === "completion" ? "counted its repeats from completion" : "counted its repeats from the due date";
    case "tags": {
      const before = tagsOf(from);
      const after = tagsOf(to);
      const added = after.filter((tag) => !before.includes(tag));
      const removed = before.filter((tag) => !after.includes(tag));
      const parts = [...(added.length ? [tagWords("added", added)] : []), ...(removed.length ? [tagWords("removed", removed)] : [])];
      return parts.length ? joinWords(parts) : "reordered the tags";
    }
    case "position":
      return "moved it";
    default:
      return `changed ${field}`;
  }
}

/** What an entry did: "created the task", "completed it", "moved it", or its changes one after another. */
export function describeAction(entry: Pick<HistoryEntry, "type" | "changes">): string {
  if (entry.type === "TaskCreated") return "created the task";
  if (entry.type === "TaskDeleted") return "deleted the task";
  // A move that came with other changes is not worth its own words; a move alone is all there is to say.
  const changes = entry.changes.some((change) => change.field !== "position") ? entry.changes.filter((change) => change.field !== "position") : entry.changes;
  if (changes.length === 0) return entry.type === "TaskCompleted" ? "completed it" : "updated it";
  return joinWords(changes.map(describeChange));
}

/** The line of an entry: "You changed the title from "A" to "B"", "Repeat created the task". */
export function describeEntry(entry: Pick<HistoryEntry, "type" | "changes" | "via">): string {
  return `${actorOf(entry.via)} ${describeAction(entry)}`;
}

/** When an entry happened, for the list: "just now", "5 minutes ago", "Today at 9:30 AM", "Dec 5 at 9:30 AM". */
export function whenLabel(timestamp: string, now: Date = new Date()): string {
  const at = new Date(timestamp);
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} ${minutes === 1 ? "minute" : "minutes"} ago`;
  const time = at.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
  const day = isoDate(at);
  if (day === isoDate(now)) return `Today at ${time}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === isoDate(yesterday)) return `Yesterday at ${time}`;
  const sameYear = at.getFullYear() === now.getFullYear();
  return `${at.toLocaleDateString("en-US", { month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) })} at ${time}`;
}

/** The full moment of an entry, for its tooltip: "Dec 7, 2026, 9:30 AM". */
export function absoluteTime(timestamp: string): string {
  return new Date(timestamp).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}
