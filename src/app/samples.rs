//! Postmortems to try the reviewer on.

pub struct Sample {
    pub label: &'static str,
    pub text: &'static str,
}

/// The quick Zendesk postmortem of 2010, a classic short one the framework
/// reviews, and a full example written for this app that meets the criteria.
pub const SAMPLES: [Sample; 2] = [
    Sample {
        label: "Zendesk 2010 (short)",
        text: include_str!("samples/zendesk.md"),
    },
    Sample {
        label: "Strong example",
        text: include_str!("samples/strong.md"),
    },
];
