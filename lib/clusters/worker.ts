import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { localEngine } from "./engine/local";
import { startJobRunner } from "./jobs";

const holder = globalThis as typeof globalThis & { __orgConsoleWorker?: Promise<() => Promise<void>> };

/**
 * Starts this server instance's cluster job runner (once per process). Every instance may run
 * one: the queue keeps them from taking the same job. CLUSTER_WORKER=off leaves the jobs to others.
 */
export function startClusterWorker(): void {
  if (env.CLUSTER_WORKER === "off" || holder.__orgConsoleWorker) return;
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  holder.__orgConsoleWorker = getDb().then((db) => startJobRunner(db, localEngine(env.LOCAL_ENGINE_TIME_SCALE), { workerId }));
  process.once("SIGTERM", () => void holder.__orgConsoleWorker?.then((stop) => stop()));
}
