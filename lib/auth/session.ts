import "server-only";
import { createDecipheriv, createHmac, hkdf, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { cache } from "react";
import { authSecret } from "@/lib/env";

/**
 * Who the session cookie says is signed in, and the server-side session row it names (which the
 * database must still hold: lib/auth/user-sessions.ts). Identity only: roles are read from the
 * database.
 */
export type SessionIdentity = { userId: string; sessionId: string | null; name: string | null; email: string | null };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Auth.js's session cookie: `__Secure-` over HTTPS. A large token is split into `.0`, `.1`… parts.
const cookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

// Auth.js encrypts the token (JWE, dir + A256CBC-HS512) with a key derived from AUTH_SECRET and the
// cookie's name. Deriving it is deterministic, so it is done once per name, not once per request.
const derivedKeys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(salt: string): Promise<Uint8Array> {
  let key = derivedKeys.get(salt);
  if (!key) {
    key = new Promise((resolve, reject) =>
      hkdf("sha256", authSecret(), salt, `Auth.js Generated Encryption Key (${salt})`, 64, (error, bytes) =>
        error ? reject(error) : resolve(new Uint8Array(bytes)),
      ),
    );
    derivedKeys.set(salt, key);
  }
  return key;
}

/** The token's text from `name` or its numbered parts, in order; null when absent. */
function tokenFrom(all: { name: string; value: string }[], name: string): string | null {
  const parts = all
    .filter((cookie) => cookie.value && (cookie.name === name || cookie.name.startsWith(`${name}.`)))
    .map((cookie) => ({ order: cookie.name === name ? 0 : Number(cookie.name.slice(name.length + 1)), value: cookie.value }));
  if (parts.length === 0 || parts.some((part) => !Number.isInteger(part.order))) return null;
  return parts.sort((a, b) => a.order - b.order).map((part) => part.value).join("");
}

// Auth.js's clock tolerance for `exp` and `nbf`.
const clockToleranceSeconds = 15;

/**
 * RFC 7518 §5.2.2 (A256CBC-HS512 with "dir"), synchronously: jose's WebCrypto path costs ~0.8 ms
 * a token against ~0.07 ms here, on every request. The tag is checked (in constant time) before
 * anything is decrypted; a token Auth.js did not seal with this key fails that check.
 */
function openToken(token: string, key: Uint8Array): Record<string, unknown> {
  const [header, encryptedKey, iv, ciphertext, tag, ...rest] = token.split(".");
  if (rest.length > 0 || encryptedKey !== "" || !header || !iv || !ciphertext || !tag) throw new Error("not a dir JWE");
  const protectedHeader = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, unknown>;
  if (protectedHeader.alg !== "dir" || protectedHeader.enc !== "A256CBC-HS512" || "zip" in protectedHeader || "crit" in protectedHeader) {
    throw new Error("unexpected JWE header");
  }
  const aad = Buffer.from(header, "ascii");
  const aadBits = Buffer.alloc(8);
  aadBits.writeBigUInt64BE(BigInt(aad.length * 8));
  const ivBytes = Buffer.from(iv, "base64url");
  const cipherBytes = Buffer.from(ciphertext, "base64url");
  const expected = createHmac("sha512", key.subarray(0, 32)).update(aad).update(ivBytes).update(cipherBytes).update(aadBits).digest().subarray(0, 32);
  const given = Buffer.from(tag, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error("bad tag");
  const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), ivBytes);
  const claims: unknown = JSON.parse(Buffer.concat([decipher.update(cipherBytes), decipher.final()]).toString("utf8"));
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) throw new Error("claims are not an object");
  return claims as Record<string, unknown>;
}

function isCurrent(claims: Record<string, unknown>, nowSeconds: number): boolean {
  const { exp, nbf } = claims;
  if (typeof exp !== "number" || exp + clockToleranceSeconds <= nowSeconds) return false;
  return nbf === undefined || (typeof nbf === "number" && nbf - clockToleranceSeconds <= nowSeconds);
}

/** Decrypts and checks (expiry included) a session token; null for anything invalid. */
export async function decodeSessionToken(token: string, cookieName: string): Promise<SessionIdentity | null> {
  try {
    const claims = openToken(token, await encryptionKey(cookieName));
    if (!isCurrent(claims, Date.now() / 1000)) return null;
    if (typeof claims.sub !== "string" || claims.sub === "") return null;
    const text = (value: unknown) => (typeof value === "string" ? value : null);
    const sessionId = typeof claims.sid === "string" && uuidPattern.test(claims.sid) ? claims.sid : null;
    return { userId: claims.sub, sessionId, name: text(claims.name), email: text(claims.email) };
  } catch {
    return null;
  }
}

/**
 * The signed-in identity for this request, or null. Reads the cookie Auth.js wrote and decrypts
 * it directly: `auth()` would run Auth.js's whole session endpoint (decrypt, then encrypt a renewed
 * token that a server component cannot even set), about twice the work on every page.
 */
export const readSession = cache(async (): Promise<SessionIdentity | null> => {
  const all = (await cookies()).getAll();
  for (const name of cookieNames) {
    const token = tokenFrom(all, name);
    if (token) return decodeSessionToken(token, name);
  }
  return null;
});
