-- Placeholder of branch fresh: migration numbers 0019-0021 belong to other branches, and the
-- loader wants them contiguous. Drop this file when merging (the real one replaces it).
SELECT 1;
