CREATE TABLE `bank_statement_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`bank_account_id` integer NOT NULL,
	`layout` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`first_day` text,
	`last_day` text,
	`rows` integer NOT NULL,
	`credit_count` integer NOT NULL,
	`credit_sum` integer NOT NULL,
	`debit_count` integer NOT NULL,
	`debit_sum` integer NOT NULL,
	`opening_balance` integer,
	`closing_balance` integer,
	`balances_checked` integer NOT NULL,
	`imported_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_statement_batches_file` ON `bank_statement_batches` (`entity_id`,`bank_account_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `bank_statement_rows` (
	`batch_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`posted_on` text NOT NULL,
	`time` text,
	`debit` integer NOT NULL,
	`credit` integer NOT NULL,
	`balance` integer,
	`remark` text NOT NULL,
	`ref` text,
	`counter_account` text,
	PRIMARY KEY(`batch_id`, `ordinal`),
	FOREIGN KEY (`batch_id`) REFERENCES `bank_statement_batches`(`id`) ON UPDATE no action ON DELETE no action
);
