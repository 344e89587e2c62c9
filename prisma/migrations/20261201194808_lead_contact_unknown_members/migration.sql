-- CreateEnum
CREATE TYPE "lead_contact" AS ENUM ('own_phone', 'relative_phone', 'commune_office');

-- AlterTable
ALTER TABLE "lead" ADD COLUMN     "contact" "lead_contact" NOT NULL DEFAULT 'own_phone',
ALTER COLUMN "members" DROP NOT NULL;
