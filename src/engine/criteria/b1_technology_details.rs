//! # B1: Details on the technologies involved
//!
//! **What it checks.** Whether a practitioner could follow the technical
//! story: named systems and how they interact, configuration, versions,
//! commands, queries, metrics. A sentence gives detail when it names a
//! technology together with a detail of it (a setting, a version, a query, a
//! limit, its disk usage) or a measure of it ("30k crates", "90%"), or when
//! it carries a technical identifier (a code span, a snake_case name, a
//! path, a version number); a code block or log weighs double. Words inside
//! links do not count. Four such passages meet it, two are partial, and so
//! is one that states a concrete value (a version, a setting's value, an
//! identifier): versions and settings without how they interacted.
//! Technology named only in passing ("our database", "a DNS change", "our
//! mail server") is missing, and so is technology named only to describe
//! the impact (HTTP status codes, the API that returned errors): sentences
//! under an impact heading do not count, and a number beside an impact word
//! ("the API returned 503 errors") is not a measure of the system.
//! Particular systems named in two passages or more, without a detail of
//! them ("the mail server Hermes", "the new server Athena"), are partial:
//! specific systems with a loose account of how they failed.
//! For the learned model the rule counts detail passages, code blocks,
//! sentences with an identifier, detail passages with a cause or a
//! consequence (how the systems interacted), and particular systems named
//! without a detail.
//!
//! **Why.** Technical readers trust what they can verify, and learn from it.
//!
//! **Passes:** "The nginx ingress (Helm chart v1.35) dropped TLS 1.0, so
//! IE11 clients failed the handshake."
//!
//! **Fails:** "A DNS change made our mail server unreachable."

use crate::engine::criterion::{Criterion, Finding, Guidance, KINDS};
use crate::engine::document::{BlockKind, Document, Hit, Sentence, Topic};
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::{durations, is_technology_named_in, names_a_thing_besides};
use crate::engine::suggest::{after_the_story, quote, where_to_add};

pub struct TechnologyDetails;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::B1,
    name: "Details on the technologies involved",
    advice: "Name the systems involved and how they interacted, with the versions, settings, commands or metrics a practitioner would want.",
    example: "The nginx ingress (Helm chart v1.35) dropped TLS 1.0, so IE11 clients failed the handshake.",
    levels: ["No technology named beyond passing mentions.", "Some technical detail, but thin.", "Concrete technical detail a practitioner can follow."],
    skeleton: "## Technical details\n\n<System> (version <x>) <what it did>, which made <other system> <fail how>. The setting involved was `<config>`.\n",
    kinds: &["detail passages", "code blocks", "identifiers", "details of how systems interacted", "particular systems named"],
};

/// Detail passages (a code block counting two) for met, and for partial.
const MET_SCORE: usize = 4;
const PARTIAL_SCORE: usize = 2;
/// Passages naming a particular system without a detail of it, for partial.
const NAMED_SYSTEMS: usize = 2;

impl Criterion for TechnologyDetails {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let mut counts = [0; KINDS];
        read(doc, &mut counts).counting(counts)
    }
}

