import { createHmac } from "node:crypto";
import { sign, verify } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";
import { verifySignature } from "@/lib/git/webhooks";

// X-Hub-Signature-256 as GitHub documents it ("Validating webhook deliveries"), with its published
// test vector, then everything a forger or a broken proxy could send instead.

const secret = "It's a Secret to Everybody";
const payload = "Hello, World!";
const published = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

describe("GitHub's published test vector", () => {
  it("verifies", () => {
    expect(verifySignature(secret, payload, published)).toBe(true);
    expect(verifySignature(secret, Buffer.from(payload), published)).toBe(true);
  });

  it("is what Octokit's own implementation computes and accepts", async () => {
    expect(await sign(secret, payload)).toBe(published);
    expect(await verify(secret, payload, published)).toBe(true);
  });

  it("accepts the hex in capitals and surrounding whitespace (as a proxy may pass it on)", () => {
    expect(verifySignature(secret, payload, published.replace(/[a-f]/g, (c) => c.toUpperCase()).replace("SHA256", "sha256"))).toBe(true);
    expect(verifySignature(secret, payload, ` ${published} `)).toBe(true);
  });
});

describe("refused", () => {
  const hex = published.slice("sha256=".length);
  it.each([
    ["a missing header", payload, undefined],
    ["a null header", payload, null],
    ["an empty header", payload, ""],
    ["the body changed by one character", "Hello, World?", published],
    ["a body with a trailing newline", `${payload}\n`, published],
    ["one hex digit changed", payload, `sha256=${hex.slice(0, -1)}${hex.endsWith("7") ? "8" : "7"}`],
    ["no algorithm prefix", payload, hex],
    ["the SHA-1 header's format", payload, `sha1=${createHmac("sha1", secret).update(payload).digest("hex")}`],
    ["a truncated signature", payload, published.slice(0, -2)],
    ["a longer signature", payload, `${published}00`],
    ["non-hex characters", payload, `sha256=${"z".repeat(64)}`],
    ["two signatures", payload, `${published},${published}`],
  ])("%s", (_label, body, header) => {
    expect(verifySignature(secret, body, header)).toBe(false);
  });

  it("a signature under another secret", () => {
    const other = `sha256=${createHmac("sha256", "another secret").update(payload).digest("hex")}`;
    expect(verifySignature(secret, payload, other)).toBe(false);
  });

  it("anything, when the secret is empty (nothing can be verified with it)", () => {
    const underEmpty = `sha256=${createHmac("sha256", "").update(payload).digest("hex")}`;
    expect(verifySignature("", payload, underEmpty)).toBe(false);
  });
});
