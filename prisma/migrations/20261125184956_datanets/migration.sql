-- CreateEnum
CREATE TYPE "datanet_kind" AS ENUM ('text', 'instruction', 'labelled');

-- CreateEnum
CREATE TYPE "visibility" AS ENUM ('public', 'private');

-- CreateEnum
CREATE TYPE "reviewer_policy" AS ENUM ('stakers', 'invited');

-- CreateEnum
CREATE TYPE "contribution_status" AS ENUM ('pending', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "verdict" AS ENUM ('approve', 'reject');

-- CreateEnum
CREATE TYPE "version_status" AS ENUM ('draft', 'pending', 'confirmed', 'failed');

-- CreateTable
CREATE TABLE "datanets" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "tags" TEXT[],
    "domain" TEXT NOT NULL,
    "license" TEXT NOT NULL,
    "kind" "datanet_kind" NOT NULL,
    "visibility" "visibility" NOT NULL DEFAULT 'public',
    "min_reviews" INTEGER NOT NULL,
    "approval_threshold" DOUBLE PRECISION NOT NULL,
    "reviewer_policy" "reviewer_policy" NOT NULL,
    "owner_id" TEXT NOT NULL,
    "onchain_id" BIGINT,
    "register_tx_hash" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "datanets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "datanet_invites" (
    "datanet_id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datanet_invites_pkey" PRIMARY KEY ("datanet_id","address")
);

-- CreateTable
CREATE TABLE "contributions" (
    "id" TEXT NOT NULL,
    "datanet_id" TEXT NOT NULL,
    "contributor_id" TEXT NOT NULL,
    "status" "contribution_status" NOT NULL DEFAULT 'pending',
    "content_root" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "license" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "signature" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "quality_report" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "contributions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "datanet_rows" (
    "id" BIGSERIAL NOT NULL,
    "datanet_id" TEXT NOT NULL,
    "contribution_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "file" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "fields" JSONB NOT NULL,
    "row_hash" TEXT NOT NULL,
    "norm_hash" TEXT NOT NULL,
    "minhash" BYTEA NOT NULL,
    "flags" JSONB NOT NULL DEFAULT '[]',
    "rejected" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "datanet_rows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" TEXT NOT NULL,
    "contribution_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "verdict" "verdict" NOT NULL,
    "reason" TEXT NOT NULL,
    "row_rejections" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "datanet_versions" (
    "id" TEXT NOT NULL,
    "datanet_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "parent_number" INTEGER,
    "merkle_root" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "contributor_count" INTEGER NOT NULL,
    "changelog" TEXT NOT NULL,
    "metadata_hash" TEXT NOT NULL,
    "status" "version_status" NOT NULL DEFAULT 'draft',
    "tx_hash" TEXT,
    "block_number" BIGINT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMP(3),

    CONSTRAINT "datanet_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "version_rows" (
    "version_id" TEXT NOT NULL,
    "row_id" BIGINT NOT NULL,
    "leaf_index" INTEGER NOT NULL,

    CONSTRAINT "version_rows_pkey" PRIMARY KEY ("version_id","row_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "datanets_slug_key" ON "datanets"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "datanets_onchain_id_key" ON "datanets"("onchain_id");

-- CreateIndex
CREATE INDEX "datanets_created_at_idx" ON "datanets"("created_at");

-- CreateIndex
CREATE INDEX "contributions_datanet_id_status_idx" ON "contributions"("datanet_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "contributions_contributor_id_nonce_key" ON "contributions"("contributor_id", "nonce");

-- CreateIndex
CREATE INDEX "datanet_rows_datanet_id_norm_hash_idx" ON "datanet_rows"("datanet_id", "norm_hash");

-- CreateIndex
CREATE INDEX "datanet_rows_norm_hash_idx" ON "datanet_rows"("norm_hash");

-- CreateIndex
CREATE UNIQUE INDEX "datanet_rows_contribution_id_position_key" ON "datanet_rows"("contribution_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_contribution_id_reviewer_id_key" ON "reviews"("contribution_id", "reviewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "datanet_versions_datanet_id_number_key" ON "datanet_versions"("datanet_id", "number");

-- CreateIndex
CREATE INDEX "version_rows_row_id_idx" ON "version_rows"("row_id");

-- CreateIndex
CREATE UNIQUE INDEX "version_rows_version_id_leaf_index_key" ON "version_rows"("version_id", "leaf_index");

-- AddForeignKey
ALTER TABLE "datanets" ADD CONSTRAINT "datanets_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datanet_invites" ADD CONSTRAINT "datanet_invites_datanet_id_fkey" FOREIGN KEY ("datanet_id") REFERENCES "datanets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_datanet_id_fkey" FOREIGN KEY ("datanet_id") REFERENCES "datanets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_contributor_id_fkey" FOREIGN KEY ("contributor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datanet_rows" ADD CONSTRAINT "datanet_rows_datanet_id_fkey" FOREIGN KEY ("datanet_id") REFERENCES "datanets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datanet_rows" ADD CONSTRAINT "datanet_rows_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datanet_versions" ADD CONSTRAINT "datanet_versions_datanet_id_fkey" FOREIGN KEY ("datanet_id") REFERENCES "datanets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version_rows" ADD CONSTRAINT "version_rows_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "datanet_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version_rows" ADD CONSTRAINT "version_rows_row_id_fkey" FOREIGN KEY ("row_id") REFERENCES "datanet_rows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
