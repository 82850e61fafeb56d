//! Shared vocabularies. Every phrase of every cue is compiled into one
//! Aho-Corasick automaton, run once over a document's prose; criteria then
//! ask which cues a sentence carries. A cue is a signal to weigh, never a
//! verdict on its own.
//!
//! Phrases are lowercase and match whole words (ASCII word boundaries on
//! both sides). A trailing `*` matches any word that starts with the phrase
//! ("apologi*" finds "apologise", "apologize", "apologies"). Straight
//! apostrophes also match typographic ones.

use super::document::Hit;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, PatternID};
use std::ops::Range;
use std::sync::LazyLock;

macro_rules! cues {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// A kind of phrase the engine looks for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Cue { $($(#[$doc])* $name,)* }
        impl Cue {
            pub const ALL: &'static [Cue] = &[$(Cue::$name,)*];
        }
    };
}

cues! {
    // ---- voice and tone (P1, P2, P4) ----
    /// "we", "our", "I": a person speaking.
    FirstPerson,
    /// "we", "I", "us": a person speaking as the one who acts, not only as
    /// an owner ("our servers").
    Speaker,
    /// "we apologize", "sorry", "our fault".
    Apology,
    /// "we made a mistake", "we failed to", "we should have".
    Ownership,
    /// "we deployed", "we merged", "our change": the team's own work, which
    /// owns the failure only where it is not the fix.
    OwnAction,
    /// "we regret any inconvenience", "apologize for any inconvenience".
    NonApology,
    /// "may have", "might have", "potentially".
    Hedge,
    /// "brief", "minor", "a small number of".
    Minimiser,
    /// "we take security seriously", "world-class", "committed to".
    Marketing,
    /// "no evidence that", "out of an abundance of caution": soft denials.
    Weasel,
    /// "unacceptable", "embarrassing", "took too long".
    SelfCriticism,
    /// A third party: "provider", "vendor", "upstream", "partner".
    ThirdParty,
    /// "planned maintenance", "scheduled downtime".
    Planned,
    /// "we will ensure this doesn't happen again": template promises.
    Boilerplate,

    // ---- channels (P3) ----
    /// A named public channel: "status page", "twitter", "blog", "mailing list".
    Channel,
    /// "updates", "keep you informed", "support team": a channel unnamed.
    UpdatesVague,
    /// Internal tools that are not a public channel: "slack", "pagerduty".
    InternalTool,
    /// A bare issue URL in the prose: ".../issues/140".
    IssueUrl,
    /// Telling of the incident itself, or pointing to where it is followed:
    /// "opened", "reported", "postmortem", "more details in", "tracking".
    Reporting,

    // ---- time (R1) ----
    /// "yesterday", "this morning", "overnight".
    VagueTime,
    /// "started", "began", "first", "detected", "noticed", "since".
    StartWord,
    /// "resolved", "restored", "recovered", "back to normal", "fixed".
    EndWord,
    /// "unknown", "unclear": for "start unknown".
    Unknown,
    /// The problem's own beginning, not its detection: "started", "began".
    Onset,
    /// The text says the problem ran long before anyone noticed:
    /// "for several hours now", "after a few hours we noticed".
    EarlierStart,
    /// The future tense: a date beside it is a plan's, not the incident's.
    Future,
    /// Posting about the incident, whose time is not the incident's:
    /// "posted an update", "tweeted", "updated the status page".
    StatusPost,

    // ---- impact (R2) ----
    /// "users", "customers", "developers", "teams".
    Who,
    /// "affected", "impacted", "unable to", "could not", "errors", "down".
    ImpactWord,
    /// "all", "most", "every", "none of", "percent".
    Scope,
    /// "not affected", "no data was", "were unaffected".
    NotAffected,
    /// Effects the impact words miss: "preventing", "stopped", "slowdown".
    ImpactEffect,
    /// An inability: "unable to", "could not", "weren't able", "an
    /// inability to"; what follows it is the feature people lost.
    Inability,
    /// The reader addressed as the one affected: "you", "your".
    Reader,

    // ---- cause (R3, B2) ----
    /// "because", "caused by", "due to", "led to", "as a result".
    Causal,
    /// "root cause", "the cause", "the problem was", "the issue was".
    CauseWord,
    /// "still investigating", "under investigation", "unknown cause".
    Investigating,
    /// "human error", "configuration issue", "network problem".
    CauseClass,
    /// An attack as the cause: "malicious", "attacker", "phishing".
    Attack,
    /// How a cause led on to its effect, without a "because": "exposing",
    /// "which allowed", "making the".
    Consequence,
    /// "why", "not detected", "did not notice", "no alert", "no monitoring".
    WhyDeeper,

    // ---- follow-up (R4) ----
    /// "we will", "we have added", "we plan to", "going forward".
    Commitment,
    /// "monitoring", "alert", "test", "runbook", "process", "automation".
    Remedy,
    /// "learned", "lesson", "takeaway", "realised".
    Lesson,
    /// "tbd", "to be determined", "none yet".
    Deferral,
    /// A promise declined: "we will not", "won't", "no plans to".
    Refusal,
    /// Restoring service: "rolled back", "restarted", "reverted".
    Mitigation,
    /// "action item", "follow-up", "todo", "next steps".
    ActionHeading,
    /// A promise with no change in it: "evaluating options", "continue to
    /// invest", "even more resilient".
    VaguePromise,

    // ---- technology (B1) ----
    /// A named technology: "kubernetes", "nginx", "postgres", "dns", "tls".
    Technology,
    /// Detail words: "config", "version", "query", "memory", "cpu", "timeout".
    TechDetail,

    // ---- people (B3) ----
    /// People responding, by role or by what they do: "on-call", "a team
    /// member", "the author of", "pings", "signs off", "got paged".
    Responder,
    /// Feelings and a personal voice: "frustrating", "confusing", "great job",
    /// "whammy", "we were lucky", "I believe".
    Feeling,
    /// Decisions and judgement calls, good or mistaken: "we decided",
    /// "attributed to", "misjudged", "incorrectly assessed", "suspecting".
    Judgement,
    /// "thank", "grateful", "kudos".
    Thanks,

    // ---- advice for others (B4) ----
    /// An act of advising or sharing: "recommend", "advice", "share",
    /// "useful", "if you run". Advice for others only beside an [`Cue::Audience`].
    Advice,
    /// Other teams as the ones addressed: "others", "other teams",
    /// "with other", "anyone running", "if you run".
    Audience,
    /// The reader addressed as the service's own user: "you", "your",
    /// "users of", "users should": instructions, not lessons.
    UserInstruction,
    /// A report or fix sent to someone else's project, or a tool shared:
    /// "reported upstream", "filed a bug with", "open-sourced".
    Upstream,
    /// "we learned", "this taught us", "in hindsight".
    Transferable,

    // ---- five whys (B2) ----
    /// An answer beneath a cause: an explanation ("because", "due to", "the
    /// reason", "which meant") or a gap that let it happen or last ("no alert
    /// was configured", "not covered by tests", "did not have").
    Explanation,
}

/// A set of cues, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueSet(u64);

impl CueSet {
    pub fn insert(&mut self, cue: Cue) {
        self.0 |= 1 << cue as u8;
    }

    pub fn has(&self, cue: Cue) -> bool {
        self.0 & (1 << cue as u8) != 0
    }

    pub fn any(&self, cues: &[Cue]) -> bool {
        cues.iter().any(|&c| self.has(c))
    }

