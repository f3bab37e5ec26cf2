import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens } from "@/db/schema";
import { messages, runUserAction } from "@/lib/actions/run-action";
import { hashApiToken, tokenPattern } from "@/lib/api-tokens/secret";
import { authenticateApiToken, createApiToken, listApiTokens, maxTokensPerUser } from "@/lib/api-tokens/tokens";
import { makeUser } from "@/lib/factories";
import { makeApiToken } from "@/lib/factories/api-tokens";
import * as tokenActions from "@/lib/api-tokens/actions";
import { useTestDatabase } from "./support/test-database";

// Issue 6 (7): personal API tokens, through the same door the /account page uses (runUserAction)
// and the authentication the API runs. Tokens are scoped by their owner everywhere.

const t = useTestDatabase();
const day = 24 * 60 * 60 * 1000;

const create = (userId: string | null, input: Record<string, string>) =>
  runUserAction(tokenActions.createApiToken, { db: t.db, userId, input });
const revoke = (userId: string | null, tokenId: string) => runUserAction(tokenActions.revokeApiToken, { db: t.db, userId, input: { tokenId } });
/** Records every UPDATE of an api_tokens row in this file's database, to count real writes. */
async function countTokenUpdates() {
  await t.db.execute(sql`create table if not exists test_token_updates (token_id uuid not null)`);
  await t.db.execute(
    sql.raw(`create or replace function test_count_token_update() returns trigger language plpgsql as $$
      begin insert into test_token_updates values (new.id); return new; end $$`),
  );
  await t.db.execute(sql`drop trigger if exists test_count_token_update on api_tokens`);
  await t.db.execute(sql`create trigger test_count_token_update after update on api_tokens for each row execute function test_count_token_update()`);
}
const rowsOf = (userId: string) => t.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.id));

describe("creating a token", () => {
  it("returns the plaintext once and stores only its hash and prefix", async () => {
    const user = await makeUser(t.db);
    const result = await create(user.id, { name: " CI ", expiry: "30" });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("you will not see it again"), data: { name: "CI" } });
    const token = result.ok ? result.data!.token : "";
    expect(token).toMatch(tokenPattern);

    const [row] = await rowsOf(user.id);
    expect(row).toMatchObject({ name: "CI", tokenHash: hashApiToken(token), prefix: token.slice(3, 11), lastUsedAt: null });
    expect(Object.values(row).map(String).join(" ")).not.toContain(token.slice(3));
    expect(Math.abs(row.expiresAt!.getTime() - (Date.now() + 30 * day))).toBeLessThan(60_000);
  });

  it("offers no expiry and a custom date", async () => {
    const user = await makeUser(t.db);
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(await create(user.id, { name: "forever", expiry: "never" })).toMatchObject({ ok: true });
    expect(await create(user.id, { name: "dated", expiry: "date", expiresOn: `${nextYear}-06-30` })).toMatchObject({ ok: true });
    const listed = await listApiTokens(t.db, user.id);
    expect(listed.map((token) => [token.name, token.expiresAt?.toISOString() ?? null])).toEqual([
      ["dated", `${nextYear}-06-30T00:00:00.000Z`],
      ["forever", null],
    ]);
  });

  it("refuses bad input with a message next to the field, and writes nothing", async () => {
    const user = await makeUser(t.db);
    expect(await create(user.id, { name: "", expiry: "30" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    expect(await create(user.id, { name: "x".repeat(61), expiry: "30" })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("60") } });
    expect(await create(user.id, { name: "CI", expiry: "7" })).toMatchObject({ ok: false, fieldErrors: { expiry: expect.any(String) } });
    expect(await create(user.id, { name: "CI", expiry: "date", expiresOn: "2001-01-01" })).toMatchObject({
      ok: false,
      fieldErrors: { expiresOn: "Choose a date after today." },
      values: { name: "CI" },
    });
    expect(await rowsOf(user.id)).toEqual([]);
  });

  it("refuses a second token with the same name (any case) for the same user, not for another", async () => {
    const [ann, bob] = [await makeUser(t.db), await makeUser(t.db)];
    expect(await create(ann.id, { name: "Laptop", expiry: "never" })).toMatchObject({ ok: true });
    expect(await create(ann.id, { name: "laptop", expiry: "never" })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("already") } });
    expect(await create(bob.id, { name: "laptop", expiry: "never" })).toMatchObject({ ok: true });
  });

  it(`holds at most ${maxTokensPerUser} tokens per user, also when requests race`, async () => {
    const user = await makeUser(t.db);
    for (let i = 0; i < maxTokensPerUser - 3; i++) await makeApiToken(t.db, user);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => createApiToken(t.db, user.id, { name: `race ${i}`, expiry: "never", expiresOn: "" })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok)).toEqual(Array(5).fill({ ok: false, formError: expect.stringContaining("Revoke one") }));
    expect(await rowsOf(user.id)).toHaveLength(maxTokensPerUser);
  });

  it("refuses a signed-out caller", async () => {
    expect(await create(null, { name: "CI", expiry: "30" })).toStrictEqual({ ok: false, formError: messages.signedOut });
  });
});

