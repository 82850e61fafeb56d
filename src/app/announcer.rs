//! Tells screen-reader users when verdicts change, at most once a second:
//! a polite live region that would otherwise chatter on every keystroke.

use super::{AppState, live, watch};
use crate::engine::{self, CriterionId, Verdict};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

const MIN_INTERVAL_MS: f64 = 1000.0;
/// Beyond this many changes at once (a sample loaded), say the totals.
const MAX_LISTED: usize = 3;

#[component]
pub fn Announcer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let verdicts = move || state.seen.with(|r| r.criteria.iter().map(|c| c.verdict).collect::<Vec<_>>());
    let message = RwSignal::new(String::new());
    // What was last announced (or loaded), and when.
    let announced = Rc::new(RefCell::new(untrack(verdicts)));
    let last_at = Rc::new(Cell::new(0.0_f64));
    let scheduled = Rc::new(Cell::new(false));

    let announce = {
        let (announced, last_at, scheduled) =
            (announced.clone(), last_at.clone(), scheduled.clone());
        move || {
            scheduled.set(false);
            let now = untrack(verdicts);
            let text = describe_changes(&announced.borrow(), &now);
            if let Some(text) = text {
                message.set(text);
                last_at.set(js_sys::Date::now());
            }
            *announced.borrow_mut() = now;
        }
    };
    watch(
        verdicts,
        move |_, _| {
            if scheduled.get() {
                return;
            }
            let wait = (last_at.get() + MIN_INTERVAL_MS - js_sys::Date::now()).max(0.0);
            scheduled.set(true);
            set_timeout(announce.clone(), Duration::from_millis(wait as u64));
        },
        false,
    );
    view! {
        <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
            {live(move || message.get())}
        </div>
    }
}

fn describe_changes(before: &[Verdict], after: &[Verdict]) -> Option<String> {
    let changed: Vec<(CriterionId, Verdict)> = CriterionId::ALL
        .into_iter()
        .zip(before.iter().zip(after))
        .filter(|(_, (b, a))| b != a)
        .map(|(id, (_, &a))| (id, a))
        .collect();
    if changed.is_empty() {
        return None;
    }
    if changed.len() > MAX_LISTED {
        let count = |v: Verdict| after.iter().filter(|&&x| x == v).count();
        return Some(format!(
            "Review updated: {} met, {} partial, {} missing.",
            count(Verdict::Met),
            count(Verdict::Partial),
            count(Verdict::Missing)
        ));
    }
    Some(
        changed
            .iter()
            .map(|(id, v)| format!("{id} {} is now {v}.", engine::guidance(*id).name))
            .collect::<Vec<_>>()
            .join(" "),
    )
}
