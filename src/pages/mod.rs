//! The pages, as Leptos components rendered to static HTML at build time, and their interactive islands.
