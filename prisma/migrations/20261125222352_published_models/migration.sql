-- CreateEnum
CREATE TYPE "published_model_status" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "published_models" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "base_model" TEXT NOT NULL,
    "adapter_hash" TEXT NOT NULL,
    "adapter_bytes" INTEGER NOT NULL,
    "price_per_1k_wei" TEXT NOT NULL,
    "metadata" JSONB NOT NULL,
    "status" "published_model_status" NOT NULL DEFAULT 'draft',
    "chain_id" INTEGER NOT NULL,
    "registry" TEXT NOT NULL,
    "onchain_id" BIGINT,
    "tx_hash" TEXT,
    "block_number" BIGINT,
    "published_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "published_models_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "published_models_run_id_key" ON "published_models"("run_id");

-- CreateIndex
CREATE UNIQUE INDEX "published_models_adapter_hash_key" ON "published_models"("adapter_hash");

-- CreateIndex
CREATE INDEX "published_models_status_published_at_idx" ON "published_models"("status", "published_at");

-- CreateIndex
CREATE INDEX "published_models_owner_id_created_at_idx" ON "published_models"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "published_models_base_model_idx" ON "published_models"("base_model");

-- AddForeignKey
ALTER TABLE "published_models" ADD CONSTRAINT "published_models_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "training_runs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_models" ADD CONSTRAINT "published_models_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
