import { parse, stringify } from "yaml";

export type KubeconfigCheck = { ok: true; kubeconfig: string; contexts: string[] } | { ok: false; message: string };

const maxBytes = 256 * 1024;

/** An uploaded kubeconfig must be YAML with clusters, contexts and users, each named. */
export function validateKubeconfig(raw: string): KubeconfigCheck {
  if (!raw.trim()) return { ok: false, message: "Upload the cluster's kubeconfig file." };
  if (Buffer.byteLength(raw) > maxBytes) return { ok: false, message: "A kubeconfig is at most 256 KB." };
  let doc: unknown;
  try {
    doc = parse(raw);
  } catch {
    return { ok: false, message: "The kubeconfig is not valid YAML." };
  }
  if (!doc || typeof doc !== "object") return { ok: false, message: "The kubeconfig must be a YAML mapping." };
  const config = doc as Record<string, unknown>;
  for (const section of ["clusters", "contexts", "users"] as const) {
    const entries = config[section];
    if (!Array.isArray(entries) || entries.length === 0) return { ok: false, message: `The kubeconfig has no ${section}.` };
    if (entries.some((e) => !e || typeof e !== "object" || typeof (e as { name?: unknown }).name !== "string")) {
      return { ok: false, message: `Every entry of ${section} in the kubeconfig needs a name.` };
    }
  }
  const contexts = (config.contexts as { name: string }[]).map((c) => c.name);
  return { ok: true, kubeconfig: raw, contexts };
}

/** The kubeconfig an engine hands back for a cluster it runs: token auth against its API server. */
export function buildKubeconfig(input: { clusterName: string; server: string; token: string; caData: string }): string {
  const name = input.clusterName;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server: input.server, "certificate-authority-data": input.caData } }],
    users: [{ name: `${name}-admin`, user: { token: input.token } }],
    contexts: [{ name, context: { cluster: name, user: `${name}-admin` } }],
    "current-context": name,
  });
}
