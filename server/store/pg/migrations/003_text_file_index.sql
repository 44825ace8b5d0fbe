-- A source's text is written by its file name (sources/<file>.txt names the row whose record.text.file
-- it is): without an index each such write scanned every source's record, and importing 20,000
-- sources (a 1,000,000-claim store) took tens of minutes, one scan per text.
CREATE INDEX sources_by_text_file ON sources ((record->'text'->>'file'));
