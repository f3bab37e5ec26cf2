"use client";

import { useEffect, useState } from "react";
import { Field } from "@/components/ui/field";

export type AccountProviderName = "aws" | "gcp" | "azure" | "scaleway";

type Props = {
  provider: AccountProviderName;
  fieldError: (name: string) => string | undefined;
  /** What was typed before a refusal (never a secret: the server does not send those back). */
  value: (name: string, saved: string) => string;
};

// Secrets are typed into password inputs the browser neither shows nor offers to save.
const secret = { type: "password", autoComplete: "off", spellCheck: false } as const;
const plain = { autoComplete: "off", spellCheck: false } as const;

/**
 * The credential fields of one provider, for adding an account and for rotating its credentials.
 * The server checks them again (lib/cloud-accounts/credentials.ts) and answers next to each field.
 */
export function CredentialFields({ provider, fieldError, value }: Props) {
  switch (provider) {
    case "aws":
      return <AwsFields fieldError={fieldError} value={value} />;
    case "gcp":
      return (
        <Field
          name="serviceAccountKey"
          label="Service account key (JSON)"
          required
          multiline
          hint='Paste the JSON key file of a service account ("type": "service_account", with project_id, client_email and private_key).'
          error={fieldError("serviceAccountKey")}
        />
      );
    case "azure":
      return (
        <>
          <Field name="tenantId" label="Tenant ID" required hint="A UUID (Microsoft Entra ID → Overview)." defaultValue={value("tenantId", "")} error={fieldError("tenantId")} inputProps={plain} />
          <Field name="clientId" label="Client ID" required hint="The application (client) ID of the service principal, a UUID." defaultValue={value("clientId", "")} error={fieldError("clientId")} inputProps={plain} />
          <Field name="clientSecret" label="Client secret" required error={fieldError("clientSecret")} inputProps={secret} />
          <Field name="subscriptionId" label="Subscription ID" required hint="A UUID." defaultValue={value("subscriptionId", "")} error={fieldError("subscriptionId")} inputProps={plain} />
        </>
      );
    case "scaleway":
      return (
        <>
          <Field name="accessKey" label="Access key" required hint="20 characters starting with SCW." defaultValue={value("accessKey", "")} error={fieldError("accessKey")} inputProps={plain} />
          <Field name="secretKey" label="Secret key" required hint="A UUID." error={fieldError("secretKey")} inputProps={secret} />
          <Field name="projectId" label="Project ID" required hint="A UUID." defaultValue={value("projectId", "")} error={fieldError("projectId")} inputProps={plain} />
        </>
      );
  }
}

/** Access keys or a role to assume: both sets are in the form, the chosen one is read. */
function AwsFields({ fieldError, value }: Omit<Props, "provider">) {
  const submitted = value("awsAuth", "keys");
  const [auth, setAuth] = useState(submitted === "role" ? "role" : "keys");
  // Without JavaScript both sets stay visible (the radio says which one counts); with it, only the chosen one.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const radio = (id: "keys" | "role", label: string) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="radio" name="awsAuth" value={id} checked={auth === id} onChange={() => setAuth(id)} />
      {label}
    </label>
  );
  return (
    <>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">How the console signs in to AWS</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {radio("keys", "Access keys")}
          {radio("role", "Role to assume")}
        </div>
        <p id="field-awsAuth-error" aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
          {fieldError("awsAuth")}
        </p>
      </fieldset>
      <div className="space-y-5" hidden={hydrated && auth !== "keys"}>
        <Field name="accessKeyId" label="Access key ID" required hint="20 characters starting with AKIA." defaultValue={value("accessKeyId", "")} error={fieldError("accessKeyId")} inputProps={plain} />
        <Field name="secretAccessKey" label="Secret access key" required error={fieldError("secretAccessKey")} inputProps={secret} />
      </div>
      <div className="space-y-5" hidden={hydrated && auth !== "role"}>
        <Field name="roleArn" label="Role ARN" required hint="arn:aws:iam::123456789012:role/console-installer" defaultValue={value("roleArn", "")} error={fieldError("roleArn")} inputProps={plain} />
        <Field name="externalId" label="External ID" required hint="The external ID the role's trust policy requires." error={fieldError("externalId")} inputProps={secret} />
      </div>
    </>
  );
}
