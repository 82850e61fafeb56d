//! The learned decision: per criterion, an ordinal logistic regression over
//! the document's features (`features.rs`), fitted to the labelled corpus by
//! `cargo run --release --no-default-features --bin train-verdicts`, which
//! writes `weights.rs`.
//!
//! Ordinal, because the verdicts are ordered (missing < partial < met): one
//! score per document and two cut points, so a criterion needs one weight
//! per feature and not three, and the middle verdict stays the middle.

use super::features::{Features, SentenceRow, LEN, SENTENCE_LEN};
use super::report::Verdict;
use super::weights;
use std::sync::LazyLock;

/// The verdicts in the model's order, lowest first.
pub const ORDER: [Verdict; 3] = [Verdict::Missing, Verdict::Partial, Verdict::Met];

/// One criterion's fitted parameters. Parameters are kept as `f32`, and the
/// two large tables are stored in half precision (`weights.rs`): more
/// precision than a model fitted to a few hundred documents can use, in a
/// quarter of the bytes of `f64` in the WebAssembly; the arithmetic is `f64`.
pub struct Weights<'w> {
    /// Per feature, on the standardised scale.
    pub coefficients: &'w [f32; LEN],
    /// The scores where partial begins and where met begins.
    pub cuts: [f32; 2],
}

/// How a feature is standardised before the weights apply.
pub struct Scaling<'s> {
    pub mean: &'s [f32; LEN],
    pub scale: &'s [f32; LEN],
}

/// The model's verdict on one criterion and how sure it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decision {
    pub verdict: Verdict,
    /// The probability of `verdict`, 0–1.
    pub confidence: f64,
    /// The probabilities of missing, partial and met.
    pub probabilities: [f64; 3],
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The document's score for one criterion: higher is nearer met.
pub fn score(w: &Weights, scaling: &Scaling, x: &Features) -> f64 {
    (0..LEN)
        .map(|i| f64::from(w.coefficients[i]) * (x[i] - f64::from(scaling.mean[i])) / f64::from(scaling.scale[i]))
        .sum()
}

/// The probabilities of missing, partial and met for a score.
pub fn probabilities(score: f64, cuts: [f32; 2]) -> [f64; 3] {
    let at_least_partial = sigmoid(score - f64::from(cuts[0]));
    let met = sigmoid(score - f64::from(cuts[1]));
    [1.0 - at_least_partial, (at_least_partial - met).max(0.0), met]
}

/// How much more probable than the rule's own verdict another must be
/// before the model overrules the rule: near-ties are noise, and there the
/// rule, which can show its reason, keeps its word. Chosen by
/// leave-source-out validation. On 214 training originals (0.7699 as
/// committed), margins 0 for both (the pure model) gave 0.7644, losing
/// 10 verdicts on B1–B4 and 2 each on the other tiers; every pair from
/// 0.05 to 0.25 and 0.2 to 0.35 lay within 0.7640–0.7714; separate
/// margins for raising and lowering between partial and met, at most
/// 0.7718; and margins chosen per criterion, each without the source it
/// was then scored on, 0.7667. None gains the 0.3 points worth a change.
pub const OVERRULE_MARGIN: f64 = 0.15;

/// The margin to raise a verdict the rule found nothing for, or to drop one
/// to nothing: raising, the model has only the sentence model's likeliest
/// sentences to show for it; dropping, it sets aside passages the rule can
/// cite. Either way it must be clearer. On 373 training documents,
/// leave-source-out gave 0.765, 0.763, 0.762, 0.759 and 0.755 at 0.25,
/// 0.3, 0.35, 0.45 and never raising; 0.3 is the smallest of them that
/// keeps the rubric's reference case (`zendesk-2010-quick`, whose
/// technology is named only in passing) at its label, which the corpus
/// test requires. Asking it for dropping too moved originals from 0.768 to
/// 0.769 (reviewers' partial→missing calls were right 16 times and wrong
/// 18 on P3 alone). With 56 more originals (429 documents) the model raised
/// the reference case's B1 again at 0.3; 0.35 keeps it, at a cost of one
/// verdict in a thousand leave-source-out (originals 0.769 → 0.768; 0.4:
/// 0.764).
pub const TO_OR_FROM_NOTHING_MARGIN: f64 = 0.35;

