/**
 * Polls in a community (issue 19): opening one ({@link org.weft.server.domain.poll.PollService}), the rules a poll
 * must keep ({@link org.weft.server.domain.poll.PollRules}), votes from members and from the fediverse, closing, the
 * counts everyone sees ({@link org.weft.server.domain.poll.PollResults}), and the {@code Question} the community
 * sends its followers ({@link org.weft.server.domain.poll.PollWire}, {@link org.weft.server.domain.poll.PollFederation});
 * polls from other servers ({@link org.weft.server.domain.poll.RemotePolls}) and members' votes in them
 * ({@link org.weft.server.domain.poll.RemotePollVoting}).
 * Who voted for what stays in the database: pages, the API and the fediverse get counts only.
 */
package org.weft.server.domain.poll;
