-- First expiry first out from the balance table alone: the lot's production date and quality block (both fixed
-- when the lot is received) copied onto its balances, and an index in the order an issue takes lots, so an issue
-- reads the first few balances of the index instead of joining and sorting every lot of the store.
ALTER TABLE WH_STOCK ADD COLUMN PRODUCED_ON DATE;
ALTER TABLE WH_STOCK ADD COLUMN BLOCKED SMALLINT NOT NULL DEFAULT 0;
UPDATE WH_STOCK SET PRODUCED_ON = (SELECT l.PRODUCED_ON FROM WH_LOT l WHERE l.ID = WH_STOCK.LOT_ID),
    BLOCKED = (SELECT l.BLOCKED FROM WH_LOT l WHERE l.ID = WH_STOCK.LOT_ID);
ALTER TABLE WH_STOCK ALTER COLUMN PRODUCED_ON NOT NULL;
DROP INDEX IX_WH_STOCK_PICK;
CREATE INDEX IX_WH_STOCK_FEFO ON WH_STOCK (STORE_ID, PRODUCT_ID, EXPIRES_ON, PRODUCED_ON, LOT_ID)
