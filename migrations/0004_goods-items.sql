DROP INDEX `entry_memos_holding`;--> statement-breakpoint
ALTER TABLE `entry_memos` ADD `item` text;--> statement-breakpoint
CREATE INDEX `entry_memos_holding` ON `entry_memos` (`entity_id`,`account_id`,`unit`,`item`,`date`,`quantity`);