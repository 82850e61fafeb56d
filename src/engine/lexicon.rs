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
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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
    /// "we apologize", "sorry", "our fault".
    Apology,
    /// "we made a mistake", "we failed to", "we should have".
    Ownership,
    /// "we regret any inconvenience", "apologize for any inconvenience".
    NonApology,
    /// "may have", "might have", "potentially".
    Hedge,
    /// "brief", "minor", "a small number of".
    Minimiser,
    /// "we take security seriously", "world-class", "committed to".
    Marketing,
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

    // ---- time (R1) ----
    /// "yesterday", "this morning", "overnight".
    VagueTime,
    /// "started", "began", "first", "detected", "noticed", "since".
    StartWord,
    /// "resolved", "restored", "recovered", "back to normal", "fixed".
    EndWord,
    /// "unknown", "unclear": for "start unknown".
    Unknown,

    // ---- impact (R2) ----
    /// "users", "customers", "developers", "teams".
    Who,
    /// "affected", "impacted", "unable to", "could not", "errors", "down".
    ImpactWord,
    /// "all", "most", "every", "none of", "percent".
    Scope,
    /// "not affected", "no data was", "were unaffected".
    NotAffected,

    // ---- cause (R3, B2) ----
    /// "because", "caused by", "due to", "led to", "as a result".
    Causal,
    /// "root cause", "the cause", "the problem was", "the issue was".
    CauseWord,
    /// "still investigating", "under investigation", "unknown cause".
    Investigating,
    /// "human error", "configuration issue", "network problem".
    CauseClass,
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
    /// Restoring service: "rolled back", "restarted", "reverted".
    Mitigation,
    /// "action item", "follow-up", "todo", "next steps".
    ActionHeading,

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
    Reader,
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
}

const _: () = assert!(Cue::ALL.len() <= 64, "CueSet holds at most 64 cues");

