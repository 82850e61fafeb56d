//! # The incident's timeline
//!
//! **What it reads.** The [`Document`] the engine already built: its
//! sentences with their byte ranges, the section each sits in (a
//! "Timeline" heading, table or list) and, through [`time::walk`], the
//! clock times, timestamps, dates, durations and zones in them. It never
//! parses the Markdown again. Of the front matter kept out of the prose
//! it reads only the fields naming the incident's start and end
//! ("start_time:", "resolvedWhen:"), for moments the text does not tell.
//!
//! **What it finds.** The incident's key moments: when it **began**
//! (impact started, or exposure for a leak), was **detected**, first
//! **responded** to (an action or an escalation), **mitigated** and
//! **resolved**; the other timed events of a timeline, in order; the
//! minutes from the start to detection, mitigation and resolution and the
//! incident's duration; and notes a careful reviewer makes beside R1 (an
//! end before its start, no time zone, a timeline out of order, a stated
//! duration the times contradict, a start that is only when the problem
//! was noticed, a year its written weekday contradicts, a jump in the
//! times that tells a mistyped date).
//!
//! **Why.** Readers of a postmortem look first for how long it took to
//! notice and to fix; the text has the answer spread over a table, a list
//! or its prose.
//!
//! **What it will not guess.** A moment the text does not give is absent,
//! never taken from a neighbour. A duration is given only between two
//! times it can order: both dated or both undated (or one undated when
//! every dated time of the text falls on one day), in one zone or in zones
//! of known offset. A zone given once ("All times UTC", "Time (PST)", or
//! on a timeline's first entry) applies to the timeline after it; a date
//! heading a timeline ("### 2020-02-20") to its entries; an undated time
//! that falls more than twelve hours behind the one before it is past
//! midnight, the next day. No duration spans an implausible gap (whole
//! years between two dates, or a time months from the times told around
//! it): a mistyped date, noted.
//!
//! **Examples.**
//!
//! - "| 14:02 | Errors begin |" under "## Timeline" with "All times UTC":
//!   began at 14:02 UTC.
//! - "We were paged at 2:10 pm PST and rolled back by 3:15 pm PST.":
//!   detected 14:10 PST, mitigated 15:15 PST, 65 minutes apart.
//! - "- 23:50: alerts fire" then "- 00:20: resolved": resolved the next day,
//!   30 minutes later.
//! - "Twenty minutes later we rolled back.": twenty minutes after the event
//!   told before it.
//! - "Late last night logins failed.": no key moment at all.

use super::document::{front_matter, BlockKind, Document, Sentence, Topic};
use super::lexicon::Cue;
use super::time::{self, Found};
use crate::sorting::sort_stably;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Input;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

/// The incident's timeline as the text tells it. Part of the JSON contract
/// (README, "The JSON contract").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// The zone the text gives once for all its times, if it does.
    pub zone: Option<String>,
    /// Timed events, in the order they happened (in the text's order
    /// when some are dated and others not).
    pub events: Vec<Event>,
    pub durations: Durations,
    pub notes: Vec<Note>,
}

/// What an event is to the incident: one of the five key moments (each
/// at most once), or another timed event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Began,
    Detected,
    Responded,
    Mitigated,
    Resolved,
    Other,
}

impl EventKind {
    pub const KEY_MOMENTS: [EventKind; 5] = [Self::Began, Self::Detected, Self::Responded, Self::Mitigated, Self::Resolved];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Began => "began",
            Self::Detected => "detected",
            Self::Responded => "responded",
            Self::Mitigated => "mitigated",
            Self::Resolved => "resolved",
            Self::Other => "other",
        }
    }
}

/// One timed event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    /// The time as the text writes it: "3:15 pm PST", "2020-02-20T21:28Z",
    /// "twenty minutes later".
    pub written: String,
    /// "2024-03-01"; "--03-01" when the year is not given; absent when
    /// the text gives no date for it.
    pub date: Option<String>,
    /// 24-hour "HH:MM".
    pub clock: String,
    /// The zone as written ("UTC", "PST", "+02:00"), its own or the
    /// timeline's; absent when the text gives none.
    pub zone: Option<String>,
    /// Days after the first day of its timeline: 1 past midnight.
    pub day: u16,
    /// Byte range of the event's passage in the text.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Event {
    /// The normalised time for people: "2024-03-01 14:02 UTC", "00:20
    /// (day 2)" past midnight of an undated timeline.
    /// A date without its year reads "14 Mar" ("--03-14" is for machines).
    pub fn when(&self) -> String {
        let mut out = self.date.as_deref().map_or(String::new(), |d| format!("{} ", readable_date(d)));
        out.push_str(&self.clock);
        if let Some(zone) = &self.zone {
            out.push(' ');
            out.push_str(zone);
        }
        if self.date.is_none() && self.day > 0 {
            out.push_str(&format!(" (day {})", self.day + 1));
        }
        out
    }
}

impl Timeline {
    /// The five key moments the text gives, in the order they happened.
    pub fn key_moments(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| e.kind != EventKind::Other)
    }

    /// "detected after 23 min · mitigated after 1 h 12 min · resolved
    /// after 1 h 48 min", with the figures the text allows; `None` when
    /// it allows none.
    pub fn figures(&self) -> Option<String> {
        let d = &self.durations;
        let parts: Vec<String> = [("detected", d.to_detect), ("mitigated", d.to_mitigate), ("resolved", d.to_resolve)]
            .into_iter()
            .filter_map(|(what, m)| m.map(|m| format!("{what} after {}", minutes_as_words(m))))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" \u{b7} "))
    }
}

/// Minutes from the incident's start to each later key moment, and its
/// length; each absent unless both ends are given and can be ordered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Durations {
    pub to_detect: Option<u32>,
    pub to_mitigate: Option<u32>,
    pub to_resolve: Option<u32>,
    /// From began to resolved, by the times.
    pub incident: Option<u32>,
    /// The incident's length as the text states it ("the outage lasted 47
    /// minutes").
    pub stated: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    EndBeforeStart,
    NoZone,
    OutOfOrder,
    DurationContradicts,
    StartIsDetection,
    /// A date's year that its weekday contradicts ("Tue, 31 Dec 2014",
    /// a Wednesday): read in the year the weekday gives.
    WeekdayContradictsYear,
    /// A jump between the times far beyond the rest (a year between two
    /// entries told minutes apart): a date likely mistyped, so no
    /// duration across it.
    ImplausibleGap,
}

/// Something a careful reviewer would point out about the times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    pub message: String,
    /// The passage the note is about, when there is one.
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// Reads the timeline of a parsed document.
pub fn read(doc: &Document) -> Timeline {
    let mut reader = Reader::new(doc);
    reader.front_matter();
    let mut k = 0;
    while k < doc.sentences.len() {
        let s = &doc.sentences[k];
        let heading = matches!(doc.block_of(s).kind, BlockKind::Heading(_));
        // A heading is one line, however its sentences split ("###
        // 19. April, 11:00"); a sentence of an HTML paragraph wrapped over
        // source lines ("starting at⏎about 18:00 UTC") is split only by
        // the wrap: each is read as one. A heading's sentences are counted
        // once per heading: counting the rest of every block from each of
        // its sentences would be quadratic in a long paragraph.
        let joined = if heading { doc.sentences[k..].iter().take_while(|n| n.block == s.block).count() } else { wrapped_lines(doc, k) };
        if joined > 1 {
            let last = &doc.sentences[k + joined - 1];
            let mut whole = s.clone();
            whole.prose = s.prose.start..last.prose.end;
            whole.src = s.src.start..last.src.end;
            for other in &doc.sentences[k + 1..k + joined] {
                other.cues.iter().for_each(|c| whole.cues.insert(c));
            }
            whole.times = time::scan(&doc.prose[whole.prose.clone()]);
            reader.sentence(&whole);
        } else {
            reader.sentence(s);
        }
        k += joined;
    }
    reader.finish()
}

/// Words a time follows: a line ending with one goes on with the time
/// on the next ("began at⏎18:00 UTC").
const TIME_PREPOSITIONS: &[&str] = &["at", "by", "until", "till", "from", "to", "around", "about", "since", "on", "approximately"];

/// How many sentences from the `k`th, in its block, are one sentence
/// wrapped over source lines: the prose of an HTML
/// paragraph keeps its line ends, where the sentences split. A line
/// ending a sentence (".", "!", "?", ":") or followed by one opening with
/// a number (a log or timeline line, "0401 UTC - ...") is a sentence of
/// its own.
fn wrapped_lines(doc: &Document, k: usize) -> usize {
    let mut n = 1;
    while doc.sentences.get(k + n).is_some_and(|next| next.block == doc.sentences[k].block) {
        let (this, next) = (&doc.sentences[k + n - 1], &doc.sentences[k + n]);
        let gap = doc.prose.get(this.prose.end..next.prose.start).unwrap_or(".");
        let wraps = gap.contains('\n')
            && gap.trim().is_empty()
            && !doc.words(this).ends_with(['.', '!', '?', ':'])
            && (!doc.words(next).starts_with(|c: char| c.is_ascii_digit())
                || TIME_PREPOSITIONS.iter().any(|p| doc.words(this).rsplit(' ').next() == Some(p)));
        if !wraps {
            break;
        }
        n += 1;
    }
    n
}

/// A time zone as the events carry it: its name and, when known, its
/// offset from UTC in minutes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Zone {
    name: String,
    offset: Option<i16>,
}

/// A date as days since 1970-01-01, and whether the text gave its year.
type Dated = (i64, bool);

/// An event while the timeline is read, before its kind is settled.
#[derive(Clone, Debug)]
struct Timed {
    /// What it could be, by its words: a set of key-moment bits.
    cues: u32,
    written: Range<usize>,
    passage: Range<usize>,
    /// Minutes after midnight of its day.
    minute: i64,
    /// Days since 1970-01-01 of its date, when the text dates it; the year
    /// may be the text's nearest one.
    date: Option<Dated>,
    /// Days past its date (or its timeline's first day): past midnight.
    day: i64,
    zone: Option<Zone>,
    /// A timeline entry (whose order in the text is the order of events),
    /// not a time told in prose.
    entry: bool,
    /// Its sentence tells what happened, not only a label beside a time
    /// ("Resolved: 2020-08-25 12:11").
    told: bool,
    /// A timeline entry written "1:17", an hour of 1 to 11 with no leading
    /// zero and no am or pm: on a 12-hour clock, the morning or the
    /// afternoon.
    morning_or_afternoon: bool,
}

impl Timed {
    /// Minutes since its timeline's first day or the epoch, in UTC when
    /// the zone's offset is known.
    fn key(&self) -> i64 {
        self.key_on(None)
    }

    /// [`Timed::key`], an undated event taken to fall on `day`.
    fn key_on(&self, day: Option<i64>) -> i64 {
        let days = self.date.map(|(d, _)| d).or(day).unwrap_or(0) + self.day;
        days * 1440 + self.minute - self.zone.as_ref().and_then(|z| z.offset).map_or(0, i64::from)
    }

    /// Minutes from `self` to `later`, when the two can be ordered.
    fn minutes_to(&self, later: &Timed) -> Option<i64> {
        let same_frame = self.date.is_some() == later.date.is_some();
        let zones_agree = match (&self.zone, &later.zone) {
            (Some(a), Some(b)) => a.name == b.name || (a.offset.is_some() && b.offset.is_some()),
            (None, None) => true,
            _ => false,
        };
        (same_frame && zones_agree).then(|| later.key() - self.key())
    }
}

const BEGAN: u32 = 1;
const DETECTED: u32 = 2;
const RESPONDED: u32 = 4;
const MITIGATED: u32 = 8;
const RESOLVED: u32 = 16;
/// Words that tell the problem's own beginning ("errors begin"), which
/// outrank a detection told with it; [`BEGAN`] alone is the problem
/// itself ("errors"), which a detection outranks.
const ONSET: u32 = 32;
/// A repair that need not be the end ("the bug is fixed"): the recovery
/// only when no event tells the service itself recovered.
const REPAIRED: u32 = 64;
/// Words that name the incident's start outright ("start of incident"),
/// which outrank whatever else the event tells ("nodes are cordoned").
const NAMES_START: u32 = 128;
/// Words that make a recovery told after them in the same sentence a
/// belief, a hope, an attempt or its denial, not a recovery ("believing
/// the issue to be resolved", "the leak is not fixed").
const HEDGE: u32 = 256;

/// Hedges that make what follows them in their clause a condition or
/// its consequence, not an event.
const CONDITIONALS: &[&str] = &["if", "would", "will", "might", "should"];

/// Words that contain a key moment's word but tell none ("the incident
/// report"): a match inside one of them is no cue.
const NOT_A_MOMENT: u32 = 512;
/// "Again" after whatever the system does when it works ("the chain
/// synced again", "builds pass again"): a recovery when nothing else in
/// the words tells a problem, an action or a detection ("failed again",
/// "restarted again", "reported again").
const AGAIN: u32 = 1024;
/// "Is back", "came back": the service recovered when nothing in the words
/// tells a problem ("OBS is back" after "restarted Apache"; not "the
/// errors are back").
const BACK: u32 = 2048;
/// Words that make a recovery told after them in the same clause a part
/// of one ("partially resolved", "mostly back to normal"): a mitigation.
const PARTLY: u32 = 4096;
/// The team's planned work ("deployment", "upgrade", "migration"): a
/// start or an end told of it ("started the deployment", "the migration
/// began", "ended the deployment") is the work's, not the incident's.
const WORK: u32 = 8192;
/// Words telling that the action before them in their clause did nothing
/// ("we restarted it, which did not help"): no mitigation.
const FUTILE: u32 = 16384;
/// Verbs that tell a recovery with no object ("the backlog cleared",
/// "writes resumed") and an action or nothing with one ("we cleared the
/// cache", "resumed the rollout").
const SETTLES: u32 = 32768;
/// Words telling a problem easing or ending when the problem is what they
/// are said of ("the errors subsided"), and nothing otherwise; see
/// [`abatement`].
const ABATES: u32 = 65536;
/// Removing what did the harm ("the deletion was performed at 15:34",
/// "the crates were yanked"): a repair when the words tell no problem
/// (not "the accidental deletion caused an outage").
const REMOVES: u32 = 131072;

/// A change the team made, told as done ("we deployed as usual", "ran a
/// deployment", "start of the deployment"): the start when no problem
/// is told before the problem was handled and nothing is told between.
const CHANGE: u32 = 262144;

/// Words telling that their clause says what happens as a rule, not
/// once ("a restart of the job usually resolves the error"): no action
/// and no recovery, before or after them.
const HABITUAL: u32 = 524_288;

/// Verbs of a tool recording a problem ([`TRACKING`]): seen by the one
/// pass over the words, they spare most entries the search for errors
/// tracked ([`errors_tracked`]).
const TRACKS: u32 = 1_048_576;

/// Words telling what an event is to the incident, by key moment. A
/// trailing `*` matches any ending ("investigat*"); otherwise the word
/// ends there.
const MOMENT_WORDS: &[(u32, &[&str])] = &[
    (RESOLVED, &[
        "resolved", "resolves", "resolution", "restored", "recovered", "fully recovered", "back to normal",
        "returned to normal", "returns to normal", "returning to normal", "return to normal", "return to baseline", "normal operation*", "all clear",
        "incident closed", "closed the incident", "incident ended", "incident ends", "end of incident",
        "end of the incident", "end of impact", "end of the outage", "impact ended", "impact ends", "outage ended",
        "outage ends", "ended", "is over", "was over", "fully operational", "operational again", "working again",
        "okay again", "ok again", "fine again", "available again", "reachable again", "accessible again",
        "responsive again", "online again", "normal again", "up again", "service resume*", "services resume*",
        "at baseline", "back online", "back up", "healthy again", "up and running", "stable again",
        "back to baseline", "returned to baseline", "returns to baseline", "returning to baseline", "no further errors", "no more errors", "recovery complete*", "fully functional",
        "goes away", "went away", "gone away", "back to 100", "operating normally", "functioning normally",
        "running normally", "working normally", "behaving normally", "performing normally", "end:", "end time:",
        "incident was closed", "incident is closed", "incident has been closed", "fix worked", "fix works",
        "fix is working", "fix was working", "fix has worked",
        "fix was confirmed", "fix confirmed", "confirmed the fix", "fix was verified", "fix verified", "verified the fix",
        "incident end*", "impact end*", "outage end*", "to an end", "full service returned", "restoring service",
        "restoring the service", "checks passing", "checks pass", "checks are passing", "works as expected", "worked as expected",
        // What the outage left behind caught up ("the search indices are
        // up-to-date" after re-indexing).
        "are up-to-date", "is up-to-date", "were up-to-date", "was up-to-date", "are up to date", "is up to date",
        "were up to date", "was up to date",
    ]),
    (REPAIRED, &["fixed", "solved", "solve the problem", "solve the issue"]),
    (MITIGATED, &[
        "mitigat*", "rolled back", "rolling back", "roll back", "rollback", "revert*", "workaround", "failed over",
        "failover", "fail over", "restart*", "reboot*", "disabled", "scaled up", "scaling up", "hotfix",
        "fix deployed", "deployed a fix", "deployed the fix", "deploys a fix", "fix was deployed", "patched",
        "killed", "kills", "cordon*", "drained", "blocked", "revoked", "rotated", "declining", "decreasing",
        "recovering", "to recover", "improv*", "partially restored", "partial recovery", "stabili*", "rerouted",
        "turned off", "switched off", "paused", "added capacity", "first success*",
        "repaired", "freed", "redeploy*",
        // A load or a backlog easing ([`EASING`]).
        "settle", "settled", "settling",
    ]),
    (RESPONDED, &[
        "investigat*", "acknowledg*", "incident declared", "declared an incident", "declared", "escalat*",
        "pages", "paging", "paged the", "joined", "joins", "engaged", "war room", "incident channel", "bridge",
        "pings", "pinged", "contacted", "decision", "decided", "triag*", "started working", "began working",
        "starts working", "start working on",
        "looking into", "looked into", "incident commander", "assembled", "opened an incident", "filed",
        "incident opened", "incident created",
    ]),
    (DETECTED, &[
        "detected", "detection", "noticed", "notices", "notice", "noticing", "alert*", "paged", "reported", "reports",
        "report", "discovered", "discovers", "identified", "spotted", "observed", "became aware", "notified",
        "flagged", "received", "complain*", "caught", "fired", "reporting", "aware", "detect", "detects", "receives",
        // Someone told of the problem ("BuildOps informed about delayed
        // jobs"), not the team telling others ("we informed users").
        "informed about", "informed of", "was informed", "were informed", "been informed", "got informed",
    ]),
    (NAMES_START, &[
        "start of incident", "start of the incident", "start of the outage", "start of outage", "start of impact",
        "start of the impact", "incident start*", "incident began", "incident begins", "impact start*",
        "impact began", "impact begins", "outage start*", "outage began", "outage begins",
        "beginning of the incident", "beginning of the outage", "beginning of impact", "incident window",
        "impact window", "outage window", "start:", "start time:",
    ]),
    (ONSET, &[
        "began", "begins", "begin", "begun", "started", "starts", "start of", "onset", "first error*",
        "first failure*", "went down", "goes down", "stopped working", "stops", "stopped", "broke", "starting at",
        "starting around", "starting from", "beginning at", "began at",
        // What worked happening for the last time ("a notification was
        // created for the last time"): what fails after it began then.
        "for the last time", "last successful", "last successfully",
    ]),
    (BEGAN, &[
        "broken", "outage", "error*", "fail*", "unavailable", "unreachable", "down", "degrad*", "spike*", "exposed",
        "leaked", "impact*", "timeouts", "timing out", "5xx", "500s", "crash*", "oom*", "slow*", "hung", "drop",
        "drops", "dropped", "dropping", "problem", "problems", "disrupt*", "interrupt*", "unresponsive", "inaccessible",
        "not working", "stuck", "unstable", "corrupt*", "intermittent*", "offline", "compromise*", "experienced",
        "502", "503", "504", "502s", "503s", "504s",
        "experiencing", "elevated", "occur*", "saturat*", "overload*", "exhausted", "halted",
        // The service denied what it does when it works ("Prometheus was
        // not available"): the problem, as "unavailable" is.
        "not available", "not reachable", "not accessible", "not responding", "not responsive", "not loading",
        "not healthy", "not functioning", "no longer available", "no longer reachable", "no longer accessible",
        "no longer responding",
    ]),
    (HEDGE, &[
        "believ*", "seem*", "appear*", "hoping", "hope", "hoped", "thought", "suspect*", "assum*", "probably",
        "might", "will", "would", "should", "expect*", "if", "not", "never", "isn't", "wasn't", "aren't",
        "weren't", "hasn't", "haven't", "didn't", "doesn't", "yet to", "unable to", "failed to", "attempt*",
        "tried", "trying", "try to", "try", "hopefully", "plan to", "plans to", "planning to", "planned to", "intend to",
        "intends to", "we'll", "possibly", "maybe", "perhaps", "may have", "apparently",
        "presumably", "supposedly", "looked like", "looks like", "look like", "looked to be", "looks to be",
        "to confirm", "to verify", "whether", "decided against", "instead of", "rather than",
        "to check", "check that", "checking that", "verify that",
    ]),
    (HABITUAL, &["usually", "often", "typically", "generally", "sometimes"]),
    (PARTLY, &["partially", "partly", "partial", "mostly"]),
    (FUTILE, &[
        "did not help", "didn't help", "didnt help", "did not work", "didn't work", "didnt work", "did not fix",
        "didn't fix", "did not resolve", "didn't resolve", "did not improve", "didn't improve", "to no avail",
        "no improvement", "no difference", "without success", "unsuccessful*", "not successful", "wasn't successful",
    ]),
    (WORK, &[
        "deploy*", "rollout", "roll-out", "rolling out", "roll out", "upgrad*", "migrat*", "maintenance", "release",
        "install*", "updat*", "development", "fix",
        // Moving work off nodes ("new nodes drain started"): the team's.
        "drain", "draining",
    ]),
    (SETTLES, &[
        "resumed", "resumes", "cleared", "clears", "normalized", "normalised", "normalizes", "normalises",
        // The work the outage left done ("builds failed during the
        // outage finished"), but not the team's work
        // ([`settles_nothing`]).
        "finished",
    ]),
    (ABATES, &["ceased", "subsided", "subsiding", "disappeared", "vanished", "fell", "eased", "tapered off", "stop", "gone"]),
    (NOT_A_MOMENT, &[
        "incident report", "status report", "postmortem report", "post-mortem report", "final report",
        "this report", "report card", "dns resolution", "name resolution", "once again", "happen again", "happens again", "happened again",
        "occur again", "occurs again", "occurred again", "recur again", "never again", "again and again",
        // People starting work ("the team started to list the namespaces")
        // tell an action, not the problem's start.
        "we started", "we start", "we began", "team started", "team starts", "team began",
        // The team taking its work up again ("we resumed at 10:00") is no
        // recovery.
        "we resumed", "team resumed",
        // The team telling others ("we notified EMS that they had until
        // 1400UTC") is no detection.
        "we notified", "we have notified", "we had notified",
    ]),
    (AGAIN, &["again"]),
    (CHANGE, &[
        "deployed", "ran a deployment", "ran the deployment", "deployment was done", "deployment finished",
        "deployment completed", "deployment was completed", "rolled out", "upgraded", "migrated",
        "promoted to production", "promoted to the production",
        // The change's start told as an event ("09:49 Start of the
        // deployment" just before "09:50 noticed the deployment failed"):
        // the start words are the team's work, the event the change.
        "start of the deployment", "start of deployment", "started the deployment", "deployment started",
        "deployment began", "start of the upgrade", "started the upgrade", "upgrade started", "upgrade began",
        "start of the migration", "started the migration", "migration started", "migration began",
        "start of the rollout", "started the rollout", "rollout started",
    ]),
    (REMOVES, &["deletion", "deletions", "removal", "yanked"]),
    (TRACKS, TRACKING),
    (BACK, &[
        "is back", "was back", "are back", "were back", "'s back", "is now back", "are now back", "comes back",
        "came back", "coming back",
    ]),
];

/// The automaton over every word of [`MOMENT_WORDS`], each pattern's key
/// moment and whether it must end a word.
static MOMENT_MATCHER: LazyLock<(NFA, Vec<(u32, bool)>)> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut meaning = Vec::new();
    for (moment, list) in MOMENT_WORDS {
        for w in *list {
            let stem = w.strip_suffix('*');
            words.push(stem.unwrap_or(w));
            meaning.push((*moment, stem.is_none()));
        }
    }
    // The lexicon's automaton type and settings, so the WebAssembly
    // compiles one kind of automaton and no prefilter: event words are a
    // few bytes, nothing for a prefilter to skip.
    let matcher = NFA::builder()
        .prefilter(false)
        // Each timeline entry's prose is read through every byte: the
        // first states as direct tables rather than lists searched, as
        // the lexicon's, made the timeline's reading a fifth cheaper.
        .dense_depth(4)
        .build(&words)
        .expect("moment words build an automaton");
    (matcher, meaning)
});

