-- AlterTable
ALTER TABLE "training_runs" ADD COLUMN     "peak_memory_mib" INTEGER;
