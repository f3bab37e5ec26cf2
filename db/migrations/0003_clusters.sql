CREATE TYPE "public"."cloud_provider" AS ENUM('aws', 'gcp', 'azure', 'scaleway', 'self_managed');--> statement-breakpoint
CREATE TYPE "public"."cluster_action" AS ENUM('install', 'update', 'stop', 'start', 'delete');--> statement-breakpoint
CREATE TYPE "public"."cluster_status" AS ENUM('installing', 'running', 'updating', 'stopping', 'stopped', 'starting', 'deleting', 'error');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
ALTER TYPE "public"."audit_origin" ADD VALUE 'system';--> statement-breakpoint
CREATE TABLE "cluster_jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cluster_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	"action" "cluster_action" NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"payload" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"heartbeat_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"provider" "cloud_provider" NOT NULL,
	"region" text NOT NULL,
	"kubernetes_version" text NOT NULL,
	"instance_type" text NOT NULL,
	"min_nodes" integer NOT NULL,
	"max_nodes" integer NOT NULL,
	"production" boolean DEFAULT false NOT NULL,
	"status" "cluster_status" NOT NULL,
	"status_reason" text,
	"failed_action" "cluster_action",
	"is_default" boolean DEFAULT false NOT NULL,
	"kubeconfig_sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clusters_node_bounds" CHECK ("clusters"."min_nodes" >= 1 and "clusters"."min_nodes" <= "clusters"."max_nodes" and "clusters"."max_nodes" <= 200)
);
--> statement-breakpoint
ALTER TABLE "cluster_jobs" ADD CONSTRAINT "cluster_jobs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_jobs" ADD CONSTRAINT "cluster_jobs_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_jobs_claimable_idx" ON "cluster_jobs" USING btree ("status","run_after") WHERE "cluster_jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_jobs_one_active_per_cluster" ON "cluster_jobs" USING btree ("cluster_id") WHERE "cluster_jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "clusters_org_name_key" ON "clusters" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "clusters_one_default_per_org" ON "clusters" USING btree ("org_id") WHERE "clusters"."is_default";