//! `train-verdicts`: fits the engine's verdict model to the labelled corpus
//! and writes `src/engine/weights.rs`. The one command that produces the
//! committed weights; `tests/corpus.rs` checks that it reproduces them.
//!
//! Usage: cargo run --release --no-default-features --bin train-verdicts

use postmortem_reviewer::corpus::Corpus;
use postmortem_reviewer::engine::CriterionId;
use postmortem_reviewer::learn;
use std::process::ExitCode;

fn main() -> ExitCode {
    let corpus = match Corpus::load() {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("train-verdicts: {e}");
            return ExitCode::from(2);
        }
    };
    let examples = learn::examples(&corpus);
    let train = learn::training_set(&examples);
    let model = learn::fit(&train);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine/weights.rs");
    if let Err(e) = std::fs::write(&path, model.render()) {
        eprintln!("train-verdicts: cannot write {}: {e}", path.display());
        return ExitCode::from(2);
    }
    println!(
        "fitted to {} documents ({} held out as the test split, {} not labelled yet); wrote {}",
        train.len(),
        examples.len() - train.len(),
        corpus.unlabelled.len(),
        path.display()
    );
    for (c, id) in CriterionId::ALL.iter().enumerate() {
        let strongest: Vec<String> = learn::strongest_features(&model, c, 4)
            .into_iter()
            .map(|(name, w)| format!("{name} {w:+.2}"))
            .collect();
        println!("  {id}: {}", strongest.join(", "));
    }
    ExitCode::SUCCESS
}
