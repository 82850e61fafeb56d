//! # P3: Have a communication channel
//!
//! **What it checks.** Whether the text names or links a public place where
//! affected readers got, or can get, updates or reach the team: a status
//! page, a blog, a social account ("follow @acmestatus for updates"), a
//! mailing list, a public forum, a published security advisory, a support
//! or security address, a named chat channel where users report to the
//! team ("users reported it in #ask-support"), or a public issue where the
//! incident was reported, written up or followed (".../issues/140 is
//! opened, reporting failures", "more details in …/issues/4827", "Related
//! issues: …/issues/95"), a status address written out
//! ("https://status.example.com"), or an e-mail address offered to the
//! reader ("write to me at dana@example.net", "address questions to
//! root@example.org", "Email to: staff at example dot net"), or a chat room the readers are asked into ("join us
//! in #acme-infra"). An issue on a code forge is the team's, not the forge's. A channel in another party's
//! possessive ("the registrar's status page") is theirs. Internal tools (a
//! pager, an unnamed Slack thread), issues for follow-up work and someone
//! else's channel ("the researchers wrote about it on their blog") do not
//! count: none is where the affected readers hear from the team; nor does
//! a channel word inside another ("this post-mortem", "the node status."),
//! a picture stored under a blog's path, a blog post a party other than
//! the team wrote ("Socket published their analysis in a blog post"), a
//! chat platform or a mailing list naming a kind of system ("Discord
//! services started failing", "other IRC networks", "the mailing list
//! server"), the text speaking of itself without saying it will be updated
//! ("this post details the fix"), or a social account linked as a person's
//! name (a credit). "We will
//! post updates" or "we will publish guidance" without saying where is
//! partial, and so is an update appended to the post ("Update 19:37 UTC:
//! everything is up again") or communication with the people affected told
//! without a place ("customers warned us through different communication
//! channels"). For the learned model the rule counts what it found by kind:
//! named channels; chat rooms, accounts and addresses; public issues about
//! the incident; linked channels; mentions of updates or support, with or
//! without a place.
//!
//! **Why.** During an outage, people need to know where to look.
//!
//! **Passes:** "Follow status.example.com for updates."
//!
//! **Partial:** "We kept customers informed throughout."
//!
//! **Fails:** a text that never says where updates were given.

use crate::engine::criteria::ascii_words;
use crate::engine::criterion::{Criterion, Finding, Guidance, KINDS};
use crate::engine::document::{Document, Hit, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{affirmed, bare_urls, names_chat_channel, names_email_address, names_handle, others_before};
use crate::engine::suggest::quote;

pub struct CommunicationChannel;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::P3,
    name: "Have a communication channel",
    advice: "Say where people got updates during the incident and where they can reach you: a status page, a blog, a social account, a support address.",
    example: "We posted updates on status.example.com and @examplestatus throughout; questions go to support@example.com.",
    levels: ["No place where readers got or can get updates.", "Updates or support are mentioned without saying where.", "Names where updates were or will be given."],
    skeleton: "## Where to get updates\n\nWe posted updates on <status page or account> during the incident. Questions: <support address>.\n",
    kinds: &["named channels", "chat rooms, accounts and addresses", "public issues about the incident", "linked channels", "mentions of updates or support"],
};

/// Hosts that are public channels.
const CHANNEL_HOSTS: &[&str] = &[
    "twitter.com", "x.com", "bsky.app", "fosstodon.org", "mastodon.social", "gitter.im",
    "zulipchat.com", "discord.gg", "discord.com", "groups.google.com", "users.rust-lang.org",
    "internals.rust-lang.org", "reddit.com", "matrix.to",
];

/// Host names' first labels that make them channels: "status.example.com",
/// "lists.example.org", "forum.example.net", "blog.example.com".
const CHANNEL_SUBDOMAINS: &[&str] = &["status", "lists", "forum", "forums", "discourse", "community", "blog", "blogs"];