/// The temperature of the reported probabilities: each of the ordinal
/// model's two log-odds is divided by it before it is reported, so that a
/// confidence says how often such a verdict agrees with reviewers. Fitted
/// to the leave-source-out probabilities of the 214 training originals by
/// their log-loss (1437.2 at 1.0, 1435.9 at 1.04–1.06, 1437.2 at 1.1);
/// there, of the verdicts at 0.8 or more, 0.897 agreed at 1.0 and 0.903 at
/// 1.05. Decisions are taken on the fitted probabilities, unchanged.
pub const CONFIDENCE_TEMPERATURE: f64 = 1.05;

/// The probabilities as reported, at [`CONFIDENCE_TEMPERATURE`].
fn calibrated(p: [f64; 3]) -> [f64; 3] {
    let logit = |q: f64| {
        let q = q.clamp(1e-12, 1.0 - 1e-12);
        (q / (1.0 - q)).ln()
    };
    let at_least_partial = sigmoid(logit(p[1] + p[2]) / CONFIDENCE_TEMPERATURE);
    let met = sigmoid(logit(p[2]) / CONFIDENCE_TEMPERATURE);
    [1.0 - at_least_partial, (at_least_partial - met).max(0.0), met]
}

/// The verdict: the rule's, unless another is clearly more probable;
/// reported with the calibrated probabilities.
pub fn decide_from(p: [f64; 3], rule: Verdict) -> Decision {
    let best = most_probable(p);
    let r = ORDER.iter().position(|&v| v == rule).unwrap_or(0);
    let to_or_from_nothing = rule == Verdict::Missing || best.verdict == Verdict::Missing;
    let margin = if to_or_from_nothing { TO_OR_FROM_NOTHING_MARGIN } else { OVERRULE_MARGIN };
    let verdict = if best.confidence - p[r] < margin { rule } else { best.verdict };
    let reported = calibrated(p);
    let k = ORDER.iter().position(|&v| v == verdict).unwrap_or(0);
    Decision { verdict, confidence: reported[k], probabilities: reported }
}

/// The most probable verdict; on a tie, the lower one.
pub fn most_probable(p: [f64; 3]) -> Decision {
    let mut best = 0;
    for k in 1..3 {
        if p[k] > p[best] {
            best = k;
        }
    }
    Decision { verdict: ORDER[best], confidence: p[best], probabilities: p }
}

impl Decision {
    /// Missing, for a verdict no passage of the text supports: a reviewer
    /// must be able to point at what meets a criterion.
    pub fn unsupported(self) -> Decision {
        Decision { verdict: Verdict::Missing, confidence: self.probabilities[0], ..self }
    }
}

/// The log-odds that a sentence is evidence for a criterion, from a
/// sentence model's weights (the last one is the intercept).
pub fn sentence_log_odds(weights: &[f32; SENTENCE_LEN + 1], row: &SentenceRow) -> f64 {
    f64::from(weights[SENTENCE_LEN]) + row.iter().map(|&(i, v)| f64::from(weights[usize::from(i)]) * v).sum::<f64>()
}

/// The value of an IEEE 754 half-precision number (binary16), as stored in
/// `weights.rs`. The tables hold no infinity or NaN.
pub const fn f16_to_f32(bits: u16) -> f32 {
    let exponent = ((bits >> 10) & 0x1f) as i32;
    let fraction = (bits & 0x3ff) as u32;
    // Normal numbers carry an implicit leading 1; subnormals (exponent 0)
    // share the smallest exponent without it.
    let significand = if exponent == 0 { fraction } else { fraction | 0x400 };
    // 2^(e - 25): the place value of the significand's last bit.
    let e = if exponent == 0 { 1 } else { exponent };
    let power = f32::from_bits(((e - 25 + 127) as u32) << 23);
    let magnitude = significand as f32 * power;
    if bits & 0x8000 != 0 { -magnitude } else { magnitude }
}

/// The sentence models' weights, decoded once from half precision and laid
/// out by feature: a sentence's features are read once for all twelve
/// models, not once per model.
static SENTENCE_BY_FEATURE: LazyLock<[[f32; 12]; SENTENCE_LEN + 1]> = LazyLock::new(|| {
    let mut by_feature = [[0.0; 12]; SENTENCE_LEN + 1];
    for (c, row) in weights::SENTENCE.iter().enumerate() {
        for (i, &w) in row.iter().enumerate() {
            by_feature[i][c] = f16_to_f32(w);
        }
    }
    by_feature
});

