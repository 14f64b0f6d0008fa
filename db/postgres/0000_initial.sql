CREATE TABLE "aggregate_hosts" (
	"aggregate_id" text COLLATE "C" NOT NULL,
	"host_id" text COLLATE "C" NOT NULL,
	CONSTRAINT "aggregate_hosts_aggregate_id_host_id_pk" PRIMARY KEY("aggregate_id","host_id")
);
--> statement-breakpoint
CREATE TABLE "aggregates" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"availability_zone" text COLLATE "C",
	"pool_state" text COLLATE "C" DEFAULT 'CREATED' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "aggregates_name_unique" UNIQUE("name"),
	CONSTRAINT "aggregates_pool_state" CHECK ("aggregates"."pool_state" in ('CREATED', 'CHANGING', 'ACTIVE', 'ERROR', 'DISMISSED'))
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"role" text COLLATE "C" NOT NULL,
	"secret_hash" text COLLATE "C" NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_tokens_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "api_tokens_role" CHECK ("api_tokens"."role" in ('reader', 'operator', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "bandwidth_usage" (
	"instance_id" text COLLATE "C" NOT NULL,
	"mac" text COLLATE "C" NOT NULL,
	"period_start" timestamp (3) with time zone NOT NULL,
	"bytes_in" bigint DEFAULT 0 NOT NULL,
	"bytes_out" bigint DEFAULT 0 NOT NULL,
	"last_counter_in" bigint,
	"last_counter_out" bigint,
	"last_refreshed" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "bandwidth_usage_instance_id_mac_period_start_pk" PRIMARY KEY("instance_id","mac","period_start")
);
--> statement-breakpoint
CREATE TABLE "flavors" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"vcpus" integer NOT NULL,
	"memory_mb" integer NOT NULL,
	"root_gb" integer NOT NULL,
	"ephemeral_gb" integer DEFAULT 0 NOT NULL,
	"swap_mb" integer DEFAULT 0 NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"extra_specs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "flavors_name_unique" UNIQUE("name"),
	CONSTRAINT "flavors_positive" CHECK ("flavors"."vcpus" > 0 and "flavors"."memory_mb" > 0 and "flavors"."root_gb" >= 0)
);
--> statement-breakpoint
CREATE TABLE "hosts" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"uuid" text COLLATE "C" NOT NULL,
	"pool_id" text COLLATE "C" NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"address" text COLLATE "C" NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text COLLATE "C",
	"maintenance" text COLLATE "C" DEFAULT 'NONE' NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	"memory_total" bigint DEFAULT 0 NOT NULL,
	"memory_free" bigint DEFAULT 0 NOT NULL,
	"cpu_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "hosts_uuid_unique" UNIQUE("uuid"),
	CONSTRAINT "hosts_maintenance" CHECK ("hosts"."maintenance" in ('NONE', 'ENTERING', 'ON', 'LEAVING', 'ERROR'))
);
--> statement-breakpoint
CREATE TABLE "images" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"disk_format" text COLLATE "C" NOT NULL,
	"container_format" text COLLATE "C" DEFAULT 'bare' NOT NULL,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"checksum" text COLLATE "C",
	"status" text COLLATE "C" DEFAULT 'queued' NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "images_status" CHECK ("images"."status" in ('queued', 'saving', 'active', 'killed', 'deleted')),
	CONSTRAINT "images_disk_format" CHECK ("images"."disk_format" in ('vhd', 'raw', 'qcow2', 'iso'))
);
--> statement-breakpoint
CREATE TABLE "instance_actions" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"instance_id" text COLLATE "C" NOT NULL,
	"operation_id" text COLLATE "C",
	"action" text COLLATE "C" NOT NULL,
	"requested_by" text COLLATE "C" NOT NULL,
	"result" text COLLATE "C",
	"message" text COLLATE "C",
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "instance_security_groups" (
	"instance_id" text COLLATE "C" NOT NULL,
	"group_id" text COLLATE "C" NOT NULL,
	CONSTRAINT "instance_security_groups_instance_id_group_id_pk" PRIMARY KEY("instance_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "instance_vifs" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"instance_id" text COLLATE "C" NOT NULL,
	"network_id" text COLLATE "C" NOT NULL,
	"subnet_id" text COLLATE "C",
	"device" integer NOT NULL,
	"mac" text COLLATE "C" NOT NULL,
	"ip" text COLLATE "C",
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "instance_vifs_mac_unique" UNIQUE("mac")
);
--> statement-breakpoint
CREATE TABLE "instances" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"uuid" text COLLATE "C" NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"serial" integer,
	"vm_uuid" text COLLATE "C",
	"pool_id" text COLLATE "C",
	"host_id" text COLLATE "C",
	"companion_host_id" text COLLATE "C",
	"flavor_id" text COLLATE "C",
	"image_id" text COLLATE "C",
	"managed" boolean DEFAULT true NOT NULL,
	"vm_state" text COLLATE "C" DEFAULT 'BUILDING' NOT NULL,
	"task_state" text COLLATE "C",
	"power_state" text COLLATE "C" DEFAULT 'NOSTATE' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"vcpus" integer DEFAULT 0 NOT NULL,
	"memory_mb" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"system_metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"launched_at" timestamp (3) with time zone,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "instances_uuid_unique" UNIQUE("uuid"),
	CONSTRAINT "instances_serial_unique" UNIQUE("serial"),
	CONSTRAINT "instances_vm_uuid_unique" UNIQUE("vm_uuid"),
	CONSTRAINT "instances_vm_state" CHECK ("instances"."vm_state" in ('BUILDING', 'ACTIVE', 'PAUSED', 'SUSPENDED', 'STOPPED', 'RESCUED', 'RESIZED', 'SOFT_DELETED', 'DELETED', 'ERROR', 'SHELVED')),
	CONSTRAINT "instances_power_state" CHECK ("instances"."power_state" in ('NOSTATE', 'RUNNING', 'PAUSED', 'SHUTDOWN', 'CRASHED', 'SUSPENDED')),
	CONSTRAINT "instances_progress" CHECK ("instances"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "leases" (
	"name" text COLLATE "C" PRIMARY KEY NOT NULL,
	"holder" text COLLATE "C" NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "migrations" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"instance_id" text COLLATE "C" NOT NULL,
	"operation_id" text COLLATE "C",
	"type" text COLLATE "C" NOT NULL,
	"status" text COLLATE "C" DEFAULT 'queued' NOT NULL,
	"source_host_id" text COLLATE "C",
	"dest_host_id" text COLLATE "C",
	"old_flavor_id" text COLLATE "C",
	"new_flavor_id" text COLLATE "C",
	"progress_percent" double precision DEFAULT 0 NOT NULL,
	"memory_total" bigint,
	"memory_processed" bigint,
	"memory_remaining" bigint,
	"disk_total" bigint,
	"disk_processed" bigint,
	"disk_remaining" bigint,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "migrations_status" CHECK ("migrations"."status" in ('queued', 'preparing', 'running', 'migrating', 'post-migrating', 'completed', 'error', 'cancelled', 'finished', 'confirmed', 'reverted')),
	CONSTRAINT "migrations_type" CHECK ("migrations"."type" in ('resize', 'migration', 'live-migration', 'evacuation'))
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"bridge" text COLLATE "C" NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "networks_bridge_unique" UNIQUE("bridge")
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"kind" text COLLATE "C" NOT NULL,
	"status" text COLLATE "C" DEFAULT 'PENDING' NOT NULL,
	"instance_id" text COLLATE "C",
	"target_id" text COLLATE "C",
	"input" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text COLLATE "C",
	"request_hash" text COLLATE "C",
	"requested_by" text COLLATE "C" NOT NULL,
	"progress_percent" double precision DEFAULT 0 NOT NULL,
	"progress_phase" text COLLATE "C",
	"progress_message" text COLLATE "C",
	"xapi_task" text COLLATE "C",
	"error_code" text COLLATE "C",
	"error_message" text COLLATE "C",
	"xapi_code" text COLLATE "C",
	"xapi_params" jsonb,
	"result" jsonb,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "operations_status" CHECK ("operations"."status" in ('PENDING', 'RUNNING', 'CANCELLING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
	CONSTRAINT "operations_progress" CHECK ("operations"."progress_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "pools" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"uuid" text COLLATE "C" NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"master_url" text COLLATE "C" NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "pools_uuid_unique" UNIQUE("uuid")
);
--> statement-breakpoint
CREATE TABLE "security_group_rules" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"group_id" text COLLATE "C" NOT NULL,
	"protocol" text COLLATE "C" NOT NULL,
	"from_port" integer,
	"to_port" integer,
	"cidr" text COLLATE "C",
	"source_group_id" text COLLATE "C",
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "security_group_rules_protocol" CHECK ("security_group_rules"."protocol" in ('tcp', 'udp', 'icmp'))
);
--> statement-breakpoint
CREATE TABLE "security_groups" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"description" text COLLATE "C" DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "security_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "subnets" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"network_id" text COLLATE "C" NOT NULL,
	"cidr" text COLLATE "C" NOT NULL,
	"gateway" text COLLATE "C",
	"dns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volume_attachments" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"instance_id" text COLLATE "C" NOT NULL,
	"volume_id" text COLLATE "C" NOT NULL,
	"mountpoint" text COLLATE "C" NOT NULL,
	"device_number" integer,
	"connection_info" jsonb NOT NULL,
	"sr_uuid" text COLLATE "C",
	"vdi_uuid" text COLLATE "C",
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"detached_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "aggregate_hosts" ADD CONSTRAINT "aggregate_hosts_aggregate_id_aggregates_id_fk" FOREIGN KEY ("aggregate_id") REFERENCES "public"."aggregates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aggregate_hosts" ADD CONSTRAINT "aggregate_hosts_host_id_hosts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."hosts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bandwidth_usage" ADD CONSTRAINT "bandwidth_usage_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hosts" ADD CONSTRAINT "hosts_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_actions" ADD CONSTRAINT "instance_actions_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_actions" ADD CONSTRAINT "instance_actions_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_security_groups" ADD CONSTRAINT "instance_security_groups_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_security_groups" ADD CONSTRAINT "instance_security_groups_group_id_security_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."security_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_vifs" ADD CONSTRAINT "instance_vifs_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_vifs" ADD CONSTRAINT "instance_vifs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_vifs" ADD CONSTRAINT "instance_vifs_subnet_id_subnets_id_fk" FOREIGN KEY ("subnet_id") REFERENCES "public"."subnets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_host_id_hosts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."hosts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_companion_host_id_hosts_id_fk" FOREIGN KEY ("companion_host_id") REFERENCES "public"."hosts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_flavor_id_flavors_id_fk" FOREIGN KEY ("flavor_id") REFERENCES "public"."flavors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_image_id_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."images"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migrations" ADD CONSTRAINT "migrations_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migrations" ADD CONSTRAINT "migrations_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migrations" ADD CONSTRAINT "migrations_source_host_id_hosts_id_fk" FOREIGN KEY ("source_host_id") REFERENCES "public"."hosts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migrations" ADD CONSTRAINT "migrations_dest_host_id_hosts_id_fk" FOREIGN KEY ("dest_host_id") REFERENCES "public"."hosts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migrations" ADD CONSTRAINT "migrations_old_flavor_id_flavors_id_fk" FOREIGN KEY ("old_flavor_id") REFERENCES "public"."flavors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "migrations" ADD CONSTRAINT "migrations_new_flavor_id_flavors_id_fk" FOREIGN KEY ("new_flavor_id") REFERENCES "public"."flavors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_group_rules" ADD CONSTRAINT "security_group_rules_group_id_security_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."security_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_group_rules" ADD CONSTRAINT "security_group_rules_source_group_id_security_groups_id_fk" FOREIGN KEY ("source_group_id") REFERENCES "public"."security_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subnets" ADD CONSTRAINT "subnets_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volume_attachments" ADD CONSTRAINT "volume_attachments_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instance_actions_instance" ON "instance_actions" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "instance_vifs_instance" ON "instance_vifs" USING btree ("instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instance_vifs_ip" ON "instance_vifs" USING btree ("subnet_id","ip");--> statement-breakpoint
CREATE INDEX "instances_host" ON "instances" USING btree ("host_id");--> statement-breakpoint
CREATE INDEX "instances_companion_host" ON "instances" USING btree ("companion_host_id");--> statement-breakpoint
CREATE INDEX "instances_name" ON "instances" USING btree ("name");--> statement-breakpoint
CREATE INDEX "instances_created" ON "instances" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "migrations_instance" ON "migrations" USING btree ("instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operations_one_active_per_instance" ON "operations" USING btree ("instance_id") WHERE status in ('PENDING', 'RUNNING', 'CANCELLING') and instance_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "operations_one_active_per_target" ON "operations" USING btree ("target_id") WHERE status in ('PENDING', 'RUNNING', 'CANCELLING') and target_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "operations_idempotency" ON "operations" USING btree ("requested_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "operations_status_idx" ON "operations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "operations_created" ON "operations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "volume_attachments_instance" ON "volume_attachments" USING btree ("instance_id");