/// Whether a URL, lowercased, is a public channel: a status page, a
/// mailing list, a forum, a chat room, a social account, a blog or a feed.
/// Hosts are compared label by label, so a product whose name contains
/// "blog" or "discord" ("bloggulus.com", "pythondiscord.com") is not a
/// channel. Both callers have the URL lowercased already (a link's, or one
/// written in the prose), so it is not copied to be lowercased again.
fn is_channel_url(url: &str) -> bool {
    if url.starts_with("mailto:") {
        return true;
    }
    // A link may leave out its scheme ("//lists.example.org/announce/…"),
    // and then starts with the host all the same.
    let rest = url.split_once("://").map_or_else(|| url.strip_prefix("//").unwrap_or(url), |(_, rest)| rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    // A picture is no place to read updates, wherever it is stored
    // ("/images/blog/sponsor.png").
    if [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"].iter().any(|ext| path.ends_with(ext)) {
        return false;
    }
    let host = host.strip_prefix("www.").unwrap_or(host);
    let first = host.split('.').next().unwrap_or("");
    CHANNEL_HOSTS.contains(&host)
        || CHANNEL_SUBDOMAINS.contains(&first)
        || host.contains("statuspage")
        || host.contains("mastodon")
        || path.split('/').any(|p| matches!(p, "blog" | "rss" | "feed" | "feed.xml" | "atom.xml"))
}

/// Whether a link to a social account is a person's name
/// ("[Jane Doe](https://twitter.com/…)"): a credit to the person,
/// not the team's place for updates. A name is one to three capitalised
/// words, none of them a word a team's account goes by ("Acme Status").
fn credits_a_person(markup: &str, url: &str) -> bool {
    const SOCIAL: &[&str] = &["twitter.com/", "x.com/", "bsky.app/", "fosstodon.org/", "mastodon.social/"];
    const TEAM_WORDS: &[&str] = &["status", "updates", "news", "support", "help", "team", "ops", "security", "official"];
    let Some(text) = markup.strip_prefix('[').and_then(|m| m.split_once("](")).map(|(text, _)| text) else {
        return false;
    };
    let words: Vec<&str> = text.split_ascii_whitespace().collect();
    let capitalised = |w: &&str| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_lowercase())
    };
    SOCIAL.iter().any(|h| url.contains(h))
        && (1..=3).contains(&words.len())
        && words.iter().all(capitalised)
        && !words.iter().any(|w| TEAM_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t)))
}

/// "Email to: staff at example dot net": an address spelled out to keep
/// it from harvesters, offered to write to.
fn spells_out_an_address(words: &str) -> bool {
    if !words.contains(" dot ") || !(words.contains("mail") || words.contains("contact") || words.contains("write")) {
        return false;
    }
    let w: Vec<&str> = words.split_ascii_whitespace().collect();
    w.windows(5).any(|x| x[1] == "at" && x[3] == "dot" && [x[0], x[2], x[4]].iter().all(|p| p.trim_end_matches('.').chars().all(|c| c.is_ascii_alphanumeric())))
}

/// URL fragments of internal tools.
const INTERNAL_HOSTS: &[&str] = &["slack.com", "docs.google.com", "pagerduty", "atlassian.net", "jira"];

/// Whether a channel named at `at` belongs to someone else: "their blog",
/// or an outside party named before it in a sentence that does not speak
/// for the team ("CircleCI announced it on its blog", "Socket has
/// published their analysis in a blog post").
fn someone_elses(doc: &Document, s: &Sentence, at: usize) -> bool {
    others_before(doc, s, at)
        || possessed_before(doc, s, at)
        || (!s.cues.has(Cue::FirstPerson)
            && (doc.hits_in(s).iter().any(|h| h.cue == Cue::ThirdParty && h.prose.end <= at)
                || ascii_words(&doc.prose[s.prose.start..at.max(s.prose.start)]).any(|w| matches!(w, "their" | "his" | "her"))))
}

