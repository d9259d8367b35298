CREATE TABLE `allocation_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`number` text NOT NULL,
	`decided_on` text NOT NULL,
	`signer` text NOT NULL,
	`tranche` integer,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_decisions_number` ON `allocation_decisions` (`entity_id`,`number`);--> statement-breakpoint
CREATE TABLE `allocation_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`recipient_kind` text NOT NULL,
	`recipient` text NOT NULL,
	`locality` text NOT NULL,
	`level_id` integer,
	`quantity` integer NOT NULL,
	`amount` integer NOT NULL,
	`category` integer,
	FOREIGN KEY (`decision_id`) REFERENCES `allocation_decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`level_id`) REFERENCES `campaign_support_levels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_lines_decision` ON `allocation_lines` (`decision_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `campaign_support_levels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`amount` integer NOT NULL,
	`unit` text NOT NULL,
	`category` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_support_levels_code` ON `campaign_support_levels` (`campaign_id`,`code`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_disclosures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`campaign_id` integer,
	`consolidated` integer DEFAULT false NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`chain_seq` integer NOT NULL,
	`chain_hash` text NOT NULL,
	`report` text NOT NULL,
	`sha256` text NOT NULL,
	`supersedes_id` integer,
	`reason` text,
	`published_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_disclosures`("id", "entity_id", "campaign_id", "consolidated", "from_date", "to_date", "chain_seq", "chain_hash", "report", "sha256", "supersedes_id", "reason", "published_by", "created_at") SELECT "id", "entity_id", "campaign_id", false, "from_date", "to_date", "chain_seq", "chain_hash", "report", "sha256", "supersedes_id", "reason", "published_by", "created_at" FROM `disclosures`;--> statement-breakpoint
DROP TABLE `disclosures`;--> statement-breakpoint
ALTER TABLE `__new_disclosures` RENAME TO `disclosures`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `disclosures_entity_campaign` ON `disclosures` (`entity_id`,`campaign_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `disclosures_supersedes` ON `disclosures` (`supersedes_id`) WHERE supersedes_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE `entry_lines` ADD `allocation_line_id` integer REFERENCES allocation_lines(id);--> statement-breakpoint
CREATE INDEX `entry_lines_allocation` ON `entry_lines` (`allocation_line_id`,`amount`) WHERE allocation_line_id IS NOT NULL;
--> statement-breakpoint
-- The rebuilt table keeps its publications frozen.
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
BEGIN SELECT RAISE(ABORT, 'a published disclosure is frozen: publish a correction that supersedes it'); END;
--> statement-breakpoint
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
BEGIN SELECT RAISE(ABORT, 'a published disclosure is frozen: publish a correction that supersedes it'); END;
--> statement-breakpoint
CREATE TRIGGER allocation_decisions_no_update BEFORE UPDATE ON allocation_decisions
BEGIN SELECT RAISE(ABORT, 'an allocation decision is on record: append-only'); END;
--> statement-breakpoint
CREATE TRIGGER allocation_decisions_no_delete BEFORE DELETE ON allocation_decisions
BEGIN SELECT RAISE(ABORT, 'an allocation decision is on record: append-only'); END;
--> statement-breakpoint
CREATE TRIGGER allocation_lines_no_update BEFORE UPDATE ON allocation_lines
BEGIN SELECT RAISE(ABORT, 'an allocation decision is on record: append-only'); END;
--> statement-breakpoint
CREATE TRIGGER allocation_lines_no_delete BEFORE DELETE ON allocation_lines
BEGIN SELECT RAISE(ABORT, 'an allocation decision is on record: append-only'); END;
--> statement-breakpoint
CREATE TRIGGER campaign_support_levels_no_update BEFORE UPDATE ON campaign_support_levels
BEGIN SELECT RAISE(ABORT, 'a support level is policy on record: add a new level instead'); END;
--> statement-breakpoint
CREATE TRIGGER campaign_support_levels_no_delete BEFORE DELETE ON campaign_support_levels
BEGIN SELECT RAISE(ABORT, 'a support level is policy on record: add a new level instead'); END;
--> statement-breakpoint
-- Allocation lines and support levels are part of a fund's snapshot: what payments may cite.
CREATE TRIGGER allocation_lines_insert_bumps_catalog AFTER INSERT ON allocation_lines
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER campaign_support_levels_insert_bumps_catalog AFTER INSERT ON campaign_support_levels
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