/// The document models' coefficients, decoded once from half precision.
static COEFFICIENTS: LazyLock<[[f32; LEN]; 12]> =
    LazyLock::new(|| weights::COEFFICIENTS.map(|row| row.map(f16_to_f32)));

/// Per criterion, per sentence, the committed sentence model's log-odds
/// that the sentence is evidence for the criterion: [`sentence_log_odds`]
/// for all twelve, each summed in the same order, so to the same bits.
pub fn evidence_log_odds(rows: &[SentenceRow]) -> Vec<Vec<f64>> {
    let weights = &*SENTENCE_BY_FEATURE;
    let mut log_odds: Vec<Vec<f64>> = (0..12).map(|_| Vec::with_capacity(rows.len())).collect();
    for row in rows {
        // From negative zero, as `Sum` starts.
        let mut sums = [-0.0f64; 12];
        for &(i, v) in row {
            for (sum, &w) in sums.iter_mut().zip(&weights[usize::from(i)]) {
                *sum += f64::from(w) * v;
            }
        }
        for ((out, &intercept), sum) in log_odds.iter_mut().zip(&weights[SENTENCE_LEN]).zip(sums) {
            out.push(f64::from(intercept) + sum);
        }
    }
    log_odds
}

/// The committed model's weights for criterion `c` (0 = P1 … 11 = B4).
pub fn weights(c: usize) -> Weights<'static> {
    Weights { coefficients: &COEFFICIENTS[c], cuts: weights::CUTS[c] }
}

pub fn scaling() -> Scaling<'static> {
    Scaling { mean: &weights::MEAN, scale: &weights::SCALE }
}

/// Decides criterion `c` for a document with features `x`.
pub fn decide(c: usize, x: &Features) -> Decision {
    let w = weights(c);
    decide_from(probabilities(score(&w, &scaling(), x), w.cuts), super::features::rule_verdict(x, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_sum_to_one_and_follow_the_score() {
        for score in [-8.0, -1.0, 0.0, 0.5, 3.0, 9.0] {
            let p = probabilities(score, [-0.5, 1.0]);
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            assert!(p.iter().all(|&v| (0.0..=1.0).contains(&v)));
        }
        assert_eq!(most_probable(probabilities(-8.0, [-0.5, 1.0])).verdict, Verdict::Missing);
        assert_eq!(most_probable(probabilities(0.25, [-0.5, 1.0])).verdict, Verdict::Partial);
        assert_eq!(most_probable(probabilities(9.0, [-0.5, 1.0])).verdict, Verdict::Met);
    }

    #[test]
    fn half_precision_decodes_normals_subnormals_zero_and_signs() {
        assert_eq!(f16_to_f32(0x0000), 0.0);
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
        assert_eq!(f16_to_f32(0x7bff), 65504.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(f16_to_f32(0x03ff), 1023.0 * 2f32.powi(-24));
    }

    #[test]
    fn a_verdict_to_or_from_nothing_needs_a_clearer_margin() {
        // Partial ahead by 0.2: enough to overrule a partial rule's met…
        assert_eq!(decide_from([0.1, 0.55, 0.35], Verdict::Met).verdict, Verdict::Partial);
        // …not to raise a missing one, which needs 0.3…
        assert_eq!(decide_from([0.38, 0.58, 0.04], Verdict::Missing).verdict, Verdict::Missing);
        assert_eq!(decide_from([0.25, 0.65, 0.1], Verdict::Missing).verdict, Verdict::Partial);
        // …nor to drop a partial one to missing.
        assert_eq!(decide_from([0.58, 0.38, 0.04], Verdict::Partial).verdict, Verdict::Partial);
        assert_eq!(decide_from([0.65, 0.25, 0.1], Verdict::Partial).verdict, Verdict::Missing);
    }

    #[test]
    fn confidence_is_the_probability_of_the_verdict() {
        let d = most_probable([0.2, 0.5, 0.3]);
        assert_eq!((d.verdict, d.confidence), (Verdict::Partial, 0.5));
        // Reported at the temperature: the verdict's probability, a little
        // less sure than fitted, still summing to one.
        let d = decide_from([0.05, 0.15, 0.8], Verdict::Met);
        assert_eq!(d.verdict, Verdict::Met);
        assert_eq!(d.confidence, d.probabilities[2]);
        assert!(d.confidence < 0.8 && d.confidence > 0.7, "{d:?}");
        assert!((d.probabilities.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
