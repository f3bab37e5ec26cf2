import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// lib/env.ts parses process.env when first imported, so the key is set before any import of it.
const keys = vi.hoisted(() => {
  const { randomBytes: random } = require("node:crypto") as typeof import("node:crypto");
  const first = random(32).toString("base64");
  process.env.KUBECONFIG_ENCRYPTION_KEY = first;
  return { first };
});

const { seal, unseal } = await import("@/lib/crypto/sealed-box");

/** A fresh copy of the module (and of lib/env) reading KUBECONFIG_ENCRYPTION_KEY = `key`. */
async function sealedBoxWithKey(key: string | undefined) {
  const previous = process.env.KUBECONFIG_ENCRYPTION_KEY;
  if (key === undefined) delete process.env.KUBECONFIG_ENCRYPTION_KEY;
  else process.env.KUBECONFIG_ENCRYPTION_KEY = key;
  vi.resetModules();
  try {
    return await import("@/lib/crypto/sealed-box");
  } finally {
    process.env.KUBECONFIG_ENCRYPTION_KEY = previous;
  }
}

const kubeconfig = "apiVersion: v1\nusers:\n  - name: admin\n    user: { token: s3cr3t-t0ken }\n";

/** Flips one bit of one base64 part of a sealed value ("v1:iv:tag:body"). */
function tamper(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split(":");
  const bytes = Buffer.from(parts[part], "base64");
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString("base64");
  return parts.join(":");
}

describe("sealed box (AES-256-GCM)", () => {
  it("round-trips text, including empty, multi-byte and large values", () => {
    for (const text of [kubeconfig, "", "clé: ✓ 集群", "x".repeat(300_000)]) expect(unseal(seal(text))).toBe(text);
  });

  it("never contains the plaintext, and sealing twice gives different values (random IV)", () => {
    const a = seal(kubeconfig);
    const b = seal(kubeconfig);
    expect(a).not.toBe(b);
    for (const sealed of [a, b]) {
      expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(sealed).not.toContain("s3cr3t");
      expect(Buffer.from(sealed.split(":")[3], "base64").toString("utf8")).not.toContain("s3cr3t");
    }
    const [, iv, tag] = a.split(":");
    expect(Buffer.from(iv, "base64")).toHaveLength(12);
    expect(Buffer.from(tag, "base64")).toHaveLength(16);
  });

  it.each([
    [1, "IV"],
    [2, "tag"],
    [3, "ciphertext"],
  ] as const)("detects tampering with part %s (%s)", (part, _name) => {
    const sealed = seal(kubeconfig);
    expect(() => unseal(tamper(sealed, part))).toThrow();
  });

  it("detects a truncated ciphertext and refuses what is not a sealed value", () => {
    const [v, iv, tag, body] = seal(kubeconfig).split(":");
    expect(() => unseal([v, iv, tag, body.slice(0, -8)].join(":"))).toThrow();
    for (const garbage of ["", kubeconfig, "v2:a:b:c", "v1:a:b", "v1::b:c"]) expect(() => unseal(garbage), garbage).toThrow();
  });

  it("refuses to open a value sealed under another key", async () => {
    const sealed = seal(kubeconfig);
    const other = await sealedBoxWithKey(randomBytes(32).toString("base64"));
    expect(() => other.unseal(sealed)).toThrow();
    // ...and that key's own values open under it, but not under the first key.
    const otherSealed = other.seal(kubeconfig);
    expect(other.unseal(otherSealed)).toBe(kubeconfig);
    expect(() => unseal(otherSealed)).toThrow();
    // The same key in a fresh process opens it.
    expect((await sealedBoxWithKey(keys.first)).unseal(sealed)).toBe(kubeconfig);
  });

  it("refuses a key that is not 32 bytes", async () => {
    for (const bad of [randomBytes(16).toString("base64"), "not-base64-at-all", randomBytes(33).toString("base64")]) {
      const box = await sealedBoxWithKey(bad);
      expect(() => box.seal(kubeconfig)).toThrow("KUBECONFIG_ENCRYPTION_KEY must be 32 bytes");
    }
  });

  it("refuses to run in production without a key", async () => {
    const previous = process.env.NODE_ENV;
    vi.stubEnv("NODE_ENV", "production");
    try {
      const box = await sealedBoxWithKey(undefined);
      expect(() => box.seal(kubeconfig)).toThrow("KUBECONFIG_ENCRYPTION_KEY must be set in production");
    } finally {
      vi.unstubAllEnvs();
      expect(process.env.NODE_ENV).toBe(previous);
    }
  });
});
