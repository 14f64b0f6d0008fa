ALTER TABLE `bandwidth_usage` ADD `last_counter_in` integer;--> statement-breakpoint
ALTER TABLE `bandwidth_usage` ADD `last_counter_out` integer;