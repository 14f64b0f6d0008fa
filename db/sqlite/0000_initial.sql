CREATE TABLE `aggregate_hosts` (
	`aggregate_id` text NOT NULL,
	`host_id` text NOT NULL,
	PRIMARY KEY(`aggregate_id`, `host_id`),
	FOREIGN KEY (`aggregate_id`) REFERENCES `aggregates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `aggregates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`availability_zone` text,
	`pool_state` text DEFAULT 'CREATED' NOT NULL,
	`metadata` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "aggregates_pool_state" CHECK("aggregates"."pool_state" in ('CREATED', 'CHANGING', 'ACTIVE', 'ERROR', 'DISMISSED'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aggregates_name_unique` ON `aggregates` (`name`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	CONSTRAINT "api_tokens_role" CHECK("api_tokens"."role" in ('reader', 'operator', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_secret_hash_unique` ON `api_tokens` (`secret_hash`);--> statement-breakpoint
CREATE TABLE `bandwidth_usage` (
	`instance_id` text NOT NULL,
	`mac` text NOT NULL,
	`period_start` integer NOT NULL,
	`bytes_in` integer DEFAULT 0 NOT NULL,
	`bytes_out` integer DEFAULT 0 NOT NULL,
	`last_refreshed` integer NOT NULL,
	PRIMARY KEY(`instance_id`, `mac`, `period_start`),
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `flavors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`vcpus` integer NOT NULL,
	`memory_mb` integer NOT NULL,
	`root_gb` integer NOT NULL,
	`ephemeral_gb` integer DEFAULT 0 NOT NULL,
	`swap_mb` integer DEFAULT 0 NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "flavors_positive" CHECK("flavors"."vcpus" > 0 and "flavors"."memory_mb" > 0 and "flavors"."root_gb" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flavors_name_unique` ON `flavors` (`name`);--> statement-breakpoint
CREATE TABLE `hosts` (
	`id` text PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`pool_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`disabled_reason` text,
	`maintenance` text DEFAULT 'NONE' NOT NULL,
	`live` integer DEFAULT true NOT NULL,
	`memory_total` integer DEFAULT 0 NOT NULL,
	`memory_free` integer DEFAULT 0 NOT NULL,
	`cpu_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pool_id`) REFERENCES `pools`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hosts_maintenance" CHECK("hosts"."maintenance" in ('NONE', 'ENTERING', 'ON', 'LEAVING', 'ERROR'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hosts_uuid_unique` ON `hosts` (`uuid`);--> statement-breakpoint
CREATE TABLE `images` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`disk_format` text NOT NULL,
	`container_format` text DEFAULT 'bare' NOT NULL,
	`size_bytes` integer DEFAULT 0 NOT NULL,
	`checksum` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`properties` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "images_status" CHECK("images"."status" in ('queued', 'saving', 'active', 'killed', 'deleted')),
	CONSTRAINT "images_disk_format" CHECK("images"."disk_format" in ('vhd', 'raw', 'qcow2', 'iso'))
);
--> statement-breakpoint
CREATE TABLE `instance_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`operation_id` text,
	`action` text NOT NULL,
	`requested_by` text NOT NULL,
	`result` text,
	`message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instance_actions_instance` ON `instance_actions` (`instance_id`);--> statement-breakpoint
CREATE TABLE `instance_security_groups` (
	`instance_id` text NOT NULL,
	`group_id` text NOT NULL,
	PRIMARY KEY(`instance_id`, `group_id`),
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `security_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `instance_vifs` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`network_id` text NOT NULL,
	`subnet_id` text,
	`device` integer NOT NULL,
	`mac` text NOT NULL,
	`ip` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subnet_id`) REFERENCES `subnets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instance_vifs_mac_unique` ON `instance_vifs` (`mac`);--> statement-breakpoint
CREATE INDEX `instance_vifs_instance` ON `instance_vifs` (`instance_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `instance_vifs_ip` ON `instance_vifs` (`subnet_id`,`ip`);--> statement-breakpoint
CREATE TABLE `instances` (
	`id` text PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`name` text NOT NULL,
	`vm_uuid` text,
	`pool_id` text,
	`host_id` text,
	`flavor_id` text,
	`image_id` text,
	`managed` integer DEFAULT true NOT NULL,
	`vm_state` text DEFAULT 'BUILDING' NOT NULL,
	`task_state` text,
	`power_state` text DEFAULT 'NOSTATE' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`vcpus` integer DEFAULT 0 NOT NULL,
	`memory_mb` integer DEFAULT 0 NOT NULL,
	`metadata` text DEFAULT '{}' NOT NULL,
	`system_metadata` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`launched_at` integer,
	`deleted_at` integer,
	FOREIGN KEY (`pool_id`) REFERENCES `pools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flavor_id`) REFERENCES `flavors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`image_id`) REFERENCES `images`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instances_vm_state" CHECK("instances"."vm_state" in ('BUILDING', 'ACTIVE', 'PAUSED', 'SUSPENDED', 'STOPPED', 'RESCUED', 'RESIZED', 'SOFT_DELETED', 'DELETED', 'ERROR', 'SHELVED')),
	CONSTRAINT "instances_power_state" CHECK("instances"."power_state" in ('NOSTATE', 'RUNNING', 'PAUSED', 'SHUTDOWN', 'CRASHED', 'SUSPENDED')),
	CONSTRAINT "instances_progress" CHECK("instances"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instances_uuid_unique` ON `instances` (`uuid`);--> statement-breakpoint
CREATE UNIQUE INDEX `instances_vm_uuid_unique` ON `instances` (`vm_uuid`);--> statement-breakpoint
CREATE INDEX `instances_host` ON `instances` (`host_id`);--> statement-breakpoint
CREATE INDEX `instances_name` ON `instances` (`name`);--> statement-breakpoint
CREATE INDEX `instances_created` ON `instances` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `migrations` (
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
	CONSTRAINT "migrations_status" CHECK("migrations"."status" in ('queued', 'preparing', 'running', 'post-migrating', 'completed', 'error', 'cancelled', 'finished', 'confirmed', 'reverted')),
	CONSTRAINT "migrations_type" CHECK("migrations"."type" in ('resize', 'migration', 'live-migration', 'evacuation'))
);
--> statement-breakpoint
CREATE INDEX `migrations_instance` ON `migrations` (`instance_id`);--> statement-breakpoint
CREATE TABLE `networks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`bridge` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `operations` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'PENDING' NOT NULL,
	`instance_id` text,
	`target_id` text,
	`input` text DEFAULT '{}' NOT NULL,
	`idempotency_key` text,
	`request_hash` text,
	`requested_by` text NOT NULL,
	`progress_percent` real DEFAULT 0 NOT NULL,
	`progress_phase` text,
	`progress_message` text,
	`xapi_task` text,
	`error_code` text,
	`error_message` text,
	`xapi_code` text,
	`xapi_params` text,
	`result` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "operations_status" CHECK("operations"."status" in ('PENDING', 'RUNNING', 'CANCELLING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
	CONSTRAINT "operations_progress" CHECK("operations"."progress_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operations_one_active_per_instance` ON `operations` (`instance_id`) WHERE status in ('PENDING', 'RUNNING', 'CANCELLING') and instance_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `operations_idempotency` ON `operations` (`requested_by`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `operations_status_idx` ON `operations` (`status`);--> statement-breakpoint
CREATE INDEX `operations_created` ON `operations` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `pools` (
	`id` text PRIMARY KEY NOT NULL,
	`uuid` text NOT NULL,
	`name` text NOT NULL,
	`master_url` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pools_uuid_unique` ON `pools` (`uuid`);--> statement-breakpoint
CREATE TABLE `security_group_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`protocol` text NOT NULL,
	`from_port` integer,
	`to_port` integer,
	`cidr` text,
	`source_group_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `security_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_group_id`) REFERENCES `security_groups`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "security_group_rules_protocol" CHECK("security_group_rules"."protocol" in ('tcp', 'udp', 'icmp'))
);
--> statement-breakpoint
CREATE TABLE `security_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `security_groups_name_unique` ON `security_groups` (`name`);--> statement-breakpoint
CREATE TABLE `subnets` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`cidr` text NOT NULL,
	`gateway` text,
	`dns` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `volume_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`volume_id` text NOT NULL,
	`mountpoint` text NOT NULL,
	`device_number` integer,
	`connection_info` text NOT NULL,
	`sr_uuid` text,
	`vdi_uuid` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`detached_at` integer,
	FOREIGN KEY (`instance_id`) REFERENCES `instances`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `volume_attachments_instance` ON `volume_attachments` (`instance_id`);