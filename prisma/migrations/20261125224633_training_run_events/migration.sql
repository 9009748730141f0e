-- CreateTable
CREATE TABLE "training_run_events" (
    "id" BIGSERIAL NOT NULL,
    "run_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "training_run_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "training_run_events_run_id_id_idx" ON "training_run_events"("run_id", "id");

-- AddForeignKey
ALTER TABLE "training_run_events" ADD CONSTRAINT "training_run_events_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "training_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