/// The channels a sentence names. A phrase joined to the next word by a
/// hyphen is part of another word ("this post-mortem" is the report, not a
/// post of updates), "status." that ends a sentence is a state, not a
/// host ("the node status."), and a chat platform that names the kind of a
/// system ("Discord services started failing", "other IRC networks", "a
/// Discord notification" from the monitoring) is a system, not a place
/// where readers hear from the team.
fn channels<'d>(doc: &'d Document, s: &'d Sentence) -> impl Iterator<Item = &'d Hit> + 'd {
    affirmed(doc, s, Cue::Channel).filter(move |h| {
        let b = doc.prose.as_bytes();
        let next = b.get(h.prose.end).copied();
        let after = b.get(h.prose.end + 1).copied();
        let joined = next == Some(b'-') && after.is_some_and(|c| c.is_ascii_alphabetic());
        let dangling = b[h.prose.end - 1] == b'.' && !next.is_some_and(|c| c.is_ascii_alphanumeric());
        !(joined || dangling || names_a_system(&doc.prose, h) || (refers_to_itself(&doc.prose, h) && !tells_of_updating(doc, s)))
    })
}

/// Whether a channel phrase is the text speaking of itself ("this post
/// will cover the incident", "in this blog, I'll talk about…"): the post
/// is a place for updates only where it says it will be updated ("we'll
/// update this post").
fn refers_to_itself(prose: &str, h: &Hit) -> bool {
    ["this post", "this page", "this blog"].iter().any(|p| prose[h.prose.clone()].eq_ignore_ascii_case(p))
}

/// Whether a sentence tells of updates given or to come: the lexicon's
/// "we'll update", "updates", or any form of "update" ("kept updated").
fn tells_of_updating(doc: &Document, s: &Sentence) -> bool {
    s.cues.has(Cue::UpdatesVague) || doc.words(s).contains("updat")
}

/// Whether a chat platform's name stands before a word for a kind of
/// system: "IRC networks", "Discord services", "the Gitter bot", "the
/// mailing list server". Only a mailing list's "server" is a system: a
/// Discord server is a community readers join.
fn names_a_system(prose: &str, h: &Hit) -> bool {
    const PLATFORMS: &[&str] = &["irc", "discord", "gitter", "zulip", "mastodon", "twitter", "reddit", "mailing list"];
    const SYSTEMS: &[&str] = &[
        "network", "networks", "service", "services", "site", "notification", "notifications", "proxy",
        "proxies", "connection", "connections", "bot", "bots",
    ];
    let name = &prose[h.prose.clone()];
    if !PLATFORMS.iter().any(|p| name.eq_ignore_ascii_case(p)) {
        return false;
    }
    let rest = &prose[h.prose.end..];
    let rest = rest.trim_start_matches([' ', '\n']);
    let word = &rest[..rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len())];
    SYSTEMS.iter().any(|s| word.eq_ignore_ascii_case(s))
        || (name.eq_ignore_ascii_case("mailing list") && ["server", "servers"].iter().any(|s| word.eq_ignore_ascii_case(s)))
}

/// Whether a name in the possessive stands within two words before `at`:
/// "the registrar's status page", "a provider's blog". The team speaks of
/// its own channel as "our"; "it's", "here's" and the like are not
/// possessives.
fn possessed_before(doc: &Document, s: &Sentence, at: usize) -> bool {
    const NOT_POSSESSIVE: &[&str] = &["it", "that", "what", "here", "there", "let", "who", "where", "he", "she"];
    let before = &doc.prose[s.prose.start..at.max(s.prose.start)];
    before.split_ascii_whitespace().rev().take(2).any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        let owner = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s"));
        owner.is_some_and(|o| !o.is_empty() && !NOT_POSSESSIVE.contains(&o))
    })
}

/// Whether every channel the sentence names belongs to someone else.
fn only_others_channels(doc: &Document, s: &Sentence) -> bool {
    let mut named = channels(doc, s).peekable();
    named.peek().is_some() && named.all(|h| someone_elses(doc, s, h.prose.start))
}

