-- History mode (migration 0026): turning it on for object tables.

-- name: history_enable
SELECT t FROM {schema}.history_enable(%s::text[]) AS t