/// The key moments lowercased `words` could tell. A recovery or repair
/// told after a hedge in the same sentence ("hoping the upgrade will fix
/// it") tells nothing, nor does the problem it names. A later word may
/// take back what an earlier one told: an action its clause calls futile
/// ("which did not help"), a problem that eases ("the errors subsided").
fn moment_cues(words: &str) -> u32 {
    let (matcher, meaning) = &*MOMENT_MATCHER;
    let b = words.as_bytes();
    let mut hedge_ends: Option<usize> = None;
    let mut conditional_ends: Option<usize> = None;
    // Actions told after "after" ("after restarting"), with what follows
    // them.
    let mut actions_after: Vec<Range<usize>> = Vec::new();
    let mut partly_ends: Option<usize> = None;
    let mut masked = 0..0;
    let mut hedged_recovery = false;
    let mut tracks = false;
    // What each word told, by where it is.
    let mut told: Vec<(Range<usize>, u32)> = Vec::new();
    // The problems and alerts told so far: what an easing word is said of.
    let mut subjects: Vec<Range<usize>> = Vec::new();
    // Someone's words passed on, in quotation marks (most sentences hold
    // none, and are spared the search).
    let passed_on = if memchr::memchr2(b'"', 0xE2, b).is_some() { passed_on_quotes(words) } else { Vec::new() };
    // Room for a word told every sixteen bytes, twice what the corpus's
    // timelines hold: a long entry's matches are not copied as they grow.
    let mut matches = Vec::with_capacity(words.len() / 16);
    matches.extend(matcher
        .try_find_overlapping_iter(Input::new(words))
        .expect("an overlapping search with the standard match kind never fails")
        .filter(|m| {
            let whole = meaning[m.pattern().as_usize()].1;
            // "apache_org_incident_report_for" is a name, not words.
            let word_byte = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
            let starts_word = m.start() == 0 || !word_byte(b[m.start() - 1]);
            let ends_word = !whole || m.end() == b.len() || !word_byte(b[m.end()]);
            starts_word && ends_word
        }));
    let class = |k: usize| meaning[matches[k].pattern().as_usize()].0;
    for (k, m) in matches.iter().enumerate() {
        let moment = class(k);
        // Matches come by their end: a mask ending with this word comes
        // after it.
        if let Some(mask) = (k..matches.len()).take_while(|&n| matches[n].end() == m.end()).find(|&n| class(n) == NOT_A_MOMENT) {
            masked = matches[mask].range();
        }
        if moment == NOT_A_MOMENT || (masked.start <= m.start() && m.end() <= masked.end) {
            continue;
        }
        match moment {
            HEDGE => {
                hedge_ends = Some(m.end());
                if CONDITIONALS.contains(&&words[m.range()]) {
                    conditional_ends = Some(m.end());
                }
            }
            PARTLY => partly_ends = Some(m.end()),
            TRACKS => tracks = true,
            FUTILE | HABITUAL => {
                if moment == HABITUAL {
                    hedge_ends = Some(m.end());
                }
                let mut clause = words[..m.start()].rfind(['.', '!', '?', '\n', ';']).map_or(0, |i| i + 1);
                // "…all service restarts,⏎but this didn't fix the problem":
                // a clause opening with a word that points back is said of
                // the one before it.
                let opener = words[clause..m.start()].split_whitespace().next().unwrap_or("");
                if matches!(opener, "but" | "which" | "this" | "that" | "it" | "and") {
                    clause = words[..clause.saturating_sub(1)].rfind(['.', '!', '?', '\n', ';']).map_or(0, |i| i + 1);
                }
                told.retain(|(at, cue)| at.start < clause || cue & (MITIGATED | RESOLVED | REPAIRED | AGAIN | BACK | REMOVES) == 0);
            }
            _ => {}
        }
        if matches!(moment, HEDGE | PARTLY | FUTILE | HABITUAL | WORK | TRACKS) {
            continue;
        }
        let in_clause_after = |end: Option<usize>| {
            end.filter(|&h| h <= m.start()).is_some_and(|h| !words[h..m.start()].contains(['.', '!', '?', '\n', ';']))
        };
        let hedged = in_clause_after(hedge_ends);
        let text = &words[m.range()];
        // "'I think the site just went down' shared in the chat": the
        // problem someone's words tell is their report of it, when it was
        // noticed, not its start told outright.
        if moment & (BEGAN | ONSET) != 0 && passed_on.iter().any(|q| q.start <= m.start() && m.end() <= q.end) {
            told.push((m.range(), DETECTED));
            continue;
        }
        // "The errors subsided", "error rates started to drop": the problem
        // told just before eases or ends, and is no start.
        if let Some(eases) = abatement(words, m)
            && let Some(subject) = subjects.last().filter(|s| near_before(words, s.end, m.start(), 3)).cloned() {
                told.retain(|(at, cue)| at.start < subject.start || cue & (BEGAN | ONSET | DETECTED) == 0);
                if hedged {
                    hedged_recovery = true;
                } else {
                    told.push((m.range(), eases));
                }
                continue;
            }
        if moment == ABATES {
            continue;
        }
        // "Started the deployment", "the migration began", "ended the
        // deployment": the team's work, not the incident. "Users started
        // to report errors", "alerts started firing": a detection.
        // "Started keepalived again": a restart, not a start of the problem
        // ("errors started again", "started failing again").
        if moment == ONSET && matches!(text, "started" | "starts" | "start") && started_again(words, m.end()) {
            told.push((m.range(), MITIGATED));
            continue;
        }
        let start_or_end = (moment == ONSET && ["start", "began", "begin", "begun"].iter().any(|v| text.starts_with(v))) || text == "ended";
        if start_or_end && told_of_work_or_detection(words, &matches, &class, k, moment == ONSET) {
            continue;
        }
        // "Synced again at 19:21", not "again attributed to stale
        // cookies": "again" ends what it is said of.
        if moment == AGAIN && object_follows(words, m.end()) {
            continue;
        }
        if moment == SETTLES && settles_nothing(words, &matches, &class, k) {
            continue;
        }
        let partial = in_clause_after(partly_ends);
        let moment = match moment {
            SETTLES if object_follows(words, m.end()) => {
                if text.starts_with("clear") { MITIGATED } else { continue }
            }
            SETTLES => RESOLVED,
            m => m,
        };
        if hedged && moment & (RESOLVED | REPAIRED | AGAIN | BACK | REMOVES) != 0 {
            hedged_recovery = true;
            continue;
        }
        // "Try to restart Apache", "we will roll back": no action yet.
        if hedged && moment == MITIGATED {
            continue;
        }
        // "If we restart the pod, CPU climbs to 100%, then problems
        // begin": how the problem would come, not its start.
        if moment & (BEGAN | ONSET | NAMES_START) != 0 && in_clause_after(conditional_ends) {
            continue;
        }
        if moment == BEGAN && denied(&words[..m.start()]) {
            // "The search is no longer down": the problem ended.
            if no_longer(&words[..m.start()]) {
                told.push((m.range(), RESOLVED));
            }
            continue;
        }
        // "Potential fix for the bug identified", "identified the reason
        // for the longer reload": a finding about the problem, not its
        // detection.
        if moment == DETECTED && finds_a_cause_or_fix(words, m.start(), m.end()) {
            continue;
        }
        // "Errors when accessing pages with comments": web pages, not
        // someone paged.
        if moment == RESPONDED && text == "pages" && !pages_someone(words, m.end()) {
            continue;
        }
        if moment == BEGAN || text.starts_with("alert") {
            subjects.push(m.range());
        }
        // "Checking the failover machine", "the rollback plan": the action's
        // name naming a thing, not the action.
        if moment == MITIGATED && matches!(text, "failover" | "rollback" | "hotfix" | "workaround") && ACTION_THINGS.contains(&next_word(words, m.end())) {
            continue;
        }
        // "A workaround was found in a comment": the action named as
        // found, not yet taken.
        if moment == MITIGATED && matches!(text, "failover" | "rollback" | "hotfix" | "workaround") && named_as_found(words, m.end()) {
            continue;
        }
        // "Begin a rollback", "started to fail over": the action is under
        // way, the impact not yet stopped; a response.
        let moment = if moment == MITIGATED && !EASING.contains(&text) && action_begun(&words[..m.start()]) { RESPONDED } else { moment };
        // "During the installation, Apache gets restarted": a step of the
        // change, not a fix.
        if moment == MITIGATED && during_a_change(&words[..m.start()]) {
            continue;
        }
        if moment == MITIGATED && last_word_before(&words[..m.start()]) == Some("after") {
            actions_after.push(m.range());
        }
        // "Partially restored", "mostly back to normal": a mitigation.
        let moment = if partial && moment & (RESOLVED | AGAIN | BACK) != 0 { MITIGATED } else { moment };
        told.push((m.range(), moment));
    }
    // "After restarting, the application crashed": the problem that
    // follows an action in its sentence shows it stopped nothing.
    for action in actions_after {
        let problem_follows = told.iter().any(|(at, cue)| {
            cue & (BEGAN | ONSET) != 0 && at.start >= action.end && !words[action.end..at.start].contains(['.', '!', '?', '\n'])
        });
        if problem_follows {
            told.retain(|(at, _)| *at != action);
        }
    }
    let all = told.iter().fold(0, |all, (_, cue)| all | cue);
    let mut cues = all & !(AGAIN | BACK | REMOVES);
    if all & AGAIN != 0 && cues & (BEGAN | ONSET | NAMES_START | MITIGATED | RESPONDED | DETECTED) == 0 {
        cues |= RESOLVED;
    }
    if all & BACK != 0 && cues & (BEGAN | ONSET | NAMES_START) == 0 {
        cues |= RESOLVED;
    }
    if all & REMOVES != 0 && cues & (BEGAN | ONSET | NAMES_START) == 0 {
        cues |= REPAIRED;
    }
    // "The outage seems to have been resolved at 00:05": the words tell an
    // uncertain end, not the problem's start.
    if hedged_recovery {
        cues &= !BEGAN;
    }
    if words.contains("issue") && opens_an_issue(words) {
        // "A user filed a GitHub issue": the problem reported, not the
        // team's response, unless other words tell one.
        if told.iter().all(|(at, cue)| *cue != RESPONDED || &words[at.clone()] == "filed") {
            cues &= !RESPONDED;
        }
        cues |= DETECTED;
    }
    // Only words that told a problem and hold a verb of tracking may tell
    // it tracked: most sentences are spared the search.
    if tracks && cues & BEGAN != 0 && cues & ONSET == 0 && errors_tracked(words) {
        cues |= ONSET | DETECTED;
    }
    cues
}

/// Verbs telling someone's words passed on ("shared in the chat",
/// "someone wrote:").
const PASSED_ON: &[&str] = &["shared", "posted", "said", "says", "wrote", "writes", "tweeted", "messaged", "asked", "mentioned", "commented", "replied"];

/// The spans of lowercased `words` inside double quotation marks that a
/// verb of [`PASSED_ON`] tells are someone's words: among the three words
/// after the closing mark ("'… went down' shared in the chat") or the two
/// before the opening one ("someone wrote: '…'"), not a quoted error
/// message ("'Service Unavailable' returned for every request").
fn passed_on_quotes(words: &str) -> Vec<Range<usize>> {
    let said = |w: &str| PASSED_ON.contains(&w.trim_matches(|c: char| !c.is_ascii_alphabetic()));
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in words.char_indices() {
        if !matches!(c, '"' | '\u{201c}' | '\u{201d}') {
            continue;
        }
        let Some(start) = open.take() else {
            open = Some(i + c.len_utf8());
            continue;
        };
        let opening = start - if words[..start].ends_with('"') { 1 } else { 3 };
        let after = &words[i + c.len_utf8()..];
        if after.split_whitespace().take(3).any(said) || words[..opening].split_whitespace().rev().take(2).any(said) {
            spans.push(start..i);
        }
    }
    spans
}

/// Problems an error tracker or a log records (all words of [`BEGAN`]).
const TRACKED_PROBLEMS: &[&str] = &["error", "errors", "crash", "crashes", "failure", "failures", "timeouts"];
/// Verbs of a tool recording a problem.
const TRACKING: &[&str] = &["tracked", "logged", "recorded", "captured"];

/// Whether lowercased `words` tell problems recorded as they happen
/// ("errors tracked on Errbit", "crashes were logged in Sentry"): the
/// problem's start and its detection at once.
fn errors_tracked(words: &str) -> bool {
    // The three words before each, kept as the loop goes, not a list of
    // every word: collecting an entry's words cost a thirtieth of the
    // timeline's reading.
    let mut before: [&str; 3] = [""; 3];
    for (i, w) in words.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).enumerate() {
        if TRACKING.contains(&w) && before.iter().any(|p| TRACKED_PROBLEMS.contains(p)) {
            return true;
        }
        before[i % 3] = w;
    }
    false
}

/// Verbs that open an issue in a tracker.
const ISSUE_OPENED: &[&str] = &["opened", "filed", "raised", "created", "submitted"];

/// Whether lowercased `words` tell an issue opened by someone other than
/// the team, the problem reported: "an issue was opened", "a user filed a
/// GitHub issue", "<…/issues/6850> (downloads redirect to an invalid URL)
/// was opened"; not "we opened an issue upstream", "opened a pull request
/// to fix the issue".
fn opens_an_issue(words: &str) -> bool {
    let is_issue = |w: &str| w.trim_end_matches(['>', ')', ']', '.', ',']).ends_with("issue") || w.contains("/issues/");
    ISSUE_OPENED.iter().any(|verb| {
        words.match_indices(verb).any(|(at, _)| {
            let whole_word = (at == 0 || words.as_bytes()[at - 1] == b' ') && !words[at + verb.len()..].starts_with(|c: char| c.is_alphanumeric());
            // A sentence's end, not the dots of a link ("crates.io").
            let clause_start = words[..at].rfind([';', '\n', '!', '?']).max(words[..at].rfind(". ")).map_or(0, |i| i + 1);
            let clause = &words[clause_start..at];
            if !whole_word || tells_the_teams_doing(clause) {
                return false;
            }
            // The issue before the verb: past "was", "has been", and a
            // parenthesis telling what it is about.
            let mut before = clause.trim_end();
            for aux in [" was", " were", " has been", " had been", " is", " been"] {
                before = before.strip_suffix(aux).unwrap_or(before).trim_end();
            }
            if before.ends_with(')') {
                before = before[..before.rfind('(').unwrap_or(before.len())].trim_end();
            }
            let named_before = before.rsplit(' ').next().is_some_and(is_issue);
            // Or after it, past an article and a tracker's name ("filed a
            // GitHub issue").
            let named_after = words[at + verb.len()..].split_whitespace().take(3).any(is_issue);
            named_before || named_after
        })
    })
}

/// Mitigations that are the load or the backlog easing, not an action:
/// once they start ("traffic started to settle") the impact is reduced,
/// so the start is the mitigation's, neither the problem's nor an action's
/// begun. (Not "level off": a count that should grow levels off when the
/// service is full.)
const EASING: &[&str] = &["settle", "settled", "settling"];

/// Punctuation that ends a clause inside a sentence.
const CLAUSE_PUNCTUATION: [char; 6] = [',', ';', '.', ':', '(', '\n'];

/// The clause `before` ends in: what follows its last clause punctuation.
fn clause_ending(before: &str) -> &str {
    &before[before.rfind(CLAUSE_PUNCTUATION).map_or(0, |i| i + 1)..]
}

/// The clause `after` starts with: what precedes its first clause
/// punctuation.
fn clause_starting(after: &str) -> &str {
    &after[..after.find(CLAUSE_PUNCTUATION).unwrap_or(after.len())]
}

/// What a finding is about when it is not the problem itself.
const FINDINGS: &[&str] = &["cause", "causes", "fix", "fixes", "reason", "reasons", "solution", "culprit", "mistake"];

/// Whether the detection word at `start..end` is said of a cause or a fix:
/// one of [`FINDINGS`] among the four words before it or the three after
/// it, in its clause.
fn finds_a_cause_or_fix(words: &str, start: usize, end: usize) -> bool {
    let before = &words[..start];
    let before = clause_ending(before);
    let after = &words[end..];
    let after = clause_starting(after);
    let is_finding = |w: &str| FINDINGS.contains(&w.trim_matches(|c: char| !c.is_ascii_alphanumeric()));
    before.split_whitespace().rev().take(4).any(is_finding) || after.split_whitespace().take(3).any(is_finding)
}

/// Verbs telling a thing found or put forward, not done.
const FOUND: &[&str] = &["found", "identified", "discovered", "suggested", "proposed"];

/// Whether the words after an action's name, in its clause, tell it found
/// ("a workaround was found", "a rollback is proposed").
fn named_as_found(words: &str, end: usize) -> bool {
    clause_starting(&words[end..]).split_ascii_whitespace().take(3).any(|w| FOUND.contains(&w))
}

/// Things an action's name may name ("the failover machine", "a rollback
/// plan").
const ACTION_THINGS: &[&str] = &[
    "machine", "machines", "server", "servers", "host", "hosts", "node", "nodes", "instance", "instances", "cluster",
    "site", "system", "database", "region", "plan", "plans", "procedure", "procedures", "script", "scripts", "policy",
    "mechanism", "process", "branch", "logic", "path", "target", "configuration", "setup",
];

/// Whether a start word ending at `end` has an object and then "again"
/// ("started keepalived again", "start the workers again").
fn started_again(words: &str, end: usize) -> bool {
    let object = next_word(words, end);
    if object.is_empty() || object == "again" || object == "to" || object.ends_with("ing") {
        return false;
    }
    let rest = &words[end..];
    let clause = clause_starting(rest);
    clause.split_whitespace().take(4).any(|w| w == "again")
}

/// Whether the settling word at `k` is "finished" said of the team's
/// work ("the deployment finished", "migrations finished"), not of what
/// the outage left undone.
fn settles_nothing(words: &str, matches: &[aho_corasick::Match], class: &dyn Fn(usize) -> u32, k: usize) -> bool {
    let m = &matches[k];
    let clause_start = m.start() - clause_ending(&words[..m.start()]).len();
    &words[m.range()] == "finished"
        && (0..matches.len()).any(|n| matches!(class(n), WORK | CHANGE) && (clause_start..m.start()).contains(&matches[n].start()))
}

/// The word before an action in its clause, past any articles ("after
/// the restart": "after").
fn last_word_before(before: &str) -> Option<&str> {
    let clause = clause_ending(before);
    clause.split_whitespace().rev().find(|w| !ARTICLES.contains(w))
}

/// Whether the sentence before an action opens with "during" a change
/// ("during the installation process, our server gets restarted").
fn during_a_change(before: &str) -> bool {
    // Not cut at line ends: an HTML paragraph's prose keeps them.
    let sentence = &before[before.rfind(['.', '!', '?']).map_or(0, |i| i + 1)..];
    sentence.split_whitespace().next() == Some("during") && tells_a_change(sentence)
}

/// Whether the words before an action start it: "begin a", "started
/// to", "initiated the".
fn action_begun(before: &str) -> bool {
    let clause = clause_ending(before);
    clause
        .split_whitespace()
        .rev()
        .find(|w| !ARTICLES.contains(w))
        .is_some_and(|w| matches!(w, "begin" | "began" | "begins" | "beginning" | "start" | "started" | "starts" | "starting") || w.starts_with("initiat"))
}

/// What a word tells when a problem is said to do it: "stopped",
/// "subsided" its end, "dropped", "decreasing" its easing. A stop told
/// with what stopped ("stopped responding") is the problem's start.
fn abatement(words: &str, m: &aho_corasick::Match) -> Option<u32> {
    let text = &words[m.range()];
    // "Pods are failing to stop": what the problem fails to do.
    let before = words[..m.start()].trim_end();
    if ["failing to", "fail to", "fails to", "failed to"].iter().any(|f| before.ends_with(f)) {
        return None;
    }
    match text {
        "stopped" | "stops" | "stop" | "ceased" | "subsided" | "disappeared" | "vanished" => {
            let next = next_word(words, m.end());
            let stops_doing = next.ends_with("ing") && !matches!(next, "appearing" | "occurring" | "happening" | "showing" | "coming" | "firing" | "recurring");
            (!stops_doing).then_some(RESOLVED)
        }
        // "The problem was gone afterward", not "errors had gone up" or
        // "the problem had gone unnoticed".
        "gone" => matches!(next_word(words, m.end()), "" | "afterward" | "afterwards" | "after" | "now" | "at" | "by" | "and" | "once" | "since" | "completely" | "entirely" | "again")
            .then_some(RESOLVED),
        "drop" | "drops" | "dropped" | "dropping" | "fell" | "went down" | "goes down" | "subsiding" | "eased" | "tapered off" => Some(MITIGATED),
        t if t.starts_with("decreas") || t.starts_with("declin") => Some(MITIGATED),
        _ => None,
    }
}

/// The word that starts at or after `at`, past the rest of the word `at`
/// is in; "" at the end of a clause.
fn next_word(words: &str, at: usize) -> &str {
    let rest = words[at..].trim_start_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '\'');
    if rest.starts_with(|c: char| !c.is_whitespace()) {
        return "";
    }
    let rest = rest.trim_start();
    &rest[..rest.find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')).unwrap_or(rest.len())]
}

/// Whether what ends at `from` is at most `most` words before `to`, in
/// the same clause ("error rates started to drop": "error" is two words
/// before "drop").
fn near_before(words: &str, from: usize, to: usize, most: usize) -> bool {
    let gap = &words[from..to];
    let gap = gap.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '\'');
    !gap.contains([',', ';', ':', '!', '?', '\n', '(', ')']) && !gap.contains(". ") && gap.split_whitespace().count() <= most
}

/// Words between a start and the work it starts ("started the
/// deployment", "began to deploy").
const ARTICLES: &[&str] = &["the", "a", "an", "to", "our", "its", "their", "this", "of", "new", "getting"];

/// Whether the start or end word at `k` is said of the team's work
/// ("started the deployment", "the migration began", "ended the
/// deployment") or, for a start, of a detection ("users started to report
/// errors", "alerts started firing").
fn told_of_work_or_detection(words: &str, matches: &[aho_corasick::Match], class: &dyn Fn(usize) -> u32, k: usize, start: bool) -> bool {
    let m = &matches[k];
    let wanted = |n: usize| class(n) == WORK || (start && matches!(class(n), DETECTED | MITIGATED));
    // Matches come by their end: those a few words away are next to it.
    const NEAR: usize = 60;
    let after = (k + 1..matches.len()).take_while(|&n| matches[n].end() <= m.end() + NEAR).filter(|&n| wanted(n) && matches[n].start() >= m.end()).any(|n| {
        let gap = &words[m.end()..matches[n].start()];
        !gap.contains([',', ';', ':', '.', '!', '?', '\n']) && gap.split_whitespace().count() <= 2 && gap.split_whitespace().all(|w| ARTICLES.contains(&w))
    });
    // Before it, with no problem between: "after the upgrade errors began"
    // is the problem's start.
    let near = || (0..k).rev().take_while(|&n| matches[n].end() + NEAR >= m.start());
    let before = start
        && near().filter(|&n| wanted(n) && matches[n].end() <= m.start()).any(|n| {
            let most = if class(n) == WORK { 3 } else { 1 };
            near_before(words, matches[n].end(), m.start(), most)
                && !near().any(|p| class(p) == BEGAN && matches[p].start() >= matches[n].end() && matches[p].end() <= m.start())
        });
    after || before
}

/// Whom a page goes to, the word after "pages" ("pages the on-call",
/// "pages us").
const PAGED: &[&str] = &["the", "us", "me", "him", "her", "them", "our", "my", "someone", "on-call", "oncall"];

/// Whether the "pages" ending at `end` is the verb, someone paged ("pages
/// the on-call", "pages search on-call"), not web pages ("requests
/// pages", "pages with comments").
fn pages_someone(words: &str, end: usize) -> bool {
    PAGED.contains(&next_word(words, end)) || words[end..].split_ascii_whitespace().take(3).any(|w| w.starts_with("on-call") || w.starts_with("oncall"))
}

/// Whether the word ending at `end` goes on to an object or another
/// predicate ("cleared the cache", "again attributed to stale cookies"),
/// not to a time, an adverb or the clause's end ("the backlog cleared at
/// 10:05", "writes resumed shortly after", "synced again.").
fn object_follows(words: &str, end: usize) -> bool {
    const NO_OBJECT: &[&str] = &[
        "", "at", "on", "by", "in", "around", "after", "and", "for", "as", "shortly", "soon", "again", "from", "within",
        "with", "normally", "fully", "completely", "automatically", "immediately", "quickly", "gradually", "once", "when",
        "up", "out", "successfully", "without", "about", "approximately", "before", "following", "over", "across",
        "until", "then", "but", "so", "while", "too", "later", "afterwards", "overnight", "finally",
    ];
    !NO_OBJECT.contains(&next_word(words, end))
}

/// Whether the words just before a problem's word deny it ("no errors",
/// "was not counted as a problem", "without any impact"): a negation
/// among the four words before it, in the same clause.
fn denied(before: &str) -> bool {
    let clause = clause_ending(before);
    clause
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| matches!(w, "not" | "no" | "without" | "never" | "nor") || w.ends_with("n't"))
}

/// Whether the negation before a problem's word is "no longer" ("no
/// longer seeing errors"), which tells its end.
fn no_longer(before: &str) -> bool {
    let clause = clause_ending(before);
    let words: Vec<&str> = clause.split_whitespace().rev().take(4).collect();
    words.windows(2).any(|w| w == ["longer", "no"])
}

/// The one key moment an event's words tell most strongly: its start
/// when they name it, else a recovery over a repair over a fix over a
/// response over a detection over the problem itself ("error rates
/// declining" is a mitigation; "alert acknowledged" a response).
fn strongest(cues: u32) -> Option<u32> {
    [NAMES_START, RESOLVED, REPAIRED, MITIGATED, RESPONDED, ONSET, DETECTED, BEGAN]
        .into_iter()
        .find(|m| cues & m != 0)
        .map(|m| match m {
            NAMES_START | ONSET => BEGAN,
            m => m,
        })
}

/// Words stating the day of every event ("Unless otherwise noted all
/// events happened on 2019-10-21").
const DATE_FOR_ALL: &[&str] = &["all events", "all times", "all the events", "unless otherwise noted", "unless noted otherwise", "all entries"];

/// Words of a heading over the actions the team took, told as they
/// happened.
const ACTIONS_TAKEN: &[&str] = &["actions taken", "steps taken", "action taken", "what we did", "actions we took", "steps we took"];

/// Words that make a sentence a plan, not an event ("we plan to do it
/// Monday starting at 08:00").
const PLANS: &[&str] = &["plan to ", "plans to ", "planning to ", "planned to ", "intend to ", "intends to ", "we'll "];

/// Whether lowercased `words` hold one of [`PLANS`]. Every plan holds
/// "plan", "intend" or "we'll": one pass over their rarer letters ('p',
/// the 'd' ending "intend", the apostrophe) finds whether any is there,
/// where a substring search for each read most sentences three times.
fn says_a_plan(words: &str) -> bool {
    let b = words.as_bytes();
    let sieve = memchr::memchr3_iter(b'p', b'd', b'\'', b).any(|i| match b[i] {
        b'p' => b[i..].starts_with(b"plan"),
        b'd' => i >= 5 && b[i - 5..].starts_with(b"intend"),
        _ => i >= 2 && b[i - 2..].starts_with(b"we'll "),
    });
    sieve && PLANS.iter().any(|p| words.contains(p))
}

/// Whether lowercased `words` hold "time": a pass over its 'm', rarer in
/// prose than a substring search's first bytes, read for each sentence.
fn holds_time(words: &str) -> bool {
    let b = words.as_bytes();
    memchr::memchr_iter(b'm', b).any(|i| i >= 2 && b[i - 2..].starts_with(b"time"))
}

/// Words opening a sentence that tell what it says happened at once after
/// the event told before it.
const AT_ONCE_AFTER: &[&str] = &[
    "right after", "shortly after", "immediately after", "soon after", "just after", "directly after", "moments after",
    "seconds after", "minutes after", "within minutes",
];

/// Whether lowercased `words` tell a change the team made: a deployment,
/// an upgrade, a migration, an install ([`WORK`] words).
fn tells_a_change(words: &str) -> bool {
    let (matcher, meaning) = &*MOMENT_MATCHER;
    let b = words.as_bytes();
    matcher
        .try_find_overlapping_iter(Input::new(words))
        .expect("an overlapping search with the standard match kind never fails")
        .any(|m| meaning[m.pattern().as_usize()].0 == WORK && (m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric()))
}

/// Words that state how long the incident lasted, beside a duration.
const STATED_LENGTH: &[&str] = &[
    "lasted", "lasting", "duration", "downtime", "outage of", "down for", "unavailable for", "for a total of",
    "total of", "for a period of", "impact lasted",
];

/// Words that split a sentence into the clauses its clock times belong to.
const CLAUSE_BREAKS: &[&str] = &[", ", "; ", " and ", " then ", " but ", " while ", " when ", " after ", " before ", " until ", " that "];

/// Phrases that hold a clause break but tell one thing ("up and
/// running").
const UNBROKEN: &[&str] = &["up and running", "back and forth"];

/// Whether the break of `len` bytes at `at` in `words` splits clauses,
/// not one of the [`UNBROKEN`] phrases.
fn breaks_a_clause(words: &str, at: usize, len: usize) -> bool {
    let brk = &words[at..at + len];
    !UNBROKEN.iter().any(|p| {
        p.find(brk)
            .and_then(|o| at.checked_sub(o))
            .and_then(|start| words.get(start..))
            .is_some_and(|rest| rest.starts_with(p))
    })
}

/// Words before "until" that make the time after it the end of the
/// problem, whatever else the sentence names ("the incident, which lasted
/// until 01:27").
const LASTED_UNTIL: &[&str] = &["lasted until", "lasting until", "persisted until", "continued until", "lasted till"];

struct Reader<'d, 't> {
    doc: &'d Document<'t>,
    events: Vec<Timed>,
    /// The zone stated for all times ("all times utc").
    zone_for_all: Option<Zone>,
    /// The zone a timeline stated for its own entries, or its first
    /// entry's.
    timeline_zone: Option<Zone>,
    /// The date a timeline's day heading or last dated entry gives.
    timeline_date: Option<Dated>,
    /// The last year the text gives, for dates without one.
    year: Option<u16>,
    /// The block the last date or zone of prose was in, and those.
    block_context: Option<(usize, Option<Dated>, Option<Zone>)>,
    /// The block's date before the sentence being read gave its own: the
    /// day of a clock time whose sentence dates only another.
    date_before_sentence: Option<(usize, Option<Dated>)>,
    /// Whether the text's slash dates put the day first ("06/04/2023" is
    /// 6 April), when its dates tell.
    slash_day_first: Option<bool>,
    /// A timeline entry's time written without am or pm shows the
    /// timeline keeps a 24-hour clock: past 12 ("13:05"), at 0, or with a
    /// leading zero ("07:30"). The prose around it may keep another.
    twenty_four_hour: bool,
    /// The incident's length as the text states it: minutes, whether
    /// approximate, and the sentence.
    stated: Option<(u32, bool, Range<usize>)>,
    /// The last heading tells the actions taken ("Actions taken", "What
    /// we did"): its follow-up topic is the response as it happened, not
    /// the work to come.
    under_actions_taken: bool,
    /// The text states one day for all its events, which an entry's own
    /// date does not change for the entries after it.
    date_for_all: bool,
    /// The first date whose weekday gave it another year: its passage,
    /// the year written and the year read.
    year_by_weekday: Option<(Range<usize>, u16, u16)>,
    /// The start and end the front matter's fields give.
    fields: Vec<Timed>,
    /// The body's first field dating the incident ([`Reader::date_field`]).
    date_field: Option<Timed>,
    /// The date the body's first date field gives without a clock time:
    /// the day of the undated times.
    date_of_fields: Option<Dated>,
    /// The start and end the body's first field of the incident's window
    /// gives.
    window_field: Option<(Timed, Timed)>,
}