/// Whether a linked channel belongs to an outside party that the sentence
/// names: the party's name is in the link's host or path. A code forge
/// hosts everyone's issues: "this issue on GitHub" linking
/// github.com/acme/meta/issues/916 is acme's, so the forge's own host
/// names no party.
fn links_to_someone_else(doc: &Document, s: &Sentence, url: &str) -> bool {
    const FORGES: &[&str] = &["github.com/", "gitlab.com/", "codeberg.org/"];
    let path = FORGES.iter().find_map(|f| url.split_once(f).map(|(_, path)| path)).unwrap_or(url);
    !s.cues.has(Cue::FirstPerson)
        && doc
            .hits_in(s)
            .iter()
            .any(|h| h.cue == Cue::ThirdParty && h.prose.end <= s.prose.end && path.contains(&doc.prose[h.prose.clone()]))
}

/// "Join us in #acme-infra": the readers asked into a room, which makes it
/// theirs too (a team's own "#incidents" room, where it posted updates,
/// is internal).
fn invites_readers_in(doc: &Document, s: &Sentence) -> bool {
    s.cues.has(Cue::UpdatesVague)
        && doc.hits_in(s).iter().any(|h| h.cue == Cue::UpdatesVague && &doc.prose[h.prose.clone()] == "join us")
}

/// A public issue where the incident itself was reported or written up,
/// or given as its related issue ("**Related issues:** …/issues/95");
/// issues for follow-up work are work items, not channels.
fn reports_in_an_issue(doc: &Document, s: &Sentence) -> bool {
    (s.cues.has(Cue::Reporting) || doc.words(s).trim_start_matches(|c: char| !c.is_ascii_alphanumeric()).starts_with("related issue"))
        && doc.topic(s) != Topic::FollowUp
}

/// Whether a sentence tells of updates or of telling people, without
/// necessarily a place: the lexicon's "we will post updates", an update
/// appended to the post itself ("Update 2012-04-12 19:37 UTC: everything is
/// up", "[Update]: the disk is broken"), or communication with the people
/// affected ("customers warned us through different communication
/// channels"). Communication between teams, or between servers, is no
/// telling of readers.
fn tells_of_updates(doc: &Document, s: &Sentence) -> bool {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if s.cues.has(Cue::UpdatesVague) {
        return true;
    }
    let w = doc.words(s).trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    // Every appended form starts with "update": one comparison turns most
    // sentences away before the four are made.
    let appended = w.starts_with("update")
        && (["update]", "update:"].iter().any(|p| w.starts_with(p))
            || w.strip_prefix("update ").is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            || w.strip_prefix("updated ").is_some_and(|rest| {
                rest.starts_with(|c: char| c.is_ascii_digit()) || MONTHS.iter().any(|m| rest.starts_with(m))
            }));
    let with_people = w.contains("communicat")
        && !w.contains("between")
        && !s.cues.has(Cue::InternalTool)
        && (s.cues.has(Cue::Who) || ["channel", "partner", "ecosystem", "community"].iter().any(|p| w.contains(p)));
    appended || with_people
}

impl Criterion for CommunicationChannel {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut counts = [0; KINDS];
        read(doc, &mut counts).counting(counts)
    }
}

