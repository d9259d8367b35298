ALTER TABLE `entities` ADD `seal_image_on_vouchers` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `entities` ADD `seal_image_on_reports` integer DEFAULT false NOT NULL;