package org.weft.server.domain.moderation;

import java.util.List;
import java.util.Set;

import org.hibernate.Session;
import org.weft.server.persistence.ProposalRepository;
import org.weft.server.persistence.ReportEntity;

/**
 * Reports of an anonymous request, told apart from the others. Such a report names the member who posted the request
 * (the account it is about), yet the moderators who read it, members of the community like the others, are not told
 * who asked: the queue shows neither the member's address nor how often they were reported beside it, and their
 * other, named reports do not count it in their history either, since a moderator who saw one report more there the
 * day an anonymous request was reported could tell who had asked.
 */
final class AnonymousRequestReports {
    private AnonymousRequestReports() {
    }

    /** Whether {@code report} is of an anonymous request posted by the very account it names. */
    static boolean isOne(Session s, ReportEntity report) {
        return isOne(report, ProposalRepository.anonymousUrisOf(s, report.getAccount().getId()));
    }

    /** {@code reports} of one account without those of the anonymous requests it posted. */
    static List<ReportEntity> withoutThem(Session s, long accountId, List<ReportEntity> reports) {
        Set<String> requests = ProposalRepository.anonymousUrisOf(s, accountId);
        return requests.isEmpty() ? reports : reports.stream().filter(r -> !isOne(r, requests)).toList();
    }

    private static boolean isOne(ReportEntity report, Set<String> requestsOfItsAccount) {
        return report.getContentUris().stream().anyMatch(requestsOfItsAccount::contains);
    }
}
