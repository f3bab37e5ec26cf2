import { and, eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clusterJobs, clusters, type ClusterJob } from "@/db/schema";
import { localEngine } from "@/lib/clusters/engine/local";
import type { InfrastructureEngine } from "@/lib/clusters/engine/types";
import { claimJob, runJob, startJobRunner } from "@/lib/clusters/jobs";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { openClients } from "./support/clients";
import { instantEngine, jobsOf, queueInstalls } from "./support/cluster-actions";
import { closeTable } from "./support/table-gate";
import { useTestDatabase } from "./support/test-database";

// Issue 4, "Must hold": two runners never take the same job. Every runner has its own PostgreSQL
// connection, the claims are let go together from behind a lock on cluster_jobs (so they overlap
// for real, not only in the test's intent), and every test repeats. Without FOR UPDATE SKIP LOCKED
// in claimJob these fail: two or more runners get the same job.

const t = useTestDatabase();
const fastEngine = localEngine(0.001);
// Each test loops over rounds: generous on a machine busy with other test files.
const raceTimeout = 120_000;

beforeEach(() => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no job failed unexpectedly").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

afterEach(async () => {
  expect(await t.db.$count(clusterJobs, inArray(clusterJobs.status, ["queued", "running"]))).toBe(0);
});

describe("two runners never take the same job (FOR UPDATE SKIP LOCKED)", () => {
  const rounds = 5;
  const jobsPerRound = 40;
  const runners = 8;

  it(`${runners} runners on separate connections drain ${jobsPerRound} jobs, ${rounds} rounds: every job claimed once`, async () => {
    const clients = await openClients(t.url, runners);
    try {
      for (let round = 0; round < rounds; round++) {
        const { org } = await makeOrgWithEveryRole(t.db, { plan: "enterprise" });
        const ids = await queueInstalls(t.db, org.id, jobsPerRound);
        // All runners start claiming at the same instant, then claim as fast as they can.
        const gate = await closeTable(t.url, "cluster_jobs");
        const claims: { job: ClusterJob; worker: string }[] = [];
        const draining = Promise.all(
          clients.dbs.map(async (db, i) => {
            const worker = `runner-${round}-${i}`;
            for (let job = await claimJob(db, worker); job; job = await claimJob(db, worker)) claims.push({ job, worker });
          }),
        );
        await gate.waitForWaiters(runners);
        await gate.open();
        await draining;

        const perJob = new Map<number, number>();
        for (const { job } of claims) perJob.set(job.id, (perJob.get(job.id) ?? 0) + 1);
        expect([...perJob.entries()].filter(([, n]) => n > 1), "jobs claimed more than once").toEqual([]);
        expect(claims).toHaveLength(jobsPerRound);
        await Promise.all(
          clients.dbs.map(async (db, i) => {
            for (const { job, worker } of claims) if (worker === `runner-${round}-${i}`) await runJob(db, instantEngine, job, worker);
          }),
        );

        const jobs = await jobsOf(t.db, ids);
        expect(jobs.map((job) => [job.status, job.attempts])).toEqual(jobs.map(() => ["done", 1]));
        expect(new Set(jobs.map((job) => job.id))).toEqual(new Set(perJob.keys()));
        for (const job of jobs) expect(job.lockedBy).toBe(claims.find((claim) => claim.job.id === job.id)?.worker);
        const rows = await t.db.select().from(clusters).where(eq(clusters.orgId, org.id));
        expect(rows.every((row) => row.status === "running")).toBe(true);
        expect(rows.filter((row) => row.isDefault)).toHaveLength(1);
      }
    } finally {
      await clients.close();
    }
  }, raceTimeout);

  it("claims racing for a single job: exactly one runner gets it, repeated", async () => {
    const clients = await openClients(t.url, runners);
    try {
      for (let round = 0; round < 10; round++) {
        const { org } = await makeOrgWithEveryRole(t.db);
        const [id] = await queueInstalls(t.db, org.id, 1);
        const gate = await closeTable(t.url, "cluster_jobs");
        const claiming = Promise.all(clients.dbs.map((db, i) => claimJob(db, `racer-${i}`)));
        await gate.waitForWaiters(runners);
        await gate.open();
        const winners = (await claiming).filter((job): job is ClusterJob => job !== null);
        expect(winners).toHaveLength(1);
        expect(winners[0]).toMatchObject({ clusterId: id, status: "running", attempts: 1 });
        await runJob(t.db, instantEngine, winners[0], winners[0].lockedBy!);
      }
    } finally {
      await clients.close();
    }
  }, raceTimeout);

  it("two startJobRunner loops (two server instances) run every job once and stop cleanly", async () => {
    const clients = await openClients(t.url, 2);
    const performed: string[] = [];
    const counting: InfrastructureEngine = {
      name: "counting",
      perform: async (action, cluster, progress) => {
        performed.push(`${cluster.id}:${action}`);
        return fastEngine.perform(action, cluster, progress);
      },
    };
    const stops = clients.dbs.map((db, i) => startJobRunner(db, counting, { workerId: `instance-${i}`, pollMs: 20 }));
    try {
      const { org } = await makeOrgWithEveryRole(t.db, { plan: "enterprise" });
      const ids = await queueInstalls(t.db, org.id, 30);
      await vi.waitFor(async () => expect(await t.db.$count(clusterJobs, and(inArray(clusterJobs.clusterId, ids), eq(clusterJobs.status, "done")))).toBe(30), {
        timeout: 60_000,
        interval: 50,
      });
      expect(performed.sort()).toEqual(ids.map((id) => `${id}:install`).sort());
      const jobs = await jobsOf(t.db, ids);
      expect(jobs.every((job) => job.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
      await clients.close();
    }
  }, raceTimeout);
});
