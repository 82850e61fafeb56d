//! # P3: Have a communication channel
//!
//! **What it checks.** Whether the text names or links a public place where
//! affected readers got, or can get, updates or reach the team: a status
//! page, a blog, a social account, a mailing list, a public forum or issue,
//! a support or security address. Internal tools (a pager, a private chat
//! channel) do not count; "we will post updates" without saying where is
//! partial.
//!
//! **Why.** During an outage, people need to know where to look.
//!
//! **Passes:** "Follow status.example.com for updates."
//!
//! **Partial:** "We kept customers informed throughout."
//!
//! **Fails:** a text that never says where updates were given.

use crate::engine::criterion::{Criterion, Finding, Guidance};
use crate::engine::document::Document;
use crate::engine::lexicon::Cue;
use crate::engine::report::CriterionId;
use crate::engine::signals::affirmed;

pub struct CommunicationChannel;

static GUIDANCE: Guidance = Guidance {
    id: CriterionId::P3,
    name: "Have a communication channel",
    advice: "Say where people got updates during the incident and where they can reach you: a status page, a blog, a social account, a support address.",
    example: "We posted updates on status.example.com and @examplestatus throughout; questions go to support@example.com.",
    skeleton: "## Where to get updates\n\nWe posted updates on <status page or account> during the incident. Questions: <support address>.\n",
};

/// URL fragments of public channels.
const CHANNEL_HOSTS: &[&str] = &[
    "status.", "statuspage", "twitter.com", "x.com/", "mastodon", "fosstodon", "bsky.app", "blog",
    "discourse", "forum", "users.rust-lang.org", "internals.rust-lang.org", "zulip", "gitter",
    "discord", "groups.google", "lists.", "mailto:", "reddit.com", "/rss", "feed",
];

/// URL fragments of internal tools.
const INTERNAL_HOSTS: &[&str] = &["slack.com", "docs.google.com", "pagerduty", "atlassian.net", "jira"];

impl Criterion for CommunicationChannel {
    fn guidance(&self) -> &'static Guidance {
        &GUIDANCE
    }

    fn review(&self, doc: &Document) -> Finding {
        let named: Vec<_> = doc
            .prose_sentences()
            .filter(|s| affirmed(doc, s, Cue::Channel).next().is_some())
            .collect();
        let linked: Vec<_> = doc
            .links
            .iter()
            .filter(|l| {
                let url = l.url.to_ascii_lowercase();
                CHANNEL_HOSTS.iter().any(|h| url.contains(h))
                    && !INTERNAL_HOSTS.iter().any(|h| url.contains(h))
            })
            .map(|l| l.src.clone())
            .collect();
        if !named.is_empty() || !linked.is_empty() {
            return Finding::met("The text names where updates were given or where to reach the team.")
                .citing(named.into_iter().take(4))
                .citing_ranges(linked.into_iter().take(2));
        }
        let vague: Vec<_> = doc
            .prose_sentences()
            .filter(|s| s.cues.has(Cue::UpdatesVague))
            .take(3)
            .collect();
        if !vague.is_empty() {
            return Finding::partial("Updates are mentioned, but not where they were given.").citing(vague);
        }
        Finding::missing("No channel for updates is named anywhere.")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::verdict;
    use crate::engine::{CriterionId::P3, Verdict::*};

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
}
