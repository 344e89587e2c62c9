-- AlterEnum
ALTER TYPE "question_origin" ADD VALUE 'lead_reply';

-- AlterTable
ALTER TABLE "officer_question" ADD COLUMN     "submission" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "officer_question_submission_key" ON "officer_question"("submission");
