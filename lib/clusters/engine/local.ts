import { createHash, randomBytes } from "node:crypto";
import type { ClusterAction } from "@/db/schema/values";
import { buildKubeconfig } from "../kubeconfig";
import type { ClusterSpec, EngineProgress, EngineResult, InfrastructureEngine } from "./types";

// Seconds each action takes at time scale 1: the order of a real managed Kubernetes service,
// shortened so a demo stays watchable.
const baseSeconds: Record<ClusterAction, number> = { install: 20, update: 10, stop: 8, start: 8, delete: 12 };
const heartbeatEveryMs = 1_000;

/**
 * The engine shipped with the console: it performs the lifecycle on this machine, with realistic
 * durations and heartbeats, and hands back a kubeconfig for the cluster it "installed". A real
 * provisioning engine (Terraform, Cluster API, a cloud SDK) implements the same interface.
 */
export function localEngine(timeScale = 1): InfrastructureEngine {
  return {
    name: "local",
    async perform(action: ClusterAction, cluster: ClusterSpec, progress: EngineProgress): Promise<EngineResult> {
      const total = baseSeconds[action] * 1000 * timeScale;
      for (let elapsed = 0; elapsed < total; elapsed += heartbeatEveryMs) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(heartbeatEveryMs, total - elapsed)));
        await progress.heartbeat();
      }
      if (action !== "install" || cluster.provider === "self_managed") return {};
      return {
        kubeconfig: buildKubeconfig({
          clusterName: cluster.name,
          server: `https://${cluster.id.slice(0, 8)}.${cluster.region}.${cluster.provider}.k8s.local:6443`,
          token: randomBytes(24).toString("base64url"),
          caData: Buffer.from(`local-ca:${createHash("sha256").update(cluster.id).digest("hex")}`).toString("base64"),
        }),
      };
    },
  };
}
