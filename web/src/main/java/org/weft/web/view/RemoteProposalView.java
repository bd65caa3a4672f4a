package org.weft.web.view;

import java.util.List;

/**
 * A proposal held here from another server, as its local page shows it. Every string is plain text (the template
 * escapes it); {@code lang} is the language its author wrote in, carried by the title and description only.
 *
 * @param author        who posted it, by name, or null when the community's name is all it carries
 * @param authorHandle  the account it came from, as {@code @name@server}
 * @param origin        where it comes from ("From the linked community Town on b.example")
 * @param originalUrl   its own address on its server; {@code originalLabel} the link's words
 * @param respondUrl    where the answer-from-here form posts, or null when the reader cannot answer from here
 * @param respondLabel  the answer field's label, which says where the answer goes
 * @param answerThere   for a post from a server that is not Weft: how to answer it there; else null
 * @param ownResponses  what the reader answered already, each with the address of its conversation
 * @param loginUrl      the login page that comes back here, for visitors
 */
public record RemoteProposalView(String lang, String purposeLabel, String statusLabel, boolean open, String title,
                                 List<String> descriptionParagraphs, List<Link> categories, String kind, String quantity,
                                 String area, String until, String published, String author, String authorHandle,
                                 String communityName, String communityHandle, String origin, String originalUrl,
                                 String originalLabel, String respondUrl, String respondLabel, String answerThere,
                                 List<Link> ownResponses, String loginUrl) {
}