/// Every phrase, by cue.
const PHRASES: &[(Cue, &[&str])] = &[
    (Cue::FirstPerson, &[
        "we", "our", "ours", "us", "i", "my", "me", "we're", "we've", "we'd", "we'll", "i'm",
        "i've", "i'd", "ourselves", "let's",
    ]),
    (Cue::Apology, &[
        "apologi*", "apologies", "sorry", "our fault", "my fault", "we let you down",
        "let our users down", "let you down", "we regret", "deeply regret", "sincerely regret",
        "we are truly sorry",
    ]),
    (Cue::Ownership, &[
        "our mistake", "my mistake", "we made a mistake", "we made mistakes", "we failed",
        "we should have", "i should have", "we did not", "we didn't", "we missed",
        "we overlooked", "we neglected", "we forgot", "we introduced", "we deployed",
        "we accidentally", "we mistakenly", "we inadvertently", "we broke", "we caused",
        "we were not", "we weren't", "our error", "our own", "was our", "we could have",
        "we merged", "we released", "we pushed", "we shipped", "we changed", "we removed",
        "we misconfigured", "we underestimated", "we ran", "we upgraded", "our change",
        "our deploy*", "our configuration", "our code", "human error", "was a mistake",
        "were mistakes", "my error", "i made", "i accidentally", "i mistakenly", "i deployed",
        "i merged", "i ran", "we did", "our fault", "we are responsible", "we take responsibility",
        "we take full responsibility", "we own", "we had not", "we hadn't", "we never",
        "we lacked", "we didn't have", "we did not have", "we were too", "blame",
    ]),
    (Cue::NonApology, &[
        "any inconvenience", "the inconvenience", "inconvenience this may", "inconvenience caused",
        "regret any", "we apologize for any", "we apologise for any", "apologize for any",
        "apologise for any", "sorry for any", "any disruption", "if you were affected",
        "for those affected", "sorry for the trouble",
    ]),
    (Cue::Hedge, &[
        "may have", "might have", "could have been", "potentially", "possibly", "appears to",
        "appeared to", "seems to", "seemed to", "apparently", "it is possible", "likely",
        "may be", "might be", "may experience", "may have experienced", "some users may",
    ]),
    (Cue::Minimiser, &[
        "brief", "briefly", "minor", "a small number", "small number", "a small subset",
        "small subset", "a subset of", "a handful", "a few users", "a few customers",
        "slight", "slightly", "momentary", "momentarily", "limited number", "a limited",
        "a tiny", "only a few", "negligible", "minimal impact", "intermittent", "blip",
        "hiccup", "some users may", "some customers may", "a small percentage",
    ]),
    (Cue::Marketing, &[
        "take security seriously", "takes security seriously", "take reliability seriously",
        "very seriously", "extremely seriously", "world-class", "world class", "best-in-class",
        "industry-leading", "industry leading", "committed to providing", "our commitment",
        "we are committed", "we're committed", "highest standards", "utmost", "top priority",
        "valued customers", "trust is", "paramount", "seamless", "cutting-edge", "robust and",
        "out of an abundance of caution", "abundance of caution",
    ]),
    (Cue::SelfCriticism, &[
        "unacceptabl*", "embarrass*", "took too long", "too long", "not good enough",
        "should not have", "shouldn't have", "should never", "fell short", "we failed",
        "inexcusable", "painful", "mistake", "mistakes", "in hindsight", "we could have",
        "should have", "oversight", "we missed", "not acceptable",
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
        "appropriate measures", "necessary steps", "necessary measures",
    ]),
    (Cue::Channel, &[
        "status page", "statuspage", "status.", "status site", "twitter", "tweet*", "@",
        "mastodon", "bluesky", "blog", "blog post", "mailing list", "newsletter",
        "rss", "subscribe", "email us", "e-mail us", "contact us", "security@", "support@",
        "help@", "discourse", "forum", "zulip", "discord", "gitter", "irc", "github issue",
        "issue tracker", "announcement", "announce", "users.rust-lang.org", "internals",
        "this post", "this page", "follow-up post", "hacker one", "hackerone", "this blog",
        "support channel", "mail", "our website", "reddit",
    ]),
    (Cue::UpdatesVague, &[
        "updates", "update you", "keep you informed", "kept informed", "keep you posted",
        "support team", "contact support", "reach out", "reach us", "let us know",
        "notify", "notified", "communicat*", "informed",
    ]),
    (Cue::InternalTool, &[
        "slack", "pagerduty", "pager duty", "opsgenie", "jira", "confluence", "google doc",
        "docs.google.com", "internal", "incident channel", "slack thread", "pager",
    ]),
    (Cue::VagueTime, &[
        "yesterday", "last night", "late last night", "this morning", "this afternoon",
        "this evening", "overnight", "over night", "earlier today", "today", "recently",
        "the other day", "around lunchtime", "lunchtime", "a little after", "ish",
        "early morning", "late night",
    ]),
    (Cue::StartWord, &[
        "started", "start", "began", "begun", "beginning", "first", "detected", "noticed",
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
    (Cue::Unknown, &["unknown", "unclear", "not known", "not sure", "uncertain"]),
    (Cue::Who, &[
        "user*", "customer*", "developer*", "people", "team*", "client*", "visitor*",
        "contributor*", "maintainer*", "crate owners", "publishers", "subscribers", "tenants",
        "accounts", "organisations", "organizations", "service teams", "everyone", "anyone",
        "applications", "apps", "projects", "sites", "repositories", "crates", "packages",
        "builds", "requests", "launches", "sessions", "downloads",
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
    (Cue::Causal, &[
        "because", "caused by", "cause", "caused", "due to", "led to", "leading to", "lead to",
        "resulted in", "resulting in", "as a result", "result of", "which meant", "this meant",
        "meaning that", "so that", "which caused", "triggered", "this is because", "since the",
        "which led", "therefore", "thus", "which made", "made our", "prevented", "this means",
        "that meant", "due to the", "owing to", "stemmed from", "the reason", "consequently",
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
    ]),
    (Cue::CauseClass, &[
        "human error", "configuration issue", "config issue", "configuration error",
        "configuration change", "network problem", "network issue", "network outage",
        "a bad deploy", "bad deployment", "technical issue", "technical difficulties",
        "processing issue", "hardware failure", "software bug", "an issue with", "a problem with",
        "a failure", "experienced a failure", "dns change",
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
        "will", "we must",
    ]),
    (Cue::Remedy, &[
        "monitoring", "monitor", "alert*", "test*", "runbook*", "playbook*", "process",
        "procedure*", "automat*", "checklist", "documentation", "document", "dashboard*",
        "ci", "check*", "validation", "validate", "lint*", "review*", "guard*", "safeguard*",
        "limit*", "rate limit*", "quota*", "redundan*", "backup*", "failover", "canary",
        "staging", "rollout", "policy", "policies", "training", "audit*", "fix*", "patch*",
        "upgrade*", "branch protection", "2fa", "two-factor", "permissions", "scope*",
        "retention", "timeout", "probe*", "health check", "metrics", "logging", "logs",
        "issue", "pr", "pull request",
    ]),
    (Cue::Lesson, &[
        "learned", "learnt", "lesson*", "takeaway*", "take-away*", "realised", "realized",
        "in hindsight", "taught us", "what went well", "what went wrong", "went well",
        "we were lucky", "lucky", "went poorly", "retrospective",
    ]),
    (Cue::Deferral, &[
        "tbd", "to be determined", "to be decided", "none yet", "n/a", "todo", "coming soon",
        "will follow", "to follow", "not yet decided", "pending",
    ]),
    (Cue::Mitigation, &[
        "rolled back", "roll back", "rollback", "reverted", "revert*", "restarted", "restart*",
        "rebooted", "reboot*", "restored", "restore*", "redeployed", "redeploy*",
        "failed over", "scaled up", "cleared the cache", "recreated", "re-created",
        "manually", "workaround", "hotfix", "temporarily",
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
    ]),
    (Cue::TechDetail, &[
        "config*", "version*", "v1", "v2", "query", "queries", "memory", "cpu", "timeout*",
        "latency", "request*", "response*", "header*", "port", "endpoint*",
        "flag", "parameter*", "setting*", "limit*", "threshold*", "metric*", "graph*",
        "log*", "stack trace", "traceback", "command", "script", "migration*", "schema",
        "index", "table", "column", "connection*", "pool", "thread*", "replica*",
        "disk space", "disk usage", "usage", "partition*", "director*", "filesystem*",
        "file system", "permission*", "annotation*", "quota*",
        "shard*", "partition*", "record*", "ttl", "cache*", "hash*", "checksum*", "key*",
        "secret*", "environment variable*", "env var*", "yaml", "json", "toml", "manifest",
        "bytes", "mb", "gb", "ms", "rps", "qps", "cidr", "route*", "commit", "pr",
    ]),
    (Cue::Responder, &[
        "on-call", "on call", "oncall", "engineer*", "operator*", "admin*", "maintainer*",
        "team member*", "members of the team", "responder*", "incident commander", "sre",
        "someone", "a member", "i ", "developer*", "volunteer*", "staff", "colleague*",
        "backup contact", "primary contact*", "the author of", "team",
        "we notice", "we noticed", "we hear", "we heard", "we discover*", "we found",
        "pings", "pinged", "got paged", "was paged", "were paged", "signs off", "signed off",
        "joins", "joined", "was online", "were online", "awake", "asks", "suggests",
        "confer", "notice", "notices", "contacts", "we note", "we noted", "he", "she", "him",
        "his", "her",
    ]),
    (Cue::Feeling, &[
        "frustrat*", "stress*", "panic*", "scary", "scared", "worried", "worry", "worrying*",
        "confus*", "surpris*", "unfortunately", "sadly", "whammy", "painful", "embarrass*",
        "relieved", "exhausted", "tired", "we kept focusing", "wrong thing", "it seemed",
        "seemed like", "seemed a good", "we were lucky", "where we got lucky", "lucky",
        "luckily", "fortunately", "mysterious", "happy", "excited", "concerned", "proud",
        "nervous", "unsure", "hunch", "freaks out", "oops", "sigh", "ugh", "strange", "weird",
        "unexpected", "hope", "hoping", "great job", "good job", "did a great job",
        "hesitant", "burnout", "red herring*", "spoiler", "coincidence", "one wonders",
        "feels", "feeling is", "we feel", "i believe", "i think", "i feel", "honestly",
        "heavy handed", "heavy-handed", "unceremoniously", "juicy", ":-/", ":-)", "in earnest",
        "paternity", "maternity", "on leave", "vacation", "asleep", "middle of the night",
        "their child", "need more help",
    ]),
    (Cue::Judgement, &[
        "we decided", "decided to", "decide to", "decide this", "the decision", "we chose",
        "chose to", "chose not", "we thought", "thought it", "mistakenly", "we assumed",
        "assumed", "our assumption", "we assume", "misjudg*", "incorrectly assessed",
        "attributed to", "not counted as", "suspect*", "initial suspicion", "believing",
        "we concluded", "we realized", "we realised", "we realize", "realized", "realised",
        "deemed", "forgot", "took a vote", "good enough", "without doing too much",
        "judgement", "judgment", "we wanted",
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
    ]),
    (Cue::Audience, &[
        "others", "other teams", "other projects", "other maintainers", "other open source",
        "other organisations", "other organizations", "other operators", "with other",
        "to other", "for other", "anyone", "anyone running", "anyone using", "everyone else",
        "fellow", "the wider community",
        "if you run", "if you use", "if you're running", "if you are running",
        "if you maintain", "if you operate", "if you rely on",
    ]),
    (Cue::Reader, &[
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
    ]),
];

pub struct Lexicon {
    automaton: AhoCorasick,
    /// For each pattern: its cue and whether it matches a word prefix only.
    patterns: Vec<(Cue, bool)>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(PHRASES));

impl Lexicon {
    fn new(table: &[(Cue, &[&str])]) -> Self {
        let mut strings = Vec::new();
        let mut patterns = Vec::new();
        for &(cue, phrases) in table {
            for phrase in phrases {
                let (body, prefix) = match phrase.strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (*phrase, false),
                };
                strings.push(body.to_string());
                patterns.push((cue, prefix));
                if body.contains('\'') {
                    strings.push(body.replace('\'', "\u{2019}"));
                    patterns.push((cue, prefix));
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&strings)
            .expect("the lexicon's phrases build an automaton");
        Lexicon {
            automaton,
            patterns,
        }
    }

    /// Every whole-word match of every phrase in `prose` (lowercased text).
    pub fn find<'a>(&'a self, prose: &'a str) -> impl Iterator<Item = Hit> + 'a {
        let bytes = prose.as_bytes();
        self.automaton
            .find_overlapping_iter(prose)
            .filter_map(move |m| {
                let (cue, prefix) = self.patterns[m.pattern().as_usize()];
                let first = bytes[m.start()];
                let last = bytes[m.end() - 1];
                // A phrase that starts or ends with punctuation ("@", "status.")
                // carries its own boundary on that side.
                let left_ok = !is_word_byte(first) || m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
                let right_ok = prefix
                    || !is_word_byte(last)
                    || m.end() == bytes.len()
                    || !is_word_byte(bytes[m.end()]);
                (left_ok && right_ok).then(|| Hit {
                    cue,
                    prose: m.start()..m.end(),
                })
            })
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues_in(text: &str) -> Vec<Cue> {
        LEXICON.find(text).map(|h| h.cue).collect()
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
    fn every_cue_has_phrases() {
        for cue in Cue::ALL {
            assert!(PHRASES.iter().any(|(c, p)| c == cue && !p.is_empty()), "{cue:?}");
        }
    }
}