    /// The cues in the set, in declaration order: one step per cue present,
    /// not per cue there is.
    pub fn iter(&self) -> impl Iterator<Item = Cue> + Clone {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let i = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                Cue::ALL[i]
            })
        })
    }
}

const _: () = assert!(Cue::ALL.len() <= 64, "CueSet holds at most 64 cues");

/// Every phrase, by cue.
const PHRASES: &[(Cue, &[&str])] = &[
    (Cue::FirstPerson, &[
        "we", "our", "ours", "us", "i", "my", "me", "we're", "we've", "we'd", "we'll", "i'm",
        "i've", "i'd", "ourselves", "let's",
    ]),
    (Cue::Speaker, &[
        "we", "us", "i", "me", "we're", "we've", "we'd", "we'll", "i'm", "i've", "i'd",
        "ourselves", "myself", "let's",
    ]),
    (Cue::Apology, &[
        "apologi*", "apologies", "sorry", "our fault", "my fault", "we let you down",
        "let our users down", "let you down", "we regret", "deeply regret", "sincerely regret",
        "we are truly sorry",
    ]),
    // Phrases that read as ownership but mostly are not ("our error
    // monitoring", "we did a great job", "we were not able to", "assigning
    // blame") stay out.
    (Cue::Ownership, &[
        "our mistake", "my mistake", "we made a mistake", "we made mistakes", "we failed",
        "we should have", "i should have", "we did not", "we didn't", "we missed",
        "we overlooked", "we neglected", "we forgot",
        "we accidentally", "we mistakenly", "we inadvertently", "we broke", "we caused",
        "we could have", "we misconfigured", "we underestimated", "was a mistake",
        "were mistakes", "i made", "i accidentally", "i mistakenly",
        "our fault", "we are responsible", "we take responsibility",
        "we take full responsibility", "we own", "we had not", "we hadn't", "we never",
        "we lacked", "we lack", "we didn't have", "we did not have", "we do not have",
        "we don't have", "we have yet to", "we still do not", "we still don't", "we were too",
        "we were slow", "we got wrong", "we got it wrong", "we messed up", "we screwed up",
        "we dropped the ball", "our responsibility",
    ]),
    (Cue::OwnAction, &[
        "we deployed", "we merged", "we released", "we pushed", "we shipped", "we changed",
        "we upgraded", "we introduced", "our change", "our deploy", "our deploys",
        "our configuration", "our code", "i deployed", "i merged", "we created", "we enabled",
        "we disabled", "we removed", "we deleted", "we configured", "we ran", "we set", "we moved",
        "we migrated", "we switched",
    ]),
    (Cue::NonApology, &[
        "any inconvenience", "the inconvenience", "inconvenience this may", "inconvenience caused",
        "regret any", "we apologize for any", "we apologise for any", "apologize for any",
        "apologise for any", "sorry for any", "any disruption", "if you were affected",
        "for those affected", "sorry for the trouble",
    ]),
    (Cue::Hedge, &[
        "may have", "might have", "could have been exposed", "could have been accessed",
        "could have been affected", "potentially", "possibly", "appears to",
        "appeared to", "seems to", "seemed to", "apparently", "it is possible", "likely",
        "may be", "might be", "may experience", "may have experienced", "some users may",
    ]),
    (Cue::Minimiser, &[
        "brief", "briefly", "minor", "a small number", "small number", "a small subset",
        "small subset", "a subset of", "a handful", "a few users", "a few customers",
        "slight", "slightly", "momentary", "momentarily", "limited number", "a limited",
        "a tiny", "only a few", "negligible", "minimal impact", "intermittent", "blip",
        "hiccup", "some users may", "some customers may", "a small percentage",
        "for a few minutes", "for few minutes", "only briefly",
    ]),
    (Cue::Marketing, &[
        "take security seriously", "takes security seriously", "take reliability seriously",
        "very seriously", "extremely seriously", "world-class", "world class", "best-in-class",
        "industry-leading", "industry leading", "committed to providing", "our commitment",
        "we are committed", "we're committed", "highest standards", "utmost", "top priority",
        "valued customers", "trust is", "paramount", "seamless", "cutting-edge", "robust and",
        "out of an abundance of caution", "abundance of caution", "highest priority",
        "number one priority", "number-one priority", "first priority",
        "heart of everything we do", "everything we do",
        "a leading provider", "leading provider of", "fully committed", "remains committed",
    ]),
    (Cue::Weasel, &[
        "no evidence", "no indication", "any evidence", "any indication", "nothing to suggest",
        "no sign of", "no signs of", "did not find any", "didn't find any", "found no",
        "did not observe any", "not seen any", "did not receive any", "didn't receive any",
        "out of an abundance of caution",
        "abundance of caution", "as a precaution", "precautionary", "cautionary measure",
    ]),
    // Judgements of the team's own conduct. A bare "should have" is left out:
    // "the app should have alerts" states a requirement, not a failing; so
    // are "took a while", "too slow" and "painful", which as often describe
    // a system or an experience as a judgement.
    (Cue::SelfCriticism, &[
        "unacceptabl*", "embarrass*", "took too long", "took us too long", "far too long",
        "way too long", "much too long", "too long to notice", "too long to detect",
        "too long to respond", "too long to realize", "too long to realise",
        "took a while before", "took a while to notice", "took a while to realize",
        "took a while to realise", "took us a while", "longer than it should",
        "not good enough", "response was slow*", "should not have", "shouldn't have",
        "should never have", "should have been", "should have caught", "fell short",
        "we failed", "inexcusable", "mistake", "mistakes", "in hindsight",
        "we could have", "would have allowed us", "would have caught", "would have prevented",
        "could have prevented", "could have been avoided", "could have been prevented",
        "could have been caught", "could have been noticed", "oversight", "we missed",
        "not acceptable", "misjudg*", "dropped the ball", "before we realized",
        "before we realised", "before we noticed",
    ]),
    (Cue::ThirdParty, &[
        "provider", "vendor", "upstream", "partner", "third party", "third-party", "our host",
        "hosting provider", "isp", "aws", "amazon", "google cloud", "gcp", "azure", "github",
        "cloudflare", "fastly", "circleci", "a user", "a contributor", "an attacker",
        "attacker", "malicious", "phishing",
    ]),
    (Cue::Planned, &[
        "planned maintenance", "scheduled maintenance", "scheduled downtime", "maintenance window",
        "planned downtime", "will be having", "scheduled", "planned outage",
    ]),
    (Cue::Boilerplate, &[
        "doesn't happen again", "does not happen again", "never happens again", "not happen again",
        "won't happen again", "will not happen again", "prevent this from happening again",
        "prevent this from happening in the future", "do our best", "doing our best",
        "any inconvenience", "we value", "thank you for your patience", "thanks for your patience",
        "thank you for your understanding", "reviewing our processes", "review our processes",
        "reviewing our procedures", "taking steps", "take steps", "appropriate steps",
        "appropriate measures", "necessary steps", "necessary measures", "remain vigilant",
        "remains vigilant", "stay vigilant", "continued trust", "continued support",
        "continued patience", "continued loyalty", "continued confidence", "thank our customers",
        "thank our users", "thank our members", "continuously invest", "continue to invest",
        "we remind customers", "we remind users", "we remind our", "we remind all",
    ]),
    (Cue::Channel, &[
        "status page", "statuspage", "status.", "status site", "twitter", "tweet*",
        "mastodon", "bluesky", "blog", "blog post", "mailing list", "newsletter",
        "rss", "subscribe", "email us", "e-mail us", "contact us", "security@", "support@",
        "help@", "discourse", "forum", "zulip", "discord", "gitter", "irc", "github issue",
        "issue tracker", "announcement", "announce", "users.rust-lang.org", "internals",
        "this post", "this page", "follow-up post", "hacker one", "hackerone", "this blog",
        "support channel", "our website", "reddit", "security advisory", "advisories",
    ]),
    (Cue::UpdatesVague, &[
        "updates", "update you", "keep you informed", "kept informed", "keep you posted",
        "support team", "contact support", "reach out", "reach us", "let us know",
        "notify users", "notify customers", "notify affected", "notify you", "will notify",
        "we notified", "notified users", "notified customers", "notified affected",
        "notified all", "communicated", "communicate to", "communicate with",
        "communicating with", "our communication", "informed", "update:", "make you aware",
        "keep you updated", "will publish", "will post", "publish guidance", "publish an update",
        "post an update", "we'll post", "we will share", "we'll share", "post more",
        "share more", "we'll update", "more soon",
        // Where readers put their questions: "address questions to
        // root@…", "queries should be sent to press@…", "join us in #infra".
        "questions to", "questions should", "send questions", "send your questions", "queries",
        "join us",
        // Readers told, or to be told, without a place: "we will provide more
        // information", "a more detailed post will come", "contacting you
        // directly", "users updated with the status".
        "provide more information", "provide further", "detailed post", "notifications to",
        "contacting you", "contact you", "users updated", "updated users", "update sent",
        "update send", "updates sent",
    ]),
    (Cue::InternalTool, &[
        "slack", "pagerduty", "pager duty", "opsgenie", "jira", "confluence", "google doc",
        "docs.google.com", "internal", "incident channel", "slack thread", "pager",
    ]),
    (Cue::IssueUrl, &["/issues/"]),
    (Cue::Reporting, &[
        "opened", "reported", "reporting", "filed", "posted", "postmortem", "post-mortem",
        "write-up", "writeup",
        // Pointing the reader to where the incident is followed: "more
        // details in …/issues/4827", "… is tracking progress".
        "more details", "more detail", "further details", "more info", "more information",
        "details in", "details on", "for information", "read more", "tracking", "tracked",
        "follow the progress", "follow progress",
    ]),
    (Cue::VagueTime, &[
        "yesterday", "last night", "late last night", "this morning", "this afternoon",
        "this evening", "overnight", "over night", "earlier today", "today", "recently",
        "the other day", "around lunchtime", "lunchtime", "a little after", "ish",
        "early morning", "late night",
    ]),
    (Cue::StartWord, &[
        "started", "start", "starting", "began", "begun", "beginning", "first", "detected", "noticed",
        "reported", "since", "from", "onset", "occurred", "occurs", "introduced",
        "was merged", "deployed", "fault occurs", "incident declared", "identified",
        "alerted", "paged", "discovered", "received a report", "went down", "broke",
    ]),
    (Cue::EndWord, &[
        "resolved", "restored", "recovered", "recovery", "back to normal", "back up", "fixed",
        "mitigated", "until", "ended", "end", "returned to normal", "operational",
        "fully functional", "working again", "rolled back", "reverted", "resolution",
        "concluded", "completed", "closed", "revoked", "deleted", "removed",
    ]),
    (Cue::Unknown, &[
        "unknown", "unclear", "not known", "not sure", "uncertain", "tbc", "to be confirmed",
        "time tbd", "cannot tell", "can't tell", "unable to tell", "no way to tell",
        "cannot say", "can't say", "unable to say", "no way to know", "don't know when",
        "do not know when",
    ]),
    (Cue::Onset, &[
        "started", "starts", "start of", "began", "begins", "begin", "begun", "onset",
        "went down", "stopped working", "first error*", "first failure*", "problem starts",
        "incident starts", "outage starts",
    ]),
    (Cue::EarlierStart, &[
        "for several hours", "for many hours", "for hours", "for some hours", "for several days",
        "for days", "after a few hours we", "after several hours we", "after a few days we",
        "hours before we", "days before we", "several hours now", "hours now", "before we noticed",
        "before anyone noticed", "before it was noticed", "had been going on",
        "well before",
    ]),
    (Cue::Future, &["will", "shall", "is going to", "are going to", "won't"]),
    (Cue::StatusPost, &[
        "posted an update", "posted a status", "posted the status", "posted on the status",
        "status update", "status page updated", "updated the status", "update posted",
        "tweeted", "we tweeted", "posted to twitter", "posted on twitter",
    ]),
    (Cue::Who, &[
        "user*", "customer*", "developer*", "people", "team*", "client*", "visitor*",
        "contributor*", "maintainer*", "crate owners", "publishers", "subscribers", "tenants",
        "accounts", "organisations", "organizations", "service teams", "everyone", "anyone",
        "applications", "apps", "projects", "sites", "repositories", "crates", "packages",
        "builds", "requests", "launches", "sessions", "downloads", "members", "players",
        "shoppers", "merchants", "sellers", "buyers", "viewers", "readers", "listeners",
        "students", "patients", "riders", "guests", "creators", "advertisers", "passengers",
        "policyholder*", "account holders", "cardholders", "residents", "employees",
    ]),
    (Cue::ImpactWord, &[
        "affected", "impacted", "impact", "unable to", "could not", "couldn't", "cannot",
        "can't", "failed to", "failing", "errors", "error", "unavailable", "down", "outage",
        "degraded", "slow", "timed out", "timeouts", "broken", "inaccessible", "unreachable",
        "not working", "stopped working", "disrupted", "exposed", "leaked", "compromised",
        "lost", "403", "404", "500", "502", "503", "504", "failed", "failures", "downtime",
        "not affected", "unaffected",
    ]),
    (Cue::Scope, &[
        "all", "most", "every", "none of", "percent", "majority", "half", "entire", "whole",
        "any", "only", "each",
    ]),
    (Cue::NotAffected, &[
        "not affected", "unaffected", "not impacted", "was not affected", "were not affected",
        "no data was", "no customer data", "no user data", "no packages were", "not compromised",
        "were not compromised", "no evidence", "continue to be online", "continued to work",
        "no action is required", "no impact", "not exposed",
    ]),
    (Cue::ImpactEffect, &[
        "prevented", "prevents", "preventing", "stopped", "no longer", "slowdown", "slowed down", "throttled", "drop*",
        "did not see", "didn't see", "not see", "not receive", "failure to", "lost service",
        "not accessible", "not available", "not able to", "unresponsive", "went down",
        "outages", "interrupt*", "disruption", "at zero", "to zero", "exposure", "delays",
        "delayed", "longer than usual", "longer-than-usual",
    ]),
    (Cue::Inability, &[
        "unable to", "could not", "couldn't", "cannot", "can't", "failed to", "not able to",
        "weren't able", "wasn't able", "inability",
    ]),
    (Cue::Reader, &["you", "your", "you're", "you've"]),
    (Cue::Causal, &[
        "because", "caused by", "cause", "caused", "due to", "led to", "leading to", "lead to",
        "resulted in", "resulting in", "as a result", "result of", "which meant", "this meant",
        "meaning that", "so that", "which caused", "triggered", "this is because", "since the",
        "which led", "therefore", "thus", "which made", "made our", "prevented", "this means",
        "that meant", "due to the", "owing to", "stemmed from", "the reason", "consequently",
        "after a change", "after the change", "following a change", "following the change",
    ]),
    (Cue::CauseWord, &[
        "root cause", "the cause", "cause of", "the problem was", "the issue was", "the bug",
        "a bug", "this was caused", "was caused", "were caused", "the culprit", "the reason",
        "turned out", "it turns out", "identified", "the problem is", "the issue is",
        "the fault", "the failure",
    ]),
    (Cue::Investigating, &[
        "still investigating", "under investigation", "being investigated", "investigating the",
        "we are investigating", "we're investigating", "root cause unknown", "cause is unknown",
        "cause unknown", "not yet known", "not yet determined", "yet to be determined",
        "remains unknown", "still unknown", "we don't know", "we do not know", "not sure why",
        "unclear why", "no root cause", "investigation is ongoing", "ongoing investigation",
        "don't yet know", "do not yet know", "don't know yet", "do not know yet",
        "still working out", "still trying to understand", "still trying to figure out",
        "still figuring out", "not yet understand", "don't yet understand",
    ]),
    (Cue::CauseClass, &[
        "human error", "configuration issue", "config issue", "configuration error",
        "configuration change", "network problem", "network issue", "network outage",
        "a bad deploy", "bad deployment", "technical issue", "technical difficulties",
        "processing issue", "hardware failure", "software bug", "a bug that", "introduced a bug",
        "an issue with", "a problem with", "a failure", "experienced a failure",
        // A link named without how it worked: "was related to the old app",
        // "an issue at our provider", "owing to the complexity of".
        "was related to", "were related to", "is related to", "was linked to", "issue at",
        "problem at", "complexity of",
        // A kind of failure named without how it came about: "the server
        // being compromised by an unknown third party", "suffered a fatal
        // breakdown", "a node that has networking issues".
        "compromised", "a compromise", "suspected compromise", "potential compromise",
        "breakdown", "networking issue", "networking issues", "hardware issue", "hardware issues",
    ]),
    (Cue::Consequence, &[
        "exposing", "which exposed", "which allowed", "allowing", "which let", "which broke",
        "breaking", "making the", "making it", "which stopped", "stopping", "so the", "so our",
        "meaning the", "which prevented",
    ]),
    (Cue::Attack, &[
        "malicious", "attacker*", "phishing", "typosquat*", "malware", "exploited", "impersonat*",
        "credential stuffing", "ddos", "denial of service",
    ]),
    (Cue::WhyDeeper, &[
        "why", "not detected", "wasn't detected", "was not detected", "did not notice",
        "didn't notice", "went unnoticed", "unnoticed", "no alert", "no alerts", "no alerting",
        "no monitoring", "not monitored", "lack of", "lacked", "did not catch", "didn't catch",
        "not caught", "wasn't caught", "was not caught", "took too long", "took a long time",
        "took longer", "delayed", "slowed", "the reason", "underlying", "contributing",
        "contributed", "compounded", "made it harder", "made worse", "exacerbated",
        "not tested", "untested", "no test", "no tests", "not covered", "missed", "assumed",
        "assumption", "did not realize", "didn't realize", "did not realise", "didn't realise",
        "were not aware", "wasn't aware", "weren't aware", "unaware", "had not", "hadn't",
        "did not have", "didn't have", "no way to", "root cause", "in addition", "also",
        "furthermore", "compounding", "second issue", "another issue", "we kept",
        "focusing on the wrong", "prevented", "should have", "would have", "allowed",
    ]),
    (Cue::Commitment, &[
        "we will", "we'll", "we are going to", "we're going to", "we plan", "we intend",
        "we have added", "we've added", "we added", "we have implemented", "we implemented",
        "we've implemented", "we have changed", "we changed", "we have updated", "we updated",
        "we are adding", "we're adding", "we are working on", "we're working on", "we now",
        "going forward", "in the future", "from now on", "will be", "we have since",
        "we've since", "we have introduced", "we introduced", "we enabled", "we have enabled",
        "we are improving", "we improved", "we are reviewing", "we need to", "we should",
        "we want to", "we would like to", "to prevent", "to avoid", "to ensure", "planned",
        "next steps", "is being", "are being", "has been added", "have been added",
        "was added", "were added", "has been", "have been", "implemented", "was updated",
        "will", "we must", "we have merged", "we merged", "we have deployed", "we've deployed",
        "we have fixed", "we fixed", "we've fixed", "we have taken", "we've taken",
        "we have invalidated", "we invalidated", "we have disabled", "we disabled",
        "we have removed", "we have revoked", "we revoked", "intends to", "is planning",
        "are planning",
    ]),
    (Cue::Remedy, &[
        "monitoring", "monitor", "alert*", "test*", "runbook*", "playbook*", "process",
        "procedure*", "automat*", "checklist", "documentation", "document", "dashboard*",
        "ci", "check*", "validation", "validate", "lint*", "review*", "guard*", "safeguard*",
        "limit*", "rate limit*", "quota*", "redundan*", "backup*", "failover", "canary",
        "staging", "rollout", "canaries", "continuous integration", "capacity planning", "policy", "policies", "training", "audit*", "fix*", "patch*",
        "upgrade*", "branch protection", "2fa", "two-factor", "permissions", "scope*",
        "retention", "timeout", "probe*", "health check", "metrics", "logging", "logs",
        "issue", "pr", "pull request", "scan*", "redact*", "invalidat*", "revok*",
    ]),
    (Cue::Lesson, &[
        "learned", "learnt", "lesson*", "takeaway*", "take-away*", "realised", "realized",
        "in hindsight", "taught us", "what went well", "what went wrong", "went well",
        "we were lucky", "lucky", "went poorly", "retrospective", "took too long",
        "unacceptably long", "realize", "realise", "should have", "could have been",
    ]),
    (Cue::Deferral, &[
        "tbd", "to be determined", "to be decided", "none yet", "n/a", "todo", "coming soon",
        "will follow", "to follow", "not yet decided", "pending",
        // A template's choice left unfilled.
        "yes / no", "yes/no",
    ]),
    (Cue::Refusal, &[
        "will not", "won't", "will never", "do not plan", "don't plan", "no plans to",
        "not planning", "are not going to",
    ]),
    (Cue::Mitigation, &[
        "rolled back", "roll back", "rollback", "reverted", "revert*", "restarted", "restart*",
        "rebooted", "reboot*", "restored", "restore*", "redeployed", "redeploy*",
        "failed over", "scaled up", "cleared the cache", "recreated", "re-created",
        "manually", "workaround", "hotfix", "temporarily", "monitoring the results",
        "monitoring the situation", "continue to monitor", "fix has been implemented",
        "fix has been deployed", "fix has been applied",
    ]),
    (Cue::VaguePromise, &[
        "evaluating options", "exploring options", "looking at options", "looking into ways",
        "looking at ways", "continue to invest", "continuing to invest", "continue to improve",
        "continuing to improve", "even more resilient", "more resilient in", "further strengthen",
        "strengthen our", "reviewing internal processes", "review internal processes",
        "reviewing our internal", "learn from this", "invest heavily",
        "continue to strengthen", "continuing to strengthen", "continuously invest",
        "continuously improve", "continually improve", "constantly improve",
    ]),
    (Cue::ActionHeading, &[
        "action item*", "action point*", "follow-up*", "follow up*", "followup*", "next steps",
        "todo", "to-do", "remediation*", "improvements", "what we're doing",
        "what we are doing", "what we will do",
    ]),
    (Cue::Technology, &[
        "kubernetes", "k8s", "kubectl", "helm", "nginx", "ingress", "haproxy", "envoy",
        "postgres*", "postgresql", "mysql", "mariadb", "redis", "memcached", "mongodb",
        "elasticsearch", "kafka", "rabbitmq", "sqlite", "cassandra", "dns", "tls", "ssl",
        "http", "https", "tcp", "udp", "ip", "bgp", "cdn", "load balancer", "loadbalancer",
        "aws", "s3", "ec2", "eks", "rds", "route53", "route 53", "iam", "cloudfront", "lambda",
        "gcp", "gke", "google cloud", "azure", "heroku", "fastly", "cloudflare", "docker",
        "container*", "pod", "pods", "node", "nodes", "cluster*", "vm", "vms", "terraform",
        "ansible", "jenkins", "github actions", "circleci", "travis", "git", "cron", "systemd",
        "linux", "kernel", "jvm", "python", "rust", "cargo", "npm", "node.js", "rails", "django",
        "api", "database", "db", "cache", "proxy", "queue", "webhook*", "oauth", "token*",
        "certificate*", "letsencrypt", "let's encrypt", "cert-manager", "jupyterhub",
        "binderhub", "prometheus", "grafana", "kube-lego", "pvc", "persistent volume",
        "disk", "ssd", "cpu", "memory", "ram", "oom", "subnet", "route table", "vpc",
        "nat gateway", "firewall", "smtp", "mail server", "email server", "server*",
        "crates.io", "docs.rs", "rustup", "cdn", "bucket", "cloudwatch", "datadog",
        "sentry", "heroku", "s3 bucket", "gcs", "registry", "index", "worker*", "cronjob",
        "daemon", "backend", "frontend", "deployment", "replica*", "autoscal*",
        // Operating systems, file systems, directory and mail servers, and
        // the configuration and storage tools of self-hosted infrastructure.
        "freebsd", "solaris", "debian", "ubuntu", "centos", "zfs", "xfs", "ext4", "btrfs", "lvm",
        "raid", "nfs", "ceph", "snapshot*", "rsync", "ssh", "sshd", "ldap", "cgi", "httpd",
        "openssl", "puppet", "saltstack", "svn", "subversion", "vault", "consul", "etcd",
        "calico", "coredns", "istio", "zookeeper", "varnish", "squid", "postfix", "exim",
        "mailman", "dhcp", "ntp", "ipv6", "ipv4", "kvm", "xen", "vmware", "openstack", "kops",
        "argocd", "pgbouncer", "clickhouse", "nagios", "icinga", "zabbix", "kibana", "logstash",
        "fluentd", "opensearch", "buildbot", "php", "perl", "ruby", "java", "golang",
    ]),
    (Cue::TechDetail, &[
        "config*", "version*", "v1", "v2", "query", "queries", "memory", "cpu", "timeout*",
        "latency", "request*", "response*", "header*", "port", "endpoint*",
        "flag", "parameter*", "setting*", "limit*", "threshold*", "metric*", "graph*",
        // Not "log*", which reads "login" and "logout" as log detail.
        "log", "logs", "logged", "logging", "logger*", "logfile*", "log file*", "stack trace", "traceback",
        "command", "script", "migration*", "schema", "health check*",
        "index", "table", "column", "connection*", "pool", "thread*", "replica*",
        "disk space", "disk usage", "usage", "partition*", "director*", "filesystem*",
        "file system", "permission*", "annotation*", "quota*",
        "shard*", "partition*", "record*", "ttl", "cache*", "hash*", "checksum*", "key*",
        "secret*", "environment variable*", "env var*", "yaml", "json", "toml", "manifest",
        "bytes", "mb", "gb", "ms", "rps", "qps", "cidr", "route*", "commit", "pr",
    ]),
    (Cue::Responder, &[
        "on-call", "on call", "oncall", "engineer*", "operator*", "admin*", "maintainer*",
        "contributor*",
        "team member*", "members of the team", "responder*", "incident commander", "sre",
        "someone", "a member", "i ", "developer*", "volunteer*", "staff", "colleague*",
        "backup contact", "primary contact*", "the author of", "team",
        "we notice", "we noticed", "we hear", "we heard", "we discover*", "we found",
        "pings", "pinged", "got paged", "was paged", "were paged", "signs off", "signed off",
        "joins", "joined", "was online", "were online", "awake", "asks", "suggests",
        "confer", "notice", "notices", "contacts", "we note", "we noted", "he", "she", "him",
        "his", "her",
        // Responders at work, named by what they did: "Joe is paged",
        // "responded to the incident", "others joined the call".
        "is paged", "are paged", "responded to the incident", "responded to the issue",
        "responded to the alert", "responded to the page", "pointed out", "confirms", "warns",
        "urges", "discuss", "notes that", "was around", "were around", "showed up", "shows up",
        "joined the call", "on the call", "in a call", "war room", "incident lead", "scribe",
        "was notified", "were notified",
    ]),
    // Stance adverbs that only comment on an event ("unfortunately",
    // "fortunately", "sadly", "luckily") are corporate connectives, not a feeling.
    (Cue::Feeling, &[
        "frustrat*", "stress*", "panic*", "scary", "scared", "worried", "worry", "worrying*",
        "confus*", "surpris*", "whammy", "painful", "embarrass*",
        "relieved", "we were exhausted", "i was exhausted", "everyone was exhausted", "tired", "we kept focusing", "wrong thing", "it seemed",
        "seemed like", "seemed a good", "we were lucky", "where we got lucky", "lucky",
        "mysterious", "happy", "excited", "concerned", "proud",
        "nervous", "unsure", "hunch", "freaks out", "oops", "sigh", "ugh", "strange", "weird",
        "unexpected", "hope", "hoping", "great job", "good job", "did a great job",
        "hesitant", "burnout", "red herring*", "spoiler", "coincidence", "one wonders",
        "feels", "feeling is", "we feel", "i believe", "i think", "i feel", "honestly",
        "heavy handed", "heavy-handed", "unceremoniously", "juicy", ":-/", ":-)", "in earnest",
        "paternity", "maternity", "on leave", "vacation", "asleep", "middle of the night",
        "their child", "need more help",
        // The team's experience of the work: "a real sense of camaraderie",
        // "collaboration among the team", "in our haste", "late nights".
        "sucks", "camaraderie", "teamwork", "collaboration among", "collaboration between",
        "collaboration within", "worked closely", "hard shift", "late nights", "long night",
        "worked extremely well", "bleak", "haste", "enjoyable", "warm welcome", "remain calm",
        "stay calm", "willing to admit", "genuinely", "miraculously", "whoa", "the hard way",
        "some luck", "by luck", "understanding and supportive", "supportive",
    ]),
    (Cue::Judgement, &[
        "we decided", "decid*", "decision*", "we chose",
        "chose to", "chose not", "we thought", "thought it", "mistakenly", "we assumed",
        "assumed", "our assumption", "we assume", "misjudg*", "incorrectly assessed",
        "attributed to", "not counted as", "suspect*", "initial suspicion", "believing",
        "we concluded", "we realized", "we realised", "we realize", "realized", "realised",
        "deemed", "forgot", "took a vote", "good enough", "without doing too much",
        "judgement", "judgment", "we wanted",
        // Mistaken calls owned honestly, not a verdict on speed ("took too long").
        "we should have", "i should have", "should have caught", "should not have",
        "shouldn't have", "our mistake", "my mistake", "wrong call", "in hindsight",
        "made the call", "the right call",
        // Choices and readings of the situation, told as such: "we opted
        // to", "we were under the impression", "it was thought", "shrugged
        // off the errors", "did not anticipate".
        "opted", "on the assumption", "under the impression", "had the impression",
        "it was thought", "thinking that", "didn't realize", "did not realize", "didn't realise",
        "did not realise", "slow to realize", "slow to realise", "wasn't aware", "weren't aware",
        "was not aware", "were not aware", "not fully aware", "failed to take into consideration",
        "intending", "i was wrong", "we were wrong", "by mistake", "by accident", "agreed",
        "after discussion", "discussion within", "with our permission", "anticipated",
        "did not anticipate", "didn't anticipate", "did not expect", "didn't expect",
        "shrugged off", "dismissed as", "theory", "theories", "suspicion",
    ]),
    (Cue::Thanks, &[
        "thank*", "grateful", "gratitude", "kudos", "shout-out", "shoutout", "appreciate*",
        "credit to",
    ]),
    (Cue::Advice, &[
        "recommend*", "our advice", "advice", "advis*", "suggest*", "share our", "sharing our",
        "share this", "share these", "share what we", "share the lessons",
        "useful", "helpful", "learn from", "tips", "best practice*", "lessons for",
        "lesson for", "if you run", "if you use", "if you're running", "if you are running",
        "if you maintain", "if you operate", "if you rely on", "should check", "check that",
        "check your", "make sure", "beware", "watch out for",
        // Advice put to anyone in the same place: "it would be prudent for
        // organizations to include sanity checks", "one should have procedures".
        "prudent", "would be wise", "we encourage", "one should",
    ]),
    (Cue::Audience, &[
        "others", "other teams", "other projects", "other maintainers", "other open source",
        "other organisations", "other organizations", "other operators", "with other",
        "to other", "for other", "anyone", "anyone running", "anyone using", "everyone else",
        "fellow", "the wider community",
        "if you run", "if you use", "if you're running", "if you are running",
        "if you maintain", "if you operate", "if you rely on",
        "organizations", "organisations", "one should", "any team", "any project",
    ]),
    (Cue::UserInstruction, &[
        "you", "your", "you're", "you've", "you'll", "yours", "yourself", "users of",
        "users should", "users can", "users must", "users need", "recommend that users",
        "users are advised", "users who",
    ]),
    (Cue::Upstream, &[
        "reported upstream", "upstream bug", "upstream issue", "fixed upstream", "fix upstream",
        "upstreamed", "sent upstream", "submitted upstream", "patch upstream", "reported a bug to",
        "reported the bug to", "filed a bug with", "filed a bug against", "filed an issue with",
        "opened an issue with", "opened an issue on", "bug report to", "sent a patch to",
        "submitted a patch to", "contributed a fix to", "open-sourced", "open sourced",
        "released a tool", "released the tool", "published a tool", "published the script",
    ]),
    (Cue::Transferable, &[
        "we learned", "we learnt", "we've learned", "we have learned", "taught us",
        "in hindsight", "lesson*", "takeaway*", "what went well", "what went wrong",
        "we realized", "we realised", "key learning*", "learnings", "in retrospect",
        "it is important", "it's important", "is a good idea", "is important to",
        "taking away", "take away", "the big lesson", "where we got lucky",
        "showed us", "has shown us", "reminded us", "made us realize", "made us realise",
    ]),
    (Cue::Explanation, &[
        "because", "due to", "caused by", "as a result", "the reason", "reason for this",
        "which meant", "this meant", "that meant", "meaning that", "which caused", "which led",
        "led to", "leading to", "resulted in", "resulting in", "result of", "stemmed from",
        "owing to", "causing", "symptom of", "which broke", "which exposed", "this explains", "explains",
        "the primary cause", "cause of the", "cause of these", "cause of this", "that causes", "which causes", "underlying bug", "underlying issue",
        "underlying problem", "underlying cause",
        "contributing factor*", "contributed", "compounded", "exacerbated", "made it harder",
        "made this harder", "complicated by", "not detected", "wasn't detected",
        "went unnoticed", "unnoticed", "no alert", "no alerts", "no alerting", "no alarm",
        "not alerted", "nobody was paged", "nobody noticed", "no one noticed", "did not notice",
        "didn't notice", "not been identified", "not caught", "did not catch", "didn't catch",
        "not tested", "untested", "not covered by", "no tests", "did not test", "didn't test",
        "never configured", "never surfaced", "did not have", "didn't have", "don't have",
        "do not have", "lack of", "lacked", "lacking", "no way to", "no checklist",
        "not reviewed", "without review", "without testing", "slipped", "diverged",
        "could have been noticed", "could have been caught", "could have been avoided",
        "could have been prevented", "could have been detected", "could have been alerted",
        "would have been caught", "would have prevented", "would not have prevented",
        "would have detected", "would have caught", "should not have been possible",
        // What the team did not know let the cause through: a why it was
        // not prevented ("it was unclear to us that the proxy reads the
        // system's libraries", "we were not aware the old job wrote there").
        "not aware", "not fully aware", "wasn't aware", "weren't aware", "wasn't fully aware",
        "unaware", "unclear to us", "did not expect", "didn't expect", "did not anticipate",
        "didn't anticipate", "did not realize", "didn't realize", "did not realise",
        "didn't realise", "in our haste",
        "no process", "isn't a process", "is no process", "was no process", "wasn't a process",
    ]),
];

