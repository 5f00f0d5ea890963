/**
 * Repeating tasks: the repeat picker's choices, the canonical RRULE the API takes for each (the
 * contract's subset: FREQ first, then INTERVAL when not 1, then BYDAY or BYMONTHDAY), and the words a
 * person reads for a rule.
 */
import type { RecurFrom } from "./types";

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = { MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun" };

const WORKDAYS: Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

export type CustomUnit = "days" | "weeks" | "months";

/** What the repeat picker shows. `other` keeps a rule the picker cannot build (from the assistant, say) unchanged. */
export type RepeatChoice =
  | { kind: "none" }
  | { kind: "daily" }
  | { kind: "weekdays" }
  | { kind: "weekly"; days: Weekday[] }
  | { kind: "monthly"; day: number }
  | { kind: "yearly" }
  | { kind: "custom"; every: number; unit: CustomUnit }
  | { kind: "other"; rrule: string };

export type RepeatKind = RepeatChoice["kind"];

/** The most units between two occurrences the API accepts. */
export const MAX_INTERVAL = 365;

const UNIT_FREQ: Record<CustomUnit, Rule["freq"]> = { days: "DAILY", weeks: "WEEKLY", months: "MONTHLY" };

type Rule = { freq: "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY"; interval: number; byDay: Weekday[]; byMonthDay: number | null };

function canonical(rule: Rule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay.length > 0) parts.push(`BYDAY=${inWeekOrder(rule.byDay).join(",")}`);
  if (rule.byMonthDay !== null) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  return parts.join(";");
}

function inWeekOrder(days: Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

/** The canonical RRULE of a picker choice, or null for "does not repeat". */
export function toRrule(choice: RepeatChoice): string | null {
  const rule = (freq: Rule["freq"], changes: Partial<Rule> = {}) => canonical({ freq, interval: 1, byDay: [], byMonthDay: null, ...changes });
  switch (choice.kind) {
    case "none":
      return null;
    case "daily":
      return rule("DAILY");
    case "weekdays":
      return rule("WEEKLY", { byDay: WORKDAYS });
    case "weekly":
      return rule("WEEKLY", { byDay: choice.days });
    case "monthly":
      return rule("MONTHLY", { byMonthDay: choice.day });
    case "yearly":
      return rule("YEARLY");
    case "custom":
      return rule(UNIT_FREQ[choice.unit], { interval: choice.every });
    case "other":
      return choice.rrule;
  }
}

/** Reads a rule of the contract's subset (any order or case); null when it is not one. */
export function parseRrule(rrule: string): Rule | null {
  const fields = new Map<string, string>();
  for (const part of rrule.trim().toUpperCase().split(";")) {
    const [key, value, extra] = part.split("=");
    if (!key || value === undefined || extra !== undefined || fields.has(key)) return null;
    fields.set(key, value);
  }
  const freq = fields.get("FREQ");
  if (freq !== "DAILY" && freq !== "WEEKLY" && freq !== "MONTHLY" && freq !== "YEARLY") return null;
  const rule: Rule = { freq, interval: 1, byDay: [], byMonthDay: null };
  for (const [key, value] of fields) {
    if (key === "FREQ") continue;
    if (key === "INTERVAL" && /^\d+$/.test(value) && +value >= 1 && +value <= MAX_INTERVAL) rule.interval = +value;
    else if (key === "BYDAY" && freq === "WEEKLY" && value.split(",").every((day) => (WEEKDAYS as readonly string[]).includes(day))) {
      const days = value.split(",") as Weekday[];
      if (new Set(days).size !== days.length) return null;
      rule.byDay = inWeekOrder(days);
    } else if (key === "BYMONTHDAY" && freq === "MONTHLY" && /^\d+$/.test(value) && +value >= 1 && +value <= 31) rule.byMonthDay = +value;
    else return null;
  }
  return rule;
}

/** The picker choice that shows `rrule` (null: does not repeat). */
export function fromRrule(rrule: string | null): RepeatChoice {
  if (rrule === null || rrule.trim() === "") return { kind: "none" };
  const rule = parseRrule(rrule);
  if (!rule) return { kind: "other", rrule };
  const { freq, interval, byDay, byMonthDay } = rule;
  if (freq === "DAILY") return interval === 1 ? { kind: "daily" } : { kind: "custom", every: interval, unit: "days" };
  if (freq === "WEEKLY") {
    if (byDay.length === 0) return { kind: "custom", every: interval, unit: "weeks" };
    if (interval !== 1) return { kind: "other", rrule: canonical(rule) };
    return byDay.join() === WORKDAYS.join() ? { kind: "weekdays" } : { kind: "weekly", days: byDay };
  }
  if (freq === "MONTHLY") {
    if (byMonthDay === null) return { kind: "custom", every: interval, unit: "months" };
    return interval === 1 ? { kind: "monthly", day: byMonthDay } : { kind: "other", rrule: canonical(rule) };
  }
  return interval === 1 ? { kind: "yearly" } : { kind: "other", rrule: canonical(rule) };
}

/** "1st", "2nd", "3rd", "11th", "22nd", "31st". */
export function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${{ 1: "st", 2: "nd", 3: "rd" }[day % 10] ?? "th"}`;
}

const FREQ_UNIT: Record<Rule["freq"], [string, string]> = {
  DAILY: ["day", "days"],
  WEEKLY: ["week", "weeks"],
  MONTHLY: ["month", "months"],
  YEARLY: ["year", "years"],
};

/** "Every weekday", "Every week on Mon, Wed", "Every 2 weeks after completion", "Every month on the 31st". */
export function describeRrule(rrule: string, recurFrom: RecurFrom = "due"): string {
  const rule = parseRrule(rrule);
  const after = recurFrom === "completion" ? " after completion" : "";
  if (!rule) return `Repeats${after}`;
  const [one, many] = FREQ_UNIT[rule.freq];
  if (rule.freq === "WEEKLY" && rule.interval === 1 && rule.byDay.join() === WORKDAYS.join()) return `Every weekday${after}`;
  let text = rule.interval === 1 ? `Every ${one}` : `Every ${rule.interval} ${many}`;
  if (rule.byDay.length > 0) text += ` on ${rule.byDay.map((day) => WEEKDAY_LABELS[day]).join(", ")}`;
  if (rule.byMonthDay !== null) text += ` on the ${ordinal(rule.byMonthDay)}`;
  return text + after;
}

/** What is wrong with a choice before it can be saved, or null. */
export function repeatError(choice: RepeatChoice): string | null {
  switch (choice.kind) {
    case "weekly":
      return choice.days.length === 0 ? "Pick at least one day of the week" : null;
    case "monthly":
      return Number.isInteger(choice.day) && choice.day >= 1 && choice.day <= 31 ? null : "Pick a day of the month from 1 to 31";
    case "custom":
      return Number.isInteger(choice.every) && choice.every >= 1 && choice.every <= MAX_INTERVAL
        ? null
        : `Repeat every 1 to ${MAX_INTERVAL} ${choice.unit}`;
    default:
      return null;
  }
}
