-- PostgreSQL only: indexes Derby makes for every foreign key by itself and PostgreSQL does not (the module's
-- MigrationsTest keeps the list empty): a product's lots, a store's receipts, stock-takes and scrapping, a lot's stock.
CREATE INDEX IX_WH_LOT_PRODUCT ON WH_LOT (PRODUCT_ID);
CREATE INDEX IX_WH_LOT_RECEIVED_STORE ON WH_LOT (RECEIVED_STORE_ID);
CREATE INDEX IX_WH_STOCK_LOT ON WH_STOCK (LOT_ID);
CREATE INDEX IX_WH_STOCK_TAKE_STORE ON WH_STOCK_TAKE (STORE_ID);
CREATE INDEX IX_WH_STOCK_TAKE_LINE_TAKE ON WH_STOCK_TAKE_LINE (TAKE_ID);
CREATE INDEX IX_WH_SCRAP_STORE ON WH_SCRAP (STORE_ID);
CREATE INDEX IX_WH_SCRAP_LOT ON WH_SCRAP (LOT_ID);