pub struct Lexicon {
    automaton: NFA,
    /// For each distinct phrase: what a match of it reports.
    patterns: Vec<Pattern>,
    /// The cues every pattern reports, each as a byte range of its phrase,
    /// one pattern's lists after another: one allocation where a pair of
    /// lists per phrase made thousands.
    spans: Vec<(Cue, Range<usize>)>,
}

struct Pattern {
    /// Compiled with a leading space because it starts with a word.
    spaced: bool,
    /// Cues that hold when the match ends a word: the phrase's own, and those
    /// of the shorter phrases inside it ("we failed" also reports "we"), as
    /// byte ranges of the phrase. A range of `Lexicon::spans`.
    whole: Range<usize>,
    /// Cues that hold when the word goes on: prefix phrases ("apologi*"),
    /// whose range then extends to the end of the word. A range of
    /// `Lexicon::spans`.
    open: Range<usize>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PACKED_PHRASES));

/// `PHRASES` packed into one string when compiling, which is all the binary
/// keeps of them: per cue, one byte (its index plus one, never a NUL),
/// each phrase followed by a newline, then a NUL. As a table of slices
/// each phrase cost 8 bytes of pointer and length beside its text, which
/// do not compress: 16 KB of the WebAssembly, 6 KB gzipped.
static PACKED_PHRASES: &str = {
    // Read once, by this initialiser when compiling: no copy of the array
    // is ever made at run time, which is what the lint guards against.
    #[allow(clippy::large_const_arrays)]
    const BYTES: [u8; packed_len(PHRASES)] = pack(PHRASES);
    match std::str::from_utf8(&BYTES) {
        Ok(packed) => packed,
        Err(_) => panic!("phrases and the bytes between them are UTF-8"),
    }
};