impl<'d, 't> Reader<'d, 't> {
    fn new(doc: &'d Document<'t>) -> Self {
        Reader {
            doc,
            events: Vec::new(),
            zone_for_all: None,
            timeline_zone: None,
            timeline_date: None,
            year: None,
            block_context: None,
            date_before_sentence: None,
            slash_day_first: time::slash_dates_day_first(&doc.prose),
            twenty_four_hour: false,
            stated: None,
            under_actions_taken: false,
            date_for_all: false,
            year_by_weekday: None,
            fields: Vec::new(),
            date_field: None,
            date_of_fields: None,
            window_field: None,
        }
    }

    /// The incident's start and end as a page's front matter gives them,
    /// as status pages keep them ("date: 2022-06-13T08:30:00Z" with
    /// "resolvedWhen: 2022-06-13 11:00:00", "start_time:" and
    /// "end_time:"): a key whose words name a start or an end
    /// ([`front_matter_moment`]), with a date and a clock time. A bare
    /// "date:" is the page's own date unless the front matter gives the
    /// end too. Fields, not told events: they count only for a moment the
    /// text does not tell ([`Reader::finish`]), as the body's own zone
    /// and words are the reader's.
    fn front_matter(&mut self) {
        let text = self.doc.text;
        let meta = front_matter(text);
        // Each field: its line, its value (unquoted) and its key.
        let fields: Vec<(Range<usize>, Range<usize>, &str)> = text[meta.clone()]
            .split_inclusive('\n')
            .scan(meta.start, |at, line| {
                let start = *at;
                *at += line.len();
                Some((start, line))
            })
            .filter_map(|(start, line)| {
                let (key, rest) = line.split_once(':')?;
                let value = rest.trim().trim_matches(['\'', '"']);
                let value_at = start + key.len() + 1 + rest.find(value).unwrap_or(0);
                Some((start..start + line.trim_end().len(), value_at..value_at + value.len(), key.trim()))
            })
            .collect();
        // Each timed field, and whether it is a bare "date:".
        let mut timed: Vec<(Timed, bool)> = Vec::new();
        for (line, value, key) in fields {
            let bare_date = key.eq_ignore_ascii_case("date");
            let Some(moment) = front_matter_moment(key).or(bare_date.then_some(NAMES_START | BEGAN)) else { continue };
            let Some(words) = text.get(value.clone()).map(str::to_ascii_lowercase) else { continue };
            let mut found = Vec::new();
            time::walk(&words, &mut |f| found.push(f));
            let date = self.first_date(&found).filter(|(_, year_given)| *year_given);
            let clock = found.iter().find_map(|f| match f {
                Found::Clock(c) if !c.offset_of_previous && !c.vague => Some(c),
                _ => None,
            });
            let (Some(date), Some(clock)) = (date, clock) else { continue };
            let zone = clock.zone.as_ref().map(|z| zone_as_written(&words[z.at.clone()], z.offset));
            let written_end = clock.zone.as_ref().map_or(clock.at.end, |z| z.at.end.max(clock.at.end));
            let event = Timed {
                cues: moment,
                written: value.start..value.start + written_end,
                passage: line,
                minute: i64::from(clock.minute),
                date: Some(date),
                day: 0,
                zone,
                entry: false,
                told: false,
                morning_or_afternoon: false,
            };
            timed.push((event, bare_date));
        }
        let gives_the_end = timed.iter().any(|(e, _)| e.cues == RESOLVED);
        self.fields = timed.into_iter().filter(|(_, bare_date)| gives_the_end || !bare_date).map(|(e, _)| e).collect();
    }

    fn sentence(&mut self, s: &Sentence) {
        let doc = self.doc;
        let block = doc.block_of(s);
        let topic = topic(doc, s);
        let words = doc.words(s);
        if matches!(block.kind, BlockKind::Heading(_)) {
            // Each holds a 'k' ("taken", "took") or a 'd' ("did"), which
            // most headings lack: looked for first, they spare those a
            // search for each.
            self.under_actions_taken = memchr::memchr2(b'k', b'd', words.as_bytes()).is_some() && ACTIONS_TAKEN.iter().any(|w| words.contains(w));
        }
        if block.kind == BlockKind::Code || (topic == Topic::FollowUp && !self.under_actions_taken) || s.cues.any(&[Cue::StatusPost]) {
            return;
        }
        // A plan is no event; but a timeline entry tells what happened at
        // its time, whatever it says is to come ("10:28 transactions are
        // flowing again and we will discuss fixes"): its hedges keep the
        // plan from counting.
        let timeline = topic == Topic::Timeline;
        let no_clock = s.times.clocks == 0 && s.times.colonless_clocks == 0;
        let four_digits = if no_clock { self.four_digit_entry(s, timeline) } else { None };
        // (The window's second time may be read as a clock of its own when
        // a zone follows it: "1230 (utc)".)
        // The label of the field the sentence may be, read once for a
        // window's four-digit times and for a field dating the incident.
        let field = field_label(words, block.kind);
        let four_digit_window = if s.times.clocks == 0 && four_digits.is_none() { field.and_then(|f| four_digit_window(words, f)) } else { None };
        let no_clock = no_clock && four_digits.is_none() && four_digit_window.is_none();
        // A zone statement may carry the day too ("All times UTC, 14 March").
        let may_state_a_zone = no_clock && (timeline || holds_time(words));
        let timeless = no_clock && s.times.durations == 0 && s.times.dates == 0 && !time::names_a_time_in_words(words);
        // A sentence with no time that states no zone tells the timeline
        // nothing, plan or not: most sentences are spared the search for
        // a plan.
        if timeless && !may_state_a_zone {
            return;
        }
        let planned = s.cues.any(&[Cue::Future]) || says_a_plan(words);
        if planned && (s.times.clocks == 0 || !block_opens_with(doc, s)) {
            // Its year still dates what follows ("what happened on Friday
            // August 28 2009 … a more detailed post will come", then "On
            // August 27th").
            if s.times.dates > 0 {
                time::walk(words, &mut |f| self.keep_year(&f));
            }
            return;
        }
        if may_state_a_zone {
            self.zone_statement(s, timeline);
        }
        if timeless {
            return;
        }
        let mut found = Vec::new();
        if let Some(clock) = four_digits {
            found.push(Found::Clock(clock));
        }
        if let Some((start, end)) = four_digit_window {
            found.push(Found::Clock(start));
            found.push(Found::Clock(end));
            time::walk(words, &mut |f| {
                if !matches!(f, Found::Clock(_)) {
                    found.push(f);
                }
            });
        } else {
            time::walk(words, &mut |f| found.push(f));
        }
        if let Some(day_first) = self.slash_day_first {
            for f in &mut found {
                if let Found::Date(d) = f {
                    time::settle_slash_date(d, words, day_first);
                }
            }
        }
        if found.is_empty() {
            return;
        }
        for f in &mut found {
            if let Found::Date(d) = f
                && let Some(written) = year_by_weekday(d, words, self.year)
            {
                let at = self.doc.src_range(s.prose.start + d.at.start..s.prose.start + d.at.end);
                self.year_by_weekday.get_or_insert((at, written, d.year.unwrap_or(written)));
            }
        }
        dash_joins_a_range(words, &mut found);
        dated_ends_join_a_range(words, &mut found);
        let entry = self.entry_clock(s, &found);
        if planned && entry.is_none() {
            return;
        }
        if entry.is_none() && !timeline && field.is_some_and(|f| self.date_field(s, &found, f)) {
            return;
        }
        self.read_dates(s, &found, timeline, entry.is_some());
        // A loop, not a collected filter chain: collecting one compiles
        // the chain's body twice (the first item, then the rest).
        let mut clocks: Vec<&time::Clock> = Vec::new();
        for f in &found {
            if let Found::Clock(c) = f
                && !c.vague
                && !c.offset_of_previous
                && !dates_the_document(words, &found, c)
                && (!stamps_a_status_post(words, c) || update_tells_the_recovery(words))
            {
                clocks.push(c);
            }
        }
        if clocks.is_empty() {
            if no_clock {
                self.relative(s, &found, entry.is_some() || timeline);
                self.stated_length(s, &found);
            }
            return;
        }
        // What each clock's line tells, when lines of their own hold the
        // sentence's clock times.
        let lines = self.clock_lines(s, &clocks, entry.is_some());
        if let Some(first) = entry.filter(|_| lines.is_none()) {
            // "10:20 We found errors had started at 10:05": the entry's
            // finding dates the problem's start, an event of its own; the
            // entry is the finding.
            let started: Vec<&time::Clock> = clocks
                .iter()
                .filter(|c| c.at.start > first.at.start && !c.joined_to_previous)
                .filter(|c| problem_started_at(words[..before_its_date(words, &found, c)].trim_end()))
                .copied()
                .collect();
            let cues = self.entry_cues(s, first);
            let cues = if started.is_empty() { cues } else { cues & !(BEGAN | ONSET | NAMES_START) };
            self.push(s, &found, first, cues, true, None);
            // A second clock joined to the entry's first as a range ends
            // the window it tells: the end of the problem only when no
            // entry tells the service's recovery.
            if let Some(end) = clocks.iter().position(|c| c.joined_to_previous && c.at.start > first.at.start) {
                self.push(s, &found, clocks[end], if strongest(cues) == Some(BEGAN) { REPAIRED } else { 0 }, true, None);
            }
            for clock in started {
                self.push(s, &found, clock, BEGAN | ONSET, false, None);
            }
            return;
        }
        // "At 14:02 errors began, and twenty minutes later we rolled
        // back": the clause of a time counted from the sentence's one clock
        // time tells another event, at that time plus the duration.
        let later = if lines.is_none() && clocks.len() == 1 { later_clause(words, &found, clocks[0]) } else { None };
        // What the whole sentence tells (before such a clause), the same
        // for each of its clock times; or what each clock's line tells.
        let sentence_cues = match &later {
            Some((cut, _)) => moment_cues(&words[..*cut]),
            None if lines.is_none() => moment_cues(words),
            None => 0,
        };
        let pushed = self.events.len();
        for (k, clock) in clocks.iter().enumerate() {
            let joined_to_next = clocks.get(k + 1).is_some_and(|n| n.joined_to_previous);
            let whole = lines.as_ref().map_or(sentence_cues, |l| moment_cues(&l[k].1));
            // In a timeline's lines, the clock time opening a line is
            // that line's entry.
            let opens_line = entry.is_some() && lines.as_ref().is_some_and(|l| k == 0 || l[k - 1].0 != l[k].0);
            if let Some(line) = lines.as_ref().map(|l| l[k].0.clone()).filter(|_| opens_line) {
                self.push(s, &found, clock, whole, true, Some(line));
                continue;
            }
            // "From 14:02 to 15:30 UTC, logins failed": a window of the
            // problem, its start and its end. So are "pages failed until
            // 15:30" and "unavailable from 02:00 until it was restored at
            // 06:47", whatever else the sentence tells.
            let before = words[..before_its_date(words, &found, clock)].trim_end();
            let after = &words[clock.at.end..clocks.get(k + 1).map_or(words.len(), |n| n.at.start)];
            // "They had until 1400UTC to address the issue": a deadline,
            // not the problem's end.
            let deadline = ["had", "has", "have", "given"].iter().any(|w| before.rsplit(' ').nth(1) == Some(w));
            let ends_window = [" until", " till"].iter().any(|w| before.ends_with(w)) && !deadline;
            let opens_window = before.ends_with(" from") && [" until ", " till "].iter().any(|w| after.contains(w));
            let problem = whole & BEGAN != 0 || LASTED_UNTIL.iter().any(|w| before.ends_with(w));
            // "The database had been saturated since 13:58": the problem's
            // start, whatever else the sentence tells ("investigation
            // showed"), when its own clause names the problem.
            let problem_since = before.ends_with(" since") && problem_started_at(before);
            // "Anyone who downloaded it between 2:30 AM and 4:30 PM UTC
            // should check": a window told in a sentence naming no moment,
            // no change and nothing the team did ("between 11:00 and 11:15
            // we had our standup") is the incident's, its start the
            // problem's and its end a repair (the end when no recovery is
            // told).
            let in_window = joined_to_next || clock.joined_to_previous;
            let untold_window = in_window && lines.is_none() && whole == 0 && !tells_a_change(words) && !tells_the_teams_doing(words);
            let cues = if untold_window && joined_to_next && opens_a_between(before) {
                BEGAN
            } else if untold_window && clock.joined_to_previous && k > 0 && opens_a_between(words[..before_its_date(words, &found, clocks[k - 1])].trim_end()) {
                REPAIRED
            } else if (clock.joined_to_previous && strongest(whole) == Some(BEGAN)) || (ends_window && problem) {
                RESOLVED
            } else if (joined_to_next && strongest(whole) == Some(BEGAN)) || (opens_window && problem) || problem_since {
                BEGAN | ONSET
            } else if lines.is_some() {
                whole
            } else {
                self.clause_cues(words, whole, &clocks, k)
            };
            // "At 09:41 we deployed a new version. Right after the
            // deployment, the application didn't boot": the change's time
            // is the problem's start.
            let cues = if cues & !CHANGE == 0 && clocks.len() == 1 && self.problem_follows_change(s) { BEGAN | ONSET } else { cues };
            if cues != 0 || (timeline && k == 0 && block_opens_with(doc, s)) {
                self.push(s, &found, clock, cues, false, None);
            }
        }
        if let Some((cut, duration)) = later {
            let cues = moment_cues(&words[cut..]);
            if cues == 0 {
                return;
            }
            if self.events.len() == pushed {
                self.push(s, &found, clocks[0], 0, false, None);
            }
            let Some(base) = self.events.last().cloned() else { return };
            let minute = base.minute + i64::from(duration.minutes);
            self.events.push(Timed {
                cues,
                written: doc.src_range(s.prose.start + duration.at.start..s.prose.start + duration.at.end),
                minute: minute % 1440,
                day: base.day + minute / 1440,
                ..base
            });
        }
    }

    /// Whether a sentence tells a change the team made (a deployment, an
    /// upgrade, an install) and the next sentence of its paragraph the
    /// problem starting at once after it ("Shortly after activation,
    /// validators began failing"), not its detection ("shortly after, we
    /// noticed errors").
    fn problem_follows_change(&self, s: &Sentence) -> bool {
        let doc = self.doc;
        let next = doc.sentences.get(doc.sentences.partition_point(|n| n.prose.start < s.prose.end));
        let Some(next) = next.filter(|n| n.block == s.block) else { return false };
        let next_words = doc.words(next);
        AT_ONCE_AFTER.iter().any(|w| next_words.starts_with(w))
            && strongest(moment_cues(next_words)) == Some(BEGAN)
            && tells_a_change(doc.words(s))
    }

    /// The source line of each clock time (its byte range in the text,
    /// and the line lowercased as the prose is: ASCII only, Unicode's case
    /// tables cost the WebAssembly 11 KB gzip), when line breaks put a
    /// sentence's clock times on lines of their own: "**Start:** 10:00 UTC
    /// \n**Detected:** 10:12 UTC" is one paragraph to Markdown but two
    /// fields, each telling one moment. A break is hard (two spaces or a
    /// backslash at a line's end), or, in a timeline `entry` (a paragraph
    /// opening with a clock time), soft before a line that opens with a
    /// number: "14:00 - release rolled out⏎14:06 - latency increases".
    /// A soft break before a field's label ("Start time: 09:00 CST⏎End
    /// time: 10:00 CST", as plain text and status pages write them) is a
    /// field's too. Otherwise a soft break only wraps prose.
    fn clock_lines(&self, s: &Sentence, clocks: &[&time::Clock], entry: bool) -> Option<Vec<(Range<usize>, String)>> {
        let src = &self.doc.text[s.src.clone()];
        if clocks.len() < 2 || !src.contains('\n') {
            return None;
        }
        let opens_with_number = |rest: &str| rest.trim_start_matches([' ', '\t', '-', '*', '>', '|']).starts_with(|c: char| c.is_ascii_digit());
        // A loop, not a collected filter chain: collecting one compiles
        // the chain's body twice (the first item, then the rest).
        let mut breaks: Vec<usize> = Vec::new();
        for (i, _) in src.match_indices('\n') {
            let next = &src[i + 1..];
            if src[..i].ends_with("  ") || src[..i].ends_with('\\') || (entry && opens_with_number(next)) || opens_with_field_label(next) {
                breaks.push(i);
            }
        }
        let line_of = |c: &time::Clock| {
            let at = self.doc.src_range(s.prose.start + c.at.start..s.prose.start + c.at.end).start;
            let at = at.clamp(s.src.start, s.src.end) - s.src.start;
            let start = breaks.iter().rev().find(|&&b| b < at).map_or(0, |b| b + 1);
            let end = breaks.iter().find(|&&b| b >= at).copied().unwrap_or(src.len());
            start..end
        };
        let lines: Vec<Range<usize>> = clocks.iter().map(|c| line_of(c)).collect();
        let first = &lines[0];
        lines.iter().any(|l| l != first).then(|| {
            lines.iter().map(|l| (s.src.start + l.start..s.src.start + l.end, src[l.clone()].to_ascii_lowercase())).collect()
        })
    }

