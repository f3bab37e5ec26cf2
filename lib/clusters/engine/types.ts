import type { ClusterAction, CloudProvider } from "@/db/schema/values";
import type { CloudCredentials } from "@/lib/cloud-accounts/credentials";

export type ClusterSpec = {
  id: string;
  orgId: string;
  name: string;
  provider: CloudProvider;
  region: string;
  kubernetesVersion: string;
  instanceType: string;
  minNodes: number;
  maxNodes: number;
  production: boolean;
  /**
   * The unsealed credentials of the cluster's cloud account, to reach the provider with (null for
   * a self-managed cluster). Read fresh for every job, so a rotation applies to the next one.
   */
  credentials: CloudCredentials | null;
};

export type EngineProgress = {
  /** Call while working: proves the runner is alive, so its job is not handed to another one. */
  heartbeat: () => Promise<void>;
};

export type EngineResult = { kubeconfig?: string };

/**
 * What provisions real infrastructure. The console records intent (a job) and the engine carries
 * it out; a failure is thrown as an EngineError whose message the user sees. Engines must be
 * idempotent per (cluster, action): after a crash the same job runs again.
 */
export type InfrastructureEngine = {
  name: string;
  perform: (action: ClusterAction, cluster: ClusterSpec, progress: EngineProgress) => Promise<EngineResult>;
};

/** A failure the user can act on (shown on the cluster with a Retry). */
export class EngineError extends Error {}