const fn packed_len(table: &[(Cue, &[&str])]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < table.len() {
        let mut j = 0;
        while j < table[i].1.len() {
            len += table[i].1[j].len() + 1;
            j += 1;
        }
        len += 2;
        i += 1;
    }
    len
}

const fn pack<const N: usize>(table: &[(Cue, &[&str])]) -> [u8; N] {
    let mut packed = [0; N];
    let mut at = 0;
    let mut i = 0;
    while i < table.len() {
        packed[at] = table[i].0 as u8 + 1;
        at += 1;
        let mut j = 0;
        while j < table[i].1.len() {
            let phrase = table[i].1[j].as_bytes();
            let mut k = 0;
            while k < phrase.len() {
                packed[at] = phrase[k];
                at += 1;
                k += 1;
            }
            packed[at] = b'\n';
            at += 1;
            j += 1;
        }
        // The NUL that ends the cue's phrases: `packed` starts zeroed.
        at += 1;
        i += 1;
    }
    packed
}

/// Punctuation that may stand before a word but never inside a phrase: it
/// reads as a space when scanning.
const IS_OPENER: [bool; 256] = {
    let mut table = [false; 256];
    let openers = b" \t\n\r()[]{}<>\"`*_|,!?=~^";
    let mut i = 0;
    while i < openers.len() {
        table[openers[i] as usize] = true;
        i += 1;
    }
    table
};

