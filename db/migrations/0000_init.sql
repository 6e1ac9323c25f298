CREATE TABLE `intake_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`origin` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_prefix` text NOT NULL,
	`sealed_key` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_keys_key_hash_unique` ON `intake_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `lead_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`received_at` integer NOT NULL,
	`raw_body` blob NOT NULL,
	`content_type` text,
	`dedupe_hash` blob NOT NULL,
	`intake_key_id` integer,
	`lead_source` text,
	`action_code` text,
	`source` text,
	`action` text,
	`publisher_id` text,
	`offer_id` text,
	`offer_title` text,
	`first_name` text,
	`last_name` text,
	`email` text,
	`phone` text,
	`country` text,
	`company` text,
	`title` text,
	`description` text,
	`is_test` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`intake_key_id`) REFERENCES `intake_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_events_lead_idx` ON `lead_events` (`lead_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `lead_events_dedupe_idx` ON `lead_events` (`dedupe_hash`,`received_at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merge_key` text,
	`email` text,
	`email_normalized` text,
	`first_name` text,
	`last_name` text,
	`phone` text,
	`country` text,
	`company` text,
	`title` text,
	`description` text,
	`offer_ref` integer,
	`publisher_id` text,
	`offer_id` text,
	`offer_title` text,
	`source` text,
	`action` text,
	`stage` text,
	`status` text DEFAULT 'new' NOT NULL,
	`is_test` integer DEFAULT false NOT NULL,
	`do_not_contact` integer DEFAULT false NOT NULL,
	`event_count` integer DEFAULT 1 NOT NULL,
	`received_at` integer NOT NULL,
	`last_event_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`offer_ref`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_merge_key_unique` ON `leads` (`merge_key`);--> statement-breakpoint
CREATE INDEX `leads_test_received_idx` ON `leads` (`is_test`,`received_at`);--> statement-breakpoint
CREATE INDEX `leads_offer_received_idx` ON `leads` (`offer_ref`,`received_at`);--> statement-breakpoint
CREATE INDEX `leads_status_received_idx` ON `leads` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `leads_dnc_idx` ON `leads` (`is_test`) WHERE "leads"."do_not_contact" = 1;--> statement-breakpoint
CREATE TABLE `offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`publisher_id` text,
	`offer_id` text,
	`title` text,
	`title_key` text,
	`first_lead_at` integer,
	`last_lead_at` integer,
	`last_test_lead_at` integer,
	`lead_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_key_unique` ON `offers` (`key`);--> statement-breakpoint
CREATE INDEX `offers_title_key_idx` ON `offers` (`title_key`);