CREATE TABLE `bank_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed_id` integer NOT NULL,
	`provider_id` text NOT NULL,
	`direction` text NOT NULL,
	`amount` integer NOT NULL,
	`time` text NOT NULL,
	`reference` text,
	`counter_account` text,
	`narrative` text NOT NULL,
	`delivery_id` integer NOT NULL,
	FOREIGN KEY (`feed_id`) REFERENCES `bank_feeds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delivery_id`) REFERENCES `feed_deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_events_provider_id` ON `bank_events` (`feed_id`,`provider_id`);--> statement-breakpoint
CREATE TABLE `bank_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`bank_account_id` integer NOT NULL,
	`provider` text NOT NULL,
	`auth` text NOT NULL,
	`secret` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `feed_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed_id` integer,
	`provider` text NOT NULL,
	`headers` text NOT NULL,
	`body` blob NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`feed_id`) REFERENCES `bank_feeds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feed_deliveries_feed` ON `feed_deliveries` (`feed_id`,`created_at`);--> statement-breakpoint
CREATE TRIGGER `feed_deliveries_no_update` BEFORE UPDATE ON `feed_deliveries` BEGIN SELECT RAISE(ABORT, 'feed deliveries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `feed_deliveries_no_delete` BEFORE DELETE ON `feed_deliveries` BEGIN SELECT RAISE(ABORT, 'feed deliveries are append-only'); END;