impl Lexicon {
    /// One automaton over the distinct phrases. A match reports the cues of
    /// every phrase it contains, so reading only the longest phrase at each
    /// place loses no cue: that keeps the scan linear with a small constant,
    /// where reporting every phrase found reported every short phrase inside
    /// every longer one.
    fn new(packed: &str) -> Self {
        // Distinct phrase bodies, each with its exact and its prefix cues.
        let mut bodies: Vec<(String, CueSet, CueSet)> = Vec::new();
        let mut index = BodyTrie::new();
        for group in packed.split_terminator('\0') {
            let (cue, phrases) = group.split_at(1);
            let cue = Cue::ALL[usize::from(cue.as_bytes()[0] - 1)];
            for phrase in phrases.split_terminator('\n') {
                let (body, prefix) = match phrase.strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (phrase, false),
                };
                let typographic = body.contains('\'').then(|| body.replace('\'', "\u{2019}"));
                for v in std::iter::once(body).chain(typographic.as_deref()) {
                    let i = index.insert(v, bodies.len());
                    if i == bodies.len() {
                        bodies.push((v.to_string(), CueSet::default(), CueSet::default()));
                    }
                    let set = if prefix { &mut bodies[i].2 } else { &mut bodies[i].1 };
                    set.insert(cue);
                }
            }
        }
        let mut strings = Vec::with_capacity(bodies.len());
        let mut patterns = Vec::with_capacity(bodies.len());
        let mut spans = Vec::new();
        // One phrase's lists, kept sorted by (start, end, cue) without
        // repeats as they are built, and reused for the next phrase.
        let (mut whole, mut open) = (Vec::new(), Vec::new());
        for (body, _, _) in &bodies {
            let b = body.as_bytes();
            whole.clear();
            open.clear();
            // Every phrase found inside this one, starting at a word start.
            for start in 0..b.len() {
                if !body.is_char_boundary(start) || (start > 0 && is_word_byte(b[start]) && is_word_byte(b[start - 1])) {
                    continue;
                }
                for (end, j) in index.prefixes_of(&b[start..]).map(|(len, j)| (start + len, j)) {
                    let (_, exact, prefix) = &bodies[j];
                    let ends_word = end == b.len() || !is_word_byte(b[end]) || !is_word_byte(b[end - 1]);
                    if end == b.len() {
                        // Ends where the match ends: what holds depends on
                        // whether the text's word ends there too.
                        exact.iter().chain(prefix.iter()).for_each(|c| insert_span(&mut whole, c, start..end));
                        prefix.iter().for_each(|c| insert_span(&mut open, c, start..end));
                    } else if ends_word {
                        for c in exact.iter().chain(prefix.iter()) {
                            insert_span(&mut whole, c, start..end);
                            insert_span(&mut open, c, start..end);
                        }
                    } else {
                        let word_end = (end..b.len()).find(|&k| !is_word_byte(b[k])).unwrap_or(b.len());
                        for c in prefix.iter() {
                            insert_span(&mut whole, c, start..word_end);
                            insert_span(&mut open, c, start..word_end);
                        }
                    }
                }
            }
            let whole_at = spans.len();
            spans.extend_from_slice(&whole);
            let open_at = spans.len();
            spans.extend_from_slice(&open);
            // A phrase that starts with a word is searched with a space
            // before it, so it only ever matches at a word start.
            let spaced = b.first().is_some_and(|&c| is_word_byte(c));
            let mut string = String::with_capacity(body.len() + 1);
            if spaced {
                string.push(' ');
            }
            string.push_str(body);
            strings.push(string);
            patterns.push(Pattern { spaced, whole: whole_at..open_at, open: open_at..spans.len() });
        }
        // A contiguous NFA by its own type rather than an `AhoCorasick`,
        // which picks its kind at run time and so compiles every kind into
        // the WebAssembly. A DFA scanned no faster here and took three times
        // as long to build, which the web app pays on its first review.
        // Standard matching: every phrase that ends at a byte is reported
        // there, which `scan` needs to read the text in one pass.
        let automaton = NFA::builder()
            // Every spaced phrase starts with a space, which is every sixth
            // byte of prose: a start-byte prefilter would stop at each one.
            .prefilter(false)
            // Nearly every byte steps through the first states (a space,
            // a word's first letters): as direct tables rather than lists
            // searched, they made a long review 3-4% faster. Deeper ones
            // cost build time and memory for nothing measurable.
            .dense_depth(4)
            .build(&strings)
            .expect("the lexicon's phrases build an automaton");
        Lexicon {
            automaton,
            patterns,
            spans,
        }
    }

    /// Every whole-word match of every phrase in `prose` (lowercased text),
    /// sorted by start, then end.
    pub fn scan(&self, prose: &str) -> Vec<Hit> {
        let bytes = prose.as_bytes();
        let automaton = &self.automaton;
        // At each place where phrases start, the longest of them: it carries
        // the cues of the shorter ones. A phrase that starts inside another
        // ("failed over" in "we failed over") has a place of its own.
        // Phrases are reported where they end, so the longest starting at a
        // place is known once the scan is a longest phrase's length past it:
        // until then it waits in a ring (a power of two long, so a place's
        // slot is a mask, not a division).
        let longest_len = automaton.max_pattern_len();
        let ring = longest_len.next_power_of_two();
        // An empty place holds `PatternID::MAX`, which no phrase has (there
        // are a few thousand): a place is then read, and written only when
        // it holds a phrase, where an `Option` was read and written back
        // at every byte.
        let mut longest_at: Vec<PatternID> = vec![PatternID::MAX; ring];
        // Room for a hit per 16 bytes of prose, more than texts have (one
        // per 22 to 28): the list is never copied to grow.
        let mut hits = Vec::with_capacity(prose.len() / 16);
        let mut report = |start: usize, pid: PatternID| {
            let p = &self.patterns[pid.as_usize()];
            // Places count from the space read before the prose: place `k + 1`
            // is byte `k` of `prose`.
            let end = start + automaton.pattern_len(pid) - 1;
            let start = if p.spaced { start } else { start - 1 };
            if end <= start {
                return;
            }
            let word_goes_on = is_word_byte(bytes[end - 1]) && end < bytes.len() && is_word_byte(bytes[end]);
            let mut word_end = end;
            while word_end < bytes.len() && is_word_byte(bytes[word_end]) {
                word_end += 1;
            }
            let cues = &self.spans[if word_goes_on { p.open.clone() } else { p.whole.clone() }];
            for (cue, r) in cues {
                // A prefix phrase that ends the match covers the rest of the word.
                let sub_end = if start + r.end == end { word_end } else { start + r.end };
                insert_in_order(&mut hits, Hit { cue: *cue, prose: start + r.start..sub_end });
            }
        };
        // The prose is read behind one space, with openers read as spaces.
        let start = automaton.start_state(Anchored::No).expect("the lexicon's automaton searches unanchored");
        let mut state = automaton.next_state(Anchored::No, start, b' ');
        for (k, &b) in bytes.iter().enumerate() {
            let at = k + 1;
            state = automaton.next_state(Anchored::No, state, if IS_OPENER[b as usize] { b' ' } else { b });
            if automaton.is_match(state) {
                // Phrases ending here start at distinct places, and each is
                // longer than any found before at its place.
                for i in 0..automaton.match_len(state) {
                    let pid = automaton.match_pattern(state, i);
                    let start = at + 1 - automaton.pattern_len(pid);
                    longest_at[start & (ring - 1)] = pid;
                }
            }
            // No phrase that starts this far back can still end later.
            if let Some(done) = (at + 1).checked_sub(longest_len)
                && longest_at[done & (ring - 1)] != PatternID::MAX
            {
                report(done, std::mem::replace(&mut longest_at[done & (ring - 1)], PatternID::MAX));
            }
        }
        let places = bytes.len() + 1;
        for start in places.saturating_sub(longest_len - 1)..places {
            let pid = std::mem::replace(&mut longest_at[start & (ring - 1)], PatternID::MAX);
            if pid != PatternID::MAX {
                report(start, pid);
            }
        }
        hits
    }
}

