-- DropIndex
DROP INDEX "datanet_rows_band_keys_idx";

-- AlterTable
ALTER TABLE "datanet_rows" DROP COLUMN "band_keys";

-- CreateTable
CREATE TABLE "datanet_row_bands" (
    "band_key" INTEGER NOT NULL,
    "row_id" BIGINT NOT NULL,

    CONSTRAINT "datanet_row_bands_pkey" PRIMARY KEY ("band_key","row_id")
);

-- CreateIndex
CREATE INDEX "datanet_row_bands_row_id_idx" ON "datanet_row_bands"("row_id");

-- AddForeignKey
ALTER TABLE "datanet_row_bands" ADD CONSTRAINT "datanet_row_bands_row_id_fkey" FOREIGN KEY ("row_id") REFERENCES "datanet_rows"("id") ON DELETE CASCADE ON UPDATE CASCADE;
