//! What the person takes away: their own verdicts where they overrule the
//! engine, the review written out as a Markdown report, and where a
//! criterion's skeleton section goes when they ask to insert it.

use crate::engine::timeline::Timeline;
use crate::engine::{self, CriterionId, CriterionReview, Review, SetByHand, Tier, Verdict};
use serde::{Serialize, Serializer};

/// A verdict set by hand, replacing the engine's, with the reviewer's note
/// on why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Override {
    pub verdict: Verdict,
    pub note: String,
}

/// At most one override per criterion, in criterion order: a slot per
/// criterion, not a map, whose machinery cost the web app 3.7 KB gzip for
/// at most twelve keys. Serialised as a map from criterion to override
/// (`{"R1":{"verdict":"met","note":…}}`), the form drafts are stored in.
/// Boxed, so a draft that carries it stays small to move.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides(Box<[Option<Override>; 12]>);

impl Overrides {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, id: &CriterionId) -> Option<&Override> {
        self.0[*id as usize].as_ref()
    }

    pub fn insert(&mut self, id: CriterionId, set: Override) {
        self.0[id as usize] = Some(set);
    }

    pub fn remove(&mut self, id: &CriterionId) {
        self.0[*id as usize] = None;
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    pub fn len(&self) -> usize {
        self.0.iter().flatten().count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The overrides in criterion order.
    pub fn iter(&self) -> impl Iterator<Item = (CriterionId, &Override)> {
        CriterionId::ALL.into_iter().zip(self.0.iter()).filter_map(|(id, set)| Some((id, set.as_ref()?)))
    }
}

impl<const N: usize> From<[(CriterionId, Override); N]> for Overrides {
    fn from(pairs: [(CriterionId, Override); N]) -> Self {
        let mut overrides = Self::new();
        for (id, set) in pairs {
            overrides.insert(id, set);
        }
        overrides
    }
}

impl Serialize for Overrides {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// The review as the person sees it, exports it and a host page receives
/// it: a verdict set by hand takes the engine's place in `verdict` (which
/// it keeps, with the note, in `set_by_hand`), and the tier counts and
/// summary are counted again from the verdicts that count, so no part of
/// the review contradicts another.
pub fn as_seen(review: &Review, overrides: &Overrides) -> Review {
    if overrides.is_empty() {
        return review.clone();
    }
    let criteria = review
        .criteria
        .iter()
        .map(|c| match overrides.get(&c.id) {
            None => c.clone(),
            Some(o) => CriterionReview {
                verdict: o.verdict,
                // The engine's words about this text stay when a person
                // moves the verdict between partial and missing.
                suggestion: (o.verdict != Verdict::Met)
                    .then(|| c.suggestion.clone().unwrap_or_else(|| engine::suggestion(c.id))),
                set_by_hand: Some(SetByHand {
                    engine_verdict: c.verdict,
                    note: o.note.clone(),
                }),
                ..c.clone()
            },
        })
        .collect();
    // A verdict set by hand changes no time the text gives.
    Review { timeline: review.timeline.clone(), ..engine::assemble(criteria) }
}

/// The symbol shown with a verdict, so it never rests on colour alone.
pub fn verdict_icon(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => "✓",
        Verdict::Partial => "◐",
        Verdict::Missing => "✗",
    }
}

/// The review as a Markdown report: summary, tier counts, then each
/// criterion with its verdict, reason, quoted evidence and what to add.
/// Give it the review [`as_seen`], so verdicts set by hand are marked.
pub fn markdown(review: &Review) -> String {
    let mut out = String::from("# Postmortem review\n\n");
    out.push_str(&review.summary);
    out.push_str("\n\n| Tier | Met | Partial | Missing |\n|---|---|---|---|\n");
    for t in &review.tiers {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            t.tier.name(),
            t.met,
            t.partial,
            t.missing
        ));
    }
    if review.criteria.iter().any(|c| c.set_by_hand.is_some()) {
        out.push_str("\nCounts include verdicts set by hand, marked *overridden* below.\n");
    }
    for tier in Tier::ALL {
        out.push_str(&format!("\n## {}\n", tier.name()));
        for c in review.criteria.iter().filter(|c| c.tier == tier) {
            write_criterion(&mut out, c);
            // Beside R1, the criterion about the incident's start and end.
            if c.id == CriterionId::R1 {
                write_timeline(&mut out, &review.timeline);
            }
        }
    }
    out
}

