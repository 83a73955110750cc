-- Moderation of workers' problem reports. Keep in step with the other database's V7.
-- UNSAFE joins the types; a report remembers which client sent it (a hash, never the address) so that the same client's
-- repeats within a short time are merged into it (reports counts them); a resolved report says whether it was confirmed
-- (the station changed through the audited path) or dismissed, and by whom.
ALTER TABLE station_report DROP CONSTRAINT station_report_type_chk;
ALTER TABLE station_report ADD CONSTRAINT station_report_type_chk CHECK (type IN ('CLOSED', 'NO_WATER', 'MOVED', 'UNSAFE', 'OTHER'));
ALTER TABLE station_report ADD COLUMN client_key VARCHAR(64);
ALTER TABLE station_report ADD COLUMN reports INT DEFAULT 1 NOT NULL;
ALTER TABLE station_report ADD COLUMN last_reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE station_report ADD COLUMN outcome VARCHAR(20);
ALTER TABLE station_report ADD COLUMN resolved_by VARCHAR(200);
CREATE INDEX station_report_client_idx ON station_report(client_key);
