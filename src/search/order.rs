//! Ordering without the standard library's sorts, for code that ships in the browser app.
//!
//! Each `sort_by` call site monomorphizes the standard driftsort and quicksort for its comparator, about 3–4 KB
//! of wasm apiece; the engine had eight of them (a quarter of the app's size in sorting code). The lists the
//! engine orders are short (completions, typo candidates, fields) or only their best few are kept (result
//! lists), so a stable insertion sort and a bounded "best k" list do the same job in a few hundred bytes.

/// Sorts `v` stably so that `before(a, b)` holds for every `a` placed ahead of a `b`: equal items keep their
/// order. Insertion sort: meant for short lists (up to a few hundred items).
pub fn sort_by<T>(v: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Adds `item` to `best`, a list kept ordered by `before` and at most `k` long: what a ranked list needs when
/// only its first `k` rows are shown. Items that tie with one already in the list go after it (stable).
pub fn keep_best<T>(best: &mut Vec<T>, k: usize, item: T, mut before: impl FnMut(&T, &T) -> bool) {
    if k == 0 {
        return;
    }
    if best.len() == k && !before(&item, &best[k - 1]) {
        return;
    }
    let at = best.iter().position(|b| before(&item, b)).unwrap_or(best.len());
    if best.len() == k {
        best.pop();
    }
    best.insert(at, item);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 5, 40, 300] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 7, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0 > b.0);
            let mut std = v.clone();
            std.sort_by(|a, b| b.0.cmp(&a.0));
            assert_eq!(ours, std, "len {len}");
        }
    }

    #[test]
    fn keeps_the_best_k_in_order() {
        let items = [5, 1, 9, 9, 3, 7, 2, 8, 6, 4];
        let mut best = Vec::new();
        for (i, x) in items.iter().enumerate() {
            keep_best(&mut best, 4, (*x, i), |a: &(i32, usize), b| a.0 > b.0);
        }
        assert_eq!(best, vec![(9, 2), (9, 3), (8, 7), (7, 5)]);
        let mut none: Vec<i32> = Vec::new();
        keep_best(&mut none, 0, 1, |a, b| a > b);
        assert!(none.is_empty());
    }
}
