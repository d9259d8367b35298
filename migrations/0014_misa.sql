CREATE TABLE `misa_exported_vouchers` (
	`export_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`product` text NOT NULL,
	`number` text NOT NULL,
	FOREIGN KEY (`export_id`) REFERENCES `misa_exports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `misa_exported_vouchers_number` ON `misa_exported_vouchers` (`entity_id`,`product`,`number`);--> statement-breakpoint
CREATE TABLE `misa_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`product` text NOT NULL,
	`template` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`exported_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`sha256` text,
	`vouchers` integer DEFAULT 0 NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `misa_exports_entity` ON `misa_exports` (`entity_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `misa_mappings` (
	`entity_id` integer NOT NULL,
	`product` text NOT NULL,
	`identity` integer NOT NULL,
	`accounts` text NOT NULL,
	`reasons` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`entity_id`, `product`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE no action
);