fn write_criterion(out: &mut String, c: &CriterionReview) {
    out.push_str(&format!(
        "\n### {} {} {}: {}\n\n",
        verdict_icon(c.verdict),
        c.id,
        c.name,
        c.verdict
    ));
    if let Some(hand) = &c.set_by_hand {
        out.push_str(&format!("*Overridden* (the review said {}).", hand.engine_verdict));
        if !hand.note.trim().is_empty() {
            out.push_str(&format!(" Note: {}", one_line(&hand.note)));
        }
        out.push_str("\n\n");
    }
    out.push_str(&one_line(&c.reason));
    out.push_str("\n\n");
    if !c.evidence.is_empty() {
        out.push_str("Evidence:\n\n");
        for e in &c.evidence {
            out.push_str(&quote(&e.text));
            out.push('\n');
        }
    }
    if let Some(s) = &c.suggestion {
        out.push_str(&format!("**To add:** {}\n\n", one_line(s)));
    }
}

/// The timeline's key moments as a table, its figures and its notes.
fn write_timeline(out: &mut String, timeline: &Timeline) {
    out.push_str("#### Timeline\n\n");
    if timeline.events.is_empty() {
        out.push_str("The text gives no clock times for the incident.\n\n");
        return;
    }
    out.push_str("| Moment | Time | Passage |\n|---|---|---|\n");
    for e in timeline.key_moments() {
        let passage = one_line(&e.text).replace('|', "\\|");
        out.push_str(&format!("| {} | {} | {} |\n", e.kind.as_str(), e.when(), passage));
    }
    let others = timeline.events.len() - timeline.key_moments().count();
    if others > 0 {
        out.push_str(&format!("\nAnd {others} other timed event{}.\n", if others == 1 { "" } else { "s" }));
    }
    if let Some(figures) = timeline.figures() {
        out.push_str(&format!("\n{}{}.\n", figures[..1].to_ascii_uppercase(), &figures[1..]));
    }
    if !timeline.notes.is_empty() {
        out.push('\n');
        for note in &timeline.notes {
            out.push_str(&format!("- {}\n", note.message));
        }
    }
    out.push('\n');
}

