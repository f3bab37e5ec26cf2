import { describe, expect, it } from "vitest";
import { auditCsvColumns, auditCsvFilename, auditCsvHeader, auditCsvLine, csvCell, csvRow } from "@/lib/audit/csv";
import { presentAuditEvent } from "@/lib/audit/present";
import type { AuditEventRow } from "@/lib/audit/queries";

/** A small RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe("CSV cells", () => {
  it("quotes only what needs quoting, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("")).toBe("");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("http://evil.test","click")'])(
    "neutralises a formula: %j",
    (value) => {
      const cell = csvCell(value);
      const [[read]] = parseCsv(`${cell}\r\n`);
      expect(read).toBe(`'${value}`);
    },
  );

  it("leaves a formula character alone when it is not first", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("alice@example.test")).toBe("alice@example.test");
  });

  it("ends rows with CRLF and reads back cell for cell", () => {
    const cells = ["x", "y,z", 'q"uote', "multi\nline", "=bad"];
    const row = csvRow(cells);
    expect(row.endsWith("\r\n")).toBe(true);
    expect(parseCsv(row)).toEqual([["x", "y,z", 'q"uote', "multi\nline", "'=bad"]]);
  });
});

describe("audit CSV lines", () => {
  const row: AuditEventRow = {
    id: 7,
    createdAt: new Date("2026-11-22T14:03:09.123Z"),
    createdAtKey: "2026-11-22T14:03:09.123456Z",
    actorId: "00000000-0000-4000-8000-000000000001",
    actorLabel: "=Mallory <mallory@example.test>",
    actorName: "=Mallory",
    actorEmail: "mallory@example.test",
    actorImage: null,
    action: "member.role_change",
    targetType: "member",
    targetId: "00000000-0000-4000-8000-000000000002",
    targetLabel: "Bob, Jr. <bob@example.test>",
    origin: "ui",
    before: { role: "developer" },
    after: { role: "admin" },
  };

  it("has the documented header", () => {
    expect(auditCsvHeader).toBe("time,actor,action,description,target type,target,origin,before,after\r\n");
    expect(auditCsvColumns).toHaveLength(9);
  });

  it("writes time in ISO, the actor as recorded, the sentence, the target, the origin and JSON values", () => {
    const [cells] = parseCsv(auditCsvLine(presentAuditEvent(row)));
    expect(cells).toEqual([
      "2026-11-22T14:03:09.123Z",
      "'=Mallory <mallory@example.test>",
      "member.role_change",
      "'=Mallory changed Bob, Jr.'s role from Developer to Admin",
      "Member",
      "Bob, Jr. <bob@example.test>",
      "Web console",
      '{"role":"developer"}',
      '{"role":"admin"}',
    ]);
  });

  it("leaves empty values empty", () => {
    const [cells] = parseCsv(auditCsvLine(presentAuditEvent({ ...row, before: null, after: null, origin: "system", actorId: null, actorEmail: null, actorName: null })));
    expect(cells.slice(6)).toEqual(["System", "", ""]);
  });

  it("names the file after the organization and the day", () => {
    expect(auditCsvFilename("acme-corp", new Date("2026-11-22T23:59:00Z"))).toBe("audit-log-acme-corp-2026-11-22.csv");
    expect(auditCsvFilename('we"ird/slug')).toMatch(/^audit-log-we-ird-slug-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
