-- AlterTable
ALTER TABLE "training_runs" ADD COLUMN     "evaluation" JSONB;
