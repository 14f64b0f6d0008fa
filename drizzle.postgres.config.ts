// drizzle-kit reads the PostgreSQL schema and writes SQL migrations, which are committed and applied at start-up.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/postgres/schema.ts',
  out: './db/postgres',
  strict: true,
  verbose: true,
});
