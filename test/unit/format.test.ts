import { describe, expect, it } from "vitest";
import { formatClock, formatCount, formatDate, formatDateTime, formatDayAndClock, plural, pluralWord, relativeTime } from "@/lib/format";

// lib/format.ts: the exact text the pages show (their tests match it), in UTC whatever the
// machine's time zone.

describe("counts", () => {
  it.each([
    [0, "0 members"],
    [1, "1 member"],
    [2, "2 members"],
    [1_024, "1,024 members"],
    [10_000, "10,000 members"],
  ])("plural(%i) is %s", (n, text) => {
    expect(plural(n, "member")).toBe(text);
  });

  it("takes an irregular plural, and the word alone", () => {
    expect(plural(3, "repository", "repositories")).toBe("3 repositories");
    expect(plural(1, "repository", "repositories")).toBe("1 repository");
    expect(pluralWord(1, "member or pending invitation", "members or pending invitations")).toBe("member or pending invitation");
    expect(pluralWord(4, "cluster")).toBe("clusters");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});

describe("dates, in UTC", () => {
  const lateEvening = new Date("2026-11-22T23:59:30Z");

  it("a medium date", () => {
    expect(formatDate(lateEvening)).toBe("Nov 22, 2026");
    expect(formatDate(new Date("2027-01-01T00:00:00Z"))).toBe("Jan 1, 2027");
  });

  it("a date and time, day first, 24-hour clock", () => {
    expect(formatDateTime(lateEvening)).toBe("22 Nov 2026, 23:59 UTC");
    expect(formatDateTime(new Date("2026-03-04T00:05:00Z"))).toBe("4 Mar 2026, 00:05 UTC");
    // Three letters every month (en-GB writes "Sept").
    expect(formatDateTime(new Date("2026-09-02T14:03:00Z"))).toBe("2 Sep 2026, 14:03 UTC");
  });

  it("a clock, with or without its day", () => {
    expect(formatClock(new Date("2030-03-04T14:05:00Z"))).toBe("14:05 UTC");
    expect(formatClock(new Date("2030-03-04T00:00:00Z"))).toBe("00:00 UTC");
    expect(formatDayAndClock(new Date("2030-03-05T09:00:00Z"))).toBe("5 Mar, 09:00 UTC");
    expect(formatDayAndClock(new Date("2030-09-15T21:30:00Z"))).toBe("15 Sep, 21:30 UTC");
  });

  it("relative to now, in the largest unit that fits", () => {
    const now = new Date("2030-03-04T12:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(relativeTime(at(-30_000), now)).toBe("just now");
    expect(relativeTime(at(30_000), now)).toBe("in less than a minute");
    expect(relativeTime(at(-5 * 60_000), now)).toBe("5 minutes ago");
    expect(relativeTime(at(3 * 3_600_000), now)).toBe("in 3 hours");
    expect(relativeTime(at(-24 * 3_600_000), now)).toBe("yesterday");
    expect(relativeTime(at(6 * 24 * 3_600_000), now)).toBe("in 6 days");
  });
});
