import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, keysetCursor } from "@/lib/pagination/cursor";

// lib/pagination/cursor.ts: the one `?after=` codec. Whatever a link says, decoding answers a
// tuple PostgreSQL accepts or null, and never throws.

const id = "0b5a4f4e-8f3b-4c56-9a0e-2d7f3c1e9b10";
const at = "2026-11-22T14:03:09.123456Z";
const raw = (text: string) => Buffer.from(text).toString("base64url");

describe("round trips", () => {
  it("a tuple of each kind of field", () => {
    const encoded = encodeCursor([at, id, "Ünïcødé / 名前 | \"q\"", 42]);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded, ["timestamp", "uuid", "text", "serial"])).toEqual([at, id, "Ünïcødé / 名前 | \"q\"", 42]);
  });

  it("a named cursor, in its declared order", () => {
    const cursor = keysetCursor({ since: "timestamp", userId: "uuid" });
    const encoded = cursor.encode({ since: at, userId: id });
    expect(decodeCursor(encoded, ["timestamp", "uuid"])).toEqual([at, id]);
    expect(cursor.decode(encoded)).toEqual({ since: at, userId: id });
  });

  it("an empty name, and the latest microsecond of a leap day", () => {
    expect(decodeCursor(encodeCursor(["", id]), ["text", "uuid"])).toEqual(["", id]);
    expect(decodeCursor(encodeCursor(["2028-02-29T23:59:59.999999Z"]), ["timestamp"])).toEqual(["2028-02-29T23:59:59.999999Z"]);
  });
});

describe("anything else is null", () => {
  const fields = ["timestamp", "uuid"] as const;
  it.each([
    ["nothing", undefined],
    ["null", null],
    ["empty", ""],
    ["not base64url", "not a cursor!"],
    ["base64url of no JSON", raw("2026-11-22T14:03:09.123456Z|0b5a4f4e-8f3b-4c56-9a0e-2d7f3c1e9b10")],
    ["truncated", encodeCursor([at, id]).slice(0, -4)],
    ["an object", raw(JSON.stringify({ since: at, userId: id }))],
    ["a bare string", raw(JSON.stringify(at))],
    ["one field short", raw(JSON.stringify([at]))],
    ["one field more", raw(JSON.stringify([at, id, 1]))],
    ["fields swapped", raw(JSON.stringify([id, at]))],
    ["milliseconds only", raw(JSON.stringify(["2026-11-22T14:03:09.123Z", id]))],
    ["no time zone", raw(JSON.stringify(["2026-11-22T14:03:09.123456", id]))],
    ["February 30th", raw(JSON.stringify(["2026-02-30T00:00:00.000000Z", id]))],
    ["month 13", raw(JSON.stringify(["2026-13-01T00:00:00.000000Z", id]))],
    ["24:00", raw(JSON.stringify(["2026-11-22T24:00:00.000000Z", id]))],
    ["year 0", raw(JSON.stringify(["0000-01-01T00:00:00.000000Z", id]))],
    ["36 dashes for an id", raw(JSON.stringify([at, "-".repeat(36)]))],
    ["an id in capitals", raw(JSON.stringify([at, id.toUpperCase()]))],
    ["an id of the wrong shape", raw(JSON.stringify([at, id.replace(/-/g, "") + "abcd"]))],
    ["a number for an id", raw(JSON.stringify([at, 7]))],
    ["far too long", "A".repeat(5000)],
  ])("%s", (_label, value) => {
    expect(decodeCursor(value, fields)).toBeNull();
  });

  it.each([
    ["a NUL character", ["a\u0000b", id]],
    ["a name over 500 characters", ["x".repeat(501), id]],
    ["a number for a name", [5, id]],
    ["null for a name", [null, id]],
  ])("text: %s", (_label, tuple) => {
    expect(decodeCursor(raw(JSON.stringify(tuple)), ["text", "uuid"])).toBeNull();
  });

  it.each([0, -1, 1.5, 2 ** 53, "12", null])("serial: %j", (value) => {
    expect(decodeCursor(raw(JSON.stringify([value])), ["serial"])).toBeNull();
  });

  it("a named cursor too", () => {
    expect(keysetCursor({ name: "text", id: "uuid" }).decode(raw('["x","not-a-uuid"]'))).toBeNull();
  });
});
