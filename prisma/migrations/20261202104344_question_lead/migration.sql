-- AlterTable
ALTER TABLE "officer_question" ADD COLUMN     "lead_id" INTEGER;

-- AddForeignKey
ALTER TABLE "officer_question" ADD CONSTRAINT "officer_question_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;
