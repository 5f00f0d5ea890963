import { describe, expect, it } from "vitest";
import { addDays, dayHeading, daysBetween, dueLabel, reminderLabel, timeLabel } from "./due";

describe("dueLabel", () => {
  const today = "2026-11-22"; // a Sunday

  it.each([
    ["2026-11-22", "Due today", "today"],
    ["2026-11-23", "Due tomorrow", "soon"],
    ["2026-11-21", "Overdue by 1 day", "overdue"],
    ["2026-11-20", "Overdue by 2 days", "overdue"],
    ["2026-11-27", "Due Friday", "soon"],
    ["2026-11-29", "Due Nov 29", "later"],
    ["2027-01-05", "Due Jan 5, 2027", "later"],
  ])("%s reads %s", (due, text, tone) => {
    expect(dueLabel(due, today)).toEqual({ text, tone });
  });

  it("counts calendar days across a month and a daylight-saving change", () => {
    expect(daysBetween("2026-10-24", "2026-11-02")).toBe(9);
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
  });

  it("heads the days of Upcoming with Tomorrow, then the weekday and date", () => {
    expect(dayHeading("2026-11-23", today)).toBe("Tomorrow");
    expect(dayHeading("2026-11-25", today)).toBe("Wednesday, Nov 25");
  });
});

describe("timeLabel", () => {
  it.each([
    ["00:05", "12:05 AM"],
    ["09:00", "9:00 AM"],
    ["14:30", "2:30 PM"],
  ])("%s reads %s", (time, text) => {
    expect(timeLabel(time)).toBe(text);
  });
});

describe("reminderLabel", () => {
  it.each([
    [0, "At due time"],
    [15, "15 minutes before"],
    [1440, "1 day before"],
    [45, "45 minutes before"],
    [180, "3 hours before"],
    [2880, "2 days before"],
    [1, "1 minute before"],
  ])("%i minutes reads %s", (minutes, text) => {
    expect(reminderLabel(minutes)).toBe(text);
  });
});