/// A passage as a Markdown blockquote, one `>` per line, so line breaks in
/// the passage cannot end the quote.
fn quote(text: &str) -> String {
    text.lines()
        .map(|line| format!("> {}\n", line.trim_end()))
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text to insert into the draft, and where (a byte offset).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insertion {
    pub at: usize,
    pub text: String,
}

/// Where a skeleton section (`## Heading\n\nbody`) goes: if the draft
/// already has a heading of the same title, at any level, the body goes
/// right under it; otherwise the whole section goes at the end, after a
/// blank line.
pub fn skeleton_insertion(draft: &str, skeleton: &str) -> Insertion {
    let (heading, body) = skeleton.split_once('\n').unwrap_or((skeleton, ""));
    let title = heading_title(heading);
    let mut line_start = 0;
    for line in draft.split_inclusive('\n') {
        let line_end = line_start + line.len();
        if title.is_some() && heading_title(line) == title {
            let body = body.trim_start_matches('\n').trim_end_matches('\n');
            let lead = if line.ends_with('\n') { "\n" } else { "\n\n" };
            return Insertion {
                at: line_end,
                text: format!("{lead}{body}\n\n"),
            };
        }
        line_start = line_end;
    }
    let separator = if draft.is_empty() || draft.ends_with("\n\n") {
        ""
    } else if draft.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    Insertion {
        at: draft.len(),
        text: format!("{separator}{skeleton}"),
    }
}

/// The title of an ATX heading line, ASCII-lowercased (it is compared with
/// the skeleton's English headings), or `None` if the line is
/// not a heading.
fn heading_title(line: &str) -> Option<String> {
    let line = line.trim();
    let rest = line.trim_start_matches('#');
    let level = line.len() - rest.len();
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim().to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::review;

    #[test]
    fn a_verdict_set_by_hand_counts_everywhere_and_keeps_the_engines() {
        let r = review("");
        let mut overrides = Overrides::new();
        overrides.insert(
            CriterionId::R1,
            Override {
                verdict: Verdict::Met,
                note: "Times are in the linked timeline.".into(),
            },
        );
        let seen = as_seen(&r, &overrides);
        let r1 = seen.get(CriterionId::R1);
        assert_eq!((r1.verdict, r1.suggestion.as_ref()), (Verdict::Met, None));
        assert_eq!(
            r1.set_by_hand,
            Some(SetByHand {
                engine_verdict: Verdict::Missing,
                note: "Times are in the linked timeline.".into()
            })
        );
        assert_eq!(seen.get(CriterionId::R2), r.get(CriterionId::R2));
        assert_eq!((seen.tiers[1].met, seen.tiers[1].missing), (1, 3));
        assert_eq!((seen.tiers[0].met, seen.tiers[0].missing), (0, 4));
        assert!(seen.summary.contains("requirements 1/4"), "{}", seen.summary);
        assert_ne!(seen.summary, r.summary);
        let json: serde_json::Value = serde_json::from_str(&seen.to_json()).unwrap();
        assert_eq!(json["criteria"][4]["set_by_hand"]["engine_verdict"], "missing");
        assert_eq!(json["criteria"][4]["set_by_hand"]["note"], "Times are in the linked timeline.");
        assert!(!r.to_json().contains("set_by_hand"), "the engine's JSON is unchanged");
        assert_eq!(as_seen(&r, &Overrides::new()), r);
    }

    #[test]
    fn a_verdict_set_by_hand_keeps_the_engines_suggestion_for_this_text() {
        let r = review(
            "# Checkout outage\n\nOn 3 March, from 14:02 to 14:49 UTC, 38% of checkout requests failed for customers in the EU.\n\n\
             ## Root cause\n\nThe outage was caused by human error.\n",
        );
        let engine_says = r.get(CriterionId::R3).suggestion.clone().expect("R3 is not met");
        assert_ne!(engine_says, engine::suggestion(CriterionId::R3), "the engine's suggestion speaks to the text");
        let mut overrides = Overrides::new();
        overrides.insert(CriterionId::R3, Override { verdict: Verdict::Missing, note: String::new() });
        assert_eq!(as_seen(&r, &overrides).get(CriterionId::R3).suggestion, Some(engine_says));
        // A criterion the engine found met has no words of its own to keep.
        let r = review("We are sorry. Our deploy at 10:00 UTC broke logins until 11:30 UTC.");
        assert_eq!(r.get(CriterionId::P1).verdict, Verdict::Met);
        overrides.insert(CriterionId::P1, Override { verdict: Verdict::Partial, note: String::new() });
        assert_eq!(as_seen(&r, &overrides).get(CriterionId::P1).suggestion, Some(engine::suggestion(CriterionId::P1)));
    }

    #[test]
    fn markdown_has_summary_counts_and_every_criterion() {
        let r = review("We are sorry. Our deploy at 10:00 UTC broke logins until 11:30 UTC.");
        let md = markdown(&r);
        assert!(md.starts_with("# Postmortem review\n\n"));
        assert!(md.contains(&r.summary));
        assert!(md.contains("| Prerequisites |"));
        for c in &r.criteria {
            assert!(md.contains(&format!(" {} {}: ", c.id, c.name)), "{}", c.id);
        }
        assert!(!md.contains("*Overridden*"));
    }

    #[test]
    fn markdown_has_the_timeline_beside_r1() {
        let r = review("## Timeline\n\nAll times UTC.\n\n- 10:00: errors begin | 5xx\n- 10:20: rolled back\n- 10:45: resolved\n\nThe outage lasted 2 hours.\n");
        let md = markdown(&r);
        let r1 = md.find(" R1 ").unwrap();
        let timeline = md.find("#### Timeline").unwrap();
        assert!(r1 < timeline && timeline < md.find(" R2 ").unwrap(), "{md}");
        assert!(md.contains("| began | 10:00 UTC | 10:00: errors begin \\| 5xx |"), "{md}");
        assert!(md.contains("| resolved | 10:45 UTC | 10:45: resolved |"), "{md}");
        assert!(md.contains("Mitigated after 20 min \u{b7} resolved after 45 min."), "{md}");
        assert!(md.contains("- The text says it lasted 2 h, but its times give 45 min."), "{md}");
        assert!(markdown(&review("Late last night it broke.")).contains("The text gives no clock times for the incident."));
    }

    #[test]
    fn a_verdict_set_by_hand_keeps_the_timeline() {
        let r = review("Errors began at 10:00 UTC and were resolved at 10:30 UTC.");
        let mut overrides = Overrides::new();
        overrides.insert(CriterionId::R1, Override { verdict: Verdict::Partial, note: String::new() });
        assert_eq!(as_seen(&r, &overrides).timeline, r.timeline);
        assert_eq!(r.timeline.durations.to_resolve, Some(30));
    }

    #[test]
    fn markdown_marks_overrides_with_their_note() {
        let r = review("");
        let mut overrides = Overrides::new();
        overrides.insert(
            CriterionId::B2,
            Override {
                verdict: Verdict::Partial,
                note: "Root cause\nis in the appendix.".into(),
            },
        );
        let md = markdown(&as_seen(&r, &overrides));
        assert!(md.contains("### ◐ B2 "), "{md}");
        assert!(
            md.contains(
                "*Overridden* (the review said missing). Note: Root cause is in the appendix."
            ),
            "{md}"
        );
        assert!(md.contains("Counts include verdicts set by hand"));
    }

    #[test]
    fn evidence_is_quoted_line_by_line() {
        assert_eq!(quote("first\nsecond  \n"), "> first\n> second\n");
    }

    #[test]
    fn icons_differ_per_verdict() {
        let icons = [Verdict::Met, Verdict::Partial, Verdict::Missing].map(verdict_icon);
        assert!(icons[0] != icons[1] && icons[1] != icons[2] && icons[0] != icons[2]);
    }

    const TIMELINE: &str = "## Timeline\n\nAll times UTC.\n\n- HH:MM: began\n";

    #[test]
    fn skeleton_goes_at_the_end_after_a_blank_line() {
        let draft = "# Outage\n\nWe broke it.";
        let ins = skeleton_insertion(draft, TIMELINE);
        assert_eq!(ins.at, draft.len());
        assert_eq!(ins.text, format!("\n\n{TIMELINE}"));
        assert_eq!(
            skeleton_insertion("x\n", TIMELINE).text,
            format!("\n{TIMELINE}")
        );
        assert_eq!(skeleton_insertion("x\n\n", TIMELINE).text, TIMELINE);
        assert_eq!(
            skeleton_insertion("", TIMELINE),
            Insertion {
                at: 0,
                text: TIMELINE.into()
            }
        );
    }

    #[test]
    fn skeleton_body_goes_under_a_matching_heading() {
        let draft = "# Outage\n\n### timeline ###\nSoon.\n";
        let ins = skeleton_insertion(draft, TIMELINE);
        assert_eq!(ins.at, draft.find("Soon").unwrap());
        let mut result = draft.to_string();
        result.insert_str(ins.at, &ins.text);
        assert_eq!(
            result,
            "# Outage\n\n### timeline ###\n\nAll times UTC.\n\n- HH:MM: began\n\nSoon.\n"
        );
    }

    #[test]
    fn a_heading_without_a_newline_still_gets_its_body_on_new_lines() {
        let ins = skeleton_insertion("## Timeline", TIMELINE);
        assert_eq!(ins.at, "## Timeline".len());
        assert!(ins.text.starts_with("\n\nAll times UTC."));
        assert_eq!(heading_title("#hashtag"), None);
        assert_eq!(heading_title("Timeline"), None);
    }
}
