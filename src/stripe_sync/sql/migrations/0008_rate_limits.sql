-- Rate limits shared by every stripe-sync process on this database (stripe_sync/pg_ratelimit.py):
-- token buckets in the virtual-scheduling form (GCRA), the same rule as the in-process
-- TokenBucketLimiter (ratelimit.py), with each bucket's state in one row. Unqualified names: the
-- runner sets search_path to the configured schema.
--
-- A bucket is named by the caller: '<account>/<mode>/*' for an account's global bucket,
-- '<account>/<mode>/<METHOD> <path>' for one endpoint, so two accounts (or the live and test
-- mode of one) never share a bucket. The rate and burst are the caller's: a row only remembers
-- those of its last caller, for people reading the table.

CREATE TABLE "_rate_limits" (
    "key" text PRIMARY KEY,
    -- When the bucket's next token is due (GCRA's "theoretical arrival time"); -infinity for a
    -- bucket never used, which is a full bucket.
    "next_due" timestamptz NOT NULL DEFAULT '-infinity',
    "rate" double precision NOT NULL CHECK ("rate" > 0),
    "burst" double precision NOT NULL CHECK ("burst" >= 1)
) WITH (fillfactor = 50);  -- room on the page for HOT updates: each acquire rewrites its rows
COMMENT ON TABLE "_rate_limits" IS 'Token buckets (GCRA) shared by the stripe-sync processes of this database: one row per account, mode and endpoint.';

-- Reserves the earliest slot that every bucket in p_keys allows (p_rates per second, bursts of
-- p_bursts), in one call, and answers how long the caller must wait for it: one statement, one
-- round trip, and the row locks end with it, so nobody holds a lock while they sleep. (An
-- acquire calls it per level, endpoint then global: see stripe_sync/pg_ratelimit.py.) Callers are served in the order they reach the rows (fair), and a
-- reserved slot is never given to anyone else: over any T seconds at most rate * T + burst
-- slots of a bucket fall in the window.
--
-- The clock is the database's (clock_timestamp(), not the transaction's start), so processes on
-- machines whose clocks disagree still share one schedule: they only sleep the delay they are
-- given. p_now replaces it for tests on simulated time.
--
-- Intervals are whole microseconds (timestamptz's resolution), rounded so that the limit is
-- never exceeded: the step between tokens up, the burst tolerance down.
CREATE FUNCTION "_rate_limit_acquire"(
    p_keys text[],
    p_rates double precision[],
    p_bursts double precision[],
    p_now timestamptz DEFAULT NULL
) RETURNS TABLE (delay double precision, slot timestamptz, now timestamptz)
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $fn$
DECLARE
    v_now timestamptz;
    v_slot timestamptz;
    n integer := coalesce(array_length(p_keys, 1), 0);
BEGIN
    IF n <> coalesce(array_length(p_rates, 1), 0) OR n <> coalesce(array_length(p_bursts, 1), 0)
    THEN
        RAISE EXCEPTION 'p_keys, p_rates and p_bursts must have the same length';
    END IF;
    -- Not worth a disk flush: a crash that loses the last moments' reservations only lets
    -- their slots be handed out again once. Transaction-local, so it also holds for the commit
    -- that follows this call, and for borrowed connections it ends with it.
    PERFORM set_config('synchronous_commit', 'off', true);
    IF n = 0 THEN
        v_now := coalesce(p_now, clock_timestamp());
        RETURN QUERY SELECT 0::double precision, v_now, v_now;
        RETURN;
    END IF;

    -- Buckets seen for the first time start full. Rows are made and then locked in key order,
    -- the same order for every caller, so two callers sharing buckets cannot deadlock.
    INSERT INTO "_rate_limits" ("key", "rate", "burst")
    SELECT k, r, b FROM unnest(p_keys, p_rates, p_bursts) AS u(k, r, b) ORDER BY k
    ON CONFLICT ("key") DO NOTHING;

    PERFORM FROM "_rate_limits" WHERE "key" = ANY (p_keys) ORDER BY "key" FOR UPDATE;

    -- The clock is read once the locks are held: a caller that queued for them gets a slot no
    -- earlier than the moment it was served, not the moment it arrived.
    v_now := coalesce(p_now, clock_timestamp());
    -- A bucket lets a request run up to burst - 1 steps ahead of its schedule.
    SELECT greatest(
        v_now,
        max(t."next_due" - interval '1 microsecond' * floor((u.b - 1) * ceil(1e6 / u.r)))
    )
    INTO v_slot
    FROM "_rate_limits" AS t JOIN unnest(p_keys, p_rates, p_bursts) AS u(k, r, b) ON u.k = t."key";

    UPDATE "_rate_limits" AS t
    SET "next_due" = greatest(t."next_due", v_slot) + interval '1 microsecond' * ceil(1e6 / u.r),
        "rate" = u.r,
        "burst" = u.b
    FROM unnest(p_keys, p_rates, p_bursts) AS u(k, r, b)
    WHERE t."key" = u.k;

    RETURN QUERY SELECT extract(epoch FROM v_slot - v_now)::double precision, v_slot, v_now;
END;
$fn$;
