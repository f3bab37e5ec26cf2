import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as route from "@/app/api/v1/projects/resolve/route";
import type { Db } from "@/db/client";
import { apiTokens, organizations, projects, type User } from "@/db/schema";
import { makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { makeApiToken } from "@/lib/factories/api-tokens";
import { handleResolve, maxBodyBytes } from "@/lib/projects/resolve-http";
import { useTestDatabase } from "./support/test-database";

// POST /api/v1/projects/resolve as the CLI calls it: real Request objects through the handler the
// route runs, on this file's database. Every answer is JSON, never cached, and says what is wrong.

const t = useTestDatabase();
const url = "http://console.test/api/v1/projects/resolve";

function post(headers: Record<string, string>, init: RequestInit = {}) {
  return handleResolve(t.db, new Request(url, { method: "POST", headers, ...init }));
}

async function read(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function caller(fields: { name?: string } = {}) {
  const user = await makeUser(t.db, fields);
  const { token, id } = await makeApiToken(t.db, user);
  const [personal] = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
  return { user, token, tokenId: id, personal, auth: { Authorization: `Bearer ${token}` } };
}

describe("authentication", () => {
  it("answers 401 with a Bearer challenge and a JSON message when the token is missing", async () => {
    const { status, body, headers } = await read(await post({ "X-Project-Key": "web" }));
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toBe('Bearer realm="Org Console"');
    expect(body).toEqual({ error: "missing_token", message: expect.stringContaining("Authorization: Bearer") });
    expect(body.message).toContain("http://console.test/account");
  });

  it.each([
    ["malformed", () => Promise.resolve("Basic dXNlcjpwYXNz"), "oc_"],
    ["unknown", () => Promise.resolve(`Bearer oc_${"x".repeat(43)}`), "revoked"],
    [
      "expired",
      async (user: User) => `Bearer ${(await makeApiToken(t.db, user, { expiresAt: new Date("2020-05-01T00:00:00Z") })).token}`,
      "expired on 2020-05-01",
    ],
  ])("answers 401 invalid_token for a %s token", async (_what, header, says) => {
    const user = await makeUser(t.db);
    const { status, body, headers } = await read(await post({ Authorization: await header(user), "X-Project-Key": "web" }));
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toBe('Bearer realm="Org Console", error="invalid_token"');
    expect(body).toEqual({ error: "invalid_token", message: expect.stringContaining(says) });
  });

  it("checks the token before the key", async () => {
    expect((await post({})).status).toBe(401);
  });
});

describe("the project key", () => {
  it("answers 400 with a message when X-Project-Key is missing or empty", async () => {
    const { auth } = await caller();
    for (const headers of [auth, { ...auth, "X-Project-Key": "  " }]) {
      const { status, body } = await read(await post(headers));
      expect(status).toBe(400);
      expect(body).toEqual({ error: "missing_project_key", message: "Send the project key in the X-Project-Key header." });
    }
  });

  it("answers 400 with the rule when the key is malformed, and writes nothing", async () => {
    const { auth, personal } = await caller();
    const { status, body } = await read(await post({ ...auth, "X-Project-Key": "my app" }));
    expect(status).toBe(400);
    expect(body).toEqual({ error: "invalid_project_key", message: expect.stringMatching(/^X-Project-Key is not a valid project key\. A project key is 1–64/) });
    expect(await t.db.select().from(projects).where(eq(projects.orgId, personal.id))).toEqual([]);
  });
});

describe("resolving", () => {
  it("creates the project in the personal organization (201), then finds the same one (200)", async () => {
    const { auth, personal, tokenId } = await caller();
    const key = `cli-${uniqueTag()}`;
    const first = await read(await post({ ...auth, "X-Project-Key": key }));
    expect(first.status).toBe(201);
    const [project] = await t.db.select().from(projects).where(eq(projects.orgId, personal.id));
    expect(first.body).toStrictEqual({
      project: { id: project.id, name: key, key },
      organization: { slug: personal.slug, name: personal.name, kind: "personal" },
      created: true,
    });

    const again = await read(await post({ ...auth, "X-Project-Key": key.toUpperCase() }));
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual({ ...first.body, created: false });
    const [token] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(token.lastUsedAt).not.toBeNull();
  });

  it("answers with the team organization's project when one of the caller's teams has the key", async () => {
    const { user, auth } = await caller();
    const team = await makeTeamOrg(t.db, user);
    const key = `team-${uniqueTag()}`;
    const [project] = await t.db.insert(projects).values({ orgId: team.id, name: "Team web", key }).returning();
    const { status, body } = await read(await post({ ...auth, "X-Project-Key": key }));
    expect(status).toBe(200);
    expect(body).toStrictEqual({ project: { id: project.id, name: "Team web", key }, organization: { slug: team.slug, name: team.name, kind: "team" }, created: false });
  });

  it("answers 403 with the plan's message when the personal organization is full", async () => {
    const { auth } = await caller();
    for (let i = 0; i < 3; i++) expect((await post({ ...auth, "X-Project-Key": `full-${i}-${uniqueTag()}` })).status).toBe(201);
    const { status, body } = await read(await post({ ...auth, "X-Project-Key": `one-more-${uniqueTag()}` }));
    expect(status).toBe(403);
    expect(body).toEqual({ error: "plan_limit", message: expect.stringMatching(/^Your personal organization is on the Free plan, which allows 3 projects/) });
  });
});

describe("the request body", () => {
  const streamOf = (bytes: number, chunk = 4096) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let sent = 0; sent < bytes; sent += chunk) controller.enqueue(new Uint8Array(Math.min(chunk, bytes - sent)));
        controller.close();
      },
    });

  it("is optional and accepted up to 16 KiB", async () => {
    const { auth } = await caller();
    const key = `body-${uniqueTag()}`;
    expect((await post({ ...auth, "X-Project-Key": key, "Content-Type": "application/json" }, { body: JSON.stringify({ hello: "cli" }) })).status).toBe(201);
    expect((await post({ ...auth, "X-Project-Key": key }, { body: "x".repeat(maxBodyBytes) })).status).toBe(200);
  });

  it("answers 413 for a declared Content-Length over 16 KiB", async () => {
    const { auth } = await caller();
    // Refused on the header alone: the small body behind it is never read.
    const response = await post({ ...auth, "X-Project-Key": "web", "Content-Length": String(maxBodyBytes + 1) }, { body: "x" });
    const { status, body } = await read(response);
    expect(status).toBe(413);
    expect(body).toEqual({ error: "payload_too_large", message: expect.stringContaining("16 KiB") });
  });

  it("answers 413 for a streamed body that grows past 16 KiB, and creates nothing", async () => {
    const { auth, personal } = await caller();
    const response = await post({ ...auth, "X-Project-Key": "web" }, { body: streamOf(maxBodyBytes + 1), duplex: "half" } as RequestInit);
    expect((await read(response)).status).toBe(413);
    expect(await t.db.select().from(projects).where(eq(projects.orgId, personal.id))).toEqual([]);
    const small = await post({ ...auth, "X-Project-Key": "web" }, { body: streamOf(maxBodyBytes), duplex: "half" } as RequestInit);
    expect(small.status).toBe(201);
  });
});

