-- Statements of the Events API poller (stripe_sync/poller.py, via store.py).

-- name: event_cursor
SELECT last_event_id, last_event_created FROM {schema}."_event_cursors"
WHERE account_id = %s AND mode = %s;

-- name: save_event_cursor
-- Never moves back in time: two pollers of one account cannot undo each other's progress.
-- Within one second the order of events is Stripe's, not ours, so a same-second cursor is
-- replaced; the next pass re-reads that second anyway (the overlap). A cursor without an event
-- (a time on our clock, which may run ahead of Stripe's) gives way to any event.
INSERT INTO {schema}."_event_cursors" AS c (account_id, mode, last_event_id, last_event_created)
VALUES (%(account_id)s, %(mode)s, %(event_id)s, %(created)s)
ON CONFLICT (account_id, mode) DO UPDATE SET
    last_event_id = EXCLUDED.last_event_id,
    last_event_created = EXCLUDED.last_event_created,
    updated_at = now()
WHERE EXCLUDED.last_event_created >= c.last_event_created OR c.last_event_id IS NULL;

-- name: handled_event_ids
-- Which of these events were handled before (the overlap re-reads them): applied, or stored as
-- dead letters (replaying those is `events replay`'s job). They are not handed over again, which
-- would cost a routing and a write-path call each, and count a dead letter's attempt again.
SELECT id FROM {schema}."_processed_events" WHERE id = ANY(%(ids)s::text[])
UNION ALL
SELECT event_id FROM {schema}."_dead_letters" WHERE event_id = ANY(%(ids)s::text[]);