describe("listing and revoking", () => {
  it("lists only the user's own tokens, newest first, with expired ones marked", async () => {
    const [ann, bob] = [await makeUser(t.db), await makeUser(t.db)];
    const old = await makeApiToken(t.db, ann, { name: "old", createdAt: new Date(Date.now() - 10 * day), expiresAt: new Date(Date.now() - day) });
    const used = new Date(Date.now() - 5 * 60_000);
    const recent = await makeApiToken(t.db, ann, { name: "recent", lastUsedAt: used, expiresAt: new Date(Date.now() + day) });
    await makeApiToken(t.db, bob, { name: "bob's" });
    const listed = await listApiTokens(t.db, ann.id);
    expect(listed).toEqual([
      { id: recent.id, name: "recent", prefix: recent.prefix, createdAt: expect.any(Date), expiresAt: expect.any(Date), lastUsedAt: used, expired: false },
      { id: old.id, name: "old", prefix: old.prefix, createdAt: expect.any(Date), expiresAt: expect.any(Date), lastUsedAt: null, expired: true },
    ]);
  });

  it("revokes the user's own token, which then stops working", async () => {
    const user = await makeUser(t.db);
    const token = await makeApiToken(t.db, user, { name: "CI" });
    expect(await authenticateApiToken(t.db, `Bearer ${token.token}`)).toMatchObject({ ok: true });
    expect(await revoke(user.id, token.id)).toMatchObject({ ok: true, message: expect.stringContaining("CI") });
    expect(await rowsOf(user.id)).toEqual([]);
    expect(await authenticateApiToken(t.db, `Bearer ${token.token}`)).toEqual({ ok: false, reason: "unknown" });
    expect(await revoke(user.id, token.id)).toMatchObject({ ok: false, formError: expect.stringContaining("already revoked") });
  });

  it("cannot revoke another user's token: same answer as a missing one, and the token still works", async () => {
    const [owner, attacker] = [await makeUser(t.db), await makeUser(t.db)];
    const token = await makeApiToken(t.db, owner);
    const before = await rowsOf(owner.id);
    expect(await revoke(attacker.id, token.id)).toMatchObject({ ok: false, formError: expect.stringContaining("does not exist") });
    expect(await rowsOf(owner.id)).toEqual(before);
    expect(await authenticateApiToken(t.db, `Bearer ${token.token}`)).toMatchObject({ ok: true, user: { id: owner.id } });
  });

  it("refuses an id that is not a token id, and a signed-out caller", async () => {
    const user = await makeUser(t.db);
    expect(await revoke(user.id, "1; drop table api_tokens")).toMatchObject({ ok: false, fieldErrors: { tokenId: expect.any(String) } });
    expect(await revoke(null, crypto.randomUUID())).toStrictEqual({ ok: false, formError: messages.signedOut });
  });
});

describe("authenticating a request", () => {
  it("finds the token's user, and says why it cannot", async () => {
    const user = await makeUser(t.db, { name: "Tia Token" });
    const live = await makeApiToken(t.db, user, { expiresAt: new Date(Date.now() + day) });
    const expiredAt = new Date(Date.now() - 1000);
    const expired = await makeApiToken(t.db, user, { expiresAt: expiredAt });

    expect(await authenticateApiToken(t.db, `Bearer ${live.token}`)).toEqual({
      ok: true,
      tokenId: live.id,
      user: { id: user.id, name: "Tia Token", email: user.email },
    });
    expect(await authenticateApiToken(t.db, null)).toEqual({ ok: false, reason: "missing" });
    expect(await authenticateApiToken(t.db, `Token ${live.token}`)).toEqual({ ok: false, reason: "malformed" });
    const unknown = `oc_${"A".repeat(43)}`;
    expect(await authenticateApiToken(t.db, `Bearer ${unknown}`)).toEqual({ ok: false, reason: "unknown" });
    expect(await authenticateApiToken(t.db, `Bearer ${expired.token}`)).toEqual({ ok: false, reason: "expired", expiredAt });
    // An expired token is refused without counting as used.
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, expired.id));
    expect(row.lastUsedAt).toBeNull();
  });

  it("writes last_used_at at most once a minute per token, even under concurrent use", async () => {
    await countTokenUpdates();
    const user = await makeUser(t.db);
    const token = await makeApiToken(t.db, user);
    const lastUsed = async () => (await t.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, token.id)))[0].at;
    const writes = async () => (await t.db.execute(sql`select count(*)::int as n from test_token_updates where token_id = ${token.id}`)) as unknown as [{ n: number }];

    await Promise.all(Array.from({ length: 10 }, () => authenticateApiToken(t.db, `Bearer ${token.token}`)));
    const stamped = await lastUsed();
    expect(stamped).not.toBeNull();
    for (let i = 0; i < 5; i++) expect(await authenticateApiToken(t.db, `Bearer ${token.token}`)).toMatchObject({ ok: true });
    expect(await lastUsed()).toEqual(stamped);
    expect(await writes()).toEqual([{ n: 1 }]);

    // A minute later the next use writes it again.
    await t.db.update(apiTokens).set({ lastUsedAt: sql`now() - interval '61 seconds'` }).where(eq(apiTokens.id, token.id));
    const aged = await lastUsed();
    expect(await authenticateApiToken(t.db, `Bearer ${token.token}`)).toMatchObject({ ok: true });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(aged!.getTime());
    expect(await writes()).toEqual([{ n: 3 }]);
  });
});