/// The distinct phrase bodies as a byte trie, to find every body that
/// starts a string in one walk along it. Looking each of a phrase's
/// substrings up in a hash map instead hashed O(len²) strings per phrase and
/// was most of the lexicon's construction, which the web app pays on its
/// first review. A node's children are a list threaded through the nodes
/// (first child, next sibling), so the trie is one allocation; the root's,
/// a body's first byte, are a table, since walking that list (dozens long)
/// was most of the walk.
struct BodyTrie {
    nodes: Vec<TrieNode>,
    root_children: [u32; 256],
}

struct TrieNode {
    byte: u8,
    /// 0 for none: the root is never anyone's child or sibling. The root's
    /// own children are in `root_children`.
    first_child: u32,
    next_sibling: u32,
    /// The body that ends here.
    body: Option<usize>,
}

impl BodyTrie {
    fn new() -> Self {
        BodyTrie {
            nodes: vec![TrieNode { byte: 0, first_child: 0, next_sibling: 0, body: None }],
            root_children: [0; 256],
        }
    }

    /// The child of `node` along `byte`, or 0.
    fn child(&self, node: usize, byte: u8) -> usize {
        if node == 0 {
            return self.root_children[byte as usize] as usize;
        }
        let mut child = self.nodes[node].first_child as usize;
        while child != 0 && self.nodes[child].byte != byte {
            child = self.nodes[child].next_sibling as usize;
        }
        child
    }

