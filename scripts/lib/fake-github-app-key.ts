import { generateKeyPairSync } from "node:crypto";

/**
 * A fresh RSA key for the test GitHub App, in the format GitHub hands out (PKCS#1 PEM, "BEGIN RSA
 * PRIVATE KEY"). Made per test run and given to both sides: the console signs its App JWTs with
 * it (GITHUB_APP_PRIVATE_KEY), the local GitHub verifies them with its public half.
 */
export function generateTestAppKey(): string {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return privateKey;
}
