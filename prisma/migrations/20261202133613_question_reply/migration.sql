-- AlterEnum
ALTER TYPE "question_origin" ADD VALUE 'answer_reply';

-- AlterTable
ALTER TABLE "officer_question" ADD COLUMN     "replies_to_id" INTEGER;

-- AddForeignKey
ALTER TABLE "officer_question" ADD CONSTRAINT "officer_question_replies_to_id_fkey" FOREIGN KEY ("replies_to_id") REFERENCES "officer_question"("id") ON DELETE SET NULL ON UPDATE CASCADE;
