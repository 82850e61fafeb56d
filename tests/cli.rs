//! The `postmortem-review` binary as a CI job would call it.

#[path = "support/corpus.rs"]
mod corpus;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postmortem-review"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run postmortem-review");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn reference_path() -> String {
    postmortem_reviewer::corpus::root().join(corpus::reference_case().file).display().to_string()
}

fn scratch(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("pmr-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn json_output_is_one_object_with_the_contract_fields() {
    let out = run(&["--json", &reference_path()], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON value");
    let criteria = v["criteria"].as_array().expect("criteria array");
    let ids: Vec<&str> = criteria.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["P1", "P2", "P3", "P4", "R1", "R2", "R3", "R4", "B1", "B2", "B3", "B4"]);
    let text = std::fs::read_to_string(reference_path()).unwrap();
    for c in criteria {
        assert!(matches!(c["verdict"].as_str(), Some("met" | "partial" | "missing")));
        assert!(c["reason"].is_string());
        for e in c["evidence"].as_array().unwrap() {
            let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[s..t], e["text"].as_str().unwrap(), "evidence offsets are bytes of the file");
        }
    }
    assert!(v["tiers"].is_array());
    assert!(v["summary"].is_string());
}

#[test]
fn json_verdicts_of_the_reference_case_match_its_labels() {
    let case = corpus::reference_case();
    let out = run(&["--json", &reference_path()], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<&str> = v["criteria"].as_array().unwrap().iter().map(|c| c["verdict"].as_str().unwrap()).collect();
    let want: Vec<&str> = case.labels.iter().map(|l| l.as_str()).collect();
    assert_eq!(got, want);
}

#[test]
fn text_output_shows_tiers_evidence_and_summary() {
    let out = run(&[&reference_path()], None);
    let s = String::from_utf8(out.stdout).unwrap();
    for part in ["PREREQUISITES", "REQUIREMENTS", "BONUS", "SUMMARY", "> "] {
        assert!(s.contains(part), "missing {part:?} in:\n{s}");
    }
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let out = run(&["--json", "-"], Some(b"We broke it at 10:00 UTC and fixed it at 10:30 UTC. Sorry."));
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["criteria"][4]["id"], "R1");
}

#[test]
fn fail_on_missing_exits_1_when_a_requirement_is_missing() {
    let out = run(&["--fail-on", "missing", "-"], Some(b"Something happened."));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unusable_inputs_exit_2_with_a_clear_message() {
    let dir = std::env::temp_dir().display().to_string();
    let binary = scratch("binary.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let latin1 = scratch("latin1.md", b"Caf\xe9 outage");
    let cases: [(&str, &str); 4] = [
        ("/no/such/postmortem.md", "no such file"),
        (&dir, "directory"),
        (&binary, "binary"),
        (&latin1, "UTF-8"),
    ];
    for (path, message) in cases {
        let out = run(&[path], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{path}: {err}");
        assert!(err.contains(message), "{path}: expected {message:?} in {err:?}");
        assert!(!err.contains("panicked"), "{path}: {err}");
    }
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(run(&["--frobnicate", "x"], None).status.code(), Some(2));
    assert_eq!(run(&[], None).status.code(), Some(2));
    assert_eq!(run(&["--fail-on", "sometimes", "x"], None).status.code(), Some(2));
}

const TIMELINE: &[u8] = b"# Upload outage\n\n## Timeline\n\nAll times UTC.\n\n| Time | Event |\n|---|---|\n| 2024-03-01 09:14 | First upload errors logged |\n| 2024-03-01 09:19 | Alert fired |\n| 2024-03-01 09:21 | Alert acknowledged by on-call |\n| 2024-03-01 09:44 | Release reverted |\n| 2024-03-01 10:27 | Error rates at baseline; incident closed |\n";

#[test]
fn text_output_prints_the_timeline_beside_r1() {
    let out = run(&["-"], Some(TIMELINE));
    let s = String::from_utf8(out.stdout).unwrap();
    let r1 = s.find("R1 ").unwrap();
    let table = &s[s.find("     Timeline:").expect("a timeline table")..s.find("R2 ").unwrap()];
    assert!(r1 < s.find("     Timeline:").unwrap());
    for row in [
        "began      2024-03-01 09:14 UTC     2024-03-01 09:14 | First upload errors logged",
        "detected   2024-03-01 09:19 UTC",
        "responded  2024-03-01 09:21 UTC",
        "mitigated  2024-03-01 09:44 UTC",
        "resolved   2024-03-01 10:27 UTC",
        "detected after 5 min \u{b7} mitigated after 30 min \u{b7} resolved after 1 h 13 min",
    ] {
        assert!(table.contains(row), "missing {row:?} in:\n{table}");
    }
    let none = String::from_utf8(run(&["-"], Some(b"Late last night logins failed.")).stdout).unwrap();
    assert!(none.contains("Timeline: the text gives no clock times for the incident."), "{none}");
}

#[test]
fn json_has_the_timeline_object() {
    let out = run(&["--json", "-"], Some(TIMELINE));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = &v["timeline"];
    assert_eq!(t["zone"], "UTC");
    let began = &t["events"][0];
    assert_eq!((began["kind"].as_str(), began["written"].as_str()), (Some("began"), Some("2024-03-01 09:14")));
    assert_eq!((began["date"].as_str(), began["clock"].as_str(), began["zone"].as_str()), (Some("2024-03-01"), Some("09:14"), Some("UTC")));
    let (start, end) = (began["start"].as_u64().unwrap() as usize, began["end"].as_u64().unwrap() as usize);
    assert_eq!(&TIMELINE[start..end], began["text"].as_str().unwrap().as_bytes());
    let kinds: Vec<&str> = t["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["began", "detected", "responded", "mitigated", "resolved"]);
    assert_eq!(t["durations"], serde_json::json!({"to_detect": 5, "to_mitigate": 30, "to_resolve": 73, "incident": 73, "stated": null}));
    assert_eq!(t["notes"], serde_json::json!([]));
    // Nothing else in the contract changed.
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["criteria", "summary", "tiers", "timeline"], "serde_json lists keys sorted");
}
