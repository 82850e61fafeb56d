//! One stable sort for the whole crate. Each `sort_by` on its own element
//! type and comparison compiles its own copy of the standard library's sort
//! (about 4 KB) into the WebAssembly; a dozen call sites carried a dozen
//! copies. Here the standard sort runs once, on indices, and each caller
//! only pays for the comparison and for moving its items into place.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order, like
/// `<[T]>::sort_by`.
pub fn sort_stably<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    // `order[k]` is where the item that belongs at `k` is now. Each cycle of
    // the permutation is walked once; a placed position is marked by
    // pointing at itself.
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let from = order[k];
            order[k] = k;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// The positions `0..len` in the order `compare` sorts them, ties in
/// position order: the one instance of the standard sort.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted by their first half only: the second half shows that
        // ties keep their order.
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 10, 57, 300] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|a| a.0);
            let mut sorted = items;
            sort_stably(&mut sorted, |a, b| a.0.cmp(&b.0));
            assert_eq!(sorted, expected, "length {len}");
        }
    }

    #[test]
    fn reverse_order_and_strings() {
        let mut words = vec!["pear".to_string(), "apple".into(), "fig".into(), "apple".into()];
        sort_stably(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "fig", "apple", "apple"]);
    }
}
