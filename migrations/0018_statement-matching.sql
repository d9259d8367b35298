ALTER TABLE `bank_events` ADD `voucher_id` integer REFERENCES vouchers(id);--> statement-breakpoint
ALTER TABLE `bank_events` ADD `held_reason` text;--> statement-breakpoint
ALTER TABLE `bank_feeds` ADD `posting` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `bank_feeds` ADD `campaign_pattern` text;--> statement-breakpoint
ALTER TABLE `bank_statement_rows` ADD `sender` text;--> statement-breakpoint
ALTER TABLE `bank_statement_rows` ADD `status` text DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE `bank_statement_rows` ADD `match_batch_id` integer;--> statement-breakpoint
ALTER TABLE `bank_statement_rows` ADD `match_ordinal` integer;--> statement-breakpoint
ALTER TABLE `bank_statement_rows` ADD `match_event_id` integer REFERENCES bank_events(id);--> statement-breakpoint
ALTER TABLE `bank_statement_rows` ADD `review_reason` text;