describe("methods and failures", () => {
  it.each(["GET", "PUT", "PATCH", "DELETE"] as const)("answers %s with 405, Allow and JSON", async (method) => {
    const { status, body, headers } = await read(route[method]());
    expect(status).toBe(405);
    expect(headers.get("allow")).toBe("OPTIONS, POST");
    expect(body).toEqual({ error: "method_not_allowed", message: "Use POST to resolve a project key." });
  });

  it("lists only POST for OPTIONS", () => {
    const response = route.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("OPTIONS, POST");
  });

  it("answers an unexpected failure with a generic 500 and no details", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = new Proxy(t.db, {
      get: (target, property) => (property === "select" ? () => { throw new Error("connection refused at /srv/secret.ts:12"); } : Reflect.get(target, property)),
    }) as Db;
    const { user } = await caller();
    const { token } = await makeApiToken(t.db, user);
    const response = await handleResolve(broken, new Request(url, { method: "POST", headers: { Authorization: `Bearer ${token}`, "X-Project-Key": "web" } }));
    const { status, body } = await read(response);
    expect(status).toBe(500);
    expect(body).toEqual({ error: "internal_error", message: expect.stringMatching(/^Something went wrong/) });
    expect(JSON.stringify(body)).not.toMatch(/secret|connection refused/);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(errors.mock.calls)).not.toContain(token);
    errors.mockRestore();
  });
});
