-- A stand-in for Supabase's pg_net, for tests: the functions queue requests exactly like the
-- real extension (net.http_request_queue) but no background worker sends them; the test
-- harness (stripe_sync.testing.FakeSupabase.drain_net) delivers them and writes the responses
-- to net._http_response.

\echo Use "CREATE EXTENSION pg_net" to load this file. \quit

CREATE SCHEMA net;

CREATE DOMAIN net.http_method AS text
    CHECK (VALUE IN ('GET', 'POST', 'DELETE'));

CREATE UNLOGGED TABLE net.http_request_queue (
    id bigserial NOT NULL,
    method net.http_method NOT NULL,
    url text NOT NULL,
    headers jsonb NOT NULL,
    body bytea,
    timeout_milliseconds integer NOT NULL
);

CREATE UNLOGGED TABLE net._http_response (
    id bigint,
    status_code integer,
    content_type text,
    headers jsonb,
    content text,
    timed_out boolean,
    error_msg text,
    created timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON net._http_response (created);

-- Percent-encodes one query string component (RFC 3986 unreserved characters kept).
CREATE FUNCTION net._urlencode_string(string varchar)
RETURNS text
LANGUAGE sql
IMMUTABLE STRICT
AS $$
    SELECT coalesce(string_agg(
        CASE
            WHEN get_byte(b, i) BETWEEN 48 AND 57 OR get_byte(b, i) BETWEEN 65 AND 90
                OR get_byte(b, i) BETWEEN 97 AND 122 OR get_byte(b, i) IN (45, 46, 95, 126)
            THEN chr(get_byte(b, i))
            ELSE '%' || upper(lpad(to_hex(get_byte(b, i)), 2, '0'))
        END, '' ORDER BY i), '')
    FROM (SELECT convert_to(string, 'UTF8') AS b) AS s,
         generate_series(0, length(convert_to(string, 'UTF8')) - 1) AS i
$$;

CREATE FUNCTION net._url_with_params(url text, params jsonb)
RETURNS text
LANGUAGE sql
IMMUTABLE
AS $$
    SELECT CASE
        WHEN params IS NULL OR params = '{}'::jsonb THEN url
        ELSE url || CASE WHEN strpos(url, '?') > 0 THEN '&' ELSE '?' END || (
            SELECT string_agg(net._urlencode_string(key) || '=' || net._urlencode_string(value), '&'
                              ORDER BY key)
            FROM jsonb_each_text(params)
        )
    END
$$;

CREATE FUNCTION net.http_get(
    url text,
    params jsonb DEFAULT '{}'::jsonb,
    headers jsonb DEFAULT '{}'::jsonb,
    timeout_milliseconds integer DEFAULT 5000
)
RETURNS bigint
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = net
AS $$
    INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
    VALUES ('GET', net._url_with_params(url, params), coalesce(headers, '{}'::jsonb), NULL,
            timeout_milliseconds)
    RETURNING id
$$;

CREATE FUNCTION net.http_post(
    url text,
    body jsonb DEFAULT '{}'::jsonb,
    params jsonb DEFAULT '{}'::jsonb,
    headers jsonb DEFAULT '{"Content-Type": "application/json"}'::jsonb,
    timeout_milliseconds integer DEFAULT 5000
)
RETURNS bigint
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = net
AS $$
    INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
    VALUES ('POST', net._url_with_params(url, params), coalesce(headers, '{}'::jsonb),
            convert_to(coalesce(body, '{}'::jsonb)::text, 'UTF8'), timeout_milliseconds)
    RETURNING id
$$;

CREATE FUNCTION net.http_delete(
    url text,
    params jsonb DEFAULT '{}'::jsonb,
    headers jsonb DEFAULT '{}'::jsonb,
    timeout_milliseconds integer DEFAULT 5000
)
RETURNS bigint
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = net
AS $$
    INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
    VALUES ('DELETE', net._url_with_params(url, params), coalesce(headers, '{}'::jsonb), NULL,
            timeout_milliseconds)
    RETURNING id
$$;

GRANT USAGE ON SCHEMA net TO PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA net FROM PUBLIC;
GRANT SELECT ON net._http_response TO PUBLIC;
