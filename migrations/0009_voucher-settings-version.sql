-- Voucher settings belong to a fund's snapshot too: every change to them raises the catalog version.
CREATE TRIGGER voucher_settings_insert_bumps_catalog AFTER INSERT ON voucher_settings
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER voucher_settings_update_bumps_catalog AFTER UPDATE ON voucher_settings
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER voucher_settings_delete_bumps_catalog AFTER DELETE ON voucher_settings
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
