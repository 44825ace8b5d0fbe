-- The store's records by kind, one row per record. Records are kept as `json`, not `jsonb`: json
-- keeps the text as written (key order, number spelling), so an export is byte-identical to the
-- graph-data folder that was imported. Lists that are one file in graph-data (entities, properties,
-- judgements, a source's claims) keep their order in `position`.

CREATE TABLE sources (
  id text PRIMARY KEY,
  record json NOT NULL,
  -- The full text, unchanged (graph-data/sources/<id>.txt); its SHA-256 is in the record.
  text text
);

-- Documents a source's text was derived from (sources/<id>.original.<ext>), kept as they came.
-- Not tied to the source row: as in graph-data, deleting a source keeps its original, so a revert finds it.
CREATE TABLE source_originals (
  file text PRIMARY KEY,
  bytes bytea NOT NULL
);

CREATE TABLE claims (
  id text PRIMARY KEY,
  source text NOT NULL REFERENCES sources (id) DEFERRABLE INITIALLY DEFERRED,
  position integer NOT NULL,
  -- The claim's version (record.version, 1 when absent): the optimistic lock of every review.
  version integer NOT NULL,
  record json NOT NULL
);
CREATE INDEX claims_by_source ON claims (source, position);

CREATE TABLE entities (position integer PRIMARY KEY, id text NOT NULL, record json NOT NULL);
CREATE TABLE properties (position integer PRIMARY KEY, id text NOT NULL, record json NOT NULL);
CREATE TABLE judgements (position integer PRIMARY KEY, id text NOT NULL, record json NOT NULL);

-- The changelog (graph-data/changelog.jsonl), one change per row, never rewritten.
CREATE TABLE changes (
  seq bigint PRIMARY KEY,
  record json NOT NULL
);

-- Texts of deleted sources, by SHA-256 (graph-data/deleted/<sha256>.txt), for a revert.
CREATE TABLE deleted_texts (
  sha256 text PRIMARY KEY,
  text text NOT NULL
);
