import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";

// The console decrypts Auth.js's session cookie itself (lib/auth/session.ts): it must read exactly
// what Auth.js writes, and nothing else.
let decodeSessionToken: typeof import("@/lib/auth/session").decodeSessionToken;
const secret = "unit-test-secret-0123456789abcdef";
const salt = "authjs.session-token";

beforeAll(async () => {
  process.env.AUTH_SECRET = secret;
  ({ decodeSessionToken } = await import("@/lib/auth/session"));
});

const token = (claims: Record<string, unknown>, options: { maxAge?: number; secret?: string; salt?: string } = {}) =>
  encode({ token: claims, secret: options.secret ?? secret, salt: options.salt ?? salt, maxAge: options.maxAge });

describe("decodeSessionToken", () => {
  it("reads the identity and the session row's id from a token Auth.js encoded", async () => {
    const sid = "7d4f3c2a-1b0e-4f5a-9c8d-6e7f8a9b0c1d";
    const jwt = await token({ sub: "user-1", sid, name: "Dana", email: "dana@example.test" });
    expect(await decodeSessionToken(jwt, salt)).toEqual({ userId: "user-1", sessionId: sid, name: "Dana", email: "dana@example.test" });
  });

  it("names no session row for a token without one, or with a sid that is not a row id", async () => {
    expect((await decodeSessionToken(await token({ sub: "user-1" }), salt))?.sessionId).toBeNull();
    expect((await decodeSessionToken(await token({ sub: "user-1", sid: "x'; drop table users" }), salt))?.sessionId).toBeNull();
  });

  it("refuses an expired token", async () => {
    expect(await decodeSessionToken(await token({ sub: "user-1" }, { maxAge: -60 }), salt)).toBeNull();
  });

  it("refuses a token sealed with another secret or for another cookie name", async () => {
    expect(await decodeSessionToken(await token({ sub: "user-1" }, { secret: "another-secret-0123456789abcdef" }), salt)).toBeNull();
    expect(await decodeSessionToken(await token({ sub: "user-1" }), `__Secure-${salt}`)).toBeNull();
  });

  it("refuses a tampered token, garbage and a token without a subject", async () => {
    const jwt = await token({ sub: "user-1" });
    const tampered = `${jwt.slice(0, -6)}${jwt.slice(-6).split("").reverse().join("")}`;
    expect(await decodeSessionToken(tampered, salt)).toBeNull();
    expect(await decodeSessionToken("not.a.token.at.all", salt)).toBeNull();
    expect(await decodeSessionToken("\u0000", salt)).toBeNull();
    expect(await decodeSessionToken(await token({ name: "No one" }), salt)).toBeNull();
  });
});