    /// The clock time a timeline entry opens with: "- 14:02 UTC: ...",
    /// "| 2024-03-01 | 14:02 | ...", "### 07:28", "Sep 18, 2019 at 13:54 -".
    fn entry_clock<'f>(&self, s: &Sentence, found: &'f [Found]) -> Option<&'f time::Clock> {
        let doc = self.doc;
        let block = doc.block_of(s);
        let shaped = matches!(
            block.kind,
            BlockKind::Heading(_) | BlockKind::ListItem | BlockKind::TableRow { header: false }
        ) || (block.kind == BlockKind::Paragraph && topic(doc, s) == Topic::Timeline);
        if !shaped || !block_opens_with(doc, s) {
            return None;
        }
        let clock = found.iter().find_map(|f| if let Found::Clock(c) = f { Some(c) } else { None })?;
        // In a timeline section a few words may come first ("Sep 18, 2019
        // at 13:54"); elsewhere only a numeric date may, so that a field
        // such as "| Duration | 09:14 – 10:27 UTC |" is no entry.
        let before = &doc.words(s)[..clock.at.start];
        let lead_ok = if topic(doc, s) == Topic::Timeline {
            before.len() <= 40 && before.split_ascii_whitespace().count() <= 4
        } else {
            !before.bytes().any(|c| c.is_ascii_alphabetic())
        };
        (!clock.vague && lead_ok).then_some(clock)
    }

    /// The clock time of four digits and no colon a timeline entry opens
    /// with ("| 0730 | operator | …" under "All times in UTC"), which the
    /// time walk reads as a time only with a zone after it. Four digits are
    /// a time here only where the context makes them one: under a
    /// timeline heading or a zone stated for the times, in a run of
    /// entries (the block before or after opens with such digits too), not
    /// all of them years ("- 2019: project starts").
    fn four_digit_entry(&self, s: &Sentence, timeline: bool) -> Option<time::Clock> {
        let doc = self.doc;
        let block = doc.block_of(s);
        let shaped = matches!(block.kind, BlockKind::ListItem | BlockKind::TableRow { header: false }) || (block.kind == BlockKind::Paragraph && timeline);
        let context = timeline || self.timeline_zone.is_some() || self.zone_for_all.is_some();
        if !shaped || !context || !block_opens_with(doc, s) {
            return None;
        }
        let clock = time::opening_four_digits(doc.words(s))?;
        let written = |c: &time::Clock| c.minute / 60 * 100 + c.minute % 60;
        let year_like = |c: &time::Clock| (1900..=2099).contains(&written(c));
        let mut run = false;
        for n in [s.block.wrapping_sub(1), s.block + 1] {
            let Some(next) = doc.blocks.get(n).filter(|n| n.kind == block.kind) else { continue };
            if let Some(other) = time::opening_four_digits(&doc.prose[next.prose.clone()]) {
                run |= !year_like(&clock) || !year_like(&other);
            }
        }
        run.then_some(clock)
    }

    /// The prose an entry's words are read from: its block, and for a
    /// heading ("### 07:33") the paragraphs and list items under it ("-
    /// Binder pod is deleted and launches return to normal."), with code
    /// indented into an item, up to the next heading, table or code. A sentence giving a clock time of its
    /// own ends it: "Around 09:50 we deployed. … Around 10:00 we patched
    /// it." tells two events, the patch not at 09:50; so does a list of
    /// timed entries under a day's heading.
    fn entry_prose(&self, s: &Sentence) -> Range<usize> {
        let doc = self.doc;
        let block = doc.block_of(s);
        let mut end = block.prose.end;
        if matches!(block.kind, BlockKind::Heading(_)) {
            // Code indented into a list item is the item's; code of its own
            // ends the entry ("reporting:" and the error's text).
            let in_a_list = |n: &super::document::Block| {
                let line = doc.text[..n.src.start].rfind('\n').map_or(0, |i| i + 1);
                n.src.start > line && doc.text[line..n.src.start].bytes().all(|c| c == b' ' || c == b'\t')
            };
            let under = |n: &&super::document::Block| match n.kind {
                BlockKind::Paragraph | BlockKind::ListItem => true,
                BlockKind::Code => in_a_list(n),
                _ => false,
            };
            for next in doc.blocks[s.block + 1..].iter().take_while(under) {
                end = next.prose.end;
            }
        }
        let later = doc.sentences.partition_point(|n| n.prose.start <= s.prose.start);
        let timed = doc.sentences[later..]
            .iter()
            .take_while(|n| n.prose.start < end)
            .find(|n| n.times.clocks > 0 && !matches!(doc.block_of(n).kind, BlockKind::Heading(_)));
        if let Some(next) = timed {
            end = doc.prose[..next.prose.start].trim_end().len().max(s.prose.end);
        }
        block.prose.start..end
    }

    /// The key moments an entry's words tell. Words naming the incident's
    /// start count only in the entry's first sentence, and only when it
    /// gives no other time ("the logs around the start of the outage
    /// (~13:30) are read" names another moment's start).
    fn entry_cues(&self, s: &Sentence, clock: &time::Clock) -> u32 {
        let prose = &self.doc.prose[self.entry_prose(s)];
        let cues = moment_cues(prose);
        if cues & NAMES_START == 0 {
            return cues;
        }
        let after = (s.prose.start + clock.at.end).saturating_sub(self.entry_prose(s).start).min(prose.len());
        let rest = &prose[after..];
        let first_sentence = &rest[..rest.find(['.', '!', '?']).map_or(rest.len(), |i| i + 1)];
        let mut other_clocks = 0;
        time::walk(first_sentence, &mut |f| other_clocks += usize::from(matches!(f, Found::Clock(_))));
        if other_clocks == 0 && moment_cues(first_sentence) & NAMES_START != 0 { cues } else { cues & !NAMES_START }
    }

    /// The passage an event cites: an entry's block (with the paragraph
    /// under a heading), or the sentence.
    fn passage(&self, s: &Sentence, entry: bool) -> Range<usize> {
        if entry {
            let prose = self.entry_prose(s);
            self.doc.src_range(prose)
        } else {
            s.src.clone()
        }
    }

    /// What the words around the `k`th clock time say: its clause, or,
    /// when the clause is only the time ("At 14:02 UTC, errors began"),
    /// the words up to the next clock time. `whole` is what all the words
    /// tell: the clause's cues when the sentence has one clock time.
    fn clause_cues(&self, words: &str, whole: u32, clocks: &[&time::Clock], k: usize) -> u32 {
        if clocks.len() == 1 {
            return whole;
        }
        let clock = clocks[k];
        let from = if k == 0 { 0 } else { clocks[k - 1].at.end };
        let to = clocks.get(k + 1).map_or(words.len(), |n| n.at.start);
        let breaks = |range: Range<usize>| {
            CLAUSE_BREAKS.iter().flat_map(move |b| {
                words[range.clone()]
                    .match_indices(b)
                    .map(move |(i, _)| (range.start + i, b.len()))
                    .filter(|&(at, len)| breaks_a_clause(words, at, len))
            })
        };
        let left = breaks(from..clock.at.start).map(|(at, len)| at + len).max().unwrap_or(from);
        let right = breaks(clock.at.end..to).map(|(at, _)| at).min().unwrap_or(to);
        match moment_cues(&words[left..right]) {
            0 if words[left..clock.at.start].split_ascii_whitespace().count() <= 2 => moment_cues(&words[clock.at.end..to]),
            cues => cues,
        }
    }

    /// Records the zone a sentence states for every time: "All times
    /// UTC", or a table's "Time (PST)" header.
    fn zone_statement(&mut self, s: &Sentence, timeline: bool) {
        let words = self.doc.words(s);
        let header = matches!(self.doc.block_of(s).kind, BlockKind::TableRow { header: true });
        // Each holds "times", looked for first: most sentences of a
        // timeline are spared a search for each.
        let says_all = words.contains("times")
            && ["all times", "times are", "times in", "times given", "times listed", "times shown"].iter().any(|p| words.contains(p));
        // A table's "Time (UTC)" column gives the zone of its rows, under
        // any heading.
        let time_column = header && words.contains("time");
        if !(says_all || time_column || (timeline && (header || words.split_ascii_whitespace().nth(6).is_none()))) {
            return;
        }
        let Some(zone) = time::zone_named(words) else { return };
        let zone = self.zone(s, &zone);
        if timeline || time_column {
            self.timeline_zone = Some(zone);
        } else if says_all {
            self.zone_for_all = Some(zone);
        }
    }

    fn zone(&self, s: &Sentence, zone: &time::Zone) -> Zone {
        zone_as_written(&self.doc.words(s)[zone.at.clone()], zone.offset)
    }

    /// Keeps the dates a sentence gives: a timeline's day heading dates
    /// the entries under it; a date in prose dates the rest of its
    /// paragraph.
    fn read_dates(&mut self, s: &Sentence, found: &[Found], timeline: bool, entry: bool) {
        for f in found {
            self.keep_year(f);
        }
        let Some(date) = self.first_date(found) else { return };
        let words = self.doc.words(s);
        let heading = matches!(self.doc.block_of(s).kind, BlockKind::Heading(_));
        // "Unless otherwise noted all events happened on 2019-10-21": the
        // day of every entry that gives none; an entry's own date is its
        // alone.
        if !entry && DATE_FOR_ALL.iter().any(|p| words.contains(p)) {
            self.date_for_all = true;
        } else if entry && !heading && self.date_for_all {
            return self.date_paragraph(s, date);
        }
        // A dated heading ("## Feb 22, 07:13") dates the entries under it,
        // under any section.
        if timeline || entry || heading {
            self.timeline_date = Some(date);
        }
        self.date_paragraph(s, date);
    }

    /// The year a date gives, for the dates after it that give none.
    fn keep_year(&mut self, f: &Found) {
        if let Found::Date(time::Date { year: Some(year), .. }) = f {
            self.year = Some(*year);
        }
    }

    /// A date in prose dates the rest of its paragraph.
    fn date_paragraph(&mut self, s: &Sentence, date: Dated) {
        let zone = self.block_context.as_ref().filter(|(b, ..)| *b == s.block).and_then(|(_, _, z)| z.clone());
        self.date_before_sentence = self.block_context.as_ref().map(|(b, d, _)| (*b, *d));
        self.block_context = Some((s.block, Some(date), zone));
    }

    fn first_date(&self, found: &[Found]) -> Option<Dated> {
        found.iter().find_map(|f| match f {
            Found::Date(time::Date { year, month: Some(m), day: Some(d), .. }) => {
                let year = year.or(self.year);
                Some((days_from_civil(i64::from(year.unwrap_or(2000)), i64::from(*m), i64::from(*d)), year.is_some()))
            }
            _ => None,
        })
    }

    /// A field of the body that dates the incident, "**Date:** 13/09/2021
    /// 3am UTC", "Date and time: April 15, 2021 11:05:04 AM UTC", a table's
    /// row "| Date | 2022-04-20 |": with its year and a clock time, it is
    /// when the incident began, as reviewers read it; a field, not a told
    /// event, so it counts only when the text tells no start
    /// ([`Reader::finish`]). With its year and no clock time, it is the
    /// day of the times the text leaves undated ("**Date**: 19.09.2023"
    /// over "10:04 alert fired"). A field giving the incident's window
    /// ("Duration: 14:05 - 15:20 UTC", "| Time | 0730 - 1230 (UTC) |")
    /// gives its start and its end, counted the same way. Whether the
    /// sentence is a field of a clock time.
    fn date_field(&mut self, s: &Sentence, found: &[Found], (label, value_at): (&str, usize)) -> bool {
        let words = self.doc.words(s);
        let value = &words[value_at..];
        // Another field's label after it ("date: 2012-05-29T16:59:09+00:00
        // permalink: …") is a page's metadata run into one line.
        let another_label = value.split_whitespace().any(|w| w.len() > 1 && w.ends_with(':') && w[..w.len() - 1].bytes().all(|b| b.is_ascii_alphabetic()));
        let window = names_a_window(label);
        if !(window || DATE_FIELD_LABELS.contains(&label)) || another_label {
            return false;
        }
        let date = self.first_date(found).filter(|(_, year_given)| *year_given);
        let mut clocks = found.iter().filter_map(|f| match f {
            Found::Clock(c) if !c.vague && !c.offset_of_previous => Some(c),
            _ => None,
        });
        let (Some(clock), end) = (clocks.next(), clocks.next()) else {
            if !window && let Some(date) = date {
                self.date_of_fields.get_or_insert(date);
            }
            return false;
        };
        if window {
            let Some(end) = end.filter(|e| e.joined_to_previous) else { return false };
            let start = self.event(s, found, clock, NAMES_START | BEGAN, false, None);
            let end = self.event(s, found, end, RESOLVED, false, None);
            if self.window_field.is_none() {
                self.window_field = Some((start, end));
            }
            return true;
        }
        if date.is_none() {
            return false;
        }
        // Read as any event is (its date and zone date and zone what
        // follows), but kept aside: the first dates the incident; a later
        // one dates something else ("Upgrade summary").
        let field = self.event(s, found, clock, NAMES_START | BEGAN, false, None);
        self.date_field.get_or_insert(field);
        true
    }

    /// Records an event at a clock time ([`Reader::event`]).
    fn push(&mut self, s: &Sentence, found: &[Found], clock: &time::Clock, cues: u32, entry: bool, line: Option<Range<usize>>) {
        let event = self.event(s, found, clock, cues, entry, line);
        self.events.push(event);
    }

    /// The event at a clock time, with its date and zone as the text
    /// gives them; the date and zone it gives date and zone the times
    /// after it.
    /// `line`: the passage when it is the clock's own line, not its
    /// sentence or entry.
    fn event(&mut self, s: &Sentence, found: &[Found], clock: &time::Clock, cues: u32, entry: bool, line: Option<Range<usize>>) -> Timed {
        let doc = self.doc;
        let timeline = topic(doc, s) == Topic::Timeline || entry;
        // The date in the same sentence, else the paragraph's or the
        // timeline's.
        // A date told right after the clock ("at 16:40 UTC on 5 October")
        // is its own, over an earlier one in the sentence.
        let words = doc.words(s);
        let clock_end = clock.zone.as_ref().map_or(clock.at.end, |z| z.at.end.max(clock.at.end));
        let dates = || found.iter().filter_map(|f| if let Found::Date(d) = f { Some(d) } else { None }).filter(|d| d.day.is_some());
        let date_after = dates().find(|d| {
            d.at.start >= clock_end && matches!(words[clock_end..d.at.start].trim(), "" | "on" | "," | ", on")
        });
        // A date after another clock time is that one's ("by 11:30 PM …,
        // and at 12:15 AM on March 4th"), unless the two are a window's ends
        // ("between 03:10 and 04:25 UTC on 2021-05-04").
        let clock_between = |d: &time::Date| {
            found.iter().any(|f| matches!(f, Found::Clock(c) if c.at.start >= clock_end && c.at.end <= d.at.start && !c.joined_to_previous))
        };
        let own_date = date_after
            .or_else(|| {
                dates()
                    .filter(|d| d.at.start < clock.at.start || !clock_between(d))
                    .min_by_key(|d| (d.at.start > clock.at.start, d.at.start.abs_diff(clock.at.start)))
            })
            .and_then(|d| self.first_date(&[Found::Date(d.clone())]));
        let block_context = self.block_context.clone().filter(|(b, ..)| *b == s.block);
        let block_date = if dates().next().is_some() {
            self.date_before_sentence.filter(|(b, _)| *b == s.block).and_then(|(_, d)| d)
        } else {
            block_context.as_ref().and_then(|(_, d, _)| *d)
        };
        let date = own_date
            .or(block_date)
            .or(if timeline { self.timeline_date } else { None });
        // The zone after this clock, or after another in the sentence ("14:02
        // to 15:30 UTC"), or the paragraph's, the timeline's, the text's.
        let own_zone = clock
            .zone
            .as_ref()
            .or_else(|| found.iter().find_map(|f| if let Found::Clock(c) = f { c.zone.as_ref() } else { None }))
            .map(|z| self.zone(s, z));
        let zone = own_zone
            .clone()
            .or(block_context.and_then(|(_, _, z)| z))
            .or(if timeline { self.timeline_zone.clone() } else { None })
            .or(self.zone_for_all.clone());
        if let Some(z) = &own_zone {
            if timeline && self.timeline_zone.is_none() {
                self.timeline_zone = Some(z.clone());
            }
            self.block_context = Some((s.block, date, Some(z.clone())));
        }
        // "2020-02-20t21:28z": the written time takes in the date before it.
        let date_before = found.iter().find_map(|f| match f {
            Found::Date(d) if d.at.end <= clock.at.start && clock.at.start - d.at.end <= 4 => Some(d.at.start),
            _ => None,
        });
        let written_end = clock.zone.as_ref().map_or(clock.at.end, |z| z.at.end.max(clock.at.end));
        let written_end = if words[written_end..].starts_with(')') && words[..written_end].ends_with(|c: char| c.is_ascii_alphabetic()) && words[clock.at.end..written_end].contains('(') { written_end + 1 } else { written_end };
        let written = s.prose.start + date_before.unwrap_or(clock.at.start)..s.prose.start + written_end;
        let passage = line.unwrap_or_else(|| self.passage(s, entry));
        let as_written = &words[clock.at.clone()];
        let bare = !clock.in_words && !as_written.ends_with(['m', '.']);
        let hour = clock.minute / 60;
        self.twenty_four_hour |= entry && bare && (hour == 0 || hour > 12 || as_written.starts_with('0') || clock.colonless);
        Timed {
            cues,
            written: doc.src_range(written),
            told: tells_more_than_a_label(doc.text.get(passage.clone()).unwrap_or_default()),
            morning_or_afternoon: entry && bare && (1..12).contains(&hour) && !as_written.starts_with('0'),
            passage,
            minute: i64::from(clock.minute),
            date,
            day: 0,
            zone,
            entry,
        }
    }

    /// "Twenty minutes later", "after 2 hours": a time counted from the
    /// event told before it, when there is one.
    fn relative(&mut self, s: &Sentence, found: &[Found], entry: bool) {
        let Some(Found::Duration(d)) = found.iter().find(|f| matches!(f, Found::Duration(d) if d.relative && !d.approx)) else {
            return;
        };
        let Some(base) = self.events.last().cloned() else { return };
        let cues = moment_cues(self.doc.words(s));
        if cues == 0 && !entry {
            return;
        }
        let minute = base.minute + i64::from(d.minutes);
        self.events.push(Timed {
            cues,
            written: self.doc.src_range(s.prose.start + d.at.start..s.prose.start + d.at.end),
            passage: s.src.clone(),
            minute: minute % 1440,
            day: base.day + minute / 1440,
            entry: false,
            told: tells_more_than_a_label(self.doc.text.get(s.src.clone()).unwrap_or_default()),
            morning_or_afternoon: false,
            ..base
        });
    }

    /// "The outage lasted 47 minutes": the incident's length as stated,
    /// the first the text gives.
    fn stated_length(&mut self, s: &Sentence, found: &[Found]) {
        if self.stated.is_some() {
            return;
        }
        // The duration first: most sentences with a time give none, and
        // are spared a search for each of the words.
        let Some(Found::Duration(d)) = found.iter().find(|f| matches!(f, Found::Duration(d) if !d.relative && d.minutes > 0)) else { return };
        let words = self.doc.words(s);
        if STATED_LENGTH.iter().any(|p| words.contains(p)) {
            self.stated = Some((d.minutes, d.approx, s.src.clone()));
        }
    }

    fn finish(mut self) -> Timeline {
        // A timeline's own entries tell its moments; a time in the prose
        // around it ("webhooks were queued until 04:30") counts only for a
        // moment the entries do not give.
        let mut entries: Vec<Timed> = self.events.iter().filter(|e| e.entry).cloned().collect();
        if entries.len() >= 2 {
            if orderable(&entries) {
                sort_stably(&mut entries, |a, b| a.key().cmp(&b.key()));
            }
            let told = moments_told(&entries, self.doc.text);
            self.events.retain(|e| e.entry || moment_of(e).is_some_and(|m| told & m == 0));
        }
        // A body's date field, unless a dated event comes before it: then
        // it is the date of the writing ("Date: Mar 12, 2025, 18:00 UTC"
        // over a story of the week before).
        if let Some(field) = self.date_field.take() {
            let earliest = self.events.iter().filter(|e| e.date.is_some()).map(Timed::key).min();
            if earliest.is_none_or(|first| field.key() <= first) {
                self.fields.push(field);
            }
        }
        if let Some((start, end)) = self.window_field.take() {
            self.fields.push(start);
            self.fields.push(end);
        }
        // The front matter's start and end, for the moments the text does
        // not tell; first, as they come first in the text.
        if !self.fields.is_empty() {
            let mut told_so_far = self.events.clone();
            if orderable(&told_so_far) {
                sort_stably(&mut told_so_far, |a, b| a.key().cmp(&b.key()));
            }
            let told = moments_told(&told_so_far, self.doc.text);
            let fields = std::mem::take(&mut self.fields).into_iter().filter(|f| moment_of(f).is_some_and(|m| told & m == 0));
            self.events.splice(0..0, fields);
        }
        // A date field's day is the day of the undated times, unless a
        // time the text dates falls on another: then the field may be the
        // date of the writing.
        if let Some((field_day, year_given)) = self.date_of_fields
            && self.events.iter().all(|e| e.date.is_none_or(|(d, _)| d == field_day))
        {
            for e in &mut self.events {
                e.date.get_or_insert((field_day, year_given));
            }
        }
        // One zone given anywhere for these times is the zone of them all.
        let mut zones = self.events.iter().filter_map(|e| e.zone.as_ref());
        if let Some(only) = zones.next().filter(|z| zones.all(|other| other.name == z.name)).cloned() {
            for e in &mut self.events {
                e.zone.get_or_insert_with(|| only.clone());
            }
        }
        pass_midnight(&mut self.events, !self.twenty_four_hour);
        let out_of_order = self.out_of_order();
        // When every dated event falls on one day, an undated one is of
        // that day too, for the order of events and the minutes between
        // them ("On 2024-03-01 at 14:02 UTC errors began" over a timeline
        // of bare clock times; dated key-event fields over a story told in
        // bare times).
        let mut days = self.events.iter().filter_map(|e| e.date.map(|(d, _)| d + e.day));
        let one_day = days.next().filter(|d| days.all(|other| other == *d));
        // In the order they happened, when all can be ordered.
        let in_order = orderable(&self.events) || one_day.is_some();
        if in_order {
            sort_stably(&mut self.events, |a, b| a.key_on(one_day).cmp(&b.key_on(one_day)));
        }
        let mut moments = key_moments(&self.events, self.doc.text);
        // "If the text gives only one moment of recovery, it is both
        // mitigated and resolved", as the reviewers' marking instructions
        // say: with no recovery or repair told, the mitigation is the end
        // too, when nothing is told after it. (Not among a timeline's
        // entries above: a recovery told in the prose around them still
        // counts.)
        moments[4] = moments[4].or(moments[3].filter(|&m| m + 1 == self.events.len()));
        let at = |kind: EventKind| {
            let k = EventKind::KEY_MOMENTS.iter().position(|m| *m == kind)?;
            moments[k].map(|i| &self.events[i])
        };
        let on_one_day = |e: &Timed| Timed { date: e.date.or(one_day.map(|d| (d, true))), ..e.clone() };
        let gap = implausible_gap(&self.events, one_day);
        // A duration across an implausible gap counts a mistyped date.
        let across_gap = |a: &Timed, b: &Timed| {
            gap.as_ref().is_some_and(|g| {
                let (a, b) = (a.key_on(one_day), b.key_on(one_day));
                a.min(b) <= g.from && a.max(b) >= g.to
            })
        };
        let between = |from: EventKind, to: EventKind| {
            at(from)
                .zip(at(to))
                .filter(|(a, b)| !across_gap(a, b))
                .and_then(|(a, b)| a.minutes_to(b).or_else(|| on_one_day(a).minutes_to(&on_one_day(b))))
                .and_then(|m| u32::try_from(m).ok())
        };
        let durations = Durations {
            to_detect: between(EventKind::Began, EventKind::Detected),
            to_mitigate: between(EventKind::Began, EventKind::Mitigated),
            to_resolve: between(EventKind::Began, EventKind::Resolved),
            incident: between(EventKind::Began, EventKind::Resolved),
            stated: self.stated.as_ref().map(|(m, ..)| *m),
        };
        let mut notes = Vec::new();
        let text = self.doc.text;
        let note = |kind, message: String, passage: Option<&Range<usize>>| Note {
            kind,
            message,
            start: passage.map(|p| p.start),
            end: passage.map(|p| p.end),
        };
        if let Some(began) = at(EventKind::Began) {
            for end in [EventKind::Mitigated, EventKind::Resolved] {
                if let Some(e) = at(end).filter(|e| began.minutes_to(e).is_some_and(|m| m < 0)) {
                    notes.push(note(
                        NoteKind::EndBeforeStart,
                        format!("It is {} at {} but began at {}: an end before its start.", end.as_str(), clock(e), clock(began)),
                        Some(&e.passage),
                    ));
                    break;
                }
            }
        }
        if !self.events.is_empty() && self.events.iter().all(|e| e.zone.is_none()) {
            notes.push(note(
                NoteKind::NoZone,
                "None of the times gives its time zone: say which, once for the timeline (\u{201c}All times UTC\u{201d}).".into(),
                None,
            ));
        }
        if let Some(e) = out_of_order {
            notes.push(note(
                NoteKind::OutOfOrder,
                format!("The timeline is out of order: {} comes after a later time.", clock(&e)),
                Some(&e.passage),
            ));
        }
        if let Some((passage, written, read)) = &self.year_by_weekday {
            notes.push(note(
                NoteKind::WeekdayContradictsYear,
                format!("The weekday written with {} falls on that day in {read}, not {written}: read as {read}.", &text[passage.clone()]),
                Some(passage),
            ));
        }
        if let Some(g) = &gap {
            let e = &self.events[g.event];
            notes.push(note(
                NoteKind::ImplausibleGap,
                format!(
                    "The times jump {} days at {} {}: a date may be mistyped, so no duration is given across it.",
                    (g.to - g.from) / 1440,
                    e.date.map_or(String::new(), |(d, year_given)| date_string(d + e.day, year_given)),
                    clock(e)
                ),
                Some(&e.passage),
            ));
        }
        if let (Some(computed), Some((stated, approx, passage))) = (durations.incident, &self.stated) {
            let slack = if *approx { stated * 3 / 10 + 5 } else { (stated / 10).max(2) };
            if computed.abs_diff(*stated) > slack {
                notes.push(note(
                    NoteKind::DurationContradicts,
                    format!(
                        "The text says it lasted {}, but its times give {}.",
                        minutes_as_words(*stated),
                        minutes_as_words(computed)
                    ),
                    Some(passage),
                ));
            }
        }
        if let (None, Some(detected)) = (at(EventKind::Began), at(EventKind::Detected)) {
            notes.push(note(
                NoteKind::StartIsDetection,
                "The earliest time given is when the problem was noticed; when it began is not given.".into(),
                Some(&detected.passage),
            ));
        }
        // Days after the first day: a dated event's after the earliest
        // date, an undated one's after its timeline's first day.
        let first_date = self.events.iter().filter_map(|e| e.date.map(|(d, _)| d + e.day)).min().unwrap_or(0);
        let day_of = |e: &Timed| e.date.map_or(0, |(d, _)| d - first_date) + e.day;
        // An event told again at the same time with nothing new ("We were
        // paged at 02:18. At 02:18 the on-call engineer was paged.") is
        // the key moment already listed, not another event.
        let retold = |e: &Timed| {
            e.cues != 0 && moments.iter().flatten().any(|&k| self.events[k].minutes_to(e) == Some(0) && e.cues & !self.events[k].cues == 0)
        };
        // Key moments at one minute are listed in the order they happen,
        // before the other events of that minute: a start told after its
        // detection ("First detected: 16:03" in the key events, "went down
        // approx 16:03" in the prose) comes first.
        let mut order: Vec<usize> = (0..self.events.len()).collect();
        if in_order {
            let rank = |i: usize| (self.events[i].key_on(one_day), moments.iter().position(|m| *m == Some(i)).unwrap_or(moments.len()));
            sort_stably(&mut order, |&a, &b| rank(a).cmp(&rank(b)));
        }
        // An event that is two key moments is listed once for each. (A
        // loop, not a collected chain of iterators: collecting one compiles
        // the chain's body twice, for its first item and for the rest.)
        let mut events = Vec::new();
        for i in order {
            let e = &self.events[i];
            if !moments.contains(&Some(i)) && retold(e) {
                continue;
            }
            let kinds = EventKind::KEY_MOMENTS.into_iter().zip(moments).filter(|(_, m)| *m == Some(i)).map(|(k, _)| k);
            let listed = events.len();
            for kind in kinds.chain([EventKind::Other]) {
                if kind == EventKind::Other && events.len() > listed {
                    break;
                }
                events.push(Event {
                    kind,
                    written: text[e.written.clone()].to_string(),
                    date: e.date.map(|(days, year_given)| date_string(days + e.day, year_given)),
                    clock: clock(e),
                    zone: e.zone.as_ref().map(|z| z.name.clone()),
                    day: u16::try_from(day_of(e)).unwrap_or(0),
                    start: e.passage.start,
                    end: e.passage.end,
                    text: text[e.passage.clone()].to_string(),
                });
            }
        }
        Timeline {
            zone: self.timeline_zone.or(self.zone_for_all).map(|z| z.name),
            events,
            durations,
            notes,
        }
    }

    /// The first timeline entry whose time falls before the entry above
    /// it. An entry at or before the first one of the entries so far
    /// starts them again: a list of key events is often followed by the
    /// detailed timeline ("Key events" … "Resolved 15:51", then "14:22:
    /// the team saw failed logins"), which is no disorder. (A year typed
    /// wrong there is the implausible-gap check's.)
    fn out_of_order(&self) -> Option<Timed> {
        let mut entries = self.events.iter().filter(|e| e.entry);
        let mut first = entries.next()?;
        let mut previous = first;
        for e in entries {
            if previous.minutes_to(e).is_some_and(|m| m < 0) {
                if first.minutes_to(e).is_some_and(|m| m <= 0) {
                    first = e;
                } else {
                    return Some(e.clone());
                }
            }
            previous = e;
        }
        None
    }
}

/// Where the clause of a duration counted from `clock` starts ("…
/// errors began, and twenty minutes later we rolled back": at "twenty"'s
/// clause, " and "), with the duration: a duration written "… later"
/// after the clock time, in a clause of its own.
fn later_clause<'f>(words: &str, found: &'f [Found], clock: &time::Clock) -> Option<(usize, &'f time::Duration)> {
    let duration = found.iter().find_map(|f| match f {
        Found::Duration(d) if d.relative && d.minutes > 0 && d.at.start >= clock.at.end && words[d.at.clone()].ends_with("later") => Some(d),
        _ => None,
    })?;
    let between = clock.at.end..duration.at.start;
    let cut = CLAUSE_BREAKS
        .iter()
        .filter_map(|b| words[between.clone()].rfind(b).map(|i| (between.start + i, b.len())))
        .filter(|&(at, len)| breaks_a_clause(words, at, len))
        .map(|(at, _)| at)
        .max()?;
    Some((cut, duration))
}

/// Whether the words before a clock time tell the problem starting then:
/// "the database had been saturated since", "errors had started at",
/// when their own clause names the problem, not its detection ("users
/// have reported errors since").
fn problem_started_at(before: &str) -> bool {
    const STARTED: &[&str] = &[" since", " started at", " began at", " starting at", " beginning at", " started around", " began around", " starting around", " started from", " starting from"];
    STARTED.iter().any(|w| before.ends_with(w)) && {
        let from = CLAUSE_BREAKS.iter().filter_map(|b| before.rfind(b).map(|i| i + b.len())).max().unwrap_or(0);
        let cues = moment_cues(&before[from..]);
        cues & BEGAN != 0 && strongest(cues) != Some(DETECTED)
    }
}

/// A zone by its lowercased written name: "UTC" for "z" and "utc",
/// an offset as written, else the name in capitals.
fn zone_as_written(written: &str, offset: Option<i16>) -> Zone {
    let name = match written {
        "z" | "utc" => "UTC".to_string(),
        w if w.starts_with(['+', '-']) => w.to_string(),
        w => w.to_ascii_uppercase(),
    };
    Zone { name, offset }
}

/// Words of a front-matter key that name the incident's start or its end.
const FRONT_MATTER_STARTS: &[&str] = &["start", "started", "starts", "begin", "began", "begins", "onset"];
const FRONT_MATTER_ENDS: &[&str] = &["end", "ended", "ends", "resolved", "closed", "recovered", "fixed"];

/// The key moment a front-matter key names by its words ("start_time",
/// "startedAt", "resolvedWhen", "end-time": split at underscores, dashes
/// and capitals): [`NAMES_START`] for a start, [`RESOLVED`] for an end.
fn front_matter_moment(key: &str) -> Option<u32> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in key.chars() {
        if c == '_' || c == '-' || c == ' ' || (c.is_ascii_uppercase() && !word.is_empty()) {
            words.push(std::mem::take(&mut word));
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        }
    }
    words.push(word);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(FRONT_MATTER_STARTS) {
        Some(NAMES_START | BEGAN)
    } else if has(FRONT_MATTER_ENDS) {
        Some(RESOLVED)
    } else {
        None
    }
}

/// Whether lowercased `words` speak of the team in the first person
/// ("we", "our", "us"): what the team did, not what befell the service.
fn tells_the_teams_doing(words: &str) -> bool {
    words.split(|c: char| !c.is_ascii_alphabetic() && c != '\'').any(|w| matches!(w, "we" | "our" | "us" | "we're" | "we've" | "we'd"))
}

/// Whether the words before a clock time end with "between" and at most
/// a day's words ("between monday 18th"), in the same clause.
fn opens_a_between(before: &str) -> bool {
    before.rfind("between").is_some_and(|at| {
        let rest = &before[at + "between".len()..];
        (at == 0 || before.as_bytes()[at - 1] == b' ')
            && (rest.is_empty() || rest.starts_with(' '))
            && !rest.contains([',', ';', ':', '.', '(', ')', '\n'])
            && rest.split_whitespace().count() <= 3
    })
}

/// Where the words before a clock time end once the date told just
/// before it is set aside: "until September 25, 2020, at 03:00" reads as
/// "until 03:00".
fn before_its_date(words: &str, found: &[Found], clock: &time::Clock) -> usize {
    found
        .iter()
        .filter_map(|f| if let Found::Date(d) = f { Some(d) } else { None })
        .filter(|d| d.at.end <= clock.at.start && matches!(words[d.at.end..clock.at.start].trim(), "" | "," | "at" | ", at"))
        .map(|d| {
            let before = words[..d.at.start].trim_end();
            let before = before.strip_suffix(" on").unwrap_or(before);
            before.len()
        })
        .next_back()
        .unwrap_or(clock.at.start)
}

/// "13:30-13:45" is a window, not a time and its UTC offset, as
/// [`time::walk`] reads it (and the verdict features count it): an offset
/// written with a dash follows a full timestamp, one with a date or
/// seconds ("2020-02-20t21:28-07:00", "21:28:00-07:00").
fn dash_joins_a_range(words: &str, found: &mut [Found]) {
    for k in 1..found.len() {
        let dated = k >= 2 && matches!((&found[k - 2], &found[k - 1]), (Found::Date(d), Found::Clock(c)) if c.at.start.checked_sub(d.at.end).is_some_and(|gap| gap <= 1));
        let (before, after) = found.split_at_mut(k);
        let (Found::Clock(first), Found::Clock(second)) = (&mut before[k - 1], &mut after[0]) else { continue };
        let dashed = first.zone.as_ref().is_some_and(|z| z.at.start == first.at.end && words[z.at.clone()].starts_with('-'));
        let timestamp = dated || words[first.at.clone()].matches(':').count() > 1;
        if second.offset_of_previous && dashed && !timestamp {
            first.zone = None;
            second.offset_of_previous = false;
            second.joined_to_previous = true;
        }
    }
}

/// "2026-09-01 06:00 UTC – 2026-09-01 08:47 UTC" is a window too, its
/// second end dated again: a date between two clock times is no word
/// against their range.
fn dated_ends_join_a_range(words: &str, found: &mut [Found]) {
    for k in 2..found.len() {
        let (before, after) = found.split_at_mut(k);
        let (Found::Clock(first), Found::Date(date), Found::Clock(second)) = (&before[k - 2], &before[k - 1], &mut after[0]) else {
            continue;
        };
        let first_end = first.zone.as_ref().map_or(first.at.end, |z| z.at.end.max(first.at.end));
        if second.joined_to_previous || first_end > date.at.start || date.at.end > second.at.start {
            continue;
        }
        // The date written onto the second time ("2026-09-01 08:47",
        // "2026-09-01t08:47"), the connector before the date.
        let date_on_clock = matches!(words[date.at.end..second.at.start].trim(), "" | "t");
        second.joined_to_previous = date_on_clock && time::joins_a_range(&words[first_end..date.at.start]);
    }
}

/// Whether a line opens with a field's label: one to three words and a
/// colon ("End time:", "**Detected:**"), the shape of a header field rather
/// than of wrapped prose.
fn opens_with_field_label(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t', '-', '*', '_', '>', '|']);
    line.split_once(':').is_some_and(|(label, _)| {
        let label = label.trim_end_matches(['*', '_']);
        let words = label.split(' ').count();
        !label.is_empty() && label.len() <= 24 && words <= 3 && label.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ')
    })
}

/// Labels of the document's own date, which no event of the incident
/// has: "date: 2014-05-28t05:16:39+00:00", "published on", "last updated".
const DOCUMENT_DATE_LABELS: &[&str] = &["date:", "published", "published on", "published:", "posted on", "updated:", "last updated", "last updated:", "last modified:", "created:"];

/// Whether a clock time (with the date written onto it) is the
/// document's own date, by the label before it.
fn dates_the_document(words: &str, found: &[Found], clock: &time::Clock) -> bool {
    let start = found
        .iter()
        .find_map(|f| match f {
            Found::Date(d) if d.at.end <= clock.at.start && clock.at.start - d.at.end <= 1 => Some(d.at.start),
            _ => None,
        })
        .unwrap_or(clock.at.start);
    let before = words[..start].trim_end_matches([' ', '\'', '"']);
    DOCUMENT_DATE_LABELS.iter().any(|label| before.ends_with(label))
}

/// Labels of a body field that dates the incident itself ([`Reader::date_field`]).
const DATE_FIELD_LABELS: &[&str] = &["date", "date and time", "date & time"];

/// Labels of a body field that gives the incident's window, its start
/// and its end ([`Reader::date_field`]); so does any label ending in
/// "window" ("Impact window:").
const WINDOW_FIELD_LABELS: &[&str] = &["time", "times", "duration", "window"];

/// The longest label, in bytes, a field is read by: every label of
/// [`DATE_FIELD_LABELS`] and [`WINDOW_FIELD_LABELS`] with a zone after it
/// ("date and time (in utc)") and marks around it fits; a colon further on
/// is prose's. Read for every sentence with no clock time, the search for
/// the colon stops there.
const LONGEST_LABEL: usize = 40;

/// A field's label and where its value starts in a sentence's words:
/// "**Date**: 19.09.2023", "- Duration: 14:05 - 15:20", a table's row
/// "| Time | 0730 - 1230 (UTC) |". A zone in parentheses after the label
/// ("Date and time (in UTC):", "Time (UTC)") is the value's, not the
/// label's; another note there may change what the label names ("Date
/// (published)").
fn field_label(words: &str, kind: BlockKind) -> Option<(&str, usize)> {
    let row = matches!(kind, BlockKind::TableRow { header: false });
    let field = words.trim_start_matches([' ', '-', '*', '_', '>', '|']);
    let opened = words.len() - field.len();
    let head = &field.as_bytes()[..field.len().min(LONGEST_LABEL)];
    let colon = memchr::memchr(b':', head).filter(|&at| !row || !head[..at].contains(&b'|'));
    let at = colon.or_else(|| if row { memchr::memchr(b'|', head) } else { None })?;
    let label = field[..at].trim_end_matches(['*', '_', ' ']);
    let zoned = label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")).filter(|(_, zone)| time::zone_named(zone).is_some());
    let label = zoned.map_or(label, |(l, _)| l.trim_end_matches(['*', '_']));
    Some((label, opened + at + 1))
}

