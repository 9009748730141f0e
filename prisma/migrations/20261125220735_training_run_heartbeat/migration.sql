-- AlterTable
ALTER TABLE "training_runs" ADD COLUMN     "adapter_path" TEXT,
ADD COLUMN     "heartbeat_at" TIMESTAMP(3),
ADD COLUMN     "worker_id" TEXT;

-- CreateIndex
CREATE INDEX "training_runs_status_heartbeat_at_idx" ON "training_runs"("status", "heartbeat_at");
