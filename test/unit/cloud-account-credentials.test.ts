import { describe, expect, it } from "vitest";
import { credentialsSchema, lastFourOf } from "@/lib/cloud-accounts/credentials";
import { newCloudAccountSchema } from "@/lib/cloud-accounts/schemas";
import { sampleCredentials } from "@/lib/factories/cloud-accounts";

// What each provider needs, and the message next to the field when it is not there.

const errorsOf = (input: Record<string, string>) => {
  const parsed = newCloudAccountSchema.safeParse({ name: "Main", ...input });
  if (parsed.success) return {};
  // The first message of each field, as the action door shows it.
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
};

const uuid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const gcpKey = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ type: "service_account", project_id: "p-1", client_email: "ci@p-1.iam.gserviceaccount.com", private_key_id: "abc123def", private_key: "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n", ...fields });

describe("AWS", () => {
  it("takes access keys, and only the chosen method's fields", () => {
    const parsed = newCloudAccountSchema.parse({ name: "Main", provider: "aws", awsAuth: "keys", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", roleArn: "junk" });
    expect(parsed).toStrictEqual({ name: "Main", provider: "aws", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" });
    expect(lastFourOf(parsed)).toBe("EKEY");
  });

  it("takes a role ARN with an external ID", () => {
    const parsed = credentialsSchema.parse({ provider: "aws", awsAuth: "role", roleArn: "arn:aws:iam::123456789012:role/console-installer", externalId: "ext-4242" });
    expect(parsed).toStrictEqual({ provider: "aws", roleArn: "arn:aws:iam::123456789012:role/console-installer", externalId: "ext-4242" });
  });

  it("says what is wrong next to each field", () => {
    expect(errorsOf({ provider: "aws", awsAuth: "keys", accessKeyId: "nope", secretAccessKey: "" })).toEqual({
      accessKeyId: "An access key ID is 20 characters starting with AKIA (or ASIA), like AKIAIOSFODNN7EXAMPLE.",
      secretAccessKey: "Enter the secret access key.",
    });
    expect(errorsOf({ provider: "aws", awsAuth: "role", roleArn: "arn:aws:s3:::bucket", externalId: "x" })).toMatchObject({
      roleArn: "A role ARN looks like arn:aws:iam::123456789012:role/console-installer.",
      externalId: expect.stringContaining("2 or more"),
    });
    expect(errorsOf({ provider: "aws" })).toMatchObject({ awsAuth: "Choose how the console signs in to AWS." });
  });
});

describe("GCP", () => {
  it("parses a service account key", () => {
    const parsed = credentialsSchema.parse({ provider: "gcp", serviceAccountKey: gcpKey() });
    expect(parsed).toMatchObject({ provider: "gcp", projectId: "p-1", clientEmail: "ci@p-1.iam.gserviceaccount.com" });
    expect(lastFourOf(parsed)).toBe("3def");
  });

  it.each([
    ["", "Paste the service account's JSON key."],
    ["{not json", "The key is not valid JSON: paste the whole file GCP gave you."],
    ["[1, 2]", "The key must be a JSON object."],
    [gcpKey({ type: "authorized_user" }), 'The key must be a service account key ("type": "service_account").'],
    [gcpKey({ project_id: undefined, client_email: "" }), "The key has no project_id, client_email."],
    [gcpKey({ private_key: "hello" }), "The key's private_key is not a PEM private key (-----BEGIN PRIVATE KEY-----)."],
    ["x".repeat(20_000), "A service account key is at most 16 KB."],
  ])("refuses %#", (serviceAccountKey, message) => {
    expect(errorsOf({ provider: "gcp", serviceAccountKey })).toEqual({ serviceAccountKey: message });
  });
});

describe("Azure and Scaleway", () => {
  it("need UUIDs where the provider has them", () => {
    expect(credentialsSchema.parse({ provider: "azure", tenantId: uuid, clientId: uuid, clientSecret: "s3cr3t-value", subscriptionId: uuid })).toMatchObject({ provider: "azure" });
    expect(errorsOf({ provider: "azure", tenantId: "tenant", clientId: uuid, clientSecret: "", subscriptionId: "" })).toEqual({
      tenantId: "The tenant ID is a UUID, like 00000000-0000-0000-0000-000000000000.",
      clientSecret: "Enter the client secret.",
      subscriptionId: "Enter the subscription ID.",
    });
    expect(credentialsSchema.parse({ provider: "scaleway", accessKey: "scwabcdefghij1234567", secretKey: uuid, projectId: uuid })).toMatchObject({ accessKey: "SCWABCDEFGHIJ1234567" });
    expect(errorsOf({ provider: "scaleway", accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "x", projectId: uuid })).toEqual({
      accessKey: "A Scaleway access key is 20 characters starting with SCW, like SCWXXXXXXXXXXXXXXXXX.",
      secretKey: "The secret key is a UUID, like 00000000-0000-0000-0000-000000000000.",
    });
  });
});

describe("any provider", () => {
  it("refuses an unknown provider next to the provider field, and hostile values with a message", () => {
    expect(errorsOf({ provider: "self_managed" })).toMatchObject({ provider: "Choose a cloud provider." });
    expect(errorsOf({ provider: "azure", tenantId: "\u202e".repeat(50_000), clientId: uuid, clientSecret: "s", subscriptionId: uuid })).toMatchObject({
      tenantId: expect.any(String),
    });
  });

  it("samples of every provider pass their own checks", () => {
    for (const provider of ["aws", "gcp", "azure", "scaleway"] as const) {
      const sample = sampleCredentials(provider);
      const form = sample.provider === "aws" ? { ...sample, awsAuth: "keys" } : sample;
      expect(credentialsSchema.safeParse(form).success, provider).toBe(true);
    }
  });
});