/// Whether a field's label names the incident's window.
fn names_a_window(label: &str) -> bool {
    WINDOW_FIELD_LABELS.contains(&label) || label.ends_with(" window")
}

/// The start and end of a window field written in four-digit times
/// ("| Time | 0730 - 1230 (UTC) |"), where [`time::walk`] reads none: the
/// field's label makes them times.
fn four_digit_window(words: &str, (label, value_at): (&str, usize)) -> Option<(time::Clock, time::Clock)> {
    if !names_a_window(label) {
        return None;
    }
    let value = &words[value_at..];
    let mut start = time::opening_four_digits(value)?;
    let gap_end = start.at.end + value[start.at.end..].find(|c: char| c.is_ascii_digit())?;
    if !time::joins_a_range(&value[start.at.end..gap_end]) {
        return None;
    }
    let mut end = time::opening_four_digits(&value[gap_end..])?;
    let shift = |at: &mut Range<usize>, by: usize| *at = at.start + by..at.end + by;
    shift(&mut start.at, value_at);
    shift(&mut end.at, value_at + gap_end);
    // Its zone, written before the field's next cell.
    let rest = &words[end.at.end..];
    let rest = &rest[..rest.find('|').unwrap_or(rest.len())];
    end.zone = time::zone_named(rest).map(|mut z| {
        shift(&mut z.at, end.at.end);
        z
    });
    end.joined_to_previous = true;
    Some((start, end))
}

/// Labels that open a status update with the time it was posted
/// ("Updated 14:05 UTC: we are investigating", "Posted at 15:10 UTC"):
/// when the team wrote, not when anything happened.
const STATUS_POST_LABELS: &[&str] = &[
    "update", "updated", "update at", "updated at", "update posted at", "posted", "posted at", "last update",
    "status update", "status update at",
];

/// Whether a clock time stamps a status update: a label of one opens its
/// sentence and only the date comes between ("[Update 11th of February
/// 2022 - 15:20 UTC]").
fn stamps_a_status_post(words: &str, clock: &time::Clock) -> bool {
    const DATE_WORDS: &[&str] = &[
        "of", "on", "at", "the", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday",
    ];
    let before = words[..clock.at.start].trim_start_matches(|c: char| c.is_whitespace() || "-*([|#>".contains(c));
    STATUS_POST_LABELS.iter().any(|label| {
        before.strip_prefix(label).is_some_and(|rest| {
            rest.starts_with([' ', ':', ']', ')', '-', '*']) && rest
                .split(|c: char| c.is_whitespace() || ",.:-\u{2013}\u{2014}/()[]*".contains(c))
                .filter(|w| !w.is_empty())
                .all(|w| w.contains(|c: char| c.is_ascii_digit()) || DATE_WORDS.contains(&w))
        })
    })
}

/// Whether a status update's words tell the service recovered
/// ("**Update 18:53 UTC:** Everything is up and running again."): its
/// stamp is the time the recovery was told, the only one the text gives
/// and the one reviewers mark.
fn update_tells_the_recovery(words: &str) -> bool {
    strongest(moment_cues(words)) == Some(RESOLVED)
}

/// Weekdays as written before a date, Sunday first, in full and short.
const WEEKDAYS: [(&str, &str); 7] = [
    ("sunday", "sun"),
    ("monday", "mon"),
    ("tuesday", "tue"),
    ("wednesday", "wed"),
    ("thursday", "thu"),
    ("friday", "fri"),
    ("saturday", "sat"),
];

/// A full date written after its weekday ("Tue, 31 Dec 2014") whose year
/// the weekday contradicts, when the year before or after it has the date
/// on that weekday and is the year the text gave last (`last_year`): a
/// mistyped year (a weekday moves one or two days a year, so at most one
/// of them fits). Otherwise the day may be the one mistyped ("Thursday
/// 12/8/2017" for the 7th). Sets the year the weekday gives and returns
/// the one written.
fn year_by_weekday(date: &mut time::Date, words: &str, last_year: Option<u16>) -> Option<u16> {
    let (Some(year), Some(month), Some(day)) = (date.year, date.month, date.day) else { return None };
    let before = words.get(..date.at.start)?.trim_end_matches([' ', ',']);
    let word = before.rsplit([' ', '(', '*', '\n']).next()?.trim_end_matches('.');
    let written = WEEKDAYS.iter().position(|(long, short)| word == *long || word == *short)?;
    let weekday = |y: u16| (days_from_civil(i64::from(y), i64::from(month), i64::from(day)) + 4).rem_euclid(7) as usize;
    if weekday(year) == written {
        return None;
    }
    let pinned = [year.checked_sub(1)?, year.checked_add(1)?].into_iter().find(|&y| weekday(y) == written && Some(y) == last_year)?;
    date.year = Some(pinned);
    Some(year)
}

/// Whether events can be put in the order they happened: all dated, or
/// none.
fn orderable(events: &[Timed]) -> bool {
    events.iter().all(|e| e.date.is_some()) || events.iter().all(|e| e.date.is_none())
}

/// A jump between two times that the rest of the timeline makes
/// implausible: from and to as [`Timed::key_on`], and the event that
/// jumped.
struct Gap {
    from: i64,
    to: i64,
    event: usize,
}

/// Days beyond which a time is implausible when the times told before and
/// after it in the text are under [`STORY_DAYS`] apart.
const GAP_DAYS: i64 = 60;
const STORY_DAYS: i64 = 2;

/// The first gap between dated times (or times of the `one_day` every
/// date falls on) that tells a mistyped date: whole years to within a
/// week between two dates of different years, in order ("2013-12-30
/// 21:52" then "2014-12-31 00:31"); or a time over [`GAP_DAYS`] from both
/// the times told before and after it in the text, which are under
/// [`STORY_DAYS`] apart. A leak exposed for months and found in hours
/// tells its exposure first, not between the others.
fn implausible_gap(events: &[Timed], one_day: Option<i64>) -> Option<Gap> {
    let mut told: Vec<(i64, usize)> =
        events.iter().enumerate().filter(|(_, e)| e.date.is_some() || one_day.is_some()).map(|(i, e)| (e.key_on(one_day), i)).collect();
    sort_stably(&mut told, |a, b| events[a.1].passage.start.cmp(&events[b.1].passage.start));
    let outlier = told.windows(3).find_map(|w| {
        let (before, at, after) = (w[0].0, w[1].0, w[2].0);
        let far = |k: i64| at.abs_diff(k) > (GAP_DAYS * 1440) as u64;
        (before.abs_diff(after) < (STORY_DAYS * 1440) as u64 && far(before) && far(after))
            .then(|| if at > before { Gap { from: before.max(after), to: at, event: w[1].1 } } else { Gap { from: at, to: before.min(after), event: w[1].1 } })
    });
    let mut in_order = told;
    // The crate's one sort, not a second copy of the standard one in the
    // WebAssembly: equal pairs are identical, so stable or not is the same.
    sort_stably(&mut in_order, Ord::cmp);
    let year_of = |k: i64| date_string(k.div_euclid(1440), true).get(..4).map(str::to_string);
    let year_typo = in_order.windows(2).find_map(|w| {
        let (from, to) = (w[0].0, w[1].0);
        let days = (to - from) as f64 / 1440.0;
        let years = (days / 365.25).round();
        (years >= 1.0 && (days - years * 365.25).abs() <= 7.0 && year_of(from) != year_of(to)).then_some(Gap { from, to, event: w[1].1 })
    });
    year_typo.or(outlier)
}

/// The topic a sentence speaks under; in a timeline section, the
/// timeline's, whatever a bold span in its entry reads as a label ("-
/// **02:06: the changes propagated**" is an entry, not a follow-up).
fn topic(doc: &Document, s: &Sentence) -> Topic {
    match doc.block_of(s).topic {
        Topic::Timeline => Topic::Timeline,
        _ => doc.topic(s),
    }
}

/// Whether a sentence opens its block.
fn block_opens_with(doc: &Document, s: &Sentence) -> bool {
    doc.prose[doc.block_of(s).prose.start..s.prose.start].trim().is_empty()
}

/// An undated time, or one dated only by a heading above it, that falls
/// more than twelve hours behind the one before it is the next day. In a
/// timeline on the 12-hour clock (`twelve_hour`: no entry written without
/// am or pm shows a 24-hour one), "1:17" after a time past noon is 13:17,
/// unless that is over six hours before it: the morning after.
fn pass_midnight(events: &mut [Timed], twelve_hour: bool) {
    for i in 1..events.len() {
        let (date, day, minute) = (events[i - 1].date.map(|(d, _)| d), events[i - 1].day, events[i - 1].minute);
        let e = &mut events[i];
        if e.date.map(|(d, _)| d) != date {
            continue;
        }
        e.day = e.day.max(day);
        let afternoon = e.minute + 12 * 60;
        if twelve_hour && e.morning_or_afternoon && e.day == day && minute >= 12 * 60 && afternoon + 6 * 60 >= minute {
            e.minute = afternoon;
        }
        if e.day == day && e.minute + 12 * 60 < minute {
            e.day += 1;
        }
    }
}

/// Words of an action that stops the impact by itself, whatever follows
/// it, or of the impact easing: the mitigations the reviewers' marking
/// instructions name.
const IMPACT_STOPPERS: &[&str] = &[
    "mitigat", "rollback", "rolled back", "rolling back", "roll back", "revert", "failover", "failed over", "fail over", "workaround",
    "work around", "mostly", "partial", "drop", "declin", "decreas", "improv", "recovering", "success", "succeed", "stabili",
    "settl",
];

/// Whether an event's words tell one of [`IMPACT_STOPPERS`], not as an
/// attempt (searched once
/// per timeline, on the one event chosen as the mitigation).
fn stops_the_impact(passage: &str) -> bool {
    let words = passage.to_ascii_lowercase();
    IMPACT_STOPPERS.iter().any(|w| words.contains(w)) && !words.contains("attempt")
}

/// The longest wait, in minutes, from an action to a recovery it brought:
/// a recovery told days later ("finalized again two weeks on") is the
/// end, and the action is what stopped the impact.
const RECOVERY_AFTER_ACTION: i64 = 12 * 60;

/// The event of each key moment, in [`EventKind::KEY_MOMENTS`] order:
/// the first event told as detection, response and mitigation; the last
/// told as the service's recovery, else the last told as a repair; the
/// start is the event that names it, else the first told as the problem
/// before any of those but the recovery (the problem told after the fix
/// is one found later, "we realize other services are down"; a recovery
/// before the start is a note), else the first told as the problem's
/// beginning ("errors began", a window's start) before its mitigation.
///
/// An event may be two moments when its words tell both: a detection
/// told with the response or the fix ("investigation starts after a user
/// reported it") when no detection is told before it, and a recovery
/// told with the action that brought it ("the pods were drained and
/// service restored") is the mitigation when none is told before it, and
/// so is the first recovery when no mitigation is told at all.
fn key_moments(events: &[Timed], text: &str) -> [Option<usize>; 5] {
    let strongest: Vec<Option<u32>> = events.iter().map(|e| strongest(e.cues)).collect();
    let first = |moment| strongest.iter().position(|s| *s == Some(moment));
    let last = |moment| strongest.iter().rposition(|s| *s == Some(moment));
    let told = |i: usize, moment: u32| events[i].cues & moment != 0;
    let responded = first(RESPONDED);
    let mut mitigated = (0..events.len()).find(|&i| told(i, MITIGATED) && matches!(strongest[i], Some(MITIGATED | RESOLVED)));
    let mut detected = first(DETECTED);
    let acted = responded.into_iter().chain(mitigated).min();
    if let Some(a) = acted.filter(|&a| detected.is_none_or(|d| d > a)) {
        detected = (0..=a).find(|&i| told(i, DETECTED) && (strongest[i] != Some(BEGAN) || told(i, ONSET))).or(detected);
    }
    // With no recovery or repair told, a change the team made after the
    // mitigation ("the fix was deployed to production" after the
    // rollback) is the fix that ended it.
    let change_after = |m: usize| (m + 1..events.len()).rev().find(|&i| events[i].cues == CHANGE);
    // The incident declared over ("Incident resolved", "incident
    // closed") is the end, over a recovery told after it of something
    // left over ("those jobs were cleared").
    let declared_over = (0..events.len()).rev().find(|&i| strongest[i] == Some(RESOLVED) && declares_the_end(text.get(events[i].passage.clone()).unwrap_or_default()));
    let resolved = declared_over.or(last(RESOLVED)).or(last(REPAIRED)).or(mitigated.and_then(change_after));
    if let Some(r) = resolved.filter(|&r| mitigated.is_none_or(|m| m > r) && told(r, MITIGATED)) {
        mitigated = Some(r);
    }
    // With no action told, the impact stopped when the service first
    // recovered: that recovery, told as what happened, is the mitigation
    // too; with no recovery told either, the repair that ends it is the
    // one moment of recovery, both ("the deletion was performed at
    // 15:34"). A bare "Resolved" field gives the end, not what stopped it.
    mitigated = mitigated
        .or(first(RESOLVED).filter(|&r| events[r].told))
        .or(resolved.filter(|&r| strongest[r] == Some(REPAIRED) && events[r].told));
    // An action after the service recovered ("concluded the restart had
    // caused it") stopped nothing: the recovery is the mitigation.
    if let Some(r) = resolved.filter(|&r| mitigated.is_some_and(|m| events[r].minutes_to(&events[m]).is_some_and(|d| d > 0))) {
        mitigated = Some(r);
    }
    // An attempt ("restarted the web server") followed by the service's
    // recovery ("back online"): reviewers mark the recovery, when the
    // impact stopped, not the attempt that preceded it. A rollback, a
    // failover, a workaround or a partial recovery stops or reduces the
    // impact itself, as their marking instructions say, unless its event
    // tells it only attempted ("a deployment is attempted, fails and is
    // reverted"). The action still bounds what counts as the problem's
    // start.
    let action = mitigated;
    let stops = |m: usize| stops_the_impact(text.get(events[m].passage.clone()).unwrap_or_default());
    // A field that only labels its time ("Repaired 09:43") states the
    // moment itself, not an attempt.
    let attempt = |m: usize| strongest[m] != Some(RESOLVED) && !stops(m);
    if let Some(m) = mitigated.filter(|&m| attempt(m)) {
        mitigated = (m + 1..events.len())
            .find(|&i| strongest[i] == Some(RESOLVED) && events[i].told)
            .filter(|&r| events[m].minutes_to(&events[r]).is_some_and(|d| (0..=RECOVERY_AFTER_ACTION).contains(&d)))
            .or(mitigated);
    }
    // The problem told after the response is often one found later; its
    // start told outright ("errors began") counts until it is mitigated.
    let handled = [detected, responded, action].into_iter().flatten().min().unwrap_or(events.len());
    let fixed = action.or(resolved).unwrap_or(events.len());
    let onset = (0..fixed).find(|&i| strongest[i] == Some(BEGAN) && told(i, ONSET));
    // With no problem told before it was handled, a change made just
    // before, with nothing else told between ("we deployed as usual; some
    // minutes after, we noticed"), is when it began: the first of such
    // changes ("promoted to production", then "the deployment was
    // completed").
    let change = (0..handled.min(events.len()))
        .rev()
        .take_while(|&i| events[i].cues & !CHANGE == 0)
        .filter(|&i| events[i].cues == CHANGE)
        .last();
    // The problem told at the very time it was handled counts as before
    // it ("First detected: 12:32" in the key events, "12:32: Prometheus was
    // not available" in the timeline).
    let by_then = |i: usize| i < handled || events.get(handled).is_some_and(|h| h.minutes_to(&events[i]) == Some(0));
    // An outage told outright as the service's state before the fix ("we
    // remove the indices. The search is down") is when the impact began,
    // over a change before a failure only noticed ("the unit failed to
    // start"), which had none yet.
    let outage = || (0..fixed).find(|&i| strongest[i] == Some(BEGAN) && tells_an_outage(text.get(events[i].passage.clone()).unwrap_or_default()));
    let began = events
        .iter()
        .position(|e| e.cues & NAMES_START != 0)
        .or(first(BEGAN).filter(|&i| by_then(i)))
        .or(onset)
        .or_else(outage)
        .or(change);
    [began, detected, responded, mitigated, resolved]
}

/// States of a service that are an outage ("the search is down").
const OUTAGE_STATES: &[&str] = &["down", "unavailable", "offline", "unreachable", "inaccessible"];

/// Whether a passage tells a service in an outage, said outright as its
/// state ("**The search is down**", "the API was unavailable"), not as
/// still going ("is still down") or ended ("is no longer down").
fn tells_an_outage(passage: &str) -> bool {
    let words: Vec<&str> = passage.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|pair| {
        ["is", "was", "are", "were"].iter().any(|be| pair[0].eq_ignore_ascii_case(be)) && OUTAGE_STATES.iter().any(|state| pair[1].eq_ignore_ascii_case(state))
    })
}

/// Words declaring the incident over.
const INCIDENT_OVER: &[&str] = &[
    "incident resolved", "incident closed", "incident is closed", "incident was closed", "incident has been closed",
    "closed the incident", "incident ended", "end of incident", "end of the incident", "incident declared resolved",
    "incident is resolved", "incident was resolved", "incident marked resolved", "resolved the incident",
];

/// Whether a passage declares the incident over ([`INCIDENT_OVER`]).
fn declares_the_end(passage: &str) -> bool {
    let words = passage.to_ascii_lowercase();
    INCIDENT_OVER.iter().any(|w| words.contains(w))
}

/// The key moments that `events`, in order, give, as a set of bits.
fn moments_told(events: &[Timed], text: &str) -> u32 {
    [BEGAN, DETECTED, RESPONDED, MITIGATED, RESOLVED]
        .into_iter()
        .zip(key_moments(events, text))
        .filter_map(|(moment, event)| event.map(|_| moment))
        .fold(0, |told, m| told | m)
}

/// The one key moment an event may be, a repair counting as the end.
fn moment_of(e: &Timed) -> Option<u32> {
    strongest(e.cues).map(|m| if m == REPAIRED { RESOLVED } else { m })
}

/// Whether a passage has words enough to tell an event (three or more
/// beside its times and dates), not only a label.
fn tells_more_than_a_label(words: &str) -> bool {
    words.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).nth(2).is_some()
}

fn clock(e: &Timed) -> String {
    let (hour, minute) = (e.minute / 60, e.minute % 60);
    let mut out = String::with_capacity(5);
    if push_padded(&mut out, hour, 2) {
        out.push(':');
        if push_padded(&mut out, minute, 2) {
            return out;
        }
    }
    format!("{hour:02}:{minute:02}")
}

/// Pushes `n` zero-padded to `width` digits, as `format!("{n:0width$}")`
/// writes it, when it is a number of at most that many digits (else
/// pushes nothing and says so): the timeline writes a clock and a date
/// for every event, where the formatting machinery cost a tenth of its
/// reading.
fn push_padded(out: &mut String, n: i64, width: u32) -> bool {
    if n < 0 || n >= 10_i64.pow(width) {
        return false;
    }
    for k in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10_i64.pow(k) % 10) as u8));
    }
    true
}

/// "1 h 48 min", "23 min", "2 h".
pub fn minutes_as_words(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// "--03-14" as people write it, "14 Mar"; a full date stays ISO.
fn readable_date(date: &str) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let Some(month_day) = date.strip_prefix("--") else { return date.to_string() };
    let (month, day) = month_day.split_once('-').unwrap_or((month_day, ""));
    match (month.parse::<usize>(), day.parse::<u8>()) {
        (Ok(m @ 1..=12), Ok(d)) => format!("{d} {}", MONTHS[m - 1]),
        _ => date.to_string(),
    }
}

