-- The search index catches up in batches. Indexing one lead at a time (the webhook commits a few
-- deliveries per transaction) wrote a new FTS segment per commit and merged them over and over:
-- about 250 µs of the writer's ~600 µs per lead at a million leads, against 25 µs per lead when
-- a hundred are indexed together. A new lead is now queued here by the insert trigger, and
-- lib/leads/search-index.ts moves the queue into leads_search: the delivery writer once enough
-- have gathered, and any search first (so a search never misses a lead, however new).
CREATE TABLE `lead_search_backlog` (
	`lead_id` integer PRIMARY KEY NOT NULL
);--> statement-breakpoint
DROP TRIGGER `leads_search_insert`;--> statement-breakpoint
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
	INSERT INTO `lead_search_backlog` (`lead_id`) VALUES (new.`id`);
END;--> statement-breakpoint
-- A queued lead is indexed with its text as it is when the queue is read: nothing to do here.
DROP TRIGGER `leads_search_update`;--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF `first_name`, `last_name`, `email`, `company`, `title`, `description` ON `leads`
WHEN (old.`first_name` IS NOT new.`first_name` OR old.`last_name` IS NOT new.`last_name` OR old.`email` IS NOT new.`email`
	OR old.`company` IS NOT new.`company` OR old.`title` IS NOT new.`title` OR old.`description` IS NOT new.`description`)
	AND NOT EXISTS (SELECT 1 FROM `lead_search_backlog` WHERE `lead_id` = new.`id`)
BEGIN
	DELETE FROM `leads_search` WHERE `rowid` = old.`id`;
	INSERT INTO `leads_search` (`rowid`, `name`, `email`, `company`, `title`, `description`)
	VALUES (new.`id`, concat_ws(' ', new.`first_name`, new.`last_name`), new.`email`, new.`company`, new.`title`, new.`description`);
END;--> statement-breakpoint
-- Deleting a rowid the index never held is a no-op for a contentless-delete FTS5 table.
DROP TRIGGER `leads_search_delete`;--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
	DELETE FROM `leads_search` WHERE `rowid` = old.`id`;
	DELETE FROM `lead_search_backlog` WHERE `lead_id` = old.`id`;
END;
