package org.weft.server.ui;

import io.helidon.webserver.http.HttpRouting;

/** The member and operator pages' routes, registered in one place so the composition root stays short. */
public record UiRoutes(AccountPages accounts, BoardPage board, TagPage tags, ProposalFormPage forms, ProposalActions actions,
                       MemberPages member, OperatorPage operator, OperatorCommunities communities, OperatorMembers people,
                       MatchesPage matches, FollowersPage followers, ModerationPage moderation,
                       ConversationPages conversations, NotificationsPage notifications, StoragePage storage,
                       PrintBoardPage print) {

    public void register(HttpRouting.Builder routing) {
        routing.get("/login", accounts::loginForm)
                .post("/login", accounts::login)
                .post("/logout", accounts::logout)
                .get("/signup", accounts::signupForm)
                .post("/signup", accounts::signup)
                .get("/welcome", accounts::welcome)
                .get("/account", accounts::account)
                .post("/account/password", accounts::changePassword)
                .post("/account/delete", accounts::delete)
                .post("/account/fediverse", accounts::linkFediverse)
                .post("/account/fediverse/remove", accounts::unlinkFediverse)
                .post("/language", accounts::language)
                .get("/board", board::index)
                .get("/board/{name}", board::render)
                .get("/board/{name}/print", print::render)
                .get("/tags/{tag}", tags::render)
                .get("/new", forms::newForm)
                .post("/new", forms::create)
                .get("/proposals/{id}/edit", forms::editForm)
                .post("/proposals/{id}/edit", forms::edit)
                .post("/proposals/{id}/status", actions::status)
                .post("/proposals/{id}/renew", actions::renew)
                .post("/proposals/{id}/delete", actions::delete)
                .post("/proposals/{id}/respond", actions::respond)
                .post("/responses/{id}/accept", actions::accept)
                .post("/responses/{id}/decline", actions::decline)
                .get("/me/proposals", member::proposals)
                .get("/me/responses", conversations::responses)
                .get("/conversations/{id}", conversations::conversation)
                .post("/conversations/{id}/messages", conversations::write)
                .get("/me/notifications", notifications::render)
                .post("/me/notifications/read", notifications::markAllRead)
                .get("/me/notifications/{id}", notifications::open)
                .post("/me/notifications/{id}/read", notifications::markRead)
                .get("/me/matches", matches::render)
                .post("/me/matches/{id}/dismiss", matches::dismiss)
                .get("/admin", operator::render)
                .get("/admin/queue", operator::queue)
                .get("/admin/areas", operator::areas)
                .post("/admin/areas", operator::createArea)
                .get("/admin/communities", communities::communities)
                .post("/admin/communities", communities::createCommunity)
                .post("/admin/texts", communities::saveTexts)
                .get("/admin/links", communities::links)
                .post("/admin/links", communities::link)
                .post("/admin/links/remove", communities::unlink)
                .get("/admin/invites", people::invites)
                .post("/admin/invites", people::createInvite)
                .get("/admin/members", people::members)
                .post("/admin/members/{name}/password", people::resetPassword)
                .post("/admin/members/{name}/remove", people::remove)
                .get("/admin/storage", storage::render)
                .get("/account/followers", followers::mine)
                .post("/account/followers/approval", followers::mineApproval)
                .post("/account/followers/decide", followers::mineDecide)
                .get("/moderate/{name}", moderation::render)
                .post("/moderate/{name}/moderators", moderation::add)
                .post("/moderate/{name}/moderators/remove", moderation::remove)
                .get("/moderate/{name}/followers", followers::community)
                .post("/moderate/{name}/followers/approval", followers::communityApproval)
                .post("/moderate/{name}/followers/decide", followers::communityDecide);
    }
}