/// The rule's verdict, with how many passages of each kind it read
/// (`GUIDANCE.kinds`): how much detail is enough, and whether it says how
/// the systems interacted, is the reviewers' line to draw, not the rule's
/// threshold.
fn read(doc: &Document, counts: &mut [usize; KINDS]) -> Finding {
    // The first sentence of each code block stands for the block.
    let code: Vec<_> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|&(i, s)| {
            doc.block_of(s).kind == BlockKind::Code && (i == 0 || doc.sentences[i - 1].block != s.block)
        })
        .map(|(_, s)| s)
        .collect();
    // Each prose sentence's identifiers and whether it gives detail, read
    // once: four counts and the verdict ask about them.
    let read: Vec<(&Sentence, usize, bool)> =
        doc.prose_sentences().map(|s| (s, s.identifiers, gives_detail(doc, s, s.identifiers))).collect();
    let detailed: Vec<_> = read.iter().filter(|r| r.2).map(|r| r.0).collect();
    counts[0] = detailed.len();
    counts[1] = code.len();
    counts[2] = read
        .iter()
        .filter(|&&(s, ids, _)| doc.topic(s) != Topic::Impact && ids > 0)
        .count();
    // A detail with its cause or consequence: how the systems interacted.
    counts[3] = detailed
        .iter()
        .filter(|s| s.cues.any(&[Cue::Causal, Cue::Consequence, Cue::Explanation]))
        .count();
    // A system named by a name ("the mail server Hermes", "mailgw"),
    // without a detail of it: reviewers call some of these partial, some
    // technology named in passing. A technology's own name ("a DNS
    // change") is technology named in passing.
    let named: Vec<&Sentence> = read
        .iter()
        .filter(|&&(s, _, detail)| {
            doc.topic(s) != Topic::Impact
                && !detail
                && doc.hits_in(s).iter().any(|h| h.cue == Cue::Technology && !in_url(doc, h))
                && names_a_particular_system(doc, s)
        })
        .map(|r| r.0)
        .collect();
    counts[4] = named.len();
    let score = detailed.len() + code.len().min(3) * 2;
    if score >= MET_SCORE {
        return Finding::met(format!("{} passages give technical detail.", detailed.len() + code.len()))
            .citing(detailed.into_iter().chain(code).take(5));
    }
    // One passage that states a concrete value (a version, a setting's
    // value, an identifier) is "versions and settings without how they
    // interacted": thin, but not technology named only in passing.
    let concrete =
        |&(s, ids, detail): &(&Sentence, usize, bool)| detail && (ids > 0 || measures_a_system(s, doc.words(s)));
    // Particular systems named in two passages or more ("the mail server
    // Hermes ... the new server mailgw") are specific systems with a loose
    // account of how they failed, not technology named in passing.
    if score >= PARTIAL_SCORE || read.iter().any(concrete) || named.len() >= NAMED_SYSTEMS {
        let suggestion = detailed.first().map(|s| {
            format!(
                "You give some detail, {}, but not how the systems interacted and failed: add the versions, \
                 settings, commands or metrics a practitioner would check, {} \
                 (\u{201c}The ingress (chart v1.35) dropped TLS 1.0, so older clients failed the handshake.\u{201d}).",
                quote(doc, s),
                where_to_add(doc, &[Topic::Cause, Topic::Analysis], &after_the_story(doc))
            )
        });
        let finding = Finding::partial("Some technical detail, but thin: say how the systems interacted and failed.")
            .citing(detailed.into_iter().chain(code).chain(named).take(3));
        return match suggestion {
            Some(suggestion) => finding.suggesting(suggestion),
            None => finding,
        };
    }
    Finding::missing("No technical detail: technology is named only in passing, if at all.")
}

/// A particular thing named ("the mail server Hermes", "mailgw",
/// "download.example.org"), not only a technology's own name in capitals
/// ("a DNS change", "our PostgreSQL primary"; see
/// [`is_technology_named_in`]): that names the kind of system, which is
/// technology named in passing.
fn names_a_particular_system(doc: &Document, s: &Sentence) -> bool {
    names_a_thing_besides(doc, s, |word| is_technology_named_in(doc, s, word))
}

/// A technology with a detail or a measure of it ("disk usage on the
/// server", "30k crates"), or a technical identifier, outside an account of
/// the impact. `ids` is how many identifiers the sentence holds.
fn gives_detail(doc: &Document, s: &Sentence, ids: usize) -> bool {
    doc.topic(s) != Topic::Impact && (ids > 0 || named_with_detail(doc, s))
}

/// A technology beside a measure of it (not a count of errors users saw,
/// nor how long it lasted),
/// or beside a detail word that is not
/// the technology's own word ("route table" names a system once, not a
/// system and its detail); words inside links do not count.
fn named_with_detail(doc: &Document, s: &Sentence) -> bool {
    if !s.cues.has(Cue::Technology) {
        return false;
    }
    let hits = doc.hits_in(s);
    let mut tech = hits.iter().filter(|h| h.cue == Cue::Technology && !in_url(doc, h));
    let Some(first) = tech.next() else {
        return false;
    };
    if measures_a_system(s, doc.words(s)) {
        return true;
    }
    let second = tech.next();
    let overlaps = |a: &Hit, b: &Hit| a.prose.start < b.prose.end && b.prose.start < a.prose.end;
    hits.iter()
        .filter(|d| d.cue == Cue::TechDetail && !in_url(doc, d))
        .any(|d| !overlaps(first, d) || second.is_some_and(|t| !overlaps(t, d)))
}

