//! The core set: the procedures people use most, which get an editor's summary and are looked at by hand.
//!
//! By the portal's usage counts the 100 most used procedures carry 99 % of recorded uses; commune centres also
//! live on procedures those online counts under-weight (birth and death registration, certification,
//! residence, ID cards, land), so every commune-level procedure of those fields is in the set too.

use super::{Level, Procedure};

/// How many of the most used procedures are in the core set.
pub const MOST_USED: usize = 100;

/// The fields whose commune-level procedures are all in the core set.
pub const COMMUNE_FIELDS: [&str; 5] = ["Hộ tịch", "Chứng thực", "Đăng ký, quản lý cư trú", "Cấp, quản lý căn cước", "Đất đai"];

/// Indices into `procedures` of the core set, most used first, then by code.
pub fn core_set(procedures: &[Procedure]) -> Vec<usize> {
    let mut set: Vec<usize> = by_use(procedures).into_iter().take(MOST_USED).collect();
    let mut commune: Vec<usize> = (0..procedures.len())
        .filter(|&i| {
            let p = &procedures[i];
            p.levels.contains(&Level::Commune) && COMMUNE_FIELDS.contains(&p.field.as_str()) && !set.contains(&i)
        })
        .collect();
    commune.sort_by(|&a, &b| procedures[b].usage_weight.cmp(&procedures[a].usage_weight).then(procedures[a].code.cmp(&procedures[b].code)));
    set.extend(commune);
    set
}

/// Indices into `procedures` of those the portal counts people using, most used first, then by code: the order
/// behind the core set and behind what the build spends most effort on.
pub fn by_use(procedures: &[Procedure]) -> Vec<usize> {
    let mut used: Vec<usize> = (0..procedures.len()).filter(|&i| procedures[i].usage_weight > 0).collect();
    used.sort_by(|&a, &b| procedures[b].usage_weight.cmp(&procedures[a].usage_weight).then(procedures[a].code.cmp(&procedures[b].code)));
    used
}
