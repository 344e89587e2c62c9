-- AlterTable
ALTER TABLE "lead" ADD COLUMN     "sectors" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Leads stored before: their main sector (a second sector typed then is found by the list's text search).
UPDATE "lead" SET "sectors" = ARRAY["sector"] WHERE "sector" <> 'other';
