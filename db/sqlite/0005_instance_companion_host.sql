ALTER TABLE `instances` ADD `companion_host_id` text REFERENCES hosts(id);--> statement-breakpoint
CREATE INDEX `instances_companion_host` ON `instances` (`companion_host_id`);