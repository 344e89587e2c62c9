-- AlterTable
ALTER TABLE "lead_event" ADD COLUMN     "submission" TEXT;

-- AlterTable
ALTER TABLE "processed_update" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "lease_until" TIMESTAMP(3),
ADD COLUMN     "state" TEXT NOT NULL DEFAULT 'done';

-- CreateTable
CREATE TABLE "shared_secret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shared_secret_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "lead_event_submission_key" ON "lead_event"("submission");