/// A measure that is not of the impact: more quantities than spans of time
/// and dates, since how long something lasted ("for 47 minutes"), or its
/// date, measures the incident, not the system. The spans are read only
/// where there is a quantity: most sentences have none.
fn measures_a_system(s: &Sentence, words: &str) -> bool {
    if s.cues.has(Cue::ImpactWord) {
        return false;
    }
    let measures = s.quantities;
    measures > 0 && measures > durations(words)
}

/// Whether a hit lies inside a URL ("https://…/archives/…"): words of a
/// link target are not the text's words.
fn in_url(doc: &Document, h: &Hit) -> bool {
    // Read as bytes: every delimiter is ASCII, which no byte of a longer
    // character can be, and a token has no "://" to search for unless it
    // has a colon.
    let prose = doc.prose.as_bytes();
    let before = &prose[..h.prose.start];
    let start = before.iter().rposition(|&c| c.is_ascii_whitespace() || matches!(c, b'(' | b'[' | b'<')).map_or(0, |i| i + 1);
    let after = &prose[h.prose.end..];
    let end = h.prose.end + after.iter().position(|&c| c.is_ascii_whitespace() || matches!(c, b')' | b']' | b'>')).unwrap_or(after.len());
    let token = &prose[start..end];
    memchr::memchr_iter(b':', token).any(|i| token[i + 1..].starts_with(b"//"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{general, suggestion, verdict, OPENING};
    use crate::engine::{CriterionId::B1, Verdict::*};

    #[test]
    fn the_rule_counts_its_passages_by_kind() {
        let text = "The backend server hit its memory limit, so the database went read-only. \
                    We set `max_connections` higher.\n\n```\nERROR: disk full\n```\n\n\
                    Our mail server was unreachable.";
        let finding = crate::engine::CRITERIA[B1 as usize].review(&crate::engine::Document::parse(text));
        // Detail passages, code blocks, identifiers, details of how systems
        // interacted, particular systems named.
        assert_eq!(finding.counts, [2, 1, 1, 1, 0]);
        let named = "We moved the lists to the mail server Hermes. A DNS change made our mail server unreachable.";
        let finding = crate::engine::CRITERIA[B1 as usize].review(&crate::engine::Document::parse(named));
        // "DNS" is a technology's own name, not a particular system.
        assert_eq!(finding.counts, [0, 0, 0, 0, 1]);
    }

    #[test]
    fn thin_detail_is_quoted_and_asked_how_the_systems_failed() {
        let text = format!(
            "{OPENING}We are sorry: we deployed version 2.4 of the payments service at 14:00 UTC and it broke checkout. \
             We rolled it back at 14:45."
        );
        let advice = suggestion(B1, &text);
        assert!(advice.starts_with("You give some detail, \u{201c}We are sorry: we deployed version 2.4"), "{advice}");
        assert!(advice.contains("in a section of its own after the account of what happened"), "{advice}");
    }

    #[test]
    fn no_technology_gets_the_general_advice() {
        assert_eq!(suggestion(B1, "Logins failed for an hour and we are sorry."), general(B1));
    }

    #[test]
    fn detailed_systems_meet_b1() {
        let text = "The nginx ingress (Helm chart v1.35) dropped TLS 1.0 config support. \
                    IE11 clients then failed the TLS handshake with a timeout. \
                    We changed the ssl-protocols setting in the ingress config map. \
                    The Kubernetes cluster version was 1.16 and its node memory limit was 2GB.";
        assert_eq!(verdict(B1, text), Met);
    }

    #[test]
    fn self_hosted_infrastructure_is_technology() {
        // Each names a system with a measure or a setting of it.
        let text = "The seed host runs FreeBSD 7.2 with 4 GB of swap. \
                    Its ZFS pool keeps 24 hourly snapshots. \
                    The LDAP server allows 30 anonymous binds. \
                    Rsync copies the sites over SSH with a timeout of 300 seconds.";
        assert_eq!(verdict(B1, text), Met);
    }

    #[test]
    fn identifiers_are_detail() {
        let text = "The pipeline uses `KUBE_CTX` to switch clusters. \
                    That does not work for null_resources. Docs live in /opt/docs-rs-prefix/documentations. \
                    We upgraded from v1.24.0.";
        assert_eq!(verdict(B1, text), Met);
    }

    #[test]
    fn one_version_named_without_how_it_failed_is_partial() {
        assert_eq!(verdict(B1, "Overnight we moved the ledger database to PostgreSQL 16.2 and it ran late."), Partial);
    }

    #[test]
    fn one_setting_with_its_values_is_partial() {
        assert_eq!(verdict(B1, "We lowered the cache timeout on the proxy from 600 s to 30 s."), Partial);
    }

    #[test]
    fn a_generic_version_upgrade_with_no_value_is_missing() {
        assert_eq!(verdict(B1, "The window was for a required database version upgrade."), Missing);
    }

    #[test]
    fn technology_in_passing_is_missing() {
        assert_eq!(verdict(B1, "A DNS change made our mail server unreachable."), Missing);
    }

    #[test]
    fn several_systems_named_in_passing_are_still_missing() {
        let text = "A DNS change made our mail server unreachable. The changes propagated through DNS. \
                    Our provider's failure kept our servers from reaching the world.";
        assert_eq!(verdict(B1, text), Missing);
    }

    #[test]
    fn http_status_codes_alone_are_not_tech_detail() {
        let text = "## Impact\n\nThe API returned HTTP 503 responses. Requests to the endpoint timed out.\n";
        assert_eq!(verdict(B1, text), Missing);
    }

    #[test]
    fn status_codes_users_saw_are_not_a_measure_of_the_system() {
        let text = "The API returned 503 errors to users. Then the HTTP endpoint gave 404 errors.";
        assert_eq!(verdict(B1, text), Missing);
    }

    #[test]
    fn one_word_is_not_both_a_system_and_its_detail() {
        assert_eq!(verdict(B1, "The route table was destroyed. The index was rebuilt."), Missing);
    }

    #[test]
    fn a_measure_of_a_system_is_detail() {
        let text = "The crates.io index held 30k crates. Our database grew to 90% of the disk.";
        assert_eq!(verdict(B1, text), Partial);
    }

    #[test]
    fn usage_of_a_system_is_detail() {
        let text = "Disk usage on the server grew to 100% over weeks. We need alerts when the disk reaches 90%.";
        assert_eq!(verdict(B1, text), Partial);
    }

    #[test]
    fn words_inside_links_are_not_detail() {
        let text = "Slack thread: https://example.slack.com/archives/config/server/log\n\nTimeline: https://docs.example.com/db/query\n";
        assert_eq!(verdict(B1, text), Missing);
    }

    #[test]
    fn how_long_a_system_struggled_is_not_a_measure_of_it() {
        let text = "The queue stalled for 40 minutes. The cache stayed cold for 2 hours.";
        assert_eq!(verdict(B1, text), Missing);
    }

    #[test]
    fn a_date_is_not_a_measure_of_a_system() {
        let text = "On 3 March we will move the database to new hardware. On 9 March the old cluster goes away.";
        assert_eq!(verdict(B1, text), Missing);
    }

    #[test]
    fn login_servers_are_named_in_passing() {
        let text = "Our login servers were flooded. Players saw long queues at the login page.";
        assert_eq!(verdict(B1, text), Missing);
    }

    #[test]
    fn health_checks_are_how_a_load_balancer_works() {
        let text = "The load balancer began failing health checks against our web servers. \
                    When a backend fails its health check, the load balancer takes it out of rotation.";
        assert_eq!(verdict(B1, text), Partial);
    }

    #[test]
    fn particular_systems_named_twice_are_partial() {
        let text = "We moved the lists to the mail server Hermes. \
                    The replacement server Athena took over the lists.";
        assert_eq!(verdict(B1, text), Partial);
    }

    #[test]
    fn one_particular_system_named_once_is_in_passing() {
        assert_eq!(verdict(B1, "We moved the lists to the mail server Hermes."), Missing);
    }

    #[test]
    fn a_little_detail_is_partial() {
        let text = "After an upgrade of the Nginx Helm chart to v1.35, support for legacy TLS was dropped. \
                    The Nginx configuration was modified to enable TLSv1.";
        assert_eq!(verdict(B1, text), Partial);
    }
}
