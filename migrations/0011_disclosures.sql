CREATE TABLE `disclosures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
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
CREATE INDEX `disclosures_entity_campaign` ON `disclosures` (`entity_id`,`campaign_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `disclosures_supersedes` ON `disclosures` (`supersedes_id`) WHERE supersedes_id IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
BEGIN SELECT RAISE(ABORT, 'a published disclosure is frozen: publish a correction that supersedes it'); END;
--> statement-breakpoint
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
BEGIN SELECT RAISE(ABORT, 'a published disclosure is frozen: publish a correction that supersedes it'); END;
