CREATE TABLE `catalog_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);--> statement-breakpoint
INSERT INTO `catalog_version` (`id`, `version`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER accounts_insert_bumps_catalog AFTER INSERT ON accounts
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER accounts_update_bumps_catalog AFTER UPDATE ON accounts
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER accounts_delete_bumps_catalog AFTER DELETE ON accounts
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER fiscal_years_insert_bumps_catalog AFTER INSERT ON fiscal_years
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER fiscal_years_update_bumps_catalog AFTER UPDATE ON fiscal_years
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER fiscal_years_delete_bumps_catalog AFTER DELETE ON fiscal_years
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER periods_insert_bumps_catalog AFTER INSERT ON periods
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER periods_update_bumps_catalog AFTER UPDATE ON periods
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER periods_delete_bumps_catalog AFTER DELETE ON periods
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER campaigns_insert_bumps_catalog AFTER INSERT ON campaigns
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER campaigns_update_bumps_catalog AFTER UPDATE ON campaigns
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER campaigns_delete_bumps_catalog AFTER DELETE ON campaigns
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER bank_accounts_insert_bumps_catalog AFTER INSERT ON bank_accounts
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER bank_accounts_update_bumps_catalog AFTER UPDATE ON bank_accounts
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;--> statement-breakpoint
CREATE TRIGGER bank_accounts_delete_bumps_catalog AFTER DELETE ON bank_accounts
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
