-- A response that is a FEP-0837 agreement keeps the Agreement's id in its own row: the proposer's Accept names it as
-- its result. Before V22 it was read back from the Offer's body in inbound_activity, which retention may prune long
-- before the proposer decides. V23 (a Java migration, AgreementIdsFromKeptOffers) fills it in for the agreements
-- received before this version, from the Offers still kept.
-- Same portability rules as V1 (works on H2 and MariaDB).
ALTER TABLE response ADD COLUMN agreement_uri VARCHAR(700) NULL;
