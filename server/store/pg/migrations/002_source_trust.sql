-- Reviewers' judgements of sources (graph-data/source-trust.json): one row per judged source,
-- kept as written, in the list's order like the other list files.
CREATE TABLE source_trust (position integer PRIMARY KEY, id text NOT NULL, record json NOT NULL);
