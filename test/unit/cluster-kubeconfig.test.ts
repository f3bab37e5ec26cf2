import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildKubeconfig, validateKubeconfig } from "@/lib/clusters/kubeconfig";

// An uploaded kubeconfig (self-managed clusters) must be YAML with named clusters, contexts and users.

const valid = `apiVersion: v1
kind: Config
clusters:
  - name: on-prem
    cluster:
      server: https://10.0.0.1:6443
      certificate-authority-data: Zm9v
contexts:
  - name: on-prem-admin
    context: { cluster: on-prem, user: admin }
  - name: on-prem-readonly
    context: { cluster: on-prem, user: reader }
users:
  - name: admin
    user: { token: secret-admin-token }
  - name: reader
    user: { token: secret-reader-token }
current-context: on-prem-admin
`;

const without = (section: "clusters" | "contexts" | "users") => {
  const doc = parse(valid) as Record<string, unknown>;
  delete doc[section];
  return JSON.stringify(doc);
};

describe("validateKubeconfig", () => {
  it("accepts a valid kubeconfig, keeps it byte for byte and lists its contexts", () => {
    expect(validateKubeconfig(valid)).toStrictEqual({ ok: true, kubeconfig: valid, contexts: ["on-prem-admin", "on-prem-readonly"] });
  });

  it("accepts JSON, which is YAML too", () => {
    expect(validateKubeconfig(JSON.stringify(parse(valid)))).toMatchObject({ ok: true, contexts: ["on-prem-admin", "on-prem-readonly"] });
  });

  it("asks for a file when nothing was uploaded", () => {
    for (const raw of ["", "   \n\t"]) expect(validateKubeconfig(raw)).toStrictEqual({ ok: false, message: "Upload the cluster's kubeconfig file." });
  });

  it("refuses what is not YAML", () => {
    for (const raw of ["clusters: [unclosed", "key: value\n  bad indent: : :\n- list", "{ \"clusters\": "]) {
      expect(validateKubeconfig(raw), raw).toStrictEqual({ ok: false, message: "The kubeconfig is not valid YAML." });
    }
  });

  it("refuses YAML that is not a mapping", () => {
    for (const raw of ["just a string", "42", "null", "~"]) {
      expect(validateKubeconfig(raw), raw).toStrictEqual({ ok: false, message: "The kubeconfig must be a YAML mapping." });
    }
  });

  it.each(["clusters", "contexts", "users"] as const)("refuses a kubeconfig without %s, or with none listed", (section) => {
    expect(validateKubeconfig(without(section))).toStrictEqual({ ok: false, message: `The kubeconfig has no ${section}.` });
    const empty = { ...(parse(valid) as object), [section]: [] };
    expect(validateKubeconfig(JSON.stringify(empty))).toStrictEqual({ ok: false, message: `The kubeconfig has no ${section}.` });
    const notAList = { ...(parse(valid) as object), [section]: { name: "x" } };
    expect(validateKubeconfig(JSON.stringify(notAList))).toStrictEqual({ ok: false, message: `The kubeconfig has no ${section}.` });
  });

  it.each(["clusters", "contexts", "users"] as const)("refuses unnamed entries in %s", (section) => {
    const doc = parse(valid) as Record<string, unknown[]>;
    for (const entry of [{ cluster: {} }, { name: 42 }, "just-a-name", null]) {
      const broken = { ...doc, [section]: [...doc[section], entry] };
      expect(validateKubeconfig(JSON.stringify(broken)), JSON.stringify(entry)).toStrictEqual({
        ok: false,
        message: `Every entry of ${section} in the kubeconfig needs a name.`,
      });
    }
  });

  it("refuses a file over 256 KB, counted in bytes", () => {
    const padding = (bytes: number, char = "x") => `\n# ${char.repeat(bytes)}\n`;
    const limit = 256 * 1024;
    const justUnder = valid + padding(limit - Buffer.byteLength(valid) - 4);
    expect(Buffer.byteLength(justUnder)).toBe(limit);
    expect(validateKubeconfig(justUnder).ok).toBe(true);
    expect(validateKubeconfig(justUnder + "x")).toStrictEqual({ ok: false, message: "A kubeconfig is at most 256 KB." });
    // Multi-byte characters: fewer characters than the limit, more bytes.
    expect(validateKubeconfig(valid + padding(limit / 2, "é"))).toStrictEqual({ ok: false, message: "A kubeconfig is at most 256 KB." });
  });
});

describe("buildKubeconfig", () => {
  it("produces what validateKubeconfig accepts, pointing at the engine's API server", () => {
    const built = buildKubeconfig({ clusterName: "prod", server: "https://prod.k8s.local:6443", token: "t0ken", caData: "Y2E=" });
    expect(validateKubeconfig(built)).toMatchObject({ ok: true, contexts: ["prod"] });
    expect(parse(built)).toMatchObject({
      "current-context": "prod",
      clusters: [{ name: "prod", cluster: { server: "https://prod.k8s.local:6443", "certificate-authority-data": "Y2E=" } }],
      users: [{ name: "prod-admin", user: { token: "t0ken" } }],
    });
  });
});
