//! The catalogue with the groupings every list page needs (fields, levels), computed once per build: the site
//! data every page reads. It sits below the pages, so no page imports another page to reach it.

use crate::content::core_set::COMMUNE_FIELDS;
use crate::content::{Catalogue, Level, Procedure};
use crate::pages::layout::Assets;
use crate::text::slug;
use std::collections::BTreeMap;

/// A field (lĩnh vực) and the procedures in it, for the home page and the field pages.
#[derive(Clone, Debug)]
pub struct FieldInfo {
    /// As written in the content, e.g. "Hộ tịch".
    pub name: String,
    /// URL segment, e.g. "ho-tich".
    pub slug: String,
    /// Indexes into [`Catalogue::procedures`], most used first.
    pub procedures: Vec<usize>,
}

/// The catalogue plus the groupings every list page needs, computed once per build.
pub struct SiteIndex {
    /// The validated content.
    pub catalogue: Catalogue,
    /// Fields, alphabetical by folded name.
    pub fields: Vec<FieldInfo>,
    /// Procedure indexes per level, most used first.
    pub levels: BTreeMap<Level, Vec<usize>>,
    /// Where the built assets are.
    pub assets: Assets,
}

impl SiteIndex {
    /// Groups the catalogue by field and level.
    pub fn new(catalogue: Catalogue, assets: Assets) -> SiteIndex {
        let by_use = |procs: &[Procedure], a: &usize, b: &usize| {
            procs[*b].usage_weight.cmp(&procs[*a].usage_weight).then_with(|| procs[*a].code.cmp(&procs[*b].code))
        };
        let mut fields: BTreeMap<String, FieldInfo> = BTreeMap::new();
        let mut levels: BTreeMap<Level, Vec<usize>> = BTreeMap::new();
        for (i, p) in catalogue.procedures.iter().enumerate() {
            let s = slug(&p.field);
            fields
                .entry(s.clone())
                .or_insert_with(|| FieldInfo { name: p.field.clone(), slug: s, procedures: Vec::new() })
                .procedures
                .push(i);
            for level in &p.levels {
                levels.entry(*level).or_default().push(i);
            }
        }
        let mut fields: Vec<FieldInfo> = fields.into_values().collect();
        for f in &mut fields {
            f.procedures.sort_by(|a, b| by_use(&catalogue.procedures, a, b));
        }
        for list in levels.values_mut() {
            list.sort_by(|a, b| by_use(&catalogue.procedures, a, b));
        }
        fields.sort_by(|a, b| a.slug.cmp(&b.slug));
        SiteIndex { catalogue, fields, levels, assets }
    }

    /// The `n` fields the home page shows: first those a commune centre lives on (the core set's
    /// [`COMMUNE_FIELDS`], whose land and civil-status procedures the portal's online counts under-weight), then
    /// those whose procedures people use most (summed usage weights). So a citizen browsing sees Hộ tịch and
    /// Đất đai, not the first letters of the alphabet.
    pub fn most_used_fields(&self, n: usize) -> Vec<&FieldInfo> {
        let used = |f: &FieldInfo| f.procedures.iter().map(|i| self.catalogue.procedures[*i].usage_weight).sum::<u64>();
        let mut fields: Vec<(&FieldInfo, bool, u64)> =
            self.fields.iter().map(|f| (f, !COMMUNE_FIELDS.contains(&f.name.as_str()), used(f))).collect();
        fields.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then_with(|| a.0.slug.cmp(&b.0.slug)));
        fields.into_iter().take(n).map(|(f, _, _)| f).collect()
    }

    /// The procedure with this code (the catalogue is sorted by code).
    pub fn procedure_by_code(&self, code: &str) -> Option<&Procedure> {
        let procs = &self.catalogue.procedures;
        procs.binary_search_by(|p| p.code.as_str().cmp(code)).ok().map(|i| &procs[i])
    }
}
