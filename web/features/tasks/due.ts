/** Dates as the user reads them: calendar days in the browser's time zone, ISO `yyyy-mm-dd` strings. */

const DAY_MS = 86_400_000;

export function isoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function today(now: Date = new Date()): string {
  return isoDate(now);
}

function parse(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

export function addDays(iso: string, days: number): string {
  const date = parse(iso);
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / DAY_MS);
}

function ymd(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y, m - 1, d];
}

export type DueTone = "overdue" | "today" | "soon" | "later";

/** "Due today", "Due tomorrow", "Due Friday", "Overdue by 2 days", "Due Dec 24". */
export function dueLabel(dueDate: string, todayIso: string = today()): { text: string; tone: DueTone } {
  const days = daysBetween(todayIso, dueDate);
  if (days < 0) return { text: `Overdue by ${-days} ${-days === 1 ? "day" : "days"}`, tone: "overdue" };
  if (days === 0) return { text: "Due today", tone: "today" };
  if (days === 1) return { text: "Due tomorrow", tone: "soon" };
  const date = parse(dueDate);
  if (days < 7) return { text: `Due ${date.toLocaleDateString("en-US", { weekday: "long" })}`, tone: "soon" };
  const sameYear = dueDate.slice(0, 4) === todayIso.slice(0, 4);
  const text = date.toLocaleDateString("en-US", { month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) });
  return { text: `Due ${text}`, tone: "later" };
}

/** The heading of a day in the Upcoming view: "Tomorrow", "Wednesday, Nov 25". */
export function dayHeading(dueDate: string, todayIso: string = today()): string {
  if (daysBetween(todayIso, dueDate) === 1) return "Tomorrow";
  return parse(dueDate).toLocaleDateString("en-US", { weekday: "long", month: "short", day: "numeric" });
}

/** A due time ("HH:mm", 24 h) as the user reads it: "2:30 PM". */
export function timeLabel(dueTime: string): string {
  const [h, m] = dueTime.split(":").map(Number);
  return new Date(2000, 0, 1, h, m).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
}

/** The choices of the reminder select: minutes before the due moment. */
export const REMINDER_CHOICES: Array<{ minutes: number; label: string }> = [
  { minutes: 0, label: "At due time" },
  { minutes: 5, label: "5 minutes before" },
  { minutes: 15, label: "15 minutes before" },
  { minutes: 30, label: "30 minutes before" },
  { minutes: 60, label: "1 hour before" },
  { minutes: 120, label: "2 hours before" },
  { minutes: 1440, label: "1 day before" },
];

/** "At due time", "15 minutes before", "1 day before", "45 minutes before" (a value set elsewhere). */
export function reminderLabel(minutes: number): string {
  const known = REMINDER_CHOICES.find((choice) => choice.minutes === minutes);
  if (known) return known.label;
  const [size, unit] = minutes % 1440 === 0 ? [minutes / 1440, "day"] : minutes % 60 === 0 ? [minutes / 60, "hour"] : [minutes, "minute"];
  return `${size} ${unit}${size === 1 ? "" : "s"} before`;
}
