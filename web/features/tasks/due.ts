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
