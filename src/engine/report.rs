//! What a review says: the types the engine returns, the CLI prints as JSON
//! and the UI renders. The JSON shape is a public contract (see README).

use super::timeline::Timeline;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// One of the twelve criteria, in tier order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CriterionId {
    P1,
    P2,
    P3,
    P4,
    R1,
    R2,
    R3,
    R4,
    B1,
    B2,
    B3,
    B4,
}

impl CriterionId {
    pub const ALL: [CriterionId; 12] = [
        Self::P1,
        Self::P2,
        Self::P3,
        Self::P4,
        Self::R1,
        Self::R2,
        Self::R3,
        Self::R4,
        Self::B1,
        Self::B2,
        Self::B3,
        Self::B4,
    ];

    pub fn tier(self) -> Tier {
        match self {
            Self::P1 | Self::P2 | Self::P3 | Self::P4 => Tier::Prerequisites,
            Self::R1 | Self::R2 | Self::R3 | Self::R4 => Tier::Requirements,
            Self::B1 | Self::B2 | Self::B3 | Self::B4 => Tier::Bonus,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::P1 => "P1",
            Self::P2 => "P2",
            Self::P3 => "P3",
            Self::P4 => "P4",
            Self::R1 => "R1",
            Self::R2 => "R2",
            Self::R3 => "R3",
            Self::R4 => "R4",
            Self::B1 => "B1",
            Self::B2 => "B2",
            Self::B3 => "B3",
            Self::B4 => "B4",
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str().eq_ignore_ascii_case(id))
    }
}

impl fmt::Display for CriterionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The framework's three tiers, in the order they weigh.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Prerequisites,
    Requirements,
    Bonus,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Self::Prerequisites, Self::Requirements, Self::Bonus];

    pub fn name(self) -> &'static str {
        match self {
            Self::Prerequisites => "Prerequisites",
            Self::Requirements => "Requirements",
            Self::Bonus => "Bonus",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Met,
    Partial,
    Missing,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::Partial => "partial",
            Self::Missing => "missing",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        match word.trim() {
            "met" => Some(Self::Met),
            "partial" => Some(Self::Partial),
            "missing" => Some(Self::Missing),
            _ => None,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cited passage: a byte range of the reviewed text, on char boundaries,
/// and a copy of what it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Evidence {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionReview {
    pub id: CriterionId,
    pub name: String,
    pub tier: Tier,
    pub verdict: Verdict,
    /// The model's probability of `verdict`, 0–1 (absent from reviews
    /// written before the model existed).
    #[serde(default)]
    pub confidence: f64,
    pub evidence: Vec<Evidence>,
    pub reason: String,
    /// What to add, with an example sentence; `None` when the criterion is met.
    pub suggestion: Option<String>,
    /// Set when a person overruled the engine (`verdict` is then theirs);
    /// never by the engine, so the CLI's JSON has no such field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_by_hand: Option<SetByHand>,
}

/// What a verdict set by hand replaced, and why the person set it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetByHand {
    pub engine_verdict: Verdict,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierCounts {
    pub tier: Tier,
    pub met: usize,
    pub partial: usize,
    pub missing: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The twelve criteria, P1 to B4.
    pub criteria: Vec<CriterionReview>,
    /// Prerequisites, requirements, bonus.
    pub tiers: Vec<TierCounts>,
    pub summary: String,
    /// The incident's timeline as the text tells it (empty in reviews
    /// stored before the engine read timelines).
    #[serde(default)]
    pub timeline: Timeline,
}

impl Review {
    pub fn get(&self, id: CriterionId) -> &CriterionReview {
        &self.criteria[id as usize]
    }

    pub fn to_json(&self) -> String {
        crate::json_text::pretty(self)
    }
}
