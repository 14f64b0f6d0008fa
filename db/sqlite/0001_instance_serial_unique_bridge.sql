ALTER TABLE `instances` ADD `serial` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `instances_serial_unique` ON `instances` (`serial`);--> statement-breakpoint
CREATE UNIQUE INDEX `networks_bridge_unique` ON `networks` (`bridge`);