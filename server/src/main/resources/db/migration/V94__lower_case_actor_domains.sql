-- A host's case means nothing, and Weft now stores an account's server in lower case (DomainNames.hostAndPort), as
-- blocks and the delivery queue hold it. Rows stored before keep the case the account's id was written in: on H2 a
-- community's refusal of mastodon.example did not meet an account of Mastodon.Example (MariaDB's case-insensitive
-- collation hid it there). Every row, with no WHERE: that collation would find no row whose name differs from its
-- lower case, and MariaDB writes only the rows that change.
UPDATE actor SET domain = LOWER(domain);
