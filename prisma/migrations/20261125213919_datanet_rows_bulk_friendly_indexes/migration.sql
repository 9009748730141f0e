-- DropForeignKey
ALTER TABLE "datanet_row_bands" DROP CONSTRAINT "datanet_row_bands_row_id_fkey";

-- DropIndex
DROP INDEX "datanet_rows_datanet_id_norm_hash_idx";

-- DropIndex
DROP INDEX "datanet_row_bands_row_id_idx";

-- CreateIndex
CREATE INDEX "datanet_rows_datanet_id_id_idx" ON "datanet_rows"("datanet_id", "id");
