import { describe, expect, it, vi } from "vitest";

// Issue 13, item 8: the address in invitation links is the console's setting, never a request
// header. Next's request headers are played by an attacker's values: the function the members
// actions call must not return them (before the fix it built the link from exactly these).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }),
}));

delete process.env.APP_URL;
delete process.env.PORT;
const { appUrl } = await import("@/lib/http/app-url");
const { invitationLink } = await import("@/lib/invitations/token");

describe("appUrl", () => {
  it("ignores Host and X-Forwarded-Host: outside production without APP_URL it is localhost", async () => {
    const url = await appUrl();
    expect(url).toBe("http://localhost:3000");
    expect(invitationLink(url, "token")).not.toContain("evil.example");
  });
});
