import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { developmentSecret, env } from "@/lib/env";

const version = "v1";

/**
 * The key for secrets at rest: KUBECONFIG_ENCRYPTION_KEY (32 bytes, base64), or outside
 * production a key generated once under .data/. Production refuses to run without one.
 */
function key(): Buffer {
  const configured = env.KUBECONFIG_ENCRYPTION_KEY;
  if (configured) {
    const bytes = Buffer.from(configured, "base64");
    if (bytes.length !== 32) throw new Error("KUBECONFIG_ENCRYPTION_KEY must be 32 bytes, base64-encoded (`openssl rand -base64 32`).");
    return bytes;
  }
  if (env.NODE_ENV === "production") throw new Error("KUBECONFIG_ENCRYPTION_KEY must be set in production (`openssl rand -base64 32`).");
  return Buffer.from(developmentSecret("kubeconfig-key"), "base64");
}

/** AES-256-GCM with a random 96-bit IV; the result carries version, IV and tag. */
export function seal(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [version, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
}

export function unseal(sealed: string): string {
  const [v, iv, tag, body] = sealed.split(":");
  if (v !== version || !iv || !tag || body === undefined) throw new Error("not a sealed value");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
}
