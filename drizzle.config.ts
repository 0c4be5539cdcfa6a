import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is used (offline); migrations are applied by the app (`xieshang migrate`).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/platform.schema.ts', './src/modules/*/*.schema.ts'],
  out: './migrations',
});
