ALTER TABLE `entities` ADD `debit_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `entities` ADD `quantity_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_account_days` (
	`entity_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`date` text NOT NULL,
	`debit` integer DEFAULT 0 NOT NULL,
	`credit` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`entity_id`, `account_id`, `date`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_days_integers" CHECK(typeof(debit) = 'integer' AND typeof(credit) = 'integer')
);
--> statement-breakpoint
INSERT INTO `__new_account_days`("entity_id", "account_id", "date", "debit", "credit") SELECT "entity_id", "account_id", "date", "debit", "credit" FROM `account_days`;--> statement-breakpoint
DROP TABLE `account_days`;--> statement-breakpoint
ALTER TABLE `__new_account_days` RENAME TO `account_days`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
UPDATE `entities` SET
  `debit_total` = (SELECT COALESCE(SUM(`debit`), 0) FROM `account_days` WHERE `entity_id` = `entities`.`id`),
  `quantity_total` =
    (SELECT COALESCE(SUM(ABS(`quantity`)), 0) FROM `entry_memos` WHERE `entity_id` = `entities`.`id`)
    + (SELECT COALESCE(SUM(ABS(COALESCE(`quantity`, 0)) + ABS(COALESCE(`original_amount`, 0))), 0) FROM `entry_lines` WHERE `entity_id` = `entities`.`id`);
