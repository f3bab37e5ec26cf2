import { z } from "zod";

// What each provider needs, checked on the server; every refusal names the field it is about.
// The form posts one set of fields per provider; only the chosen provider's are read.

export const accountProviders = ["aws", "gcp", "azure", "scaleway"] as const;
export type AccountProvider = (typeof accountProviders)[number];

const uuid = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(100, `The ${label} is a UUID (36 characters).`)
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `The ${label} is a UUID, like 00000000-0000-0000-0000-000000000000.`);

const text = (label: string, max: number) => z.string().trim().min(1, `Enter the ${label}.`).max(max, `The ${label} must be at most ${max} characters.`);

// The fields of the AWS method not chosen may be absent or anything; the chosen one's are checked.
const loose = z.string().max(70_000, "This value is far too long.").default("");

const awsFields = z
  .object({
    provider: z.literal("aws"),
    awsAuth: z.enum(["keys", "role"], "Choose how the console signs in to AWS."),
    accessKeyId: loose,
    secretAccessKey: loose,
    roleArn: loose,
    externalId: loose,
  })
  .superRefine((v, issue) => {
    const check = (field: keyof typeof v, schema: z.ZodType) => {
      const parsed = schema.safeParse(v[field]);
      if (!parsed.success) issue.addIssue({ code: "custom", path: [field], message: parsed.error.issues[0].message });
    };
    if (v.awsAuth === "keys") {
      check("accessKeyId", text("access key ID", 128).regex(/^(AKIA|ASIA)[A-Z0-9]{16}$/, "An access key ID is 20 characters starting with AKIA (or ASIA), like AKIAIOSFODNN7EXAMPLE."));
      check("secretAccessKey", text("secret access key", 128).regex(/^[A-Za-z0-9/+=]{40}$/, "A secret access key is 40 letters, digits, / and + characters."));
    } else {
      check(
        "roleArn",
        text("role ARN", 2048).regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "A role ARN looks like arn:aws:iam::123456789012:role/console-installer."),
      );
      check("externalId", text("external ID", 1224).regex(/^[\w+=,.@:/-]{2,}$/, "An external ID is 2 or more letters, digits and + = , . @ : / - _ characters."));
    }
  });

const pemHeader = /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

/** A service-account JSON key, parsed: the refusal says what is wrong with it. */
export function checkServiceAccountKey(raw: string): { ok: true; key: { projectId: string; clientEmail: string; privateKeyId: string } } | { ok: false; message: string } {
  if (!raw.trim()) return { ok: false, message: "Paste the service account's JSON key." };
  if (raw.length > 16_384) return { ok: false, message: "A service account key is at most 16 KB." };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return { ok: false, message: "The key is not valid JSON: paste the whole file GCP gave you." };
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return { ok: false, message: "The key must be a JSON object." };
  const key = doc as Record<string, unknown>;
  if (key.type !== "service_account") return { ok: false, message: 'The key must be a service account key ("type": "service_account").' };
  const missing = ["project_id", "client_email", "private_key"].filter((field) => typeof key[field] !== "string" || !(key[field] as string).trim());
  if (missing.length > 0) return { ok: false, message: `The key has no ${missing.join(", ")}.` };
  if (!(key.client_email as string).includes("@")) return { ok: false, message: "The key's client_email is not an email address." };
  if (!pemHeader.test(key.private_key as string)) return { ok: false, message: "The key's private_key is not a PEM private key (-----BEGIN PRIVATE KEY-----)." };
  const privateKeyId = typeof key.private_key_id === "string" ? key.private_key_id : "";
  return { ok: true, key: { projectId: key.project_id as string, clientEmail: key.client_email as string, privateKeyId } };
}

const gcpFields = z
  .object({ provider: z.literal("gcp"), serviceAccountKey: z.string().max(65_536, "A service account key is at most 16 KB.").default("") })
  .superRefine((v, issue) => {
    const check = checkServiceAccountKey(v.serviceAccountKey);
    if (!check.ok) issue.addIssue({ code: "custom", path: ["serviceAccountKey"], message: check.message });
  });

const azureFields = z.object({
  provider: z.literal("azure"),
  tenantId: uuid("tenant ID"),
  clientId: uuid("client ID"),
  clientSecret: text("client secret", 512),
  subscriptionId: uuid("subscription ID"),
});

const scalewayFields = z.object({
  provider: z.literal("scaleway"),
  accessKey: text("access key", 64)
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^SCW[A-Z0-9]{17}$/, "A Scaleway access key is 20 characters starting with SCW, like SCWXXXXXXXXXXXXXXXXX.")),
  secretKey: uuid("secret key"),
  projectId: uuid("project ID"),
});

/** The credentials as they are sealed and handed to the engine: only what the provider needs. */
export type CloudCredentials =
  | { provider: "aws"; accessKeyId: string; secretAccessKey: string }
  | { provider: "aws"; roleArn: string; externalId: string }
  | { provider: "gcp"; serviceAccountKey: string; projectId: string; clientEmail: string }
  | { provider: "azure"; tenantId: string; clientId: string; clientSecret: string; subscriptionId: string }
  | { provider: "scaleway"; accessKey: string; secretKey: string; projectId: string };

export const credentialsSchema = z
  .discriminatedUnion("provider", [awsFields, gcpFields, azureFields, scalewayFields], { error: "Choose a cloud provider." })
  .transform((v): CloudCredentials => {
    switch (v.provider) {
      case "aws":
        return v.awsAuth === "keys"
          ? { provider: "aws", accessKeyId: v.accessKeyId.trim(), secretAccessKey: v.secretAccessKey.trim() }
          : { provider: "aws", roleArn: v.roleArn.trim(), externalId: v.externalId.trim() };
      case "gcp": {
        const check = checkServiceAccountKey(v.serviceAccountKey);
        if (!check.ok) throw new Error("unreachable: refined above");
        return { provider: "gcp", serviceAccountKey: v.serviceAccountKey, projectId: check.key.projectId, clientEmail: check.key.clientEmail };
      }
      case "azure":
        return { provider: "azure", tenantId: v.tenantId, clientId: v.clientId, clientSecret: v.clientSecret, subscriptionId: v.subscriptionId };
      case "scaleway":
        return { provider: "scaleway", accessKey: v.accessKey, secretKey: v.secretKey, projectId: v.projectId };
    }
  });

/** Every form field that carries a secret: never echoed back to the browser, not even after a refusal. */
export const secretFields = ["secretAccessKey", "externalId", "serviceAccountKey", "clientSecret", "secretKey"] as const;

/** The secret whose last four characters tell accounts apart on the page. */
function secretOf(credentials: CloudCredentials): string {
  switch (credentials.provider) {
    case "aws":
      return "secretAccessKey" in credentials ? credentials.secretAccessKey : credentials.externalId;
    case "gcp": {
      const check = checkServiceAccountKey(credentials.serviceAccountKey);
      // The key's id, as GCP's console shows it; the PEM's own last characters are its footer.
      return check.ok && check.key.privateKeyId ? check.key.privateKeyId : credentials.clientEmail;
    }
    case "azure":
      return credentials.clientSecret;
    case "scaleway":
      return credentials.secretKey;
  }
}

export function lastFourOf(credentials: CloudCredentials): string {
  return secretOf(credentials).slice(-4);
}

export const maskedSecret = (last4: string) => `…${last4}`;
