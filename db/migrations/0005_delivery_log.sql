CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `intake_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`status` integer NOT NULL,
	`error_code` text,
	`reason` text,
	`body_bytes` integer NOT NULL,
	`body_sha256` text,
	`body` blob,
	`body_truncated` integer DEFAULT false NOT NULL,
	`content_type` text,
	`key_state` text NOT NULL,
	`intake_key_id` integer,
	`key_label` text,
	`offer_title` text,
	`lead_id` integer,
	`event_id` integer,
	`request_id` text,
	`replay_of` integer,
	`replayed_at` integer,
	`replayed_by` text,
	`replay_id` integer,
	FOREIGN KEY (`intake_key_id`) REFERENCES `intake_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `intake_deliveries_received_idx` ON `intake_deliveries` (`received_at`);--> statement-breakpoint
CREATE INDEX `intake_deliveries_outcome_idx` ON `intake_deliveries` (`outcome`,`received_at`);--> statement-breakpoint
CREATE INDEX `intake_deliveries_lead_idx` ON `intake_deliveries` (`lead_id`);--> statement-breakpoint
ALTER TABLE `leads` ADD `erased_at` integer;