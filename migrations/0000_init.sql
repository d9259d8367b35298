CREATE TABLE `account_days` (
	`entity_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`debit` integer DEFAULT 0 NOT NULL,
	`credit` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`entity_id`, `account_id`, `date`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`code` text NOT NULL,
	`parent_code` text,
	`name_vi` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`class` text NOT NULL,
	`normal_side` text NOT NULL,
	`off_balance` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`note` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_entity_code` ON `accounts` (`entity_id`,`code`);--> statement-breakpoint
CREATE TABLE `bank_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`kind` text NOT NULL,
	`institution` text NOT NULL,
	`number` text NOT NULL,
	`currency` text DEFAULT 'VND' NOT NULL,
	`account_code` text NOT NULL,
	`campaign_id` integer,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_accounts_entity_number` ON `bank_accounts` (`entity_id`,`number`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_entity_code` ON `campaigns` (`entity_id`,`code`);--> statement-breakpoint
CREATE TABLE `counterparties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`linked_entity_id` integer,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counterparties_identity` ON `counterparties` (`entity_id`,`kind`,`name`,`address`);--> statement-breakpoint
CREATE TABLE `entities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`parent_id` integer,
	`address` text,
	`budget_unit_code` text,
	`seal_name` text NOT NULL,
	`seal_reference` text,
	`seal_date` text,
	`seal_image` blob,
	`seal_image_type` text,
	`management_costs_allowed` integer DEFAULT false NOT NULL,
	`management_cost_cap` integer,
	`chain_seq` integer DEFAULT 0 NOT NULL,
	`chain_hash` text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`level`) REFERENCES `levels`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entities_code_unique` ON `entities` (`code`);--> statement-breakpoint
CREATE TABLE `entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`description` text NOT NULL,
	`reverses_id` integer,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`hash` blob NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverses_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entries_entity_seq` ON `entries` (`entity_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `entries_reverses` ON `entries` (`reverses_id`) WHERE reverses_id IS NOT NULL;--> statement-breakpoint
CREATE TABLE `entry_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount` integer NOT NULL,
	`counterparty_id` integer,
	`campaign_id` integer,
	`designation` text,
	`bank_account_id` integer,
	`external_ref` text,
	`currency` text,
	`original_amount` integer,
	`rate` text,
	`quantity` integer,
	`unit` text,
	FOREIGN KEY (`entry_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterparty_id`) REFERENCES `counterparties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entry_lines_entry` ON `entry_lines` (`entry_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `entry_lines_balance` ON `entry_lines` (`entity_id`,`account_id`,`date`,`amount`);--> statement-breakpoint
CREATE TABLE `entry_memos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit` text NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entry_memos_entry` ON `entry_memos` (`entry_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `entry_memos_holding` ON `entry_memos` (`entity_id`,`account_id`,`unit`,`date`,`quantity`);--> statement-breakpoint
CREATE TABLE `fiscal_years` (
	`entity_id` integer NOT NULL,
	`year` integer NOT NULL,
	`regime` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	PRIMARY KEY(`entity_id`, `year`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `levels` (
	`code` text PRIMARY KEY NOT NULL,
	`name_vi` text NOT NULL,
	`rank` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `opening_balances` (
	`entity_id` integer NOT NULL,
	`year` integer NOT NULL,
	`account_id` integer NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`entity_id`, `year`, `account_id`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `period_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`year` integer NOT NULL,
	`month` integer,
	`action` text NOT NULL,
	`actor` text NOT NULL,
	`reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `period_events_entity` ON `period_events` (`entity_id`,`year`);--> statement-breakpoint
CREATE TABLE `periods` (
	`entity_id` integer NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`entity_id`, `year`, `month`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signatories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`title` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signatories_entity_role` ON `signatories` (`entity_id`,`role`);