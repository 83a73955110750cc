-- Many regions in one instance. Keep in step with db/migration/h2.
-- A region's state while it is imported, and who loaded it; districts and scenarios belong to a region.
ALTER TABLE region ADD COLUMN status VARCHAR(20) DEFAULT 'READY' NOT NULL;
ALTER TABLE region ADD COLUMN status_reason VARCHAR(2000);
ALTER TABLE region ADD COLUMN loaded_by VARCHAR(200);
ALTER TABLE region ADD CONSTRAINT region_status_chk CHECK (status IN ('IMPORTING', 'READY', 'FAILED'));

ALTER TABLE district ADD COLUMN region_code VARCHAR(64);
UPDATE district SET region_code = (SELECT code FROM region ORDER BY loaded_at DESC FETCH FIRST 1 ROWS ONLY);
CREATE INDEX district_region_idx ON district(region_code);

ALTER TABLE scenario ADD COLUMN region_code VARCHAR(64);
UPDATE scenario SET region_code = (SELECT code FROM region ORDER BY loaded_at DESC FETCH FIRST 1 ROWS ONLY);
