import { describe, expect, it } from "vitest";
import { describeRrule, fromRrule, ordinal, parseRrule, repeatError, toRrule, type RepeatChoice } from "./recurrence";

// Each picker choice with the canonical rule of contract.md it stands for; both directions must hold.
const CHOICES: Array<[string, RepeatChoice, string | null]> = [
  ["does not repeat", { kind: "none" }, null],
  ["daily", { kind: "daily" }, "FREQ=DAILY"],
  ["weekdays", { kind: "weekdays" }, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
  ["weekly on chosen days", { kind: "weekly", days: ["MO", "WE"] }, "FREQ=WEEKLY;BYDAY=MO,WE"],
  ["weekly on the weekend", { kind: "weekly", days: ["SA", "SU"] }, "FREQ=WEEKLY;BYDAY=SA,SU"],
  ["monthly on a day", { kind: "monthly", day: 31 }, "FREQ=MONTHLY;BYMONTHDAY=31"],
  ["yearly", { kind: "yearly" }, "FREQ=YEARLY"],
  ["every 3 days", { kind: "custom", every: 3, unit: "days" }, "FREQ=DAILY;INTERVAL=3"],
  ["every 2 weeks", { kind: "custom", every: 2, unit: "weeks" }, "FREQ=WEEKLY;INTERVAL=2"],
  ["every week (the due date's weekday)", { kind: "custom", every: 1, unit: "weeks" }, "FREQ=WEEKLY"],
  ["every 6 months", { kind: "custom", every: 6, unit: "months" }, "FREQ=MONTHLY;INTERVAL=6"],
  ["a rule the picker cannot build", { kind: "other", rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR" }, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR"],
];

describe("toRrule and fromRrule", () => {
  it.each(CHOICES)("%s", (_name, choice, rrule) => {
    expect(toRrule(choice)).toBe(rrule);
    expect(fromRrule(rrule)).toEqual(choice);
  });

  it("writes the days of the week in canonical order, whatever order they were toggled in", () => {
    expect(toRrule({ kind: "weekly", days: ["FR", "MO", "WE"] })).toBe("FREQ=WEEKLY;BYDAY=MO,WE,FR");
  });

  it("omits an interval of 1", () => {
    expect(toRrule({ kind: "custom", every: 1, unit: "days" })).toBe("FREQ=DAILY");
  });

  it("reads rules in another order or case as their canonical choice", () => {
    expect(fromRrule("byday=we,mo;freq=weekly")).toEqual({ kind: "weekly", days: ["MO", "WE"] });
    expect(fromRrule("FREQ=WEEKLY;BYDAY=FR,TH,WE,TU,MO")).toEqual({ kind: "weekdays" });
  });

  it("keeps a rule it cannot read as it is, so saving other fields does not lose it", () => {
    expect(fromRrule("FREQ=HOURLY")).toEqual({ kind: "other", rrule: "FREQ=HOURLY" });
  });
});

describe("parseRrule", () => {
  it.each([
    ["an unknown frequency", "FREQ=HOURLY"],
    ["no frequency", "INTERVAL=2"],
    ["BYDAY outside WEEKLY", "FREQ=MONTHLY;BYDAY=MO"],
    ["BYMONTHDAY outside MONTHLY", "FREQ=WEEKLY;BYMONTHDAY=3"],
    ["a day of the month past 31", "FREQ=MONTHLY;BYMONTHDAY=32"],
    ["an interval of 0", "FREQ=DAILY;INTERVAL=0"],
    ["an interval past 365", "FREQ=DAILY;INTERVAL=366"],
    ["an unknown weekday", "FREQ=WEEKLY;BYDAY=MO,XX"],
    ["a repeated weekday", "FREQ=WEEKLY;BYDAY=MO,MO"],
    ["a repeated field", "FREQ=DAILY;FREQ=WEEKLY"],
    ["a part without a value", "FREQ=DAILY;INTERVAL"],
    ["an unsupported field", "FREQ=DAILY;COUNT=3"],
  ])("refuses %s", (_name, rrule) => {
    expect(parseRrule(rrule)).toBeNull();
  });
});

describe("describeRrule", () => {
  it.each([
    ["FREQ=DAILY", "due", "Every day"],
    ["FREQ=DAILY;INTERVAL=3", "due", "Every 3 days"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "due", "Every weekday"],
    ["FREQ=WEEKLY;BYDAY=MO,WE", "due", "Every week on Mon, Wed"],
    ["FREQ=WEEKLY;INTERVAL=2", "completion", "Every 2 weeks after completion"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "due", "Every 2 weeks on Mon, Fri"],
    ["FREQ=MONTHLY;BYMONTHDAY=31", "due", "Every month on the 31st"],
    ["FREQ=MONTHLY;BYMONTHDAY=2", "completion", "Every month on the 2nd after completion"],
    ["FREQ=MONTHLY;INTERVAL=6", "due", "Every 6 months"],
    ["FREQ=YEARLY", "due", "Every year"],
    ["FREQ=HOURLY", "due", "Repeats"],
  ] as const)("%s from %s reads %j", (rrule, recurFrom, text) => {
    expect(describeRrule(rrule, recurFrom)).toBe(text);
  });
});

describe("ordinal", () => {
  it.each([
    [1, "1st"], [2, "2nd"], [3, "3rd"], [4, "4th"], [11, "11th"], [12, "12th"], [13, "13th"], [21, "21st"], [22, "22nd"], [23, "23rd"], [31, "31st"],
  ])("%i is %s", (day, text) => {
    expect(ordinal(day)).toBe(text);
  });
});

describe("repeatError", () => {
  it("asks for a day when weekly has none", () => {
    expect(repeatError({ kind: "weekly", days: [] })).toBe("Pick at least one day of the week");
  });

  it("refuses a day of the month outside 1..31 and an interval outside 1..365", () => {
    expect(repeatError({ kind: "monthly", day: 0 })).toBe("Pick a day of the month from 1 to 31");
    expect(repeatError({ kind: "custom", every: 366, unit: "days" })).toBe("Repeat every 1 to 365 days");
    expect(repeatError({ kind: "custom", every: 1.5, unit: "weeks" })).toBe("Repeat every 1 to 365 weeks");
  });

  it("accepts the choices the API takes", () => {
    expect(repeatError({ kind: "monthly", day: 31 })).toBeNull();
    expect(repeatError({ kind: "custom", every: 365, unit: "days" })).toBeNull();
    expect(repeatError({ kind: "weekly", days: ["SU"] })).toBeNull();
  });
});
