//! `postmortem-review`: the review engine on the command line, for people
//! and for CI.
//!
//! Exit codes: 0 reviewed (and passed `--fail-on`), 1 the review failed the
//! `--fail-on` threshold, 2 the input or the arguments were unusable.

use postmortem_reviewer::engine::timeline::Timeline;
use postmortem_reviewer::engine::{self, CriterionId, Review, Tier, Verdict};
use postmortem_reviewer::input::{self, InputError};
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
Reviews an incident postmortem against the twelve Upside of Downtime criteria.

Usage: postmortem-review [OPTIONS] FILE
       postmortem-review [OPTIONS] -        (read from standard input)

Options:
  --json             Print the review as one JSON object
  --fail-on LEVEL    Exit 1 when a prerequisite or requirement is LEVEL:
                     'missing' (any P or R criterion missing) or
                     'partial' (any P or R criterion not met)
  -h, --help         Show this help
  -V, --version      Show the version

Exit codes: 0 reviewed, 1 failed --fail-on, 2 unusable input or arguments.";

#[derive(Clone, Copy, PartialEq)]
enum FailOn {
    Missing,
    Partial,
}

struct Args {
    json: bool,
    fail_on: Option<FailOn>,
    path: String,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut json = false;
    let mut fail_on = None;
    let mut path = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "-V" | "--version" => {
                println!("postmortem-review {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "--json" => json = true,
            "--fail-on" => {
                let level = args.next().ok_or("--fail-on needs a level: missing or partial")?;
                fail_on = Some(parse_level(&level)?);
            }
            other if other.starts_with("--fail-on=") => {
                fail_on = Some(parse_level(&other["--fail-on=".len()..])?);
            }
            "-" => path = Some(arg),
            other if other.starts_with('-') => return Err(format!("unknown option '{other}'")),
            _ if path.is_some() => return Err("give exactly one FILE".into()),
            _ => path = Some(arg),
        }
    }
    let path = path.ok_or("no FILE given (use - for standard input)")?;
    Ok(Some(Args { json, fail_on, path }))
}

fn parse_level(level: &str) -> Result<FailOn, String> {
    match level {
        "missing" => Ok(FailOn::Missing),
        "partial" => Ok(FailOn::Partial),
        _ => Err(format!("--fail-on takes 'missing' or 'partial', not '{level}'")),
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("postmortem-review: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(&args.path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("postmortem-review: {}: {err}", args.path);
            return ExitCode::from(2);
        }
    };
    let review = engine::review(&text);
    let out = if args.json {
        review.to_json() + "\n"
    } else {
        render_text(&review)
    };
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = io::stdout().lock().write_all(out.as_bytes());
    if args.fail_on.is_some_and(|level| fails(&review, level)) {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn read_input(path: &str) -> Result<String, InputError> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .take(input::MAX_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| InputError::Unreadable(e.to_string()))?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => InputError::NotFound,
            _ => InputError::Unreadable(e.to_string()),
        })?;
        if meta.is_dir() {
            return Err(InputError::Directory);
        }
        if meta.len() > input::MAX_BYTES as u64 {
            return Err(InputError::TooLarge(meta.len() as usize));
        }
        std::fs::read(path).map_err(|e| InputError::Unreadable(e.to_string()))?
    };
    input::decode(&bytes)
}

fn fails(review: &Review, level: FailOn) -> bool {
    review.criteria.iter().any(|c| {
        c.tier != Tier::Bonus
            && match level {
                FailOn::Missing => c.verdict == Verdict::Missing,
                FailOn::Partial => c.verdict != Verdict::Met,
            }
    })
}

fn render_text(review: &Review) -> String {
    let mut out = String::new();
    for tier in Tier::ALL {
        let counts = review.tiers.iter().find(|t| t.tier == tier).expect("every tier is counted");
        out.push_str(&format!(
            "\n{} — {} met, {} partial, {} missing\n",
            tier.name().to_uppercase(),
            counts.met,
            counts.partial,
            counts.missing
        ));
        for c in review.criteria.iter().filter(|c| c.tier == tier) {
            let mark = match c.verdict {
                Verdict::Met => "✔ met",
                Verdict::Partial => "◐ partial",
                Verdict::Missing => "✘ missing",
            };
            out.push_str(&format!("\n  {} {:<40} {}\n", c.id, c.name, mark));
            out.push_str(&format!("     {}\n", c.reason));
            for e in &c.evidence {
                out.push_str(&format!("     > {}\n", one_line(&e.text, 110)));
            }
            if let Some(s) = &c.suggestion {
                out.push_str(&format!("     → {s}\n"));
            }
            // The timeline's moments and notes sit beside R1, the criterion
            // about the incident's start and end.
            if c.id == CriterionId::R1 {
                render_timeline(&mut out, &review.timeline);
            }
        }
    }
    out.push_str(&format!("\nSUMMARY\n  {}\n", review.summary));
    out
}

/// The key moments as a short table, the figures, the other events
/// counted, and the notes; one line saying so when the text times nothing.
fn render_timeline(out: &mut String, timeline: &Timeline) {
    if timeline.events.is_empty() {
        out.push_str("     Timeline: the text gives no clock times for the incident.\n");
        return;
    }
    out.push_str("     Timeline:\n");
    for e in timeline.key_moments() {
        out.push_str(&format!("       {:<10} {:<24} {}\n", e.kind.as_str(), e.when(), one_line(&e.text, 60)));
    }
    let others = timeline.events.len() - timeline.key_moments().count();
    if others > 0 {
        out.push_str(&format!("       and {others} other timed event{}\n", if others == 1 { "" } else { "s" }));
    }
    if let Some(figures) = timeline.figures() {
        out.push_str(&format!("       {figures}\n"));
    }
    for note in &timeline.notes {
        out.push_str(&format!("     ! {}\n", note.message));
    }
}

/// A quote on one line, cut at a char boundary.
fn one_line(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        flat
    } else {
        flat.chars().take(max_chars).collect::<String>() + "…"
    }
}
