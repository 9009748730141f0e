-- CreateEnum
CREATE TYPE "training_run_status" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "training_task" AS ENUM ('causal_lm', 'instruction', 'classification');

-- CreateTable
CREATE TABLE "training_runs" (
    "id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "training_run_status" NOT NULL DEFAULT 'queued',
    "config" JSONB NOT NULL,
    "base_model" TEXT NOT NULL,
    "task" "training_task" NOT NULL,
    "total_steps" INTEGER NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "epoch" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "loss" DOUBLE PRECISION,
    "val_loss" DOUBLE PRECISION,
    "tokens_per_second" DOUBLE PRECISION,
    "eta_seconds" INTEGER,
    "backend" TEXT,
    "error" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "checkpoint_step" INTEGER,
    "checkpoint_path" TEXT,
    "checkpoint_at" TIMESTAMP(3),
    "job_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "training_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_run_versions" (
    "run_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "training_run_versions_pkey" PRIMARY KEY ("run_id","version_id")
);

-- CreateTable
CREATE TABLE "training_metrics" (
    "id" BIGSERIAL NOT NULL,
    "run_id" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "epoch" DOUBLE PRECISION NOT NULL,
    "loss" DOUBLE PRECISION NOT NULL,
    "val_loss" DOUBLE PRECISION,
    "tokens_per_second" DOUBLE PRECISION NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "training_runs_owner_id_created_at_idx" ON "training_runs"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "training_runs_status_idx" ON "training_runs"("status");

-- CreateIndex
CREATE INDEX "training_run_versions_version_id_idx" ON "training_run_versions"("version_id");

-- CreateIndex
CREATE UNIQUE INDEX "training_metrics_run_id_step_key" ON "training_metrics"("run_id", "step");

-- AddForeignKey
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_run_versions" ADD CONSTRAINT "training_run_versions_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "training_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_run_versions" ADD CONSTRAINT "training_run_versions_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "datanet_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_metrics" ADD CONSTRAINT "training_metrics_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "training_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
