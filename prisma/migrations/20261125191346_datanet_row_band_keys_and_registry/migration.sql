-- DropIndex
DROP INDEX "datanets_onchain_id_key";

-- AlterTable
ALTER TABLE "datanets" ADD COLUMN     "onchain_registry" TEXT;

-- AlterTable
ALTER TABLE "datanet_rows" ADD COLUMN     "band_keys" INTEGER[];

-- CreateIndex
CREATE UNIQUE INDEX "datanets_onchain_registry_onchain_id_key" ON "datanets"("onchain_registry", "onchain_id");

-- CreateIndex
CREATE INDEX "datanet_rows_band_keys_idx" ON "datanet_rows" USING GIN ("band_keys");
