-- This schema's installation of stripe-sync: one row, made once, whose random id marks the
-- webhook endpoints it creates ("installation_id" in their metadata), so that orphan clean-up
-- removes only endpoints this installation made and never another deployment's on the same
-- Stripe account. A copy of the database (pg_dump, CREATE DATABASE ... TEMPLATE) keeps the id:
-- give a copy that runs as a separate deployment a new one with
-- UPDATE "_installation" SET "id" = gen_random_uuid()::text.
-- Unqualified names: the runner sets search_path to the configured schema.

CREATE TABLE "_installation" (
    -- Always true: the primary key allows one row only.
    "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
    "id" text NOT NULL DEFAULT gen_random_uuid()::text,
    "created_at" timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE "_installation" IS 'One row: the id of this stripe-sync installation (marks the webhook endpoints it creates).';

INSERT INTO "_installation" DEFAULT VALUES;
