-- A dismissal belongs to one member. When both proposals of a match are local, their two authors each dismiss it for
-- themselves (request_dismissed_at: the request's author; offer_dismissed_at: the offer's), and the other still sees it.
-- The pair's state now only says whether both proposals are still open and fitting (NEW or WITHDRAWN).
-- Before V18 one shared state DISMISSED hid a match from both members, and who dismissed it was not kept: such matches
-- stay dismissed for both sides, and the pair itself is NEW again (it was never withdrawn), from where the matcher
-- withdraws it as usual once a side closes.
-- Same portability rules as V1 (works on H2 and MariaDB; DATETIME(6) in UTC).
ALTER TABLE proposal_match ADD COLUMN request_dismissed_at DATETIME(6) NULL;
ALTER TABLE proposal_match ADD COLUMN offer_dismissed_at DATETIME(6) NULL;
UPDATE proposal_match SET request_dismissed_at = updated_at, offer_dismissed_at = updated_at, state = 'NEW'
    WHERE state = 'DISMISSED';
