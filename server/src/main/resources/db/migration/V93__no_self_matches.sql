-- Nobody's offer answers their own request: the matcher refuses such a pair since the rule was written (MatchRules,
-- CandidateScorer), but pairs it stored before stay, and their authors were still shown a match with themselves. The
-- same rule as the matcher's: one author (the member behind an anonymous request counts as its author). Their
-- notifications go with them (fk_notification_match cascades).
DELETE FROM proposal_match WHERE EXISTS (SELECT 1 FROM proposal o, proposal r
    WHERE o.id = proposal_match.offer_id AND r.id = proposal_match.request_id AND o.author_id = r.author_id);
