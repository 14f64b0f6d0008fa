PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_migrations` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`operation_id` text,
	`type` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`source_host_id` text,
	`dest_host_id` text,
	`old_flavor_id` text,
	`new_flavor_id` text,
	`progress_percent` real DEFAULT 0 NOT NULL,
	`memory_total` integer,
	`memory_processed` integer,
	`memory_remaining` integer,
	`disk_total` integer,
	`disk_processed` integer,
	`disk_remaining` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dest_host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`old_flavor_id`) REFERENCES `flavors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_flavor_id`) REFERENCES `flavors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "migrations_status" CHECK("__new_migrations"."status" in ('queued', 'preparing', 'running', 'migrating', 'post-migrating', 'completed', 'error', 'cancelled', 'finished', 'confirmed', 'reverted')),
	CONSTRAINT "migrations_type" CHECK("__new_migrations"."type" in ('resize', 'migration', 'live-migration', 'evacuation'))
);
--> statement-breakpoint
INSERT INTO `__new_migrations`("id", "instance_id", "operation_id", "type", "status", "source_host_id", "dest_host_id", "old_flavor_id", "new_flavor_id", "progress_percent", "memory_total", "memory_processed", "memory_remaining", "disk_total", "disk_processed", "disk_remaining", "created_at", "updated_at") SELECT "id", "instance_id", "operation_id", "type", "status", "source_host_id", "dest_host_id", "old_flavor_id", "new_flavor_id", "progress_percent", "memory_total", "memory_processed", "memory_remaining", "disk_total", "disk_processed", "disk_remaining", "created_at", "updated_at" FROM `migrations`;--> statement-breakpoint
DROP TABLE `migrations`;--> statement-breakpoint
ALTER TABLE `__new_migrations` RENAME TO `migrations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `migrations_instance` ON `migrations` (`instance_id`);