    /// Records `body` as number `id` unless it is there already, and returns
    /// the number it has.
    fn insert(&mut self, body: &str, id: usize) -> usize {
        let mut node = 0;
        for &byte in body.as_bytes() {
            node = match self.child(node, byte) {
                0 => {
                    let child = self.nodes.len() as u32;
                    let first = match node {
                        0 => &mut self.root_children[byte as usize],
                        _ => &mut self.nodes[node].first_child,
                    };
                    let next_sibling = std::mem::replace(first, child);
                    self.nodes.push(TrieNode { byte, first_child: 0, next_sibling, body: None });
                    child as usize
                }
                child => child,
            };
        }
        *self.nodes[node].body.get_or_insert(id)
    }

    /// Every body that `text` starts with, as (its length, its number),
    /// shortest first.
    fn prefixes_of<'a>(&'a self, text: &'a [u8]) -> impl Iterator<Item = (usize, usize)> + 'a {
        let mut node = 0;
        text.iter()
            .enumerate()
            .map_while(move |(k, &byte)| {
                node = self.child(node, byte);
                (node != 0).then(|| self.nodes[node].body.map(|id| (k + 1, id)))
            })
            .flatten()
    }
}

/// Puts a cue found in a phrase in its place in `list`, kept sorted by
/// start, end and cue, unless it is there already. The lists are a few
/// entries long: walking one is cheaper than sorting it afterwards.
fn insert_span(list: &mut Vec<(Cue, Range<usize>)>, cue: Cue, range: Range<usize>) {
    let key = |c: Cue, r: &Range<usize>| (r.start, r.end, c as u8);
    let at = list.partition_point(|(c, r)| key(*c, r) < key(cue, &range));
    if list.get(at).is_none_or(|(c, r)| key(*c, r) != key(cue, &range)) {
        list.insert(at, (cue, range));
    }
}

