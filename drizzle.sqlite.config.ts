// drizzle-kit reads the SQLite schema and writes SQL migrations, which are committed and applied at start-up.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/store/schema.ts',
  out: './db/sqlite',
  strict: true,
  verbose: true,
});
