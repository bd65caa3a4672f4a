-- Board search across languages (issue 14 item 7): each proposal's words as its own language's Lucene analyzer reads
-- them (folded, stemmed or lemmatised), stored when it is written, so a search finds "enfants" for "enfant" and
-- "أدويتها" for "أدوية" through an index instead of reading every description. A search's words are read by all six
-- analyzers and looked up here (term first), and its concepts in proposal_category.
-- No unique key: MariaDB compares the terms under the database's utf8mb4_unicode_ci, which takes some terms the
-- analyzer keeps apart for equal, and a duplicate key would refuse the proposal itself. Equal terms only cost a row.
CREATE TABLE proposal_term (
    proposal_id BIGINT      NOT NULL,
    term        VARCHAR(64) NOT NULL,
    CONSTRAINT fk_proposal_term_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE
);
CREATE INDEX ix_proposal_term_proposal ON proposal_term (proposal_id, term);
CREATE INDEX ix_proposal_term_term ON proposal_term (term, proposal_id);
-- The analysis version the terms were stored under. Null on every row older than this migration: the server analyses
-- those (and any stored under an older version) at start-up, in pages (ProposalTermsBackfill).
ALTER TABLE proposal ADD COLUMN terms_version INT NULL;
CREATE INDEX ix_proposal_terms_version ON proposal (terms_version, id);