/// Puts `hit` in its place in `hits`, kept sorted by start, end and cue,
/// unless it is there already (found again inside a later match). Hits come
/// nearly in order, since only a phrase inside one match can start after the
/// next match does, so each is walked into place from the back: sorting
/// the whole list after the scan cost several times as much.
fn insert_in_order(hits: &mut Vec<Hit>, hit: Hit) {
    let key = |h: &Hit| (h.prose.start, h.prose.end, h.cue as u8);
    let mut at = hits.len();
    while at > 0 && key(&hits[at - 1]) > key(&hit) {
        at -= 1;
    }
    if at == 0 || key(&hits[at - 1]) != key(&hit) {
        hits.insert(at, hit);
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_set_iterates_over_the_cues_it_holds_in_order() {
        let mut set = CueSet::default();
        set.insert(Cue::Explanation);
        set.insert(Cue::FirstPerson);
        set.insert(Cue::Apology);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![Cue::FirstPerson, Cue::Apology, Cue::Explanation]);
        assert_eq!(CueSet::default().iter().count(), 0);
    }

    fn cues_in(text: &str) -> Vec<Cue> {
        LEXICON.scan(text).into_iter().map(|h| h.cue).collect()
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(cues_in("we apologize").contains(&Cue::Apology));
        assert!(!cues_in("weather").contains(&Cue::FirstPerson));
        assert!(!cues_in("ourselvesx").contains(&Cue::FirstPerson));
    }

    #[test]
    fn a_star_matches_word_prefixes() {
        assert!(cues_in("our apologies").contains(&Cue::Apology));
        assert!(cues_in("we apologise").contains(&Cue::Apology));
    }

    #[test]
    fn typographic_apostrophes_match() {
        assert!(cues_in("we\u{2019}ve added alerts").contains(&Cue::FirstPerson));
    }

    #[test]
    fn a_long_phrase_also_reports_the_phrases_inside_it() {
        let cues = cues_in("we failed to notice");
        assert!(cues.contains(&Cue::Ownership));
        assert!(cues.contains(&Cue::FirstPerson));
        assert!(cues.contains(&Cue::ImpactWord), "\"failed\" inside \"we failed\"");
    }

    #[test]
    fn a_rejected_long_match_keeps_its_whole_word_parts() {
        // "we will" would be Commitment, but "we willingly" is not "we will".
        let cues = cues_in("we willingly");
        assert!(cues.contains(&Cue::FirstPerson));
        assert!(!cues.contains(&Cue::Commitment));
    }

    #[test]
    fn the_packed_phrases_are_the_table() {
        let unpacked: Vec<(Cue, Vec<&str>)> = PACKED_PHRASES
            .split_terminator('\0')
            .map(|group| {
                let (cue, phrases) = group.split_at(1);
                (Cue::ALL[usize::from(cue.as_bytes()[0] - 1)], phrases.split_terminator('\n').collect())
            })
            .collect();
        let table: Vec<(Cue, Vec<&str>)> = PHRASES.iter().map(|&(cue, phrases)| (cue, phrases.to_vec())).collect();
        assert_eq!(unpacked, table);
    }

    #[test]
    fn every_cue_has_phrases() {
        for cue in Cue::ALL {
            assert!(PHRASES.iter().any(|(c, p)| c == cue && !p.is_empty()), "{cue:?}");
        }
    }
}
