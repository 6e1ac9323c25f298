DROP INDEX `leads_offer_received_idx`;--> statement-breakpoint
CREATE INDEX `leads_search_matches_idx` ON `leads` (`id`,`is_test`,`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `leads_offer_received_idx` ON `leads` (`offer_ref`,`received_at`,`is_test`,`stage`,`status`,`owner_id`);