/// "2024-03-01", or "--03-01" when the text gives no year.
fn date_string(days: i64, year_given: bool) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let mut out = String::with_capacity(10);
    let year_written = if year_given { push_padded(&mut out, year, 4) } else {
        out.push('-');
        true
    };
    if year_written {
        out.push('-');
        if push_padded(&mut out, month, 2) {
            out.push('-');
            if push_padded(&mut out, day, 2) {
                return out;
            }
        }
    }
    if year_given { format!("{year:04}-{month:02}-{day:02}") } else { format!("--{month:02}-{day:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_clocks_are_written_as_the_formatter_writes_them() {
        for n in [-12, -1, 0, 7, 59, 99, 100, 999, 2024, 9999, 10_000, 123_456] {
            for width in [2, 4] {
                let mut out = String::new();
                if push_padded(&mut out, n, width) {
                    assert_eq!(out, format!("{n:0w$}", w = width as usize));
                } else {
                    assert!(out.is_empty() && (n < 0 || n.to_string().len() > width as usize), "{n} {width}");
                }
            }
        }
        for days in [-800_000_i64, -719_468, -1, 0, 19_783, 2_932_896, 2_932_897, 3_000_000] {
            let z = days + 719_468;
            let era = z.div_euclid(146_097);
            let doe = z - era * 146_097;
            let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            let mp = (5 * doy + 2) / 153;
            let (day, month) = (doy - (153 * mp + 2) / 5 + 1, if mp < 10 { mp + 3 } else { mp - 9 });
            let year = yoe + era * 400 + i64::from(month <= 2);
            assert_eq!(date_string(days, true), format!("{year:04}-{month:02}-{day:02}"));
            assert_eq!(date_string(days, false), format!("--{month:02}-{day:02}"));
        }
        for minute in [-61, -5, 0, 9, 600, 1439, 1440, 5999, 6000, 60_000] {
            let e = Timed { cues: 0, written: 0..0, passage: 0..0, minute, date: None, day: 0, zone: None, entry: false, told: false, morning_or_afternoon: false };
            assert_eq!(clock(&e), format!("{:02}:{:02}", minute / 60, minute % 60));
        }
    }

    #[test]
    fn says_a_plan_agrees_with_a_search_for_each_plan() {
        for text in ["we plan to migrate", "they intends to", "we'll retry", "the plan was late", "we'llx", "no plans", "intend to", "d", "'", "e'll go", "planned to"] {
            assert_eq!(says_a_plan(text), PLANS.iter().any(|p| text.contains(p)), "{text:?}");
        }
    }

    #[test]
    fn every_heading_of_actions_taken_holds_a_k_or_a_d() {
        assert!(ACTIONS_TAKEN.iter().all(|w| w.contains(['k', 'd'])));
    }

    #[test]
    fn holds_time_agrees_with_a_substring_search() {
        for text in ["time", "all times utc", "timeline", "m", "tim", "at the meantime", "imetime", "mime", ""] {
            assert_eq!(holds_time(text), text.contains("time"), "{text:?}");
        }
    }

    fn timeline(text: &str) -> Timeline {
        read(&Document::parse(text))
    }

    /// Each key moment given, as "kind when".
    fn moments(text: &str) -> Vec<String> {
        timeline(text).key_moments().map(|e| format!("{} {}", e.kind.as_str(), e.when())).collect()
    }

    fn notes(text: &str) -> Vec<NoteKind> {
        timeline(text).notes.iter().map(|n| n.kind).collect()
    }

    const TABLE: &str = "## Timeline\n\nAll times UTC.\n\n| Time | Event |\n|---|---|\n| 09:05 | Config deployed |\n| 09:14 | First errors logged |\n| 09:19 | Alert fired |\n| 09:21 | Alert acknowledged by on-call |\n| 09:44 | Revert merged |\n| 10:27 | Error rates at baseline. Incident closed. |\n";

    /// "November 14:49": the date reader takes "November 14" as a date
    /// that overlaps the clock time after it; no gap between them, and no
    /// panic.
    #[test]
    fn a_single_recovery_told_last_is_both_the_mitigation_and_the_end() {
        let text = "At 09:50 UTC errors began on the API. At 10:20 UTC we rolled back the release.\n";
        assert_eq!(moments(text), ["began 09:50 UTC", "mitigated 10:20 UTC", "resolved 10:20 UTC"]);
        // Something told after it: the end may be another moment, untimed.
        let text = "At 09:50 UTC errors began on the API. At 10:20 UTC we rolled back the release. At 11:05 UTC we investigated the cause.\n";
        assert!(!moments(text).iter().any(|m| m.starts_with("resolved")), "{:?}", moments(text));
    }

    #[test]
    fn web_pages_are_no_one_paged() {
        let pages = "## Timeline\n\n- 10:27 Deployed the release\n- 10:32 Noticed some errors when accessing pages with comments (package and requests pages).\n- 10:40 Errors stopped\n";
        assert!(!moments(pages).iter().any(|m| m.starts_with("responded")), "{:?}", moments(pages));
        for paged in ["- 10:32 The latency alert pages the on-call.\n", "- 10:32 The monitor pages search on-call.\n"] {
            let text = format!("## Timeline\n\n{paged}- 10:40 Errors stopped\n");
            assert!(moments(&text).contains(&"responded 10:32".to_string()), "{:?}", moments(&text));
        }
    }

    #[test]
    fn an_issue_filed_by_a_user_is_the_detection_not_also_the_response() {
        let text = "## Timeline\n\n- 14:02 errors began\n- 14:10 A user filed a GitHub issue about failing logins\n- 14:20 we started investigating\n- 14:40 rolled back, service restored\n";
        assert_eq!(moments(text), ["began 14:02", "detected 14:10", "responded 14:20", "mitigated 14:40", "resolved 14:40"]);
        let both = "## Timeline\n\n- 14:02 errors began\n- 14:10 A user filed a GitHub issue and we started investigating it\n- 14:40 rolled back, service restored\n";
        assert_eq!(moments(both)[1..3], ["detected 14:10", "responded 14:10"]);
    }

    #[test]
    fn what_the_outage_left_behind_caught_up_is_the_end() {
        let text = "## Timeline\n\n- **14:40**: The search is down\n- **14:47**: We start the search again, the search is no longer down\n- **15:06**: We start re-indexing the search\n- **20:30**: The search indices are up-to-date\n";
        assert_eq!(moments(text)[1..], ["mitigated 14:47", "resolved 20:30"]);
    }

    #[test]
    fn a_workaround_found_is_not_yet_the_mitigation() {
        let text = "## Timeline\n\n- 09:50 We noticed that the deployment failed\n- 10:06 A workaround was found in a comment of the same issue\n- 10:11 Restart the affected services, OBS is back\n";
        assert!(moments(text).contains(&"mitigated 10:11".to_string()), "{:?}", moments(text));
    }

    #[test]
    fn four_digit_times_of_a_timeline_run_are_clock_times() {
        let table = "### Timeline\n\n_All times in UTC, unless otherwise stated._\n\n| Time | Type | Description |\n| --- | --- | --- |\n| 0730 | `operator` | Errors began on the cluster. |\n| 0740 | `operator` | The operator noticed the failing pods. |\n| 1200 | `operator` | Rolled back the change. |\n| 1230 | `operator` | Service restored, end of incident. |\n";
        assert_eq!(moments(table), ["began 07:30 UTC", "detected 07:40 UTC", "mitigated 12:00 UTC", "resolved 12:30 UTC"]);
        let list = "## Timeline\n\n- 0905 errors began\n- 0931 we rolled back\n";
        assert_eq!(moments(list), ["began 09:05", "mitigated 09:31", "resolved 09:31"]);
        // Years, a lone number, or four digits outside a timeline are no times.
        let years = "## Timeline\n\n- 2019 errors began in the old system\n- 2020 we rolled back the system\n";
        assert!(timeline(years).events.is_empty());
        let lone = "## Timeline\n\n- 1412 errors began\n\nWe rolled back.\n";
        assert!(timeline(lone).events.is_empty());
        let prose = "## Impact\n\n- 1412 errors began\n- 1500 requests failed\n";
        assert!(timeline(prose).events.is_empty());
    }

    #[test]
    fn a_body_field_dating_the_incident_is_its_start_when_nothing_else_is() {
        let fields = "# Contract exploit\n\n- **Chain:** `main-2`\n- **Date:** 13/09/2021 3am UTC\n\nA vulnerability was exploited; we restored the contract at 09:30 UTC on 13/09/2021.\n";
        assert_eq!(moments(fields)[0], "began 2021-09-13 03:00 UTC");
        let zoned = "### Block information\n* Date and time: April 15, 2021 11:05:04 AM UTC\n* Block number: 12244294\n\nNodes stopped syncing.\n";
        assert_eq!(moments(zoned), ["began 2021-04-15 11:05 UTC"]);
        // A zone in parentheses after the label is no part of it;
        // someone's words passed on tell when the problem was noticed,
        // not its start, so the field's start stands.
        let noted = "### Block information\n* Date and time (in UTC): Apr-15-2021 11:05:04 AM +UTC\n\n### Timeline\n\n**April 15, 2021 (all times in UTC)**\n* 11:12 AM: [\"I think the explorer just went down\"](https://chat.example/1) shared in the chat by `someone`\n* 11:30 AM: the team is investigating it.\n";
        assert_eq!(moments(noted)[..2], ["began 2021-04-15 11:05 UTC", "detected 2021-04-15 11:12 UTC"]);
        let published = "* Date (published): 2021-04-20 09:00 UTC\n\nNodes stopped syncing.\n";
        assert!(moments(published).is_empty(), "{:?}", moments(published));
        // A start the text tells outranks the field.
        let told = "**Date:** 2021-09-13 03:00 UTC\n\n## Timeline\n\n- 2021-09-13 04:10 UTC: errors began\n- 2021-09-13 05:00 UTC: service restored\n";
        assert_eq!(moments(told)[0], "began 2021-09-13 04:10 UTC");
        // A date after the story's events is the date of the writing.
        let written = "Date: Mar 12, 2025, 18:00 UTC\n\nOn March 5, 2025, at 07:29 UTC the upgrade was activated and we rolled back at 09:10 UTC.\n";
        assert!(moments(written).iter().all(|m| !m.contains("03-12")), "{:?}", moments(written));
    }

    #[test]
    fn a_problem_in_someones_words_passed_on_is_their_report_but_a_quoted_message_is_the_problem() {
        let shared = "## Timeline\n\n- 11:12 \"I think the explorer just went down\" shared in the chat\n- 11:40 service restored\n";
        assert_eq!(moments(shared)[0], "detected 11:12", "{:?}", moments(shared));
        let wrote = "## Timeline\n\n- 11:12 a user wrote: \u{201c}the site is down for me\u{201d}\n- 11:40 service restored\n";
        assert_eq!(moments(wrote)[0], "detected 11:12", "{:?}", moments(wrote));
        let message = "## Timeline\n\n- 11:12 \"Service Unavailable\" returned for every request\n- 11:40 service restored\n";
        assert_eq!(moments(message)[0], "began 11:12", "{:?}", moments(message));
    }

    #[test]
    fn a_date_field_dates_the_times_that_give_none() {
        let dotted = "**Date**: 19.09.2023\n\n## Timeline\n\n- 10:04 alert fired\n- 10:17 the deployment finished and errors stopped\n";
        assert_eq!(moments(dotted), ["detected 2023-09-19 10:04", "mitigated 2023-09-19 10:17", "resolved 2023-09-19 10:17"]);
        let row = "| | |\n|---|---|\n| Authors | someone |\n| Date | 2022-04-20 |\n\n## Timeline\n\n- 10:04 alert fired\n";
        assert_eq!(moments(row), ["detected 2022-04-20 10:04"]);
        // A time the text dates on another day: the field may be the date
        // of the writing, and dates nothing.
        let writing = "Date: Mar 20, 2025\n\nOn March 12, 2025 at 10:04 UTC an alert fired. At 11:30 UTC we rolled back.\n";
        assert!(moments(writing).iter().all(|m| !m.contains("03-20")), "{:?}", moments(writing));
    }

    #[test]
    fn a_field_giving_the_incidents_window_is_its_start_and_end_when_nothing_else_is() {
        let duration = "# Outage\n\n**Duration:** 14:05 - 15:20 UTC\n\nUsers could not log in.\n";
        assert_eq!(moments(duration), ["began 14:05 UTC", "resolved 15:20 UTC"]);
        let row = "| | |\n|---|---|\n| Date | 2021-06-03 |\n| Time | 0730 - 1230 (UTC) |\n\nThe API was down.\n";
        assert_eq!(moments(row), ["began 2021-06-03 07:30 UTC", "resolved 2021-06-03 12:30 UTC"]);
        // The body's own start and end outrank the field's.
        let told = "Impact window: 14:00 - 16:00 UTC\n\n## Timeline\n\n- 14:05 UTC: errors began\n- 15:20 UTC: service restored\n";
        assert_eq!(moments(told), ["began 14:05 UTC", "mitigated 15:20 UTC", "resolved 15:20 UTC"]);
    }

    #[test]
    fn a_status_pages_front_matter_gives_the_start_and_the_end() {
        let page = "---\ntitle: Artifactory slow\ndate: 2022-06-13T08:30:00-00:00\nresolvedWhen: 2022-06-13 11:00:00\nresolved: true\naffected:\n  - repo\n---\nWe were alerted by our monitoring that the service is slow.\n";
        assert_eq!(moments(page), ["began 2022-06-13 08:30 -00:00", "resolved 2022-06-13 11:00 -00:00"]);
        let t = timeline(page);
        assert_eq!(&page[t.events[0].start..t.events[0].end], "date: 2022-06-13T08:30:00-00:00");
        let fields = "---\ntitle: DNS outage\nstart_time: '2021-11-16T17:34:00Z'\nend_time: '2021-11-16T19:28:00Z'\n---\nDNS failed.\n";
        assert_eq!(moments(fields), ["began 2021-11-16 17:34 UTC", "resolved 2021-11-16 19:28 UTC"]);
        // A page's own date, with no end beside it, is no start.
        let post = "---\ntitle: DNS outage\ndate: 2021-11-16T17:34:00Z\nresolved: true\n---\nDNS failed.\n";
        assert!(moments(post).is_empty(), "{:?}", moments(post));
        // The text's own start outranks the field's.
        let told = "---\nstart_time: 2021-11-16T17:34:00Z\nend_time: 2021-11-16T19:28:00Z\n---\nAt 09:35 PT on November 16, 2021 the load balancers failed.\n";
        assert_eq!(moments(told), ["began 2021-11-16 09:35 PT", "resolved 2021-11-16 19:28 UTC"]);
        assert_eq!(front_matter_moment("resolvedWhen"), Some(RESOLVED));
        assert_eq!(front_matter_moment("impact-start"), Some(NAMES_START | BEGAN));
        assert_eq!(front_matter_moment("source_published_at"), None);
    }

    #[test]
    fn a_change_made_after_the_mitigation_is_the_fix_that_ends_it() {
        let text = "## Timeline\n\n- 12:17 UTC: errors began\n- 12:30 UTC: the deployment was rolled back\n- 13:49 UTC: the fix was merged\n- 14:10 UTC: the fix was promoted to production\n";
        assert_eq!(moments(text), ["began 12:17 UTC", "mitigated 12:30 UTC", "resolved 14:10 UTC"]);
    }

    #[test]
    fn an_issue_opened_by_others_is_the_detection() {
        for yes in [
            "- 12:24 utc \u{2013} <https://github.com/o/crates.io/issues/6850> (crates.io downloads redirect to an invalid url) was opened",
            "a user filed a github issue about it",
            "an issue was raised on the forum",
        ] {
            assert!(opens_an_issue(yes), "{yes}");
        }
        for no in ["we opened an issue upstream", "a pull request was opened to fix the issue", "<https://github.com/o/r/pull/6851> (fix urls) was opened", "the issue was resolved"] {
            assert!(!opens_an_issue(no), "{no}");
        }
        let text = "## Timeline\n\n- 12:17 UTC: the release was promoted to production\n- 12:24 UTC: <https://github.com/o/r/issues/6850> (downloads redirect to an invalid URL) was opened\n- 12:30 UTC: the release was rolled back\n";
        assert_eq!(moments(text)[..2], ["began 12:17 UTC", "detected 12:24 UTC"]);
    }

    #[test]
    fn errors_an_error_tracker_records_are_the_start_and_its_detection() {
        let text = "## Timeline\n\n- 10:21 UTC: deploy, and errors tracked on Errbit\n- 10:55 UTC: restart Apache\n- 12:06 UTC: service restored\n";
        assert_eq!(moments(text)[..2], ["began 10:21 UTC", "detected 10:21 UTC"]);
        assert!(errors_tracked("crashes were logged in sentry"));
        assert!(!errors_tracked("we logged in to the server and saw no errors"));
        assert!(errors_tracked("errors were then logged"), "three words before the verb");
        assert!(!errors_tracked("errors were then quickly logged"), "four");
    }

    #[test]
    fn a_window_told_without_naming_the_problem_is_the_incidents() {
        let text = "Anyone who downloaded the wallet between Monday 18th 2:30 AM UTC and 4:30 PM UTC should check its hashes.";
        assert_eq!(moments(text), ["began 02:30 UTC", "mitigated 16:30 UTC", "resolved 16:30 UTC"]);
        // A change of the team's in its window is work, not the incident.
        assert!(moments("The maintenance of the database ran between 02:00 and 03:00 UTC.").is_empty());
        assert!(moments("Between 11:00 and 11:15 UTC we had our standup.").is_empty(), "the team's own doing");
        assert!(opens_a_between("users between"));
        assert!(!opens_a_between("users in between, then"));
    }

    #[test]
    fn a_date_without_its_year_reads_as_people_write_it() {
        assert_eq!(readable_date("--03-14"), "14 Mar");
        assert_eq!(readable_date("2024-03-01"), "2024-03-01");
    }

    #[test]
    fn a_zone_stated_with_the_day_is_the_zone_of_the_timeline() {
        let text = "## Timeline\n\nAll times UTC, 14 March.\n\n- 09:12: the deploy broke payments.\n- 11:47: payments worked again.\n";
        let t = timeline(text);
        assert!(t.events.iter().all(|e| e.zone.as_deref() == Some("UTC")), "{:?}", t.events);
        assert!(!notes(text).contains(&NoteKind::NoZone), "{:?}", notes(text));
    }

    #[test]
    fn a_date_overlapping_its_clock_time_is_read_without_panicking() {
        let text = "- On the 1st of November 14:49 the provider sent an email.\n- 16:03 the service went down.\n";
        assert!(moments(text).iter().any(|m| m.starts_with("began 16:03")), "{:?}", moments(text));
    }

    #[test]
    fn a_timeline_table_gives_every_key_moment_and_the_durations() {
        let t = timeline(TABLE);
        assert_eq!(
            moments(TABLE),
            ["began 09:14 UTC", "detected 09:19 UTC", "responded 09:21 UTC", "mitigated 09:44 UTC", "resolved 10:27 UTC"]
        );
        assert_eq!(t.events[0].kind, EventKind::Other, "the deploy is a timed event, not the start");
        assert_eq!(t.zone.as_deref(), Some("UTC"));
        let d = &t.durations;
        assert_eq!((d.to_detect, d.to_mitigate, d.to_resolve, d.incident), (Some(5), Some(30), Some(73), Some(73)));
        assert_eq!(t.figures().as_deref(), Some("detected after 5 min \u{b7} mitigated after 30 min \u{b7} resolved after 1 h 13 min"));
        assert!(t.notes.is_empty(), "{:?}", t.notes);
        let began = &t.events[1];
        assert_eq!(&TABLE[began.start..began.end], "09:14 | First errors logged");
        assert_eq!(began.written, "09:14");
    }

    #[test]
    fn a_timeline_list_with_iso_timestamps() {
        let text = "## Timeline\n\n- 2020-02-20T21:17Z: crates published, downloads began to fail\n- 2020-02-20T21:28Z: a user reported the failure\n- 2020-02-20T22:48Z: fix deployed, downloads working again\n";
        let t = timeline(text);
        assert_eq!(
            moments(text),
            ["began 2020-02-20 21:17 UTC", "detected 2020-02-20 21:28 UTC", "mitigated 2020-02-20 22:48 UTC", "resolved 2020-02-20 22:48 UTC"],
            "the fix that brought the recovery is its mitigation"
        );
        assert_eq!(t.events[0].written, "2020-02-20T21:17Z");
        assert_eq!(t.durations.to_resolve, Some(91));
    }

    #[test]
    fn prose_at_and_by_with_twelve_hour_clocks() {
        let text = "Logins began failing at 2:02 pm PST. We were paged at 2:10 pm PST, and by 3:15 pm PST we had rolled back. Everything was back to normal at 3:40 pm PST.";
        assert_eq!(moments(text), ["began 14:02 PST", "detected 14:10 PST", "mitigated 15:15 PST", "resolved 15:40 PST"]);
        assert_eq!(timeline(text).durations.to_mitigate, Some(73));
    }

    #[test]
    fn prose_in_twenty_four_hour_utc_with_a_date() {
        let text = "On 2024-03-01 at 14:02 UTC the API started returning errors. The on-call engineer was alerted at 14:09 UTC. Service was fully restored at 15:30 UTC.";
        assert_eq!(moments(text), ["began 2024-03-01 14:02 UTC", "detected 2024-03-01 14:09 UTC", "mitigated 2024-03-01 15:30 UTC", "resolved 2024-03-01 15:30 UTC"]);
    }

    #[test]
    fn a_timeline_in_military_time() {
        let text = "## Timeline\n\n- 0208 UTC 2013-12-03 - the service begins to fail\n- 0756 UTC 2013-12-03 - a user reports errors\n- 1457 UTC 2013-12-03 - the service is restored\n";
        assert_eq!(moments(text), ["began 2013-12-03 02:08 UTC", "detected 2013-12-03 07:56 UTC", "mitigated 2013-12-03 14:57 UTC", "resolved 2013-12-03 14:57 UTC"]);
        let prose = "At 1518 UTC the site went down. It was restored at 1602 UTC.";
        assert_eq!(moments(prose), ["began 15:18 UTC", "mitigated 16:02 UTC", "resolved 16:02 UTC"]);
    }

    #[test]
    fn header_fields_on_hard_broken_lines_each_tell_their_own_moment() {
        let text = "# Outage\n\n**Start:** 2020-08-25 10:00 UTC  \n**Detected:** 2020-08-25 10:12 UTC  \n**End:** 2020-08-25 12:11 UTC\n\nLogins failed.\n";
        assert_eq!(moments(text), ["began 2020-08-25 10:00 UTC", "detected 2020-08-25 10:12 UTC", "mitigated 2020-08-25 12:11 UTC", "resolved 2020-08-25 12:11 UTC"]);
        let backslash = "Start time: 10:00 UTC\\\nEnd time: 12:11 UTC\n";
        assert_eq!(moments(backslash), ["began 10:00 UTC", "mitigated 12:11 UTC", "resolved 12:11 UTC"]);
    }

    #[test]
    fn header_fields_on_soft_broken_lines_each_tell_their_own_moment() {
        let text = "Category: network\nStart time: 11 Dec, 2017 09:00 CST\nEnd time: 11 Dec, 2017 10:00 CST\n\nInstances could not reach the network.\n";
        assert_eq!(moments(text), ["began 2017-12-11 09:00 CST", "mitigated 2017-12-11 10:00 CST", "resolved 2017-12-11 10:00 CST"]);
        assert!(opens_with_field_label("**Detected:** 10:12"));
        assert!(!opens_with_field_label("15:27 UTC we reverted the release"));
        assert!(!opens_with_field_label("the outage, which we describe below: first"));
    }

    #[test]
    fn a_soft_line_break_only_wraps_prose() {
        let text = "At 15:23 UTC we received a report of a regression. At\n15:27 UTC we reverted the release, an action completed by 15:56 UTC.\n";
        assert_eq!(moments(text), ["detected 15:23 UTC", "mitigated 15:27 UTC", "resolved 15:27 UTC"]);
    }

    #[test]
    fn a_window_whose_ends_are_both_dated() {
        let text = "**Incident window:** 2026-09-01 06:00 UTC \u{2013} 2026-09-01 08:47 UTC  \n**Detected:** 06:58 UTC (customer reports)\n";
        let t = timeline(text);
        assert!(moments(text).contains(&"began 2026-09-01 06:00 UTC".to_string()), "{:?}", moments(text));
        assert!(moments(text).contains(&"resolved 2026-09-01 08:47 UTC".to_string()), "{:?}", moments(text));
        assert!(moments(text).contains(&"detected 2026-09-01 06:58 UTC".to_string()), "{:?}", moments(text));
        assert_eq!(t.durations.to_resolve, Some(167));
    }

    #[test]
    fn lasted_until_a_dated_time_is_the_end() {
        let text = "On September 24, 2020, at 14:27 UTC, the US region experienced a degradation that lasted until September 25, 2020, at 03:00 UTC.";
        assert_eq!(moments(text), ["began 2020-09-24 14:27 UTC", "mitigated 2020-09-25 03:00 UTC", "resolved 2020-09-25 03:00 UTC"]);
        let which = "This incident, which lasted until 01:27 UTC on March 15th, stemmed from an upgrade.";
        assert_eq!(moments(which), ["mitigated 15 Mar 01:27 UTC", "resolved 15 Mar 01:27 UTC"]);
    }

    #[test]
    fn up_and_running_is_one_phrase_not_two_clauses() {
        let text = "All sites were up and running by 21:24 UTC, with the volume warm-up completed by 23:50 UTC.";
        assert!(moments(text).contains(&"resolved 21:24 UTC".to_string()), "{:?}", moments(text));
    }

    #[test]
    fn an_html_paragraph_wrapped_over_lines_is_read_as_its_sentences() {
        let text = "<p>On August 27th, starting at\nabout 18:00 UTC an account was used to upload files.\nOn August 28th at about 07:45 UTC we noticed\nthese rogue processes.</p>\n";
        assert_eq!(moments(text), ["began 27 Aug 18:00 UTC", "detected 28 Aug 07:45 UTC"]);
        let log = "<p>Errors began at\n18:00 UTC.\n18:40 UTC service restored</p>\n";
        assert_eq!(moments(log), ["began 18:00 UTC", "mitigated 18:40 UTC", "resolved 18:40 UTC"]);
    }

    #[test]
    fn an_undated_end_is_of_the_one_day_every_dated_time_falls_on() {
        let text = "On 2024-03-01 at 14:02 UTC the API started returning errors.\n\n## Timeline\n\n- 14:09 UTC: the on-call is paged\n- 15:30 UTC: service fully restored\n";
        let t = timeline(text);
        assert_eq!(t.durations.to_resolve, Some(88), "{:?}", moments(text));
        let two_days = "On 2024-03-01 at 14:02 UTC the API started returning errors.\n\nOn 2024-03-02 at 09:00 UTC we rolled back.\n\nService was fully restored at 15:30 UTC.\n";
        assert_eq!(timeline(two_days).durations.to_resolve, None, "{:?}", moments(two_days));
    }

    #[test]
    fn a_window_in_one_sentence_is_its_start_and_end() {
        let text = "From 14:02 to 15:30 UTC on 2024-03-01, logins failed.";
        assert_eq!(moments(text), ["began 2024-03-01 14:02 UTC", "mitigated 2024-03-01 15:30 UTC", "resolved 2024-03-01 15:30 UTC"]);
    }

    #[test]
    fn past_midnight_is_the_next_day() {
        let text = "## Timeline\n\nAll times CET.\n\n- 23:50: errors begin\n- 23:58: the on-call is paged\n- 00:20: we roll back\n- 00:40: resolved\n";
        let t = timeline(text);
        assert_eq!(moments(text), ["began 23:50 CET", "detected 23:58 CET", "mitigated 00:20 CET (day 2)", "resolved 00:40 CET (day 2)"]);
        assert_eq!(t.durations.to_resolve, Some(50));
        assert!(!notes(text).contains(&NoteKind::OutOfOrder));
    }

    #[test]
    fn a_zone_given_once_applies_to_the_whole_timeline() {
        let header = "## Timeline\n\n| Time (PST) | Event |\n|---|---|\n| 10:00 | Errors begin |\n| 10:45 | Resolved |\n";
        assert_eq!(moments(header), ["began 10:00 PST", "resolved 10:45 PST"]);
        let first_entry = "## Timeline\n\n- 10:00 UTC: errors begin\n- 10:45: resolved\n";
        assert_eq!(moments(first_entry), ["began 10:00 UTC", "resolved 10:45 UTC"]);
        assert!(!notes(first_entry).contains(&NoteKind::NoZone));
    }

    #[test]
    fn a_day_heading_dates_the_entries_under_it() {
        let text = "## Timeline\n\n### 2020-02-20\n\n- 21:17 UTC: errors started\n- 22:48 UTC: fix deployed, resolved\n";
        assert_eq!(moments(text), ["began 2020-02-20 21:17 UTC", "mitigated 2020-02-20 22:48 UTC", "resolved 2020-02-20 22:48 UTC"]);
    }

    #[test]
    fn relative_times_count_from_the_event_before() {
        let text = "At 09:10 UTC uploads started to fail. Twenty minutes later we rolled back the release. After 2 hours the backlog was cleared and service was fully restored.";
        let t = timeline(text);
        assert_eq!(moments(text), ["began 09:10 UTC", "mitigated 09:30 UTC", "resolved 11:30 UTC"]);
        assert_eq!(t.events[1].written, "Twenty minutes later");
        assert_eq!(t.durations.to_resolve, Some(140));
    }

    #[test]
    fn a_relative_time_with_nothing_before_it_is_absent() {
        assert!(timeline("Twenty minutes later we rolled back.").events.is_empty());
    }

    #[test]
    fn what_the_text_does_not_give_is_absent() {
        for text in ["Late last night logins failed. We fixed it this morning.", "", "We deployed version 1.24.0 to 30 hosts."] {
            let t = timeline(text);
            assert_eq!(t, Timeline::default(), "{text:?}");
        }
        // A start alone: no end, no durations, nothing invented.
        let t = timeline("The outage began at 14:02 UTC.");
        assert_eq!(moments("The outage began at 14:02 UTC."), ["began 14:02 UTC"]);
        assert_eq!(t.durations, Durations::default());
    }

    #[test]
    fn status_posts_plans_and_follow_ups_are_not_events() {
        let text = "We posted a status update at 10:05 UTC. We will deploy the fix at 18:00 UTC.\n\n## Action items\n\n- 2024-04-01 09:00: review alerts\n";
        assert!(timeline(text).events.is_empty());
    }

    #[test]
    fn no_durations_between_times_it_cannot_order() {
        // One time dated, the other not; two zones of unknown offset.
        let t = timeline("Errors began on 2024-03-01 at 14:02 UTC. It was resolved at 09:00.");
        assert_eq!(t.durations.to_resolve, None);
        let t = timeline("Errors began at 10:00 PT. It was resolved at 14:00 ET.");
        assert_eq!(t.durations.to_resolve, None);
    }

    #[test]
    fn note_an_end_before_its_start() {
        let text = "The outage began at 14:00 UTC and was resolved at 13:30 UTC.";
        assert!(notes(text).contains(&NoteKind::EndBeforeStart), "{:?}", timeline(text));
        assert_eq!(timeline(text).durations.to_resolve, None);
    }

    #[test]
    fn note_times_without_a_zone() {
        assert_eq!(notes("Errors began at 10:00 and were resolved at 10:30."), [NoteKind::NoZone]);
        assert!(notes("Errors began at 10:00 UTC and were resolved at 10:30 UTC.").is_empty());
    }

    #[test]
    fn note_a_timeline_out_of_order() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 10:00: errors begin\n- 10:40: resolved\n- 10:20: rolled back\n";
        assert_eq!(notes(text), [NoteKind::OutOfOrder]);
        let t = timeline(text);
        assert_eq!(t.events.iter().map(|e| e.clock.as_str()).collect::<Vec<_>>(), ["10:00", "10:20", "10:40"], "events in the order they happened");
    }

    #[test]
    fn key_events_then_the_detailed_timeline_are_in_order() {
        let text = "## Timeline\n\nAll times UTC.\n\n- Key events\n  - Detected 2023-01-11 14:22\n  - Resolved 2023-01-11 15:51\n\n\
                    - Details\n  - 2023-01-11 14:22: the team saw failed logins\n  - 2023-01-11 14:51: the cause was found\n  - 2023-01-11 15:51: logins work again\n";
        assert!(!notes(text).contains(&NoteKind::OutOfOrder), "{:?}", notes(text));
        let shuffled = "## Timeline\n\nAll times UTC.\n\n- 10:00: errors begin\n- 10:40: resolved\n- 10:20: rolled back\n- 09:00: deploy\n";
        assert!(notes(shuffled).contains(&NoteKind::OutOfOrder), "an entry between earlier ones is still out of order");
    }

    /// Timeline lines broken by `<br/>` in one HTML paragraph, not list
    /// entries, with one year mistyped: no duration across the jump.
    #[test]
    fn note_a_mistyped_year_and_give_no_duration_across_it() {
        let lines = |began: &str, fixed: &str| {
            format!(
                "<h2>Timeline</h2>\n<p>{began} 30 Dec 2013 21:40 UTC: the scheduler stopped accepting jobs<br/>\n{began} 30 Dec 2013 21:52 UTC: an alert fired and the on-call engineer was paged<br/>\n{fixed} 31 Dec 2014 00:31 UTC: we restarted the scheduler and jobs ran again<br/>\n{fixed} 31 Dec 2014 16:21 UTC: the queue drained and the incident was resolved</p>\n"
            )
        };
        let t = timeline(&lines("", ""));
        assert_eq!(notes(&lines("", "")), [NoteKind::ImplausibleGap], "{t:?}");
        let d = &t.durations;
        assert_eq!((d.to_detect, d.to_mitigate, d.to_resolve, d.incident), (Some(12), None, None, None));
        assert_eq!(t.figures().as_deref(), Some("detected after 12 min"));
        // 31 Dec 2013 was a Tuesday: the weekday pins the year.
        let t = timeline(&lines("Mon,", "Tue,"));
        assert_eq!(notes(&lines("Mon,", "Tue,")), [NoteKind::WeekdayContradictsYear], "{t:?}");
        assert_eq!((t.durations.to_mitigate, t.durations.to_resolve), (Some(171), Some(1121)));
        assert!(t.events.iter().all(|e| e.date.as_deref().is_some_and(|d| d.starts_with("2013-12-3"))), "{:?}", t.events);
        // A weekday that fits its year changes nothing; nor does one that
        // fits another year than the text's, where the day may be wrong.
        assert!(notes(&lines("Monday", "Wednesday")).contains(&NoteKind::ImplausibleGap));
        let day_wrong = "On Thursday 8 Dec 2017 at 20:30 UTC the power failed. Power was restored at 23:10 UTC on 8 Dec 2017.";
        assert_eq!(moments(day_wrong), ["began 2017-12-08 20:30 UTC", "mitigated 2017-12-08 23:10 UTC", "resolved 2017-12-08 23:10 UTC"]);
        assert!(notes(day_wrong).is_empty(), "{:?}", notes(day_wrong));
    }

    #[test]
    fn a_time_months_from_the_times_told_around_it_is_implausible_but_a_long_exposure_told_first_is_not() {
        // A leak exposed for months, found and fixed in hours.
        let leak = "## Timeline\n\n- 2021-03-02 10:00 UTC: the bucket was made public\n- 2021-08-20 09:00 UTC: a researcher reported the exposure\n- 2021-08-20 11:30 UTC: access was revoked\n";
        assert!(!notes(leak).contains(&NoteKind::ImplausibleGap), "{:?}", notes(leak));
        assert_eq!(timeline(leak).events.len(), 4, "the revocation, the one recovery told, is listed as both mitigated and resolved");
        // A time months away from the times told around it, which are
        // hours apart: a mistyped month.
        let month = "## Timeline\n\n- 2021-08-20 08:40 UTC: errors began\n- 2021-03-20 09:00 UTC: a customer reported errors\n- 2021-08-20 11:30 UTC: the change was rolled back\n";
        assert!(notes(month).contains(&NoteKind::ImplausibleGap), "{:?}", notes(month));
        assert_eq!(timeline(month).durations.to_detect, None);
        assert_eq!(timeline(month).durations.to_mitigate, Some(170));
        let new_year = "## Timeline\n\n- 2020-12-31 23:40 UTC: errors began\n- 2021-01-01 00:20 UTC: resolved\n";
        assert_eq!(timeline(new_year).durations.to_resolve, Some(40));
    }

    #[test]
    fn note_a_stated_duration_the_times_contradict() {
        let text = "The outage began at 10:00 UTC and was resolved at 10:30 UTC. In total the outage lasted 2 hours.";
        assert_eq!(notes(text), [NoteKind::DurationContradicts]);
        assert_eq!(timeline(text).durations.stated, Some(120));
        let agrees = "The outage began at 10:00 UTC and was resolved at 10:30 UTC. The outage lasted 30 minutes.";
        assert!(notes(agrees).is_empty());
    }

    #[test]
    fn note_a_start_that_is_only_when_it_was_noticed() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 07:28: problem is identified, launch success rate at zero\n- 08:11: service recovered\n";
        assert_eq!(moments(text), ["detected 07:28 UTC", "resolved 08:11 UTC"]);
        assert_eq!(notes(text), [NoteKind::StartIsDetection]);
        assert_eq!(timeline(text).durations, Durations::default());
    }

    #[test]
    fn the_timeline_entries_tell_its_moments_over_the_prose_around_it() {
        let text = "Uploads failed and were restored at 11:00 UTC after a restart.\n\n## Timeline\n\nAll times UTC.\n\n- 10:00: errors begin\n- 10:30: resolved\n\nThe queue was drained at 10:20 UTC.\n";
        assert_eq!(moments(text), ["began 10:00 UTC", "mitigated 10:20 UTC", "resolved 10:30 UTC"]);
    }

    #[test]
    fn a_field_giving_a_window_is_not_a_timeline_entry() {
        let text = "| Field | Value |\n|---|---|\n| Duration | 09:14 \u{2013} 10:27 UTC |\n\n## Timeline (UTC)\n\n| Time | Event |\n|---|---|\n| 09:05 | Change deployed |\n| 09:14 | Errors begin |\n| 10:27 | Resolved |\n";
        assert!(notes(text).is_empty(), "{:?}", timeline(text).notes);
        assert_eq!(moments(text), ["began 09:14 UTC", "resolved 10:27 UTC"]);
    }

    /// A timeline of day and time headings with the paragraphs under
    /// them, as many postmortems write it.
    fn headings(entries: &[(&str, &str)]) -> String {
        let mut text = String::from("## Timeline\n\nAll times in CET\n\n");
        for (heading, body) in entries {
            text.push_str(&format!("### {heading}\n\n{body}\n\n"));
        }
        text
    }

    #[test]
    fn words_naming_the_start_outrank_the_rest_of_the_entry() {
        let text = headings(&[
            ("2021-06-01 12:50", "Start of incident. The last two nodes of the pool are cordoned."),
            ("13:28", "Investigation starts after a user reported that the site was down."),
            ("13:29", "The pods were rescheduled. Service resumes. Incident ends."),
        ]);
        assert_eq!(
            moments(&text),
            ["began 2021-06-01 12:50 CET", "detected 2021-06-01 13:28 CET", "responded 2021-06-01 13:28 CET", "mitigated 2021-06-01 13:29 CET", "resolved 2021-06-01 13:29 CET"]
        );
    }

    #[test]
    fn a_start_named_for_another_time_is_not_the_entrys() {
        let text = headings(&[
            ("2021-06-01 13:30", "Launches fail."),
            ("14:49", "The logs around the start of the outage (~13:30) are read."),
            ("15:10", "Everything is working again."),
        ]);
        assert_eq!(moments(&text), ["began 2021-06-01 13:30 CET", "mitigated 2021-06-01 15:10 CET", "resolved 2021-06-01 15:10 CET"]);
    }

    #[test]
    fn a_heading_entry_reads_every_paragraph_under_it() {
        let text = headings(&[
            ("2021-06-01 13:30", "Launches fail."),
            ("14:29", "The outage is reported in the chat.\n\nThe proxy pod is restarted, and launches succeed again."),
            ("15:00", "Service is back to normal."),
        ]);
        assert_eq!(
            moments(&text),
            ["began 2021-06-01 13:30 CET", "detected 2021-06-01 14:29 CET", "mitigated 2021-06-01 14:29 CET", "resolved 2021-06-01 15:00 CET"]
        );
    }

    #[test]
    fn a_heading_entry_reads_the_list_under_it_with_its_indented_code_but_not_code_of_its_own() {
        let text = headings(&[
            ("2021-06-01 11:20", "We notice that launches fail."),
            ("11:22", "- Notice a TLS error:\n\n  ```\n  handshake failed\n  ```\n\n- The proxy pod is deleted and launches return to normal."),
            ("15:11", "The noisy repository is banned and behaviour returns to normal."),
        ]);
        assert_eq!(
            moments(&text),
            ["detected 2021-06-01 11:20 CET", "mitigated 2021-06-01 11:22 CET", "resolved 2021-06-01 15:11 CET"]
        );
        let own_code = headings(&[
            ("2021-06-01 08:03", "Logs have stopped working, reporting:\n\n```\nerror: no tunnels open\n```\n\nAn earlier occurrence resolved itself."),
            ("10:12", "A deploy fails."),
        ]);
        assert_eq!(moments(&own_code)[0], "began 2021-06-01 08:03 CET", "{:?}", moments(&own_code));
    }

    #[test]
    fn a_recovery_believed_hoped_or_denied_is_none() {
        let text = headings(&[
            ("2021-06-01 13:30", "Errors begin."),
            ("14:00", "Believing the issue to be resolved, work resumes."),
            ("14:30", "Memory leak is not fixed."),
            ("15:00", "Upgrade begins, hoping that it will restore the service."),
        ]);
        assert_eq!(moments(&text), ["began 2021-06-01 13:30 CET"]);
    }

    #[test]
    fn the_service_recovering_outranks_a_later_repair() {
        let text = headings(&[
            ("2021-06-01 11:00", "Traffic begins to drop."),
            ("18:00", "Traffic returns to normal."),
            ("2021-06-02 10:00", "The underlying bug is fixed."),
        ]);
        assert_eq!(moments(&text), ["began 2021-06-01 11:00 CET", "mitigated 2021-06-01 18:00 CET", "resolved 2021-06-01 18:00 CET"]);
        let repair_only = headings(&[("2021-06-01 11:00", "Errors begin."), ("12:00", "The bug is fixed.")]);
        assert_eq!(
            moments(&repair_only),
            ["began 2021-06-01 11:00 CET", "mitigated 2021-06-01 12:00 CET", "resolved 2021-06-01 12:00 CET"],
            "the repair is the one recovery told: both"
        );
    }

    #[test]
    fn a_day_given_in_a_heading_with_an_ordinal_dot_dates_the_entries_after_it() {
        let text = headings(&[
            ("2021-06-01 22:00", "Errors begin."),
            ("23:00", "Rolled back the release."),
            ("2. June, 09:00", "A second deploy is made."),
            ("09:30", "Everything is okay again."),
        ]);
        assert_eq!(
            moments(&text),
            ["began 2021-06-01 22:00 CET", "mitigated 2021-06-01 23:00 CET", "resolved 2021-06-02 09:30 CET"]
        );
        assert_eq!(timeline(&text).durations.to_resolve, Some(690));
    }

    #[test]
    fn two_clock_times_joined_by_a_dash_are_a_window_not_a_utc_offset() {
        let text = headings(&[("2021-06-01 12:35", "Deploy."), ("~13:30-13:45", "Launch success drops to zero."), ("14:10", "Resolved.")]);
        let t = timeline(&text);
        assert_eq!(moments(&text), ["began 2021-06-01 13:30 CET", "resolved 2021-06-01 14:10 CET"]);
        assert!(t.events.iter().all(|e| e.zone.as_deref() == Some("CET")), "{:?}", t.events);
        // A dash after a full timestamp is its offset.
        let t = timeline("Errors began at 2021-06-01T13:30-07:00 and were resolved at 2021-06-01T14:00-07:00.");
        assert_eq!(t.durations.to_resolve, Some(30));
        assert_eq!(t.events[0].zone.as_deref(), Some("-07:00"));
    }

    #[test]
    fn an_incident_report_is_not_a_report_of_the_problem() {
        assert!(timeline("Incident report for 2012-05-29T16:59:09+00:00").events.is_empty());
    }

    #[test]
    fn an_attempt_followed_by_the_recovery_is_mitigated_by_the_recovery_but_a_rollback_by_itself() {
        let restart = "## Timeline\n\nAll times UTC.\n\n- 08:00: requests start failing\n- 08:20: the workers are restarted\n- 08:35: requests succeed, service restored\n- 11:00: the root cause is found and fixed\n";
        assert_eq!(moments(restart), ["began 08:00 UTC", "mitigated 08:35 UTC", "resolved 08:35 UTC"]);
        let rollback = "## Timeline\n\nAll times UTC.\n\n- 08:00: requests start failing\n- 08:20: the release is rolled back\n- 08:35: service restored\n";
        assert_eq!(moments(rollback), ["began 08:00 UTC", "mitigated 08:20 UTC", "resolved 08:35 UTC"]);
        let days_later = "## Timeline\n\nAll times UTC.\n\n- 2024-05-01 08:00: requests start failing\n- 2024-05-01 08:20: the workers are restarted\n- 2024-05-03 09:00: service restored\n";
        assert_eq!(moments(days_later), ["began 2024-05-01 08:00 UTC", "mitigated 2024-05-01 08:20 UTC", "resolved 2024-05-03 09:00 UTC"]);
    }

    #[test]
    fn a_bold_entry_in_a_timeline_is_an_entry_not_a_label() {
        let text = "## Timeline\n\nAll times UTC.\n\n- **00:55: builds started failing**\n- 02:03: restarted the web server\n- **02:06: the changes propagated, the site is back online**\n";
        // The restart only tried; the impact stopped when the site was
        // back online, the one recovery, so both mitigation and end.
        assert_eq!(moments(text), ["began 00:55 UTC", "mitigated 02:06 UTC", "resolved 02:06 UTC"]);
    }

    #[test]
    fn a_recovery_told_with_its_fix_before_the_last_recovery_is_the_mitigation() {
        let text = headings(&[
            ("2021-06-01 13:30", "Launches fail."),
            ("14:29", "The hub pod is restarted, and launches return back to 100% success rate."),
            ("2021-06-02 11:47", "After reverting the image, everything is okay again."),
        ]);
        assert_eq!(
            moments(&text),
            ["began 2021-06-01 13:30 CET", "mitigated 2021-06-01 14:29 CET", "resolved 2021-06-02 11:47 CET"]
        );
    }

    #[test]
    fn a_window_in_the_prose_gives_the_start_a_timeline_list_does_not() {
        let text = "Between 12:17 and 12:30 UTC all downloads were broken.\n\n## Timeline\n\n- 12:25 UTC: a user reports the failure\n- 12:30 UTC: the deployment was rolled back\n";
        // The window's end is told first, the rollback at the same time
        // after it: listed in the order they happen.
        assert_eq!(moments(text), ["began 12:17 UTC", "detected 12:25 UTC", "mitigated 12:30 UTC", "resolved 12:30 UTC"]);
    }

    #[test]
    fn a_report_names_a_detection_but_an_incident_report_or_a_name_does_not() {
        assert_eq!(moments("At 12:00 UTC users report errors."), ["detected 12:00 UTC"]);
        assert!(timeline("date: 2012-05-29T16:59:09+00:00 permalink: incident_report_for").events.is_empty());
    }

    #[test]
    fn the_documents_own_date_is_no_event() {
        assert!(timeline("title: Mail outage post-mortem date: '2014-05-28T05:16:39+00:00' layout: post").events.is_empty());
        assert!(timeline("Last updated: 2024-03-01 14:02 UTC. The outage was bad.").events.is_empty());
    }

    #[test]
    fn a_start_told_outright_after_the_response_still_counts_until_the_fix() {
        let text = "At 10:00 UTC we started investigating a slow build queue. Starting at 12:17 UTC downloads failed. At 12:25 UTC a user reported it. At 12:40 UTC we rolled back and downloads were working again.";
        assert_eq!(moments(text), ["responded 10:00 UTC", "began 12:17 UTC", "detected 12:25 UTC", "mitigated 12:40 UTC", "resolved 12:40 UTC"]);
    }

    #[test]
    fn problems_told_in_plain_words_are_the_problem() {
        let text = "From 07:08 UTC until 10:40 UTC the site had intermittent connectivity problems.";
        assert_eq!(moments(text), ["began 07:08 UTC", "mitigated 10:40 UTC", "resolved 10:40 UTC"]);
        assert!(timeline("The pull request for the Cargo.toml files was merged at 10:00 UTC.").events.is_empty());
    }

    #[test]
    fn a_load_starting_to_settle_is_a_mitigation_not_a_start() {
        let text = "## Timeline\n\n- 13:38 Firewall rules merged\n- 14:06 The volume of traffic started to settle\n- 14:35 Traffic back to normal levels\n";
        assert_eq!(moments(text), ["mitigated 14:06", "resolved 14:35"]);
    }

    #[test]
    fn what_happens_as_a_rule_is_no_event() {
        let text = "## Timeline\n\n- 08:10 Builds fail on deploy\n- 08:27 Answer posted that a restart of the job usually resolves the error\n";
        assert_eq!(moments(text), ["began 08:10"]);
    }

    #[test]
    fn starting_the_fix_is_the_teams_work_not_the_start() {
        let text = "## Timeline\n\n- 2020-07-11 17:43 - The issue is reported\n- 2020-07-13 08:00 - The development of the fix is started\n- 2020-07-14 19:03 - The fix is deployed and tokens are revoked\n";
        assert!(!moments(text).iter().any(|m| m.starts_with("began")), "{:?}", moments(text));
    }

    #[test]
    fn a_clause_told_minutes_later_is_its_own_event() {
        let text = "At 14:02 UTC errors began on the API, and twenty minutes later we rolled back the release.";
        assert_eq!(moments(text), ["began 14:02 UTC", "mitigated 14:22 UTC", "resolved 14:22 UTC"]);
        let text = "Around 20:30 UTC there was a power outage that affected most hosts, so all instances were restarted about an hour later.";
        assert_eq!(moments(text), ["began 20:30 UTC", "mitigated 21:30 UTC", "resolved 21:30 UTC"]);
    }

    #[test]
    fn a_start_and_its_detection_at_one_minute_are_listed_in_the_order_they_happen() {
        let text = "- **Key events**\n  - First detected: 2022-11-15 16:03\n  - Resolved: 2022-11-15 16:30\n\nThe instance was retired at 16:00 and Prometheus went down approx 16:03.\n";
        assert_eq!(moments(text), ["began 16:03", "detected 2022-11-15 16:03", "resolved 2022-11-15 16:30"]);
    }

    #[test]
    fn noticing_is_a_detection() {
        let text = "## Timeline\n\n### 16:22 PST\n\nNode runs out of memory, service starts degrading.\n\n### 16:59 PST\n\nInvestigation starts after noticing grafana looks weird.\n";
        assert_eq!(moments(text), ["began 16:22 PST", "detected 16:59 PST", "responded 16:59 PST"]);
    }

    #[test]
    fn a_service_told_not_available_is_the_problem() {
        let text = "## Timeline\n\n- 2024-04-15 12:32: Prometheus was not available after a planned change\n- 2024-04-15 15:53: Applied the change, Prometheus has become available, incident repaired\n";
        assert_eq!(moments(text), ["began 2024-04-15 12:32", "mitigated 2024-04-15 15:53", "resolved 2024-04-15 15:53"]);
        // Told at the very time it was detected, after the key event that
        // gives the detection: still the problem's start.
        let text = format!("- **Key events**\n  - First detected: 2024-04-15 12:32\n\n- **Context**:\n{}", text.replace("## Timeline\n\n", "").replace("- 2024", "  - 2024"));
        assert_eq!(moments(&text), ["began 2024-04-15 12:32", "detected 2024-04-15 12:32", "mitigated 2024-04-15 15:53", "resolved 2024-04-15 15:53"]);
    }

    #[test]
    fn a_cause_or_a_fix_identified_is_no_detection() {
        let text = "## Timeline\n\n- 11:12: users report the site is down\n- 12:41: Potential fix for the bug identified, PR opened\n- 13:05: Possible root cause for the issue identified\n";
        assert_eq!(moments(text), ["detected 11:12"]);
        let text = "## Timeline\n\n- 11:12: users report the site is down\n- 15:36: Confirmation that the potential fix is working\n";
        assert_eq!(moments(text), ["detected 11:12", "mitigated 15:36", "resolved 15:36"]);
        // Checked for, not found.
        let text = "## Timeline\n\n- 11:12: users report the site is down\n- 14:08: a crate was published to staging to check that the fix was working\n";
        assert_eq!(moments(text), ["detected 11:12"]);
    }

    #[test]
    fn a_status_update_telling_the_recovery_is_the_recovery() {
        let text = "The build service is down.\n\n**Update 15:30 UTC:** We are still investigating.\n\n**Update 18:53 UTC:** Everything is up and running again.\n";
        assert_eq!(moments(text), ["mitigated 18:53 UTC", "resolved 18:53 UTC"]);
    }

    #[test]
    fn a_year_told_in_a_sentence_of_plans_dates_the_days_after_it() {
        let text = "This is an overview of what happened on Friday August 28 2009; a more detailed post will come later.\n\nOn August 27th, starting at about 18:00 UTC, an account was used to upload files.\n";
        assert_eq!(moments(text), ["began 2009-08-27 18:00 UTC"]);
    }

    #[test]
    fn the_incident_declared_over_is_the_end_over_a_leftover_cleared_later() {
        let text = "## Timeline\n\n- 2026-02-17 13:38 Firewall rules merged\n- 2026-02-17 14:35 Traffic went back to normal levels. Incident resolved\n- 2026-02-18 10:36 Up to 30K jobs in the queue. Those jobs were cleared\n";
        assert_eq!(moments(text), ["mitigated 2026-02-17 14:35", "resolved 2026-02-17 14:35"]);
    }

    #[test]
    fn reading_is_linear_on_the_largest_input() {
        let text = "We broke it at 10:00 UTC. Users could not log in. ".repeat(20_000);
        assert!(timeline(&text).events.len() <= 40_000);
    }

    #[test]
    fn reviews_stored_before_the_timeline_still_read() {
        let mut json: serde_json::Value = serde_json::from_str(&crate::engine::review(TABLE).to_json()).unwrap();
        json.as_object_mut().unwrap().remove("timeline");
        let old: crate::engine::Review = serde_json::from_value(json).unwrap();
        assert_eq!(old.timeline, Timeline::default());
    }

    #[test]
    fn the_first_recovery_told_with_no_action_is_the_mitigation_too() {
        let text = headings(&[
            ("2021-06-01 11:00", "Queue latency begins to climb."),
            ("12:10", "Traffic falls off after the evening peak and the backlog clears. Service resumes."),
            ("13:00", "Everything is back to normal."),
        ]);
        assert_eq!(moments(&text), ["began 2021-06-01 11:00 CET", "mitigated 2021-06-01 12:10 CET", "resolved 2021-06-01 13:00 CET"]);
        // A summary field gives when it ended, not what stopped the impact.
        let fields = "## Summary\n\n- First detected 2021-06-01 11:01\n- Resolved 2021-06-01 12:11\n";
        assert_eq!(moments(fields), ["detected 2021-06-01 11:01", "resolved 2021-06-01 12:11"]);
    }

    #[test]
    fn working_again_in_any_words_is_a_recovery_unless_it_tells_a_problem_or_an_action() {
        let synced = "Errors began at 09:00 UTC. After a day without progress the cluster synced again at 19:21 UTC.";
        assert_eq!(moments(synced).last().map(String::as_str), Some("resolved 19:21 UTC"));
        for told in ["Errors began at 09:00 UTC. The jobs failed again at 10:00 UTC.", "Errors began at 09:00 UTC. The same thing happened again at 10:00 UTC."] {
            assert!(!moments(told).iter().any(|m| m.starts_with("resolved")), "{told}");
        }
        let restarted = "Errors began at 09:00 UTC. The workers were restarted again at 10:00 UTC.";
        assert_eq!(moments(restarted), ["began 09:00 UTC", "mitigated 10:00 UTC", "resolved 10:00 UTC"]);
    }

    #[test]
    fn operating_normally_is_a_recovery() {
        let text = "Errors began at 09:00 UTC. By 11:30 UTC all regions were operating normally.";
        assert_eq!(moments(text), ["began 09:00 UTC", "mitigated 11:30 UTC", "resolved 11:30 UTC"]);
    }

    #[test]
    fn the_first_success_after_the_failures_is_the_mitigation() {
        let text = headings(&[
            ("2021-06-01 09:00", "Builds start failing."),
            ("09:40", "First successful build on the new runners."),
            ("10:30", "All queues are back to normal."),
        ]);
        assert_eq!(moments(&text), ["began 2021-06-01 09:00 CET", "mitigated 2021-06-01 09:40 CET", "resolved 2021-06-01 10:30 CET"]);
    }

    #[test]
    fn a_start_told_with_its_detection_is_both() {
        let text = headings(&[
            ("2021-06-01 08:00", "The export job has stopped working, reporting a timeout."),
            ("09:10", "Investigation starts."),
            ("10:00", "Exports work again."),
        ]);
        assert_eq!(
            moments(&text),
            ["began 2021-06-01 08:00 CET", "detected 2021-06-01 08:00 CET", "responded 2021-06-01 09:10 CET", "mitigated 2021-06-01 10:00 CET", "resolved 2021-06-01 10:00 CET"]
        );
        // The problem alone is not its detection.
        let unseen = headings(&[("2021-06-01 08:00", "The export job has stopped working."), ("09:10", "Investigation starts.")]);
        assert_eq!(moments(&unseen), ["began 2021-06-01 08:00 CET", "responded 2021-06-01 09:10 CET"]);
    }
    #[test]
    fn a_problem_until_a_time_ends_there_and_from_a_time_until_starts_there() {
        let until = "Readers got errors until 15:34 UTC, when the error rate returned to baseline.";
        assert_eq!(moments(until), ["mitigated 15:34 UTC", "resolved 15:34 UTC"]);
        let from = "The portal stayed unavailable from 02:00 CET until full service was restored at 06:47 CET.";
        assert_eq!(moments(from), ["began 02:00 CET", "mitigated 06:47 CET", "resolved 06:47 CET"]);
        // Without a problem told, "from ... until" is no window of one.
        let work = "We worked from 02:00 CET until the migration finished at 06:47 CET.";
        assert!(!moments(work).iter().any(|m| m.starts_with("began")), "{:?}", moments(work));
    }

    #[test]
    fn a_date_told_right_after_a_clock_is_its_own() {
        let text = "A build published on 3 October 2026 leaked the token; we revoked it at 16:40 UTC on 5 October.";
        assert_eq!(moments(text), ["mitigated 2026-10-05 16:40 UTC", "resolved 2026-10-05 16:40 UTC"]);
        let before = "On 3 October 2026 a build leaked the token; we revoked it at 16:40 UTC.";
        assert_eq!(moments(before), ["mitigated 2026-10-03 16:40 UTC", "resolved 2026-10-03 16:40 UTC"]);
    }

    #[test]
    fn a_problem_word_denied_tells_no_problem() {
        for text in [
            "At 14:05 UTC the EU region showed no errors.",
            "The retry at 14:05 UTC was not counted as a problem.",
            "At 14:05 UTC the replica was promoted without any impact.",
        ] {
            assert!(moments(text).is_empty(), "{text}: {:?}", moments(text));
        }
        assert_eq!(moments("At 14:05 UTC the EU region showed errors."), ["began 14:05 UTC"]);
    }

    #[test]
    fn a_plan_and_an_uncertain_end_tell_no_start() {
        assert!(moments("The upgrade failed. We plan to retry it on Monday starting at 08:00 UTC.").is_empty());
        assert!(moments("The outage seems to have been resolved at 00:05 UTC.").is_empty());
        assert_eq!(moments("The outage started at 23:10 UTC."), ["began 23:10 UTC"]);
    }

    #[test]
    fn impact_experienced_in_a_window_starts_it_and_name_resolution_is_no_recovery() {
        let text = "On 22 November 2018, between 8:19 AM and 9:43 AM UTC, instances experienced DNS resolution issues.";
        assert_eq!(moments(text), ["began 2018-11-22 08:19 UTC", "mitigated 2018-11-22 09:43 UTC", "resolved 2018-11-22 09:43 UTC"]);
    }

    #[test]
    fn an_action_tried_or_to_come_is_no_mitigation() {
        let text = headings(&[
            ("2021-06-01 08:35", "Deployment failed."),
            ("08:51", "Try to restart Apache."),
            ("09:10", "The deploy is rolled back."),
        ]);
        assert_eq!(moments(&text), ["began 2021-06-01 08:35 CET", "mitigated 2021-06-01 09:10 CET", "resolved 2021-06-01 09:10 CET"]);
    }

    #[test]
    fn key_event_fields_a_fault_occurring_the_team_aware_and_a_repair() {
        let text = "- **Key events**\n  - Fault occurs 2020-02-25 07:32\n  - Team aware 2020-02-25 07:36\n  - Incident declared 2020-02-25 10:58\n  - Repaired 2020-02-25 16:40\n  - Resolved 2020-02-25 17:07\n";
        assert_eq!(
            moments(text),
            ["began 2020-02-25 07:32", "detected 2020-02-25 07:36", "responded 2020-02-25 10:58", "mitigated 2020-02-25 16:40", "resolved 2020-02-25 17:07"]
        );
    }

    #[test]
    fn bare_times_of_the_story_fall_in_order_on_the_one_day_of_the_dated_fields() {
        let text = "- **Key events**\n  - First detected 2022-11-15 16:03\n  - Incident declared 2022-11-15 16:05\n  - Repaired 2022-11-15 16:30\n\n## What happened\n\nThe instance was retired at 16:00, Prometheus went down approx 16:03. The pod was killed by us at 16:12.\n";
        let t = timeline(text);
        assert!(moments(text).contains(&"began 16:03".to_string()), "{:?}", moments(text));
        assert_eq!(t.durations.to_mitigate, Some(27), "from the prose start to the dated repair: {:?}", t.durations);
    }

    #[test]
    fn a_problem_since_a_time_started_then_whatever_else_the_sentence_tells() {
        let text = "We first received reports of slow page loads at 2:15 PM PST. Investigation showed the database had been saturated since 1:58 PM. We failed over to the replica at 2:40 PM, and full service returned by 2:52 PM.";
        assert_eq!(moments(text), ["began 13:58 PST", "detected 14:15 PST", "mitigated 14:40 PST", "resolved 14:52 PST"]);
        let investigating = "We have been investigating since 14:00, after errors were reported.";
        assert!(!moments(investigating).iter().any(|m| m.starts_with("began")), "{:?}", moments(investigating));
    }

    #[test]
    fn an_undated_time_first_in_order_is_on_day_one_like_the_dated_ones() {
        let text = "At 08:00 UTC a disk failed.\n\nOn 2024-03-12 at 09:14 UTC error rates began to climb. On 2024-03-12 at 09:31 UTC the on-call engineer was paged.\n";
        let t = timeline(text);
        let days: Vec<(&str, Option<&str>, u16)> = t.events.iter().map(|e| (e.clock.as_str(), e.date.as_deref(), e.day)).collect();
        assert_eq!(days, [("08:00", None, 0), ("09:14", Some("2024-03-12"), 0), ("09:31", Some("2024-03-12"), 0)], "{:?}", t.events);
    }

    #[test]
    fn each_line_opening_with_a_time_in_a_timeline_paragraph_is_an_entry() {
        let text = "## Timeline (UTC)\n\n14:00 - Release 2.3 rolled out\n14:06 - Errors increase\n14:15 - On-call acknowledges page\n14:40 - Release rolled back\n14:52 - Error rate back to baseline\n";
        assert_eq!(moments(text), ["began 14:06 UTC", "responded 14:15 UTC", "mitigated 14:40 UTC", "resolved 14:52 UTC"]);
        let t = timeline(text);
        assert_eq!(&text[t.events[1].start..t.events[1].end], "14:06 - Errors increase", "an entry cites its own line");
        let wrapped = "We rolled back at\n14:40 UTC and errors stopped by\n14:52 UTC.";
        assert_eq!(timeline(wrapped).events.len(), 2, "prose wrapped before a time is no timeline: {:?}", moments(wrapped));
    }

    #[test]
    fn a_date_after_another_clock_time_is_that_ones() {
        let text = "On Friday, March 3rd at approximately 10:45 PM EST, the site went offline. By 11:30 PM the team had identified the problem, and at 12:15 AM on March 4th the site was back online.";
        assert_eq!(moments(text), ["began 3 Mar 22:45 EST", "detected 3 Mar 23:30 EST", "mitigated 4 Mar 00:15 EST", "resolved 4 Mar 00:15 EST"]);
        assert_eq!(timeline(text).durations.to_resolve, Some(90));
    }

    #[test]
    fn what_a_clock_time_is_told_that_is_another_clause() {
        let text = "At 14:10 UTC we were alerted that error rates had spiked starting at 14:02 UTC.";
        assert_eq!(moments(text), ["began 14:02 UTC", "detected 14:10 UTC"]);
    }

    #[test]
    fn a_window_of_gateway_errors_is_the_problem() {
        let text = "Between 03:10 and 04:25 UTC on 2021-05-04 the registry returned 503s for all uploads.";
        assert_eq!(moments(text), ["began 2021-05-04 03:10 UTC", "mitigated 2021-05-04 04:25 UTC", "resolved 2021-05-04 04:25 UTC"]);
    }

    #[test]
    fn a_time_columns_zone_is_its_rows_zone() {
        let text = "| Time (UTC) | Event |\n|---|---|\n| 2020-01-06 00:04 | Alerts fire for API 5xx |\n| 2020-01-06 01:15 | Primary restored |\n";
        assert_eq!(moments(text), ["detected 2020-01-06 00:04 UTC", "resolved 2020-01-06 01:15 UTC"]);
    }

    #[test]
    fn a_page_received_a_redeploy_and_checks_passing_restoring_service() {
        let text = "## Timeline\n\nAll times are in UTC.\n\n- **12:03** Health checks start failing on 40% of hosts.\n- **12:09** SRE on call receives page.\n- **12:48** Previous build redeployed.\n- **13:05** All health checks passing.\n";
        // The redeploy is an action; the checks passing after it are when
        // the impact stopped and ended.
        assert_eq!(moments(text), ["began 12:03 UTC", "detected 12:09 UTC", "mitigated 13:05 UTC", "resolved 13:05 UTC"]);
        let restoring = "The certificate expired at 22:30 CEST. A new certificate was installed at 08:02 CEST, restoring service.";
        assert_eq!(moments(restoring).last().map(String::as_str), Some("resolved 08:02 CEST"));
    }

    #[test]
    fn slash_dates_are_read_day_first_when_the_days_change_in_the_first_place() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 06/04/2023 21:42 - A notification was sent for the last time.\n- 07/04/2023 01:00 - First alert on Slack.\n- 11/04/2023 08:35 - Restart the delayed jobs, emails are sent again.\n- 10/04/2023 09:21 - Start investigating the alerts.\n";
        assert_eq!(moments(text), ["began 2023-04-06 21:42 UTC", "detected 2023-04-07 01:00 UTC", "responded 2023-04-10 09:21 UTC", "mitigated 2023-04-11 08:35 UTC", "resolved 2023-04-11 08:35 UTC"]);
    }

    #[test]
    fn a_bare_hour_after_noon_on_a_12_hour_clock_is_the_afternoon() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 9:43 AM: errors begin on the testnet\n- 10:27: engineers discuss a fix\n- 12:08: the fix is reviewed\n- 1:17: the release is rolled back\n- 3:25 PM: the network is finalizing again\n";
        assert_eq!(moments(text), ["began 09:43 UTC", "mitigated 13:17 UTC", "resolved 15:25 UTC"]);
        assert_eq!(timeline(text).durations.to_resolve, Some(342));
        let night = "## Timeline\n\nAll times UTC.\n\n- 11:50 PM: errors begin\n- 1:10: the release is rolled back\n";
        assert_eq!(moments(night), ["began 23:50 UTC", "mitigated 01:10 UTC (day 2)", "resolved 01:10 UTC (day 2)"], "over six hours before: the morning after");
        let clock24 = "## Timeline\n\nAll times UTC.\n\n- 19:22: errors begin\n- 6:10: the release is rolled back\n";
        assert_eq!(moments(clock24), ["began 19:22 UTC", "mitigated 06:10 UTC (day 2)", "resolved 06:10 UTC (day 2)"], "a 24-hour clock");
    }

    #[test]
    fn an_outage_brought_to_an_end_is_resolved() {
        let text = "At 13:35 PST the deploy broke logins. At 15:25 PST the fix was deployed, bringing the outage to an end.";
        assert_eq!(moments(text).last().map(String::as_str), Some("resolved 15:25 PST"));
    }

    #[test]
    fn a_service_back_is_a_recovery_unless_the_problem_is() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 08:35 Deployment failed.\n- 08:51 Restart the affected services, OBS is back.\n";
        assert_eq!(moments(text), ["began 08:35 UTC", "mitigated 08:51 UTC", "resolved 08:51 UTC"]);
        let recurred = "## Timeline\n\nAll times UTC.\n\n- 08:35 Deployment failed.\n- 09:40 The errors are back.\n";
        assert!(!moments(recurred).iter().any(|m| m.starts_with("resolved")), "{:?}", moments(recurred));
    }

    #[test]
    fn a_problem_no_longer_seen_has_ended() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 14:40 We remove the indices. The search is down.\n- 14:47 We start searchd as root, the search is no longer down.\n";
        assert_eq!(moments(text).last().map(String::as_str), Some("resolved 14:47 UTC"));
    }

    #[test]
    fn people_starting_work_is_no_start_of_the_problem_and_a_planned_step_no_action() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 08:15 User reported new deployments stuck.\n- 09:00 Team started to put together the list of namespaces.\n- 10:37 The team planned to roll back the caching change.\n";
        assert_eq!(moments(text), ["detected 08:15 UTC"]);
    }

    #[test]
    fn starting_or_ending_the_teams_work_is_no_problem_nor_its_end_and_starting_to_report_is_a_detection() {
        // The work started is a change, the start only as the first change
        // told before the problem was noticed with nothing else between.
        let text = "## Timeline\n\nAll times UTC.\n\n- 09:00 Started the deployment of 2.3.\n- 09:04 The schema migration began.\n- 09:12 Users started to report failed checkouts.\n- 09:30 Rolled back to 2.2.\n- 09:41 Ended the deployment window.\n";
        assert_eq!(moments(text), ["began 09:00 UTC", "detected 09:12 UTC", "mitigated 09:30 UTC"]);
        // The problem told with the work still starts it.
        let broke = "## Timeline\n\nAll times UTC.\n\n- 09:00 Deploy of 2.3 begins; error rates rise at once.\n- 09:12 Alert fires.\n";
        assert_eq!(moments(broke), ["began 09:00 UTC", "detected 09:12 UTC"]);
        assert_eq!(moments("After the upgrade errors began at 09:00 UTC."), ["began 09:00 UTC"]);
    }

    #[test]
    fn a_problem_that_eases_or_stops_is_no_start() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 09:05 Alert fires for 5xx on the API.\n- 09:30 Error rates started to drop.\n- 09:40 The errors stopped.\n";
        assert_eq!(moments(text), ["detected 09:05 UTC", "mitigated 09:30 UTC", "resolved 09:40 UTC"]);
        let subsided = "Timeouts began at 14:00 UTC. The timeouts subsided at 14:25 UTC.";
        assert_eq!(moments(subsided), ["began 14:00 UTC", "mitigated 14:25 UTC", "resolved 14:25 UTC"]);
        // A service that stops, or stops doing its work, has a problem.
        for stopped in ["At 09:00 UTC the export job stopped.", "At 09:00 UTC the error reporter stopped sending mail."] {
            assert_eq!(moments(stopped), ["began 09:00 UTC"], "{stopped}");
        }
    }

    #[test]
    fn an_action_that_did_not_help_is_no_mitigation() {
        let text = "Errors began at 09:00 UTC. At 09:20 UTC we restarted the workers, which did not help. At 09:45 UTC we rolled back and the errors stopped.";
        assert_eq!(moments(text), ["began 09:00 UTC", "mitigated 09:45 UTC", "resolved 09:45 UTC"]);
        let unsuccessful = "## Timeline\n\nAll times UTC.\n\n- 09:00 Builds start failing.\n- 09:20 Failover to the first replica was unsuccessful.\n- 09:50 Failover to the second replica.\n";
        assert_eq!(moments(unsuccessful), ["began 09:00 UTC", "mitigated 09:50 UTC", "resolved 09:50 UTC"]);
        // Only its own clause's action: the next sentence's restart stands.
        let next = "Errors began at 09:00 UTC. The cache flush did not help. At 09:20 UTC we restarted the workers.";
        assert_eq!(moments(next), ["began 09:00 UTC", "mitigated 09:20 UTC", "resolved 09:20 UTC"]);
    }

    #[test]
    fn a_recovery_hoped_for_or_only_apparent_is_none_and_a_partial_one_a_mitigation() {
        for hedged in [
            "Errors began at 09:00 UTC. By 10:00 UTC the issue was hopefully resolved.",
            "Errors began at 09:00 UTC. At 10:00 UTC the issue was apparently resolved.",
            "Errors began at 09:00 UTC. At 10:00 UTC the issue may have been resolved.",
            "Errors began at 09:00 UTC. At 10:00 UTC it looked like service was restored.",
            "Errors began at 09:00 UTC. At 10:00 UTC we watched the graphs to confirm the service was restored.",
        ] {
            assert_eq!(moments(hedged), ["began 09:00 UTC"], "{hedged}");
        }
        let partly = "Errors began at 09:00 UTC. At 10:00 UTC the site was mostly back to normal. At 10:40 UTC everything was back to normal.";
        assert_eq!(moments(partly), ["began 09:00 UTC", "mitigated 10:00 UTC", "resolved 10:40 UTC"]);
    }

    #[test]
    fn a_backlog_that_clears_or_writes_that_resume_recover_but_clearing_a_cache_is_an_action() {
        let text = "Writes failed from 02:10 UTC. At 02:40 UTC we cleared the cache. The backlog cleared at 02:55 UTC.";
        // Clearing the cache is an action, not the recovery; the recovery
        // after it is when the impact stopped.
        assert_eq!(moments(text), ["began 02:10 UTC", "mitigated 02:55 UTC", "resolved 02:55 UTC"]);
        assert_eq!(moments("Writes failed from 02:10 UTC. Writes resumed at 02:41 UTC.").last().map(String::as_str), Some("resolved 02:41 UTC"));
        let work = "Writes failed from 02:10 UTC. We resumed the rollout at 03:30 UTC.";
        assert_eq!(moments(work), ["began 02:10 UTC"]);
    }

    #[test]
    fn a_status_updates_posting_time_is_no_event() {
        // Unless it tells the recovery: reviewers mark "**Update 18:53
        // UTC:** Everything is up and running again." as the end (their
        // marks of 66 more documents), so the recovery's update counts.
        let text = "# Login failures\n\nUpdated 14:05 UTC: we are investigating reports of failed logins.\n\nPosted at 15:10 UTC: logins work again.\n";
        assert_eq!(moments(text), ["mitigated 15:10 UTC", "resolved 15:10 UTC"]);
        let dated = "[Update 11th of February 2022 - 15:20 UTC] We are moving builds to the new cluster.";
        assert!(timeline(dated).events.is_empty(), "{:?}", moments(dated));
        let told = "At 14:05 UTC we updated the DNS record, restoring service.";
        assert_eq!(moments(told), ["mitigated 14:05 UTC", "resolved 14:05 UTC"]);
    }

    #[test]
    fn an_entry_that_finds_when_the_problem_started_dates_the_start() {
        let text = "## Timeline\n\nAll times UTC.\n\n- 10:12 Alert fired for elevated 5xx on the API.\n- 10:20 We found the errors had started at 10:05 after a config push.\n- 10:31 Rolled back the config.\n";
        assert_eq!(moments(text), ["began 10:05 UTC", "detected 10:12 UTC", "mitigated 10:31 UTC", "resolved 10:31 UTC"]);
    }

    #[test]
    fn a_moment_told_twice_at_one_time_is_listed_once_and_again_goes_with_what_it_ends() {
        let text = "At 02:10 UTC the primary database ran out of disk. Our monitoring paged the on-call engineer at 02:18 UTC. At 02:18 UTC the on-call engineer was paged.";
        assert_eq!(timeline(text).events.iter().filter(|e| e.clock == "02:18").map(|e| e.kind).collect::<Vec<_>>(), [EventKind::Detected, EventKind::Responded]);
        let attributed = "## Timeline\n\nAll times UTC.\n\n- 13:00 Logins fail.\n- 13:35 The deploy is complete; the failure recurs once, again attributed to stale cookies.\n";
        assert!(!moments(attributed).iter().any(|m| m.contains("13:35")), "{:?}", moments(attributed));
        assert_eq!(moments("At 22:16 UTC the network halted at block 1200."), ["began 22:16 UTC"]);
    }

    #[test]
    fn a_timeline_paragraphs_entry_ends_where_a_sentence_gives_another_time() {
        let text = "## Timeline\n\nAround 09:50 UTC we ran a deployment. After it finished we noticed errors on some pages. Around 10:00 UTC we patched the code path.\n";
        let t = timeline(text);
        let mitigated = t.events.iter().find(|e| e.kind == EventKind::Mitigated).map(Event::when);
        assert_eq!(mitigated.as_deref(), Some("10:00 UTC"), "{:?}", moments(text));
    }

    #[test]
    fn an_action_told_after_the_recovery_is_no_mitigation() {
        let text = "## Timeline (UTC)\n\n- 10:27 Deployed with migrations\n- 10:32 Noticed errors when opening comments\n- 10:40 Errors stopped\n- 10:46 Concluded the errors came between the servers restarted and the migrations finished\n";
        assert_eq!(moments(text), ["began 10:27 UTC", "detected 10:32 UTC", "mitigated 10:40 UTC", "resolved 10:40 UTC"]);
    }

    #[test]
    fn a_change_the_problem_follows_at_once_or_is_noticed_after_is_the_start() {
        let text = "At 09:41 UTC we deployed a new version. Right after the deployment, the application crashed on boot.";
        assert_eq!(moments(text), ["began 09:41 UTC"]);
        let noticed = "At 09:41 UTC we deployed a new version. Shortly after the deployment, we noticed errors.";
        assert_eq!(moments(noticed), ["began 09:41 UTC"]);
        let no_change = "At 09:41 UTC the team met. Right after, the application crashed.";
        assert!(moments(no_change).is_empty(), "{:?}", moments(no_change));
    }

    #[test]
    fn a_change_done_or_begun_just_before_the_problem_was_noticed_is_the_start() {
        let prose = "This morning, at 10:25 UTC, we deployed as usual. Some minutes after the deployment was done we noticed duplicated emails. At 12:16 UTC we decided to downgrade the library.";
        assert_eq!(moments(prose)[0], "began 10:25 UTC", "{:?}", moments(prose));
        let entries = "## Timeline\n\nAll times UTC.\n\n- 12:16 a message announced the upcoming deployment\n- 12:17 the staging deployment was promoted to production\n- 12:18 a message said the deployment was completed\n- 12:28 a user notified the team of broken downloads\n";
        assert_eq!(moments(entries)[0], "began 12:17 UTC", "{:?}", moments(entries));
        // Both reviewers mark a change's start told as an event, when
        // nothing else is told before the problem was noticed.
        let begun = "## Timeline\n\nAll times UTC.\n\n- 09:49 Start of the deployment\n- 09:50 We noticed that the deployment failed\n";
        assert_eq!(moments(begun)[0], "began 09:49 UTC", "{:?}", moments(begun));
        // The problem told before it was handled is the start, not the change.
        assert_eq!(moments(TABLE)[0], "began 09:14 UTC");
    }

    #[test]
    fn what_worked_happening_for_the_last_time_is_the_start() {
        let text = "## Timeline (times in UTC)\n\n- 06/04/2023 21:42 - A notification was created for the last time but its event wasn't marked as sent.\n- 07/04/2023 01:00 - First alert on Slack coming from Grafana.\n";
        assert_eq!(moments(text), ["began 2023-04-06 21:42 UTC", "detected 2023-04-07 01:00 UTC"]);
        let last_backup = "## Timeline\n\n- 02:00 UTC: the last successful backup ran\n- 09:12 UTC: users reported missing files\n";
        assert_eq!(moments(last_backup)[0], "began 02:00 UTC", "{:?}", moments(last_backup));
    }

    #[test]
    fn the_work_the_outage_left_finished_is_the_end_but_the_teams_work_finished_is_not() {
        let text = "## Timeline\n\n- 00:55: crate builds started failing\n- 02:06: the site is back online\n- 08:19: failed builds added back into the queue\n- 19:27: builds of the crates failed during the outage finished\n";
        let resolved = |text| moments(text).into_iter().find(|m| m.starts_with("resolved"));
        assert_eq!(resolved(text).as_deref(), Some("resolved 19:27"), "{:?}", moments(text));
        let deployment = "## Timeline\n\n- 09:00 errors began\n- 09:30 the site is back online\n- 10:00 the deployment of the fix finished\n";
        assert_eq!(resolved(deployment).as_deref(), Some("resolved 09:30"), "{:?}", moments(deployment));
        let work = "## Timeline\n\n- 09:00 errors began\n- 09:30 the site is back online\n- 10:00 we finished the investigation\n";
        assert_eq!(resolved(work).as_deref(), Some("resolved 09:30"), "{:?}", moments(work));
    }

    #[test]
    fn someone_informed_of_the_problem_detects_it_but_the_team_informing_users_does_not() {
        let text = "## Timeline\n\n- 2026-02-15 10:24 BuildOps informed about delayed jobs piling up\n- 2026-02-16 11:10 Started investigations\n";
        assert_eq!(moments(text)[0], "detected 2026-02-15 10:24", "{:?}", moments(text));
        let told_users = "## Timeline\n\n- 10:24 We informed users on the status page\n- 10:40 Alerts fired for the API\n";
        assert_eq!(moments(told_users), ["detected 10:40"]);
    }

    #[test]
    fn a_drain_started_is_the_teams_work_not_the_start() {
        let text = "## Timeline\n\n- 13:42 Team noticed disk alerts\n- 15:34 Old node group uncordoned\n- 15:35 New nodes drain started to shift workload back to old nodegroup\n- 17:54 Incident repaired\n";
        assert!(!moments(text).iter().any(|m| m.starts_with("began")), "{:?}", moments(text));
    }

    #[test]
    fn a_deadline_the_team_gave_is_no_end_and_telling_others_no_detection() {
        let text = "Having confirmed the issue was still occurring, we notified the vendor that they had until 1400UTC Saturday to address the issue.";
        assert!(!moments(text).iter().any(|m| m.starts_with("resolved") || m.starts_with("detected")), "{:?}", moments(text));
        assert_eq!(moments("Pages failed until 15:30 UTC."), ["mitigated 15:30 UTC", "resolved 15:30 UTC"]);
    }

    #[test]
    fn someone_starting_work_on_an_update_is_a_response() {
        let text = "## Timeline\n\n- 09:44: users report failed transactions\n- 11:37: Mario starts working on an update to the spec\n";
        assert_eq!(moments(text), ["detected 09:44", "responded 11:37"]);
    }

    #[test]
    fn an_action_an_error_message_tells_to_try_is_none() {
        let text = "## Timeline (UTC)\n\n- 10:21 Deploy and errors tracked (Lock wait timeout exceeded; try restarting transaction)\n- 12:06 The service is restored\n";
        assert_eq!(moments(text), ["began 10:21 UTC", "mitigated 12:06 UTC", "resolved 12:06 UTC"]);
    }

    #[test]
    fn a_problem_gone_has_ended_but_not_one_gone_up_or_unnoticed() {
        let text = "## Timeline (UTC)\n\n- 09:21 The application crashed after the install.\n- 09:24 We restarted Apache. The problem was gone afterward.\n";
        assert_eq!(moments(text), ["began 09:21 UTC", "mitigated 09:24 UTC", "resolved 09:24 UTC"]);
        assert_eq!(moments("At 09:21 UTC errors had gone up."), ["began 09:21 UTC"]);
        assert_eq!(moments("At 09:21 UTC the problem had gone unnoticed."), ["began 09:21 UTC"]);
    }

    #[test]
    fn a_problem_solved_is_repaired() {
        let text = "At 10:25 UTC the deploy broke the message bus. At 4:10 pm UTC we could deploy the rebuilt package to solve the problem.";
        assert_eq!(moments(text), ["began 10:25 UTC", "mitigated 16:10 UTC", "resolved 16:10 UTC"]);
        let tried = "At 10:25 UTC the deploy broke the message bus. At 4:10 pm UTC we tried to solve the problem.";
        assert_eq!(moments(tried), ["began 10:25 UTC"]);
    }

    #[test]
    fn removing_what_did_harm_is_a_repair_unless_it_caused_the_problem() {
        let text = "On 2025-09-24 the team was notified of two malicious packages. The deletion was performed at 15:34 UTC on September 24, 2025.";
        assert_eq!(moments(text), ["mitigated 2025-09-24 15:34 UTC", "resolved 2025-09-24 15:34 UTC"], "the one recovery told is both");
        let cause = "At 10:00 UTC the accidental deletion of the volume caused an outage.";
        assert_eq!(moments(cause), ["began 10:00 UTC"]);
        let hoped = "At 10:00 UTC we hoped the removal would help.";
        assert!(moments(hoped).is_empty(), "{:?}", moments(hoped));
    }

    #[test]
    fn actions_taken_are_read_as_they_happened_but_action_items_are_not() {
        let taken = "## Summary\n\nUsers were notified of a malicious package.\n\n## Actions taken\n\nThe deletion was performed at 15:34 UTC.\n";
        assert_eq!(moments(taken), ["mitigated 15:34 UTC", "resolved 15:34 UTC"]);
        let items = "## Summary\n\nUsers were notified of a malicious package.\n\n## Action items\n\nThe deletion was performed at 15:34 UTC.\n";
        assert!(moments(items).is_empty(), "{:?}", moments(items));
    }

    #[test]
    fn an_entrys_own_date_does_not_change_the_day_stated_for_all_events() {
        let text = "## Timeline\n\nUnless otherwise noted all events happened on 2019-10-21, and all times are in UTC.\n\n- 2019-10-20 00:55: builds started failing\n- 01:38: alerts fired for the website being down\n- 02:06: the website back online\n";
        assert_eq!(moments(text), ["began 2019-10-20 00:55 UTC", "detected 2019-10-21 01:38 UTC", "mitigated 2019-10-21 02:06 UTC", "resolved 2019-10-21 02:06 UTC"]);
        let day_by_day = "## Timeline\n\nAll times UTC.\n\n- 2019-10-20 23:55: builds started failing\n- 01:38: alerts fired for the website being down\n";
        assert_eq!(moments(day_by_day), ["began 2019-10-20 23:55 UTC", "detected 2019-10-21 01:38 UTC"]);
    }

    #[test]
    fn a_problem_that_would_follow_a_condition_is_no_start() {
        let text = "## Timeline (UTC)\n\n### 11:20\n\nWe notice that launches fail.\n\n### 14:16\n\nCPU of the pod is at 100%. If we restart the pod, the new one climbs to 100%, then problems begin.\n";
        assert_eq!(moments(text), ["detected 11:20 UTC"]);
        assert_eq!(moments("At 14:16 UTC problems began."), ["began 14:16 UTC"]);
    }

    #[test]
    fn what_works_as_expected_again_has_recovered_but_not_what_is_not_working_as_expected() {
        let text = "## Timeline (UTC)\n\n- 10:00 Deposits fail on the network.\n- 16:09 We tested a deposit and it works as expected now.\n";
        assert_eq!(moments(text), ["began 10:00 UTC", "mitigated 16:09 UTC", "resolved 16:09 UTC"]);
        assert_eq!(moments("At 10:00 UTC deposits were not working as expected."), ["began 10:00 UTC"]);
        assert_eq!(moments("At 10:00 UTC the fix did not work as expected."), Vec::<String>::new());
    }

    #[test]
    fn a_timeline_entry_telling_a_plan_too_still_happened_but_a_plan_in_prose_did_not() {
        let text = "## Timeline (UTC)\n\n- 09:44: users report failed transactions\n- 10:28: transactions are flowing again and we will discuss proper fixes\n";
        assert_eq!(moments(text), ["detected 09:44 UTC", "mitigated 10:28 UTC", "resolved 10:28 UTC"]);
        let plan = "Users reported failed transactions at 09:44 UTC. We will roll back at 10:28 UTC.";
        assert_eq!(moments(plan), ["detected 09:44 UTC"]);
        let planned_entry = "## Timeline (UTC)\n\n- 09:44: users report failed transactions\n- 10:00: we decided we will roll back\n";
        assert_eq!(moments(planned_entry), ["detected 09:44 UTC", "responded 10:00 UTC"]);
    }

    #[test]
    fn an_action_begun_is_a_response_and_its_completion_the_mitigation() {
        let text = "## Timeline (UTC)\n\n- 08:56 Users report failed requests\n- 09:14 The team begin a rollback of the ingress\n- 09:43 The rollback of the ingress has completed\n";
        assert_eq!(moments(text), ["detected 08:56 UTC", "responded 09:14 UTC", "mitigated 09:43 UTC", "resolved 09:43 UTC"]);
        assert_eq!(moments("At 09:14 UTC we rolled back the ingress."), ["mitigated 09:14 UTC", "resolved 09:14 UTC"]);
    }

    #[test]
    fn an_actions_name_naming_a_thing_is_no_action() {
        let text = "## Timeline (UTC)\n\n- 10:05 Noticed a problem with the web server\n- 10:06 Checking the failover machine\n- 10:10 Failed over to the standby\n";
        assert_eq!(moments(text), ["detected 10:05 UTC", "mitigated 10:10 UTC", "resolved 10:10 UTC"]);
    }

    #[test]
    fn starting_a_service_again_is_a_restart_but_errors_starting_again_are_no_recovery() {
        let text = "## Timeline (UTC)\n\n- 10:05 Noticed a problem with the web server\n- 10:10 Found the issue and started keepalived again\n";
        assert_eq!(moments(text), ["detected 10:05 UTC", "mitigated 10:10 UTC", "resolved 10:10 UTC"]);
        assert_eq!(moments("At 10:10 UTC errors started again."), ["began 10:10 UTC"]);
    }

    #[test]
    fn a_restart_during_a_change_or_followed_by_a_crash_is_no_mitigation() {
        let text = "## Timeline (UTC)\n\n- 09:21 We installed the new packages. During\n  the installation, Apache gets restarted. After restarting, the application crashed.\n- 09:24 We restarted Apache by hand. The problem was gone afterward.\n";
        assert_eq!(moments(text), ["began 09:21 UTC", "mitigated 09:24 UTC", "resolved 09:24 UTC"]);
        assert_eq!(moments("At 09:24 UTC, after the rollback, errors dropped."), ["mitigated 09:24 UTC", "resolved 09:24 UTC"]);
    }

    #[test]
    fn an_action_the_next_clause_says_did_not_help_is_no_mitigation() {
        let text = "## Timeline (UTC)\n\n- 09:21 The application crashed.\n- 09:22 We waited for all service restarts. But this did not fix the problem.\n- 09:24 We restarted Apache by hand.\n";
        assert_eq!(moments(text), ["began 09:21 UTC", "mitigated 09:24 UTC", "resolved 09:24 UTC"]);
    }

    #[test]
    fn a_dated_heading_outside_the_timeline_section_dates_the_entries_under_it() {
        let text = "## Timeline\n\n### Feb 20 2018 14:17\n\nLaunches fail.\n\n### 19:52\n\nLaunches work again.\n\n## Feb 22, 07:13\n\n### 07:18\n\nThe chart is updated.\n";
        let t = timeline(text);
        let last = t.events.last().map(Event::when);
        assert_eq!(last.as_deref(), Some("2018-02-22 07:18"), "{:?}", t.events);
    }

    #[test]
    fn a_problem_failing_to_stop_is_no_end() {
        assert_eq!(moments("At 16:20 UTC many pods were failing to stop."), ["began 16:20 UTC"]);
        assert_eq!(moments("At 16:20 UTC the errors stopped."), ["mitigated 16:20 UTC", "resolved 16:20 UTC"]);
    }

    #[test]
    fn an_outage_told_outright_before_its_fix_is_the_start_over_the_change_before_it() {
        for (passage, outage) in [
            ("**The search is down**", true),
            ("the API was unavailable for users", true),
            ("Both mirrors were offline.", true),
            ("the site is still down", false),
            ("the search is no longer down", false),
            ("we took the node down", false),
        ] {
            assert_eq!(tells_an_outage(passage), outage, "{passage}");
        }
        // A failure only noticed after the change, then the outage the
        // team caused while handling it.
        let text = "## Timeline\n\nAll times UTC.\n\n- 13:00 We ran a deployment\n- 13:02 We notice that the worker unit failed to start\n- 13:30 While cleaning up we delete the cache. **The site is down**\n- 13:45 We restore the cache, **the site is no longer down**\n";
        assert_eq!(moments(text), ["detected 13:02 UTC", "began 13:30 UTC", "mitigated 13:45 UTC", "resolved 13:45 UTC"]);
        // Told as still going, it began before: the change stays the start.
        let still = text.replace("While cleaning up we delete the cache. **The site is down**", "Old pods deleted, but the site is still down");
        assert_eq!(moments(&still)[0], "began 13:00 UTC");
    }
}
