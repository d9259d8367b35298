DROP INDEX `entry_lines_balance`;--> statement-breakpoint
CREATE INDEX `entry_lines_journal` ON `entry_lines` (`entity_id`,`date`,`id`);--> statement-breakpoint
CREATE INDEX `entry_lines_counterparty` ON `entry_lines` (`entity_id`,`counterparty_id`,`date`,`id`) WHERE counterparty_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `entry_lines_campaign` ON `entry_lines` (`entity_id`,`campaign_id`,`date`,`id`) WHERE campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `entry_lines_designation` ON `entry_lines` (`entity_id`,`designation`,`date`,`id`) WHERE designation IS NOT NULL;--> statement-breakpoint
CREATE INDEX `entry_lines_balance` ON `entry_lines` (`entity_id`,`account_id`,`date`,`id`,`amount`);--> statement-breakpoint
ALTER TABLE `counterparties` ADD `form` text;--> statement-breakpoint
CREATE INDEX `entries_opening_closing` ON `entries` (`entity_id`,`kind`,`date`) WHERE kind IN ('opening', 'closing');