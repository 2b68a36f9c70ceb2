//! The `motcua` command: import the catalogue, build the static site, serve it.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Tra cứu thủ tục hành chính — build and serve the motcua static site.
#[derive(Parser)]
#[command(name = "motcua", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a portal export (portal-pages/*.jsonl, portal-api-samples/*.json) into content/procedures/.
    Import {
        /// The export folder, e.g. ../shared/data/dvcqg
        dir: PathBuf,
        /// Where the content lives.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Also print the quality report (it is always written to content/IMPORT_REPORT.md).
        #[arg(long)]
        report: bool,
        /// The date the changes are recorded under in content/changes.toml (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        /// The export is the one already imported and only the importer changed (a new repair rule): rewrite
        /// the files without recording their differences as changes of the catalogue.
        #[arg(long)]
        reparse: bool,
    },
    /// Check a content folder: every problem at once, as file:line: field: what is wrong; what to do.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Build the whole static site into dist/.
    Build(motcua::site::BuildOptions),
    /// Write every centre's posters (SVG, A4) into a folder per centre: its header, its desks, QR codes that
    /// open each page in its context.
    Posters {
        /// Where to write: one folder per centre inside.
        #[arg(long, default_value = "posters")]
        out: PathBuf,
        /// Only these centres (their slugs); every centre when none is given.
        #[arg(long = "centre")]
        centres: Vec<String>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Print the byte figures of a built site beside their budgets (procedure page, home, browser app).
    Budget {
        /// The built site.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// The procedure whose page to report on first.
        #[arg(long, default_value = "1.001193")]
        sample: String,
    },
    /// Search the catalogue from the command line, with the same engine as the browser.
    Search {
        /// What to look for, as people type it.
        query: String,
        /// Print `[{code, name, score}]` as JSON, best first.
        #[arg(long)]
        json: bool,
        /// How many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Print the index bytes (brotli) a browser fetches for queries typed key by key: cold, and as the next query.
    SearchBytes {
        /// Queries, as people type them.
        #[arg(default_values_t = ["dang ky khai sinh".to_string(), "cap lai ho chieu".to_string(), "so do".to_string(), "dang ky ket hon".to_string(), "giay phep lai xe".to_string(), "thanh lap doanh nghiep".to_string()])]
        queries: Vec<String>,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Time each keystroke of queries typed key by key through the browser's engine code (native): median, p90, max.
    SearchBench {
        /// Judged queries (TSV, the query in column 2), e.g. ../shared/eval/queries-dev.tsv
        queries: Option<PathBuf>,
        /// More queries to type (repeatable).
        #[arg(long = "query")]
        query: Vec<String>,
        /// Timed passes over all keystrokes (after one warm-up pass).
        #[arg(long, default_value_t = 5)]
        passes: usize,
        /// Print one JSON object: {queries, keystrokes, passes, median_ms, p90_ms, max_ms}.
        #[arg(long)]
        json: bool,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Score search on judged queries (TSV: id, query, grade2, grade1, kind, note): Success@1/3, MRR@10.
    Eval {
        /// The judged queries, e.g. ../shared/eval/queries-dev.tsv
        queries: PathBuf,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Build a client-side-rendered version of one procedure page, only to compare with the real site in the
    /// measurement harness (node tests/e2e/measure.mjs --csr dist-csr).
    BuildCsr(motcua::site::CsrOptions),
    /// Build, then serve dist/ on 127.0.0.1 as a live preview: edits to content/ or public/ rebuild the site and
    /// reload open pages.
    Serve {
        #[command(flatten)]
        build: motcua::site::BuildOptions,
        /// Port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Serve dist/ as it is: no build, no watching, no reload script.
        #[arg(long)]
        no_build: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import { dir, content, report, date, reparse } => {
            motcua::import::run(&dir, &content, report, date.as_deref(), !reparse)
        }
        Command::Check { content } => motcua::site::check(&content),
        Command::Build(opts) => motcua::site::build(&opts).map(|_| ()),
        Command::BuildCsr(opts) => motcua::site::build_csr(&opts),
        Command::Posters { out, centres, content } => motcua::site::export_centre_posters(&content, &out, &centres),
        Command::Budget { out, sample } => motcua::site::budget::report(&out, &sample),
        Command::Search { query, json, limit, content } => motcua::search::native::run_search(&content, &query, json, limit),
        Command::SearchBytes { queries, content } => motcua::search::native::run_bytes(&content, &queries),
        Command::SearchBench { queries, query, passes, json, content } => {
            motcua::search::native::run_bench(&content, queries.as_deref(), &query, passes, json)
        }
        Command::Eval { queries, content } => motcua::search::native::run_eval(&content, &queries),
        Command::Serve { build, port, no_build } => {
            if no_build { motcua::site::serve(&build.out, port) } else { motcua::site::preview(&build, port) }
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// True when the error is a write to a pipe the reader closed: `motcua eval … | head` closes it before the
/// report ends, and the command should stop quietly, as other command-line tools do. (Rust ignores SIGPIPE, so
/// the write returns this error; the commands that print long reports write through `writeln!` to see it.)
fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}
