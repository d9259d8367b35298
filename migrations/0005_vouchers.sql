CREATE TABLE `transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_entity_id` integer NOT NULL,
	`to_entity_id` integer NOT NULL,
	`status` text NOT NULL,
	`amount` integer NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`payment_voucher_id` integer,
	`receipt_voucher_id` integer,
	`settlement_voucher_id` integer,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`received_at` text,
	`received_by` text,
	FOREIGN KEY (`from_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settlement_voucher_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfers_from` ON `transfers` (`from_entity_id`);--> statement-breakpoint
CREATE INDEX `transfers_to` ON `transfers` (`to_entity_id`);--> statement-breakpoint
CREATE TABLE `voucher_counters` (
	`entity_id` integer NOT NULL,
	`type` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`entity_id`, `type`, `year`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `voucher_settings` (
	`entity_id` integer NOT NULL,
	`type` text NOT NULL,
	`prefix` text NOT NULL,
	`approval_required` integer NOT NULL,
	PRIMARY KEY(`entity_id`, `type`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vouchers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`date` text NOT NULL,
	`accounting_date` text NOT NULL,
	`counterparty` text,
	`reason` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text DEFAULT 'VND' NOT NULL,
	`campaign` text,
	`fiscal_year` integer,
	`number_seq` integer,
	`number` text,
	`entry_id` integer,
	`cancels_id` integer,
	`transfer_id` integer,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`posted_by` text,
	`posted_at` text,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancels_id`) REFERENCES `vouchers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transfer_id`) REFERENCES `transfers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_number` ON `vouchers` (`entity_id`,`type`,`fiscal_year`,`number_seq`) WHERE number_seq IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_cancels` ON `vouchers` (`cancels_id`) WHERE cancels_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `vouchers_entity_date` ON `vouchers` (`entity_id`,`accounting_date`);--> statement-breakpoint
CREATE INDEX `vouchers_entry` ON `vouchers` (`entry_id`);--> statement-breakpoint
ALTER TABLE `entities` ADD `voucher_number_format` text DEFAULT '{prefix}{number:4}/{year}' NOT NULL;--> statement-breakpoint
-- A posted voucher keeps its content, number and entry; it may only become cancelled.
CREATE TRIGGER vouchers_posted_frozen BEFORE UPDATE ON vouchers
WHEN OLD.status IN ('posted', 'cancelled') AND NOT (
  OLD.status = 'posted' AND NEW.status = 'cancelled'
  AND NEW.entity_id = OLD.entity_id AND NEW.type = OLD.type AND NEW.content = OLD.content
  AND NEW.date = OLD.date AND NEW.accounting_date = OLD.accounting_date AND NEW.reason = OLD.reason
  AND NEW.counterparty IS OLD.counterparty AND NEW.amount = OLD.amount AND NEW.currency = OLD.currency
  AND NEW.fiscal_year IS OLD.fiscal_year AND NEW.number_seq IS OLD.number_seq AND NEW.number IS OLD.number
  AND NEW.entry_id IS OLD.entry_id AND NEW.cancels_id IS OLD.cancels_id AND NEW.transfer_id IS OLD.transfer_id
  AND NEW.posted_by IS OLD.posted_by AND NEW.posted_at IS OLD.posted_at AND NEW.approved_by IS OLD.approved_by)
BEGIN SELECT RAISE(ABORT, 'posted vouchers are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER vouchers_posted_kept BEFORE DELETE ON vouchers
WHEN OLD.status IN ('posted', 'cancelled')
BEGIN SELECT RAISE(ABORT, 'posted vouchers are immutable'); END;
--> statement-breakpoint
-- Numbers only ever move up by one, so none is skipped or given twice.
CREATE TRIGGER voucher_counters_step BEFORE UPDATE ON voucher_counters
WHEN NEW.last <> OLD.last + 1 OR NEW.entity_id <> OLD.entity_id OR NEW.type <> OLD.type OR NEW.year <> OLD.year
BEGIN SELECT RAISE(ABORT, 'voucher numbers move up by one'); END;
--> statement-breakpoint
CREATE TRIGGER voucher_counters_kept BEFORE DELETE ON voucher_counters
BEGIN SELECT RAISE(ABORT, 'voucher numbers move up by one'); END;
--> statement-breakpoint
CREATE TRIGGER voucher_counters_start BEFORE INSERT ON voucher_counters
WHEN NEW.last <> 1
BEGIN SELECT RAISE(ABORT, 'voucher numbers start at one'); END;
