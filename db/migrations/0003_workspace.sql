CREATE TABLE `lead_qualifications` (
	`lead_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`checked_by` text,
	`checked_by_label` text NOT NULL,
	`checked_at` integer NOT NULL,
	PRIMARY KEY(`lead_id`, `item_id`),
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `qualification_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `lead_touches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`author_id` text,
	`author_label` text NOT NULL,
	`touched_at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `lead_touches_lead_idx` ON `lead_touches` (`lead_id`,`touched_at`);--> statement-breakpoint
CREATE TABLE `qualification_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`hint` text,
	`required` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `leads` ADD `journey_sources` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `journey_actions` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `touch_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `leads` ADD `first_touch_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `last_touch_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `next_follow_up_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `last_activity_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing leads: last activity starts at the latest delivery; journey tokens from their events.
UPDATE `leads` SET `last_activity_at` = max(`last_event_at`, `updated_at`);--> statement-breakpoint
UPDATE `leads` SET
	`journey_sources` = coalesce((SELECT '|' || group_concat(`s`, '|') || '|' FROM (SELECT DISTINCT `source` AS `s` FROM `lead_events` WHERE `lead_events`.`lead_id` = `leads`.`id` AND `source` IS NOT NULL)), ''),
	`journey_actions` = coalesce((SELECT '|' || group_concat(`a`, '|') || '|' FROM (SELECT DISTINCT `action` AS `a` FROM `lead_events` WHERE `lead_events`.`lead_id` = `leads`.`id` AND `action` IS NOT NULL)), '');--> statement-breakpoint
-- Lists order by (received_at, id) with or without test leads; the few test leads have their own.
DROP INDEX IF EXISTS `leads_test_received_idx`;--> statement-breakpoint
CREATE INDEX `leads_received_idx` ON `leads` (`received_at`);--> statement-breakpoint
CREATE INDEX `leads_test_received_idx` ON `leads` (`received_at`) WHERE "leads"."is_test" = 1;--> statement-breakpoint
DROP INDEX IF EXISTS `leads_dnc_idx`;--> statement-breakpoint
CREATE INDEX `leads_dnc_received_idx` ON `leads` (`received_at`) WHERE "leads"."do_not_contact" = 1;--> statement-breakpoint
-- drizzle-kit 0.31 splits expression indexes at their commas: these four are written by hand.
CREATE INDEX `leads_stage_received_idx` ON `leads` (coalesce("stage", ''),`received_at`);--> statement-breakpoint
CREATE INDEX `leads_country_received_idx` ON `leads` (coalesce("country", ''),`received_at`);--> statement-breakpoint
CREATE INDEX `leads_name_received_idx` ON `leads` (coalesce("last_name", ''),coalesce("first_name", ''),`received_at`);--> statement-breakpoint
CREATE INDEX `leads_company_received_idx` ON `leads` (coalesce("company", ''),`received_at`);--> statement-breakpoint
CREATE INDEX `leads_activity_idx` ON `leads` (`last_activity_at`,`received_at`);--> statement-breakpoint
CREATE INDEX `leads_follow_up_idx` ON `leads` (`next_follow_up_at`,`received_at`) WHERE "leads"."next_follow_up_at" is not null;--> statement-breakpoint
CREATE INDEX `leads_untouched_idx` ON `leads` (`received_at`) WHERE "leads"."first_touch_at" is null;--> statement-breakpoint
-- Free-text search over name, email, company, title and description: a trigram index finds any
-- substring of three or more characters. Contentless (the text lives in leads only) with deletes
-- by rowid; the rowid is the lead id. Kept in step by the triggers below; the seed drops them
-- for a bulk load and rebuilds the index in one pass (db/scripts/seed.ts).
CREATE VIRTUAL TABLE `leads_search` USING fts5(
	`name`, `email`, `company`, `title`, `description`,
	content='', contentless_delete=1, tokenize='trigram remove_diacritics 1'
);--> statement-breakpoint
INSERT INTO `leads_search` (`rowid`, `name`, `email`, `company`, `title`, `description`)
	SELECT `id`, concat_ws(' ', `first_name`, `last_name`), `email`, `company`, `title`, `description` FROM `leads`;--> statement-breakpoint
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
	INSERT INTO `leads_search` (`rowid`, `name`, `email`, `company`, `title`, `description`)
	VALUES (new.`id`, concat_ws(' ', new.`first_name`, new.`last_name`), new.`email`, new.`company`, new.`title`, new.`description`);
END;--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF `first_name`, `last_name`, `email`, `company`, `title`, `description` ON `leads`
WHEN old.`first_name` IS NOT new.`first_name` OR old.`last_name` IS NOT new.`last_name` OR old.`email` IS NOT new.`email`
	OR old.`company` IS NOT new.`company` OR old.`title` IS NOT new.`title` OR old.`description` IS NOT new.`description`
BEGIN
	DELETE FROM `leads_search` WHERE `rowid` = old.`id`;
	INSERT INTO `leads_search` (`rowid`, `name`, `email`, `company`, `title`, `description`)
	VALUES (new.`id`, concat_ws(' ', new.`first_name`, new.`last_name`), new.`email`, new.`company`, new.`title`, new.`description`);
END;--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
	DELETE FROM `leads_search` WHERE `rowid` = old.`id`;
END;--> statement-breakpoint
-- The default qualification checklist (BANT); admins edit it in Settings → Qualification.
INSERT INTO `qualification_items` (`label`, `hint`, `required`, `position`, `created_at`) VALUES
	('Budget', 'The customer has, or can get, budget for this purchase.', 1, 1, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
	('Authority', 'We are talking to the person who decides, or know who does.', 1, 2, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
	('Need', 'The customer has a problem this offer solves.', 1, 3, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
	('Timeline', 'The customer plans to buy within a known time frame.', 1, 4, CAST(unixepoch('subsec') * 1000 AS INTEGER));
