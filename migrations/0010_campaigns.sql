CREATE TABLE `campaign_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`number` text NOT NULL,
	`date` text NOT NULL,
	`issuer` text NOT NULL,
	`title` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `campaign_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`decision_number` text NOT NULL,
	`decided_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `campaigns` ADD `kind` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `legal_basis` text DEFAULT 'ND93/2021' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `distribution_ends_on` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `accepts_designated` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Campaigns opened before Decree 93/2021 came into force (11/12/2021) follow Decree 64/2008.
UPDATE campaigns SET legal_basis = 'ND64/2008' WHERE starts_on < '2021-12-11';
--> statement-breakpoint
CREATE TRIGGER campaign_extensions_no_update BEFORE UPDATE ON campaign_extensions
BEGIN SELECT RAISE(ABORT, 'a campaign extension is a decision on record: append-only'); END;
--> statement-breakpoint
CREATE TRIGGER campaign_extensions_no_delete BEFORE DELETE ON campaign_extensions
BEGIN SELECT RAISE(ABORT, 'a campaign extension is a decision on record: append-only'); END;
--> statement-breakpoint
-- An extension moves a campaign's dates, which a fund's snapshot holds.
CREATE TRIGGER campaign_extensions_insert_bumps_catalog AFTER INSERT ON campaign_extensions
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
