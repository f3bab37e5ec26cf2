import "server-only";
import { hkdf } from "node:crypto";
import { jwtDecrypt } from "jose";
import { cookies } from "next/headers";
import { cache } from "react";
import { authSecret } from "@/lib/env";

/** Who the session cookie says is signed in. Identity only: roles are read from the database. */
export type SessionIdentity = { userId: string; name: string | null; email: string | null };

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

/** Decrypts and checks (expiry included) a session token; null for anything invalid. */
export async function decodeSessionToken(token: string, cookieName: string): Promise<SessionIdentity | null> {
  try {
    const key = await encryptionKey(cookieName);
    const { payload } = await jwtDecrypt(token, key, {
      clockTolerance: 15,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256CBC-HS512"],
    });
    if (typeof payload.sub !== "string" || payload.sub === "") return null;
    const text = (value: unknown) => (typeof value === "string" ? value : null);
    return { userId: payload.sub, name: text(payload.name), email: text(payload.email) };
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
