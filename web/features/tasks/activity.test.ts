import { describe, expect, it } from "vitest";
import { actorOf, describeAction, describeChange, describeEntry, whenLabel, type HistoryChange, type HistoryEntry, type Via } from "./activity";

const change = (field: string, from: unknown, to: unknown): HistoryChange => ({ field, from, to });

describe("describeChange", () => {
  it.each<[string, HistoryChange, string]>([
    ["a new title", change("title", "Buy milk", "Buy oat milk"), 'changed the title from "Buy milk" to "Buy oat milk"'],
    ["a first title", change("title", null, "Buy milk"), 'set the title to "Buy milk"'],
    ["a first description", change("description", null, "Semi-skimmed"), "added a description"],
    ["another description", change("description", "Semi-skimmed", "Whole"), "changed the description"],
    ["no description", change("description", "Whole", null), "removed the description"],
    ["done", change("status", "pending", "done"), "completed it"],
    ["done to pending", change("status", "done", "pending"), "reopened it"],
    ["in progress", change("status", "pending", "in_progress"), "marked it in progress"],
    ["back to pending", change("status", "in_progress", "pending"), "marked it pending"],
    ["a priority", change("priority", "medium", "high"), "changed the priority from Medium to High"],
    ["a first due date", change("dueDate", null, "2026-12-24"), "set the due date to Dec 24, 2026"],
    ["another due date", change("dueDate", "2026-12-24", "2027-01-02"), "changed the due date from Dec 24, 2026 to Jan 2, 2027"],
    ["no due date", change("dueDate", "2026-12-24", null), "removed the due date"],
    ["a first due time", change("dueTime", null, "09:30"), "set the due time to 9:30 AM"],
    ["another due time", change("dueTime", "09:30", "14:00"), "changed the due time from 9:30 AM to 2:00 PM"],
    ["no due time", change("dueTime", "09:30", null), "removed the due time"],
    ["a first reminder", change("reminderMinutesBefore", null, 15), "set a reminder 15 minutes before"],
    ["a reminder at the due moment", change("reminderMinutesBefore", null, 0), "set a reminder at due time"],
    ["another reminder", change("reminderMinutesBefore", 0, 45), "changed the reminder to 45 minutes before"],
    ["no reminder", change("reminderMinutesBefore", 60, null), "removed the reminder"],
    ["a weekly repeat", change("recurrence", null, "FREQ=WEEKLY"), "set it to repeat every week"],
    ["a weekday repeat", change("recurrence", "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"), "set it to repeat every weekday"],
    ["a rule outside the subset", change("recurrence", null, "FREQ=HOURLY"), "set it to repeat by the rule FREQ=HOURLY"],
    ["no repeat", change("recurrence", "FREQ=DAILY", null), "stopped it repeating"],
    ["repeats from completion", change("recurFrom", "due", "completion"), "counted its repeats from completion"],
    ["repeats from the due date", change("recurFrom", "completion", "due"), "counted its repeats from the due date"],
    ["one tag added", change("tags", ["home"], ["home", "work"]), "added the tag work"],
    ["tags added and removed", change("tags", ["home", "garden"], ["work", "errands"]), "added the tags work, errands and removed the tags home, garden"],
    ["every tag removed", change("tags", ["home"], null), "removed the tag home"],
    ["first tags", change("tags", null, ["a", "b"]), "added the tags a, b"],
    ["tags reordered", change("tags", ["a", "b"], ["b", "a"]), "reordered the tags"],
    ["a new place", change("position", 3, 1), "moved it"],
    ["a field it does not know", change("colour", "red", "blue"), "changed colour"],
  ])("%s", (_name, input, expected) => {
    expect(describeChange(input)).toBe(expected);
  });
});

const entry = (type: HistoryEntry["type"], changes: HistoryChange[], via: Via = "api"): HistoryEntry => ({
  id: "e1", type, timestamp: "2026-12-07T09:30:00Z", via, changes, task: null,
});

describe("describeEntry", () => {
  it.each<[Via, string]>([
    ["api", "You"],
    ["assistant", "Assistant"],
    ["mcp", "An MCP client"],
    ["import", "Import"],
    ["recurrence", "Repeat"],
  ])("names who made a change through %s as %s", (via, actor) => {
    expect(actorOf(via)).toBe(actor);
    expect(describeEntry(entry("TaskCreated", [change("title", null, "Gym")], via))).toBe(`${actor} created the task`);
  });

  it("calls a change through a door it does not know someone's", () => {
    expect(describeEntry({ ...entry("TaskUpdated", [change("position", 1, 2)]), via: "webhook" as Via })).toBe("Someone moved it");
  });

  it("says created or deleted whatever the fields were", () => {
    expect(describeAction(entry("TaskCreated", [change("title", null, "Gym"), change("priority", null, "high")]))).toBe("created the task");
    expect(describeAction(entry("TaskDeleted", [change("title", "Gym", null)]))).toBe("deleted the task");
  });

  it("says completed for a completion, with or without its status change", () => {
    expect(describeEntry(entry("TaskCompleted", [change("status", "pending", "done")]))).toBe("You completed it");
    expect(describeEntry(entry("TaskCompleted", []))).toBe("You completed it");
  });

  it("lists every change of one update, leaving out the move that came with them", () => {
    const update = entry("TaskUpdated", [change("title", "A", "B"), change("dueTime", null, "09:30"), change("position", 2, 5)], "assistant");
    expect(describeEntry(update)).toBe('Assistant changed the title from "A" to "B" and set the due time to 9:30 AM');
    expect(describeEntry(entry("TaskUpdated", [change("position", 2, 5)]))).toBe("You moved it");
    expect(describeEntry(entry("TaskUpdated", [change("status", "done", "pending")]))).toBe("You reopened it");
  });

  it("lists a cleared due date with what the server cleared with it", () => {
    const cleared = entry("TaskUpdated", [change("dueDate", "2026-12-24", null), change("reminderMinutesBefore", 15, null), change("recurrence", "FREQ=YEARLY", null)]);
    expect(describeAction(cleared)).toBe("removed the due date, removed the reminder and stopped it repeating");
  });

  it("says updated for an update without a change it lists", () => {
    expect(describeAction(entry("TaskUpdated", []))).toBe("updated it");
  });
});

describe("whenLabel", () => {
  const now = new Date(2026, 11, 7, 15, 0);
  const at = (...parts: [number, number, number, number, number]) => new Date(...parts).toISOString();

  it("counts minutes within the hour", () => {
    expect(whenLabel(at(2026, 11, 7, 14, 59), now)).toBe("1 minute ago");
    expect(whenLabel(at(2026, 11, 7, 14, 15), now)).toBe("45 minutes ago");
    expect(whenLabel(now.toISOString(), now)).toBe("just now");
  });

  it("names today and yesterday, then the date, with the year only when it is another", () => {
    expect(whenLabel(at(2026, 11, 7, 9, 30), now)).toBe("Today at 9:30 AM");
    expect(whenLabel(at(2026, 11, 6, 18, 5), now)).toBe("Yesterday at 6:05 PM");
    expect(whenLabel(at(2026, 10, 30, 8, 0), now)).toBe("Nov 30 at 8:00 AM");
    expect(whenLabel(at(2025, 11, 31, 23, 0), now)).toBe("Dec 31, 2025 at 11:00 PM");
  });
});
