package org.weft.web.view;

/**
 * A poll from another server on a community's polls page, where that community follows its author.
 *
 * @param href     its page here
 * @param question the question (people's text)
 * @param from     who asks, and on which server, in the reader's language
 * @param status   open until when, ended, or closed, in the reader's language
 * @param voters   how many voted, as its server reported, in the reader's language
 */
public record RemotePollRow(String href, String question, String from, String status, String voters) {
}
