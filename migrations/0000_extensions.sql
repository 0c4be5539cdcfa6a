-- pg_trgm backs substring search in Chinese text (names, titles); needs a UTF-8 locale cluster.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