/// The rule's verdict, with how many passages of each kind it read
/// (`GUIDANCE.kinds`): which of them readers would take for the team's
/// place for updates is the reviewers' line to draw.
fn read(doc: &Document, counts: &mut [usize; KINDS]) -> Finding {
    let mut ours = Vec::new();
    for s in doc.prose_sentences() {
        if channels(doc, s).next().is_some() {
            if !only_others_channels(doc, s) {
                counts[0] += 1;
                ours.push(s);
            }
        // Cue checks first: they are bits, the word walks are not.
        } else if s.cues.has(Cue::IssueUrl) && reports_in_an_issue(doc, s) {
            // "issues/140 is opened, reporting failures": the public
            // issue tracking the incident.
            counts[2] += 1;
            ours.push(s);
        } else if ((s.cues.has(Cue::Who) || invites_readers_in(doc, s)) && names_chat_channel(doc.words(s)))
            || (s.cues.any(&[Cue::Who, Cue::UpdatesVague]) && names_handle(doc.words(s)))
            || (!s.cues.has(Cue::ThirdParty)
                // A bare URL has a colon: most sentences have none, and
                // are passed over by one byte search.
                && memchr::memchr(b':', doc.words(s).as_bytes()).is_some()
                && doc.words(s).contains("http")
                && bare_urls(doc, s).any(is_channel_url)
                && !bare_urls(doc, s).any(|url| INTERNAL_HOSTS.iter().any(|h| url.contains(h))))
            || (s.cues.any(&[Cue::Reader, Cue::UpdatesVague]) && names_email_address(doc, s))
            || spells_out_an_address(doc.words(s))
        {
            // "Users reported it in #ask-platform": a named chat channel
            // where the affected users reach the team (a team's own
            // "#incidents" room is internal); "follow @acmestatus for
            // updates": a public account.
            counts[1] += 1;
            ours.push(s);
        }
    }
    let mut linked = Vec::new();
    for l in &doc.links {
        let url = l.url.to_ascii_lowercase();
        if INTERNAL_HOSTS.iter().any(|h| url.contains(h)) {
            continue;
        }
        // Sentences are in text order: the first that ends after the
        // link's start holds it. A sentence that opens with the link
        // starts inside it, after the "[".
        let at = doc.sentences.partition_point(|s| s.src.end <= l.src.start);
        let sentence = doc.sentences.get(at).filter(|s| s.src.start < l.src.end);
        let channel = is_channel_url(&url) && !credits_a_person(&doc.text[l.src.clone()], &url);
        let issue = url.contains("/issues/") && sentence.is_some_and(|s| reports_in_an_issue(doc, s));
        if !channel && !issue {
            continue;
        }
        let others = sentence.is_some_and(|s| only_others_channels(doc, s) || links_to_someone_else(doc, s, &url));
        if !others {
            counts[if channel { 3 } else { 2 }] += 1;
            linked.push(l.src.clone());
        }
    }
    let updates: Vec<&Sentence> = doc.prose_sentences().filter(|s| tells_of_updates(doc, s)).collect();
    counts[4] = updates.len();
    if !ours.is_empty() || !linked.is_empty() {
        return Finding::met("The text names where updates were given or where to reach the team.")
            .citing(ours.into_iter().take(4))
            .citing_ranges(linked.into_iter().take(2));
    }
    let vague: Vec<_> = updates.into_iter().take(3).collect();
    if !vague.is_empty() {
        let suggestion = format!(
            "You say {} but not where: name the status page, account, list or address where people \
             got updates, and where they can reach you now \
             (\u{201c}We posted updates on status.example.com; questions go to support@example.com.\u{201d}).",
            quote(doc, vague[0])
        );
        return Finding::partial("Updates are mentioned, but not where they were given.")
            .citing(vague)
            .suggesting(suggestion);
    }
    Finding::missing("No channel for updates is named anywhere.")
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, rule_suggestion, suggestion, verdict, OPENING};
    use crate::engine::{CriterionId::P3, Verdict::*};

    #[test]
    fn the_rule_counts_its_channels_by_kind() {
        let text = "Logins failed.\n\nWe posted updates on our status page. Users reported it in #ask-support. \
                    https://github.com/acme/app/issues/140 is opened, reporting failures. \
                    See [our write-up](https://blog.example.org/2024/outage).\n";
        let finding = crate::engine::CRITERIA[P3 as usize].review(&crate::engine::Document::parse(text));
        // Named channels, chat rooms/accounts/addresses, public issues, linked channels, mentions of updates.
        assert_eq!(finding.counts, [1, 1, 1, 1, 1]);
        let vague = crate::engine::CRITERIA[P3 as usize].review(&crate::engine::Document::parse("Logins failed. We kept customers informed throughout."));
        assert_eq!(vague.counts, [0, 0, 0, 0, 1]);
    }

    #[test]
    fn an_issue_hosted_on_a_forge_is_the_teams_not_the_forges() {
        let text = "The wallet was drained.\n\nFurther details can be found on this \
                    [issue on GitHub](https://github.com/acme/meta/issues/916).\n";
        assert_eq!(crate::engine::review(text).get(P3).verdict, Met);
    }

    #[test]
    fn a_product_whose_name_holds_a_channel_word_is_not_a_channel() {
        let text = "The site went down.\n\nWe run [Feedblogger](https://feedblogger.example) and \
                    [Chatdiscord](https://chatdiscord.example) on one VM.\n";
        assert_ne!(crate::engine::review(text).get(P3).verdict, Met);
        let text = "The site went down.\n\nSee [our write-up](https://blog.example.org/2024/outage) \
                    and the [chat room](https://matrix.to/#/#acme:example.org).\n";
        assert_eq!(crate::engine::review(text).get(P3).verdict, Met);
    }

    #[test]
    fn readers_told_without_a_place_is_partial() {
        assert_eq!(verdict(P3, "Logins failed. We will provide more information as we can."), Partial);
        assert_eq!(verdict(P3, "Logins failed. We are contacting you directly to reset your password."), Partial);
    }

    #[test]
    fn where_to_send_questions_is_a_channel() {
        assert_eq!(verdict(P3, "Logins failed. Committers, please address questions to root@example.org only."), Met);
        assert_eq!(verdict(P3, "Logins failed. Join us in the #acme-infra channel to ask about it."), Met);
    }

    #[test]
    fn updates_given_nowhere_in_particular_are_quoted() {
        let advice = rule_suggestion(P3, "Checkout failed for an hour. We kept customers informed throughout.").unwrap_or_default();
        assert!(advice.starts_with("You say \u{201c}We kept customers informed throughout\u{201d} but not where"), "{advice}");
    }

    #[test]
    fn where_the_model_finds_nothing_the_quoted_updates_give_way_to_the_general_advice() {
        let text = format!(
            "{OPENING}We deployed a change to the payments service at 14:00 UTC that set its connection pool to 2. \
             We are sorry. We kept customers informed throughout."
        );
        assert!(rule_suggestion(P3, &text).is_some());
        let review = crate::engine::review(&text);
        assert_eq!(review.get(P3).verdict, Missing, "the model overrules the rule's partial here");
        assert_eq!(review.get(P3).suggestion, Some(general(P3)));
    }

    #[test]
    fn no_word_of_updates_gets_the_general_advice() {
        assert_eq!(suggestion(P3, "Checkout failed for an hour."), general(P3));
    }

    #[test]
    fn a_status_page_meets_p3() {
        assert_eq!(verdict(P3, "Follow our status page for updates."), Met);
    }

    #[test]
    fn a_linked_status_site_meets_p3() {
        assert_eq!(verdict(P3, "Updates were posted [here](https://status.example.com)."), Met);
    }

    #[test]
    fn unnamed_updates_are_partial() {
        assert_eq!(verdict(P3, "We kept customers informed throughout."), Partial);
    }

    #[test]
    fn a_denied_channel_is_not_a_channel() {
        assert_eq!(verdict(P3, "We do not have a status page."), Missing);
    }

    #[test]
    fn a_slack_thread_is_not_a_channel() {
        assert_eq!(verdict(P3, "Discussion: [thread](https://example.slack.com/archives/C1)"), Missing);
    }

    #[test]
    fn a_mail_server_is_not_a_channel() {
        assert_eq!(verdict(P3, "A DNS change made our mail server unreachable."), Missing);
    }

    #[test]
    fn an_ssh_address_is_not_a_social_account() {
        assert_eq!(verdict(P3, "We tried to ssh to gke-node@10.0.0.1 from outside the cluster."), Missing);
    }

    #[test]
    fn a_vendors_blog_is_not_our_channel() {
        let text = "CircleCI announced a [security alert](https://circleci.com/blog/security-alert/).";
        assert_eq!(verdict(P3, text), Missing);
        let text = "CircleCI announced a [security alert](https://circleci.com/blog/security-alert/). \
                    We will publish guidance for users.";
        assert_eq!(verdict(P3, text), Partial);
    }

    #[test]
    fn a_channel_someone_else_owns_is_not_a_channel() {
        assert_eq!(verdict(P3, "The researchers have also written their own blog on this incident."), Missing);
    }

    #[test]
    fn a_blog_post_someone_else_published_is_not_our_channel() {
        let text = "[Socket has published their analysis in a blog post](https://socket.example/blog/finch).";
        assert_eq!(verdict(P3, text), Missing);
        assert_eq!(verdict(P3, "We have published our analysis in a blog post."), Met);
    }

    #[test]
    fn the_report_itself_called_a_post_mortem_is_not_a_post_of_updates() {
        assert_eq!(verdict(P3, "Customers can check whether their problem is related to this post-mortem."), Missing);
        assert_eq!(verdict(P3, "We will add updates to this post as we learn more."), Met);
    }

    #[test]
    fn a_status_that_ends_a_sentence_is_no_status_site() {
        assert_eq!(verdict(P3, "The scan caused issues with the node status."), Missing);
        assert_eq!(verdict(P3, "Updates were posted on status.example.com."), Met);
    }

    #[test]
    fn a_picture_stored_under_blog_is_no_channel() {
        assert_eq!(verdict(P3, "![Sponsor](/images/blog/sponsors/colo.png)"), Missing);
        assert_eq!(verdict(P3, "See [the write-up](/blog/2024/outage)."), Met);
    }

    #[test]
    fn an_update_appended_to_the_post_is_partial() {
        assert_eq!(verdict(P3, "The mirror was down.\n\n**Update 2012-04-12 19:37 UTC:** Everything should be up again.\n"), Partial);
        assert_eq!(verdict(P3, "The mirror was down.\n\n- Updated the disk firmware.\n"), Missing);
    }

    #[test]
    fn communication_with_the_people_affected_without_a_place_is_partial() {
        assert_eq!(verdict(P3, "Customers warned us through different communication channels."), Partial);
        assert_eq!(verdict(P3, "We need to improve the communication between teams."), Missing);
        assert_eq!(verdict(P3, "Everything that relied on communication from our servers failed."), Missing);
    }

    #[test]
    fn a_status_page_in_someone_elses_possessive_is_not_our_channel() {
        assert_eq!(verdict(P3, "The registrar's status page stayed green all afternoon."), Missing);
        assert_eq!(verdict(P3, "We could not trust a vendor's status page, so we checked by hand."), Missing);
        assert_eq!(verdict(P3, "Here's our status page for updates."), Met);
    }

    #[test]
    fn a_chat_platform_naming_a_system_is_not_a_channel() {
        assert_eq!(verdict(P3, "This was noticed when Discord services started having failures."), Missing);
        assert_eq!(verdict(P3, "Unlike other IRC networks, our servers are sponsored."), Missing);
        assert_eq!(verdict(P3, "Questions can be asked on IRC or in our Discord server."), Met);
    }

    #[test]
    fn the_text_speaking_of_itself_is_a_channel_only_where_it_will_be_updated() {
        assert_eq!(verdict(P3, "This post details how I fixed the problem."), Missing);
        assert_eq!(verdict(P3, "When we have more details, we'll update this post."), Met);
    }

    #[test]
    fn a_social_account_credited_by_a_persons_name_is_not_our_channel() {
        assert_eq!(verdict(P3, "Thanks to [Jane Doe](https://twitter.com/janedoe) for the review."), Missing);
        assert_eq!(verdict(P3, "Updates went out on [Acme Status](https://twitter.com/acmestatus)."), Met);
    }

    #[test]
    fn a_mailing_list_server_is_a_system() {
        assert_eq!(verdict(P3, "The primary mailing list server suffered a fatal breakdown."), Missing);
        assert_eq!(verdict(P3, "We announced the migration on the mailing list."), Met);
    }

    #[test]
    fn an_issue_given_as_the_related_issue_meets_p3() {
        assert_eq!(verdict(P3, "The testnet halted.\n\n**Related issues:** https://github.com/acme/node/issues/95\n"), Met);
        let follow_up = "## Follow-up\n\n**Related issues:** https://github.com/acme/node/issues/96\n";
        assert_eq!(verdict(P3, follow_up), Missing);
    }

    #[test]
    fn an_address_spelled_out_to_write_to_meets_p3() {
        assert_eq!(verdict(P3, "The hubs split. Email to: staff at example dot net."), Met);
        assert_eq!(verdict(P3, "The hubs split at noon, one dot at a time."), Missing);
    }

    #[test]
    fn a_link_without_a_scheme_is_read_by_its_host() {
        assert_eq!(verdict(P3, "The move was [announced](//lists.example.org/announce/2009-03/msg8.html)."), Met);
        assert_eq!(verdict(P3, "Packages come from [the mirrors](//mirrors.example.org)."), Missing);
    }

    #[test]
    fn a_handle_where_updates_are_given_meets_p3() {
        assert_eq!(verdict(P3, "Follow @acmestatus for updates."), Met);
    }

    #[test]
    fn a_chat_channel_where_users_report_meets_p3() {
        assert_eq!(verdict(P3, "Users reported the errors in #ask-platform at 10:02."), Met);
    }

    #[test]
    fn the_teams_own_incident_room_is_not_a_channel() {
        assert_eq!(verdict(P3, "We posted updates in the #incidents room."), Partial);
    }

    #[test]
    fn an_alerts_chat_channel_is_not_a_channel() {
        assert_eq!(verdict(P3, "The canary app should page #high-priority-alerts if it goes down."), Missing);
    }

    #[test]
    fn a_published_security_advisory_meets_p3() {
        assert_eq!(verdict(P3, "We published a security advisory with more details."), Met);
    }

    #[test]
    fn a_user_reporting_in_a_linked_chat_is_our_channel() {
        let text = "A [user reported an outage in the chat](https://gitter.im/example/room).";
        assert_eq!(verdict(P3, text), Met);
    }

    #[test]
    fn a_public_issue_where_the_incident_was_reported_meets_p3() {
        assert_eq!(verdict(P3, "https://github.com/example/app/issues/140 is opened, reporting failures."), Met);
        assert_eq!(verdict(P3, "Here is [the postmortem](https://github.com/example/app/issues/12)."), Met);
    }

    #[test]
    fn an_issue_where_the_incident_is_followed_meets_p3() {
        assert_eq!(verdict(P3, "The mirror is down. More details in <https://github.com/example/helpdesk/issues/4827>."), Met);
        assert_eq!(verdict(P3, "[Help desk 4531](https://github.com/example/helpdesk/issues/4531) is tracking progress."), Met);
        let follow_up = "## Follow-up\n\n- Rotate the keys, tracked in https://github.com/example/app/issues/77\n";
        assert_eq!(verdict(P3, follow_up), Missing);
    }

    #[test]
    fn an_issue_for_follow_up_work_is_not_a_channel() {
        let text = "## Action items\n\n- Add alerts, reported as [issue](https://github.com/example/app/issues/611)\n";
        assert_eq!(verdict(P3, text), Missing);
        assert_eq!(verdict(P3, "Changes related to [the hub api](https://github.com/example/app/issues/94) are deployed."), Missing);
    }

    #[test]
    fn a_status_address_written_out_meets_p3() {
        assert_eq!(verdict(P3, "Current availability is shown at https://status.example.org at all times."), Met);
        assert_eq!(verdict(P3, "The release notes are at https://example.org/changelog."), Missing);
    }

    #[test]
    fn an_address_the_reader_can_write_to_meets_p3() {
        assert_eq!(verdict(P3, "If your invoices still look wrong, email me at dana@example.net."), Met);
        assert_eq!(verdict(P3, "Cron mailed its output to ops@example.net every night."), Missing);
    }

    #[test]
    fn alerting_that_notifies_is_not_an_update() {
        assert_eq!(verdict(P3, "Test and notify when the logs endpoint doesn't work."), Missing);
    }

    #[test]
    fn an_update_label_is_partial() {
        assert_eq!(verdict(P3, "**Update: the maintenance has concluded.**"), Partial);
    }
}
