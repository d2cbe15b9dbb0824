//! The layering of `src/`, checked: which top-level module may use which, no
//! cycles between them, and no egui, eframe or rfd outside `src/app`.
//!
//! The allowed dependencies are the table [`ALLOWED`], written as data so a change
//! of architecture is a visible one-line diff here and in the diagram in `src/lib.rs`.
//! Uses are read from the source text: `crate::X` anywhere (including
//! `use crate::{X::.., Y}`), and `super::` paths that climb to the crate root, with
//! comments, strings and character literals skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and the top-level modules it may use. `main.rs` and
/// `lib.rs` are the roots that tie them together and are not listed.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("analysis", &["model"]),
    ("geometry", &["model"]),
    ("io", &["model", "geometry"]),
    ("scene", &["model", "analysis", "geometry"]),
    ("export", &["model", "scene", "io", "geometry"]),
    ("workspace", &["model", "analysis", "geometry", "io", "scene"]),
    ("cli", &["model", "analysis", "geometry", "io", "scene", "export", "workspace"]),
    ("app", &["model", "analysis", "geometry", "io", "scene", "export", "workspace"]),
];

/// Crates for the window only: nothing outside `src/app` may name them.
const WINDOW_CRATES: &[&str] = &["egui", "eframe", "rfd", "egui_kittest"];

/// A token of Rust source, as far as this test needs: identifiers, `::` and the
/// punctuation that delimits paths and modules.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Other,
}

/// Splits source text into [`Token`]s, skipping comments, strings (raw ones too)
/// and character literals, so `"crate::app"` in a message is not a use.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || (next == Some('#') && raw_string_start(&chars, i + 1))) {
            // Raw string: r"..." or r#"..."#, closed by a quote and as many hashes.
            let mut hashes = 0;
            i += 1;
            while chars.get(i) == Some(&'#') {
                hashes += 1;
                i += 1;
            }
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '"'), or a lifetime ('a), which is skipped as a quote.
            if next == Some('\\') {
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Other);
        } else {
            out.push(match (c, next) {
                (':', Some(':')) => {
                    i += 1;
                    Token::PathSep
                }
                ('{', _) => Token::Open,
                ('}', _) => Token::Close,
                (',', _) => Token::Comma,
                _ => Token::Other,
            });
            i += 1;
        }
    }
    out
}

/// Whether `r#` at `at` starts a raw string (`r#"`, `r##"`), not a raw identifier (`r#type`).
fn raw_string_start(chars: &[char], mut at: usize) -> bool {
    while chars.get(at) == Some(&'#') {
        at += 1;
    }
    chars.get(at) == Some(&'"')
}

fn is_ident(token: Option<&Token>, name: &str) -> bool {
    matches!(token, Some(Token::Ident(id)) if id == name)
}

/// The first segment of every item of the `{...}` group opening at `open`:
/// `{io::x, model::{A, B}, self}` gives `io` and `model`.
fn group_heads(tokens: &[Token], open: usize) -> BTreeSet<String> {
    let mut heads = BTreeSet::new();
    let mut depth = 0;
    let mut item_start = true;
    for token in &tokens[open..] {
        match token {
            Token::Open => {
                depth += 1;
                if depth == 1 {
                    item_start = true;
                    continue;
                }
            }
            Token::Close => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Token::Comma if depth == 1 => {
                item_start = true;
                continue;
            }
            Token::Ident(id) if depth == 1 && item_start && id != "self" => {
                heads.insert(id.clone());
            }
            _ => {}
        }
        item_start = false;
    }
    heads
}

/// The top-level modules a file uses. `depth` is how deep the file's module sits
/// below the crate root (`src/io/mod.rs` and `src/io.rs` are 1, `src/io/shapes.rs`
/// is 2), so `super::` paths that reach the root can be told apart from those that
/// stay inside the file's own top-level module. Inline `mod name { .. }` blocks
/// add a level inside them.
fn top_level_uses(source: &str, depth: usize) -> BTreeSet<String> {
    let tokens = tokens(source);
    let mut uses = BTreeSet::new();
    // Brace depth at which each open inline module's body started.
    let mut inline_modules: Vec<usize> = Vec::new();
    let mut braces = 0;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Open => braces += 1,
            Token::Close => {
                if inline_modules.last() == Some(&braces) {
                    inline_modules.pop();
                }
                braces -= 1;
            }
            Token::Ident(id) if id == "mod" && tokens.get(i + 2) == Some(&Token::Open) => {
                inline_modules.push(braces + 1);
            }
            Token::Ident(id) if (id == "crate" || id == "super") && tokens.get(i + 1) == Some(&Token::PathSep) => {
                let mut at = i;
                let mut climbs = 0;
                if id == "super" {
                    while is_ident(tokens.get(at), "super") && tokens.get(at + 1) == Some(&Token::PathSep) {
                        climbs += 1;
                        at += 2;
                    }
                    if climbs < depth + inline_modules.len() {
                        i = at;
                        continue;
                    }
                } else {
                    at += 2;
                }
                match tokens.get(at) {
                    Some(Token::Ident(name)) => {
                        uses.insert(name.clone());
                    }
                    Some(Token::Open) => uses.extend(group_heads(&tokens, at)),
                    _ => {}
                }
                i = at;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    uses
}

/// Whether the source names a window crate as a path (`egui::`, `use eframe::..`).
fn window_crates_named(source: &str) -> BTreeSet<String> {
    let tokens = tokens(source);
    tokens
        .windows(2)
        .filter_map(|pair| match pair {
            [Token::Ident(id), Token::PathSep] if WINDOW_CRATES.contains(&id.as_str()) => Some(id.clone()),
            _ => None,
        })
        .collect()
}

/// A cycle in the graph, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every file under `src/` but the crate roots: its top-level module, its depth
/// below the crate root, and its text.
fn source_files() -> Vec<(String, usize, PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if parts.len() == 1 && (parts[0] == "lib.rs" || parts[0] == "main.rs") {
            continue;
        }
        let top = parts[0].trim_end_matches(".rs").to_owned();
        let depth = if parts.last().is_some_and(|f| f == "mod.rs") { parts.len() - 1 } else { parts.len() };
        let text = std::fs::read_to_string(&file).unwrap();
        out.push((top, depth, file, text));
    }
    out
}

/// Which top-level module uses which, over all of `src/`. Names used from the
/// crate root that are not modules (`crate::startup_report`, defined in `lib.rs`)
/// belong to the root, which everyone may use.
fn dependency_graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = source_files();
    let modules: BTreeSet<&str> = files.iter().map(|(top, ..)| top.as_str()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (top, depth, _, text) in &files {
        let uses = top_level_uses(text, *depth);
        let others = uses.into_iter().filter(|u| u != top && modules.contains(u.as_str()));
        graph.entry(top.clone()).or_default().extend(others);
    }
    graph
}

#[test]
fn every_top_level_module_uses_only_what_the_table_allows() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let graph = dependency_graph();
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        let Some(may_use) = allowed.get(module.as_str()) else {
            wrong.push(format!("{module} is not in the table ALLOWED; add it with what it may use"));
            continue;
        };
        for used in uses {
            if !may_use.contains(&used.as_str()) {
                wrong.push(format!("{module} uses {used}, which ALLOWED does not permit"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}\n(actual graph: {graph:?})", wrong.join("\n"));
    let missing: Vec<&str> = allowed.keys().copied().filter(|m| !graph.contains_key(*m)).collect();
    assert!(missing.is_empty(), "no files found for {missing:?}: is the walk of src/ broken?");
}

#[test]
fn no_top_level_modules_import_each_other_in_a_cycle() {
    let graph = dependency_graph();
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn nothing_outside_src_app_names_egui_eframe_or_rfd() {
    let mut wrong = Vec::new();
    for (top, _, file, text) in source_files() {
        let named = window_crates_named(&text);
        if top != "app" && !named.is_empty() {
            wrong.push(format!("{} names {named:?}", file.display()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_use_reader_finds_crate_paths_groups_and_root_supers_but_not_text() {
    let source = r##"
        //! Talks about crate::app in a comment.
        use crate::{io::x, model::{A, B}, self};
        use super::sibling;
        use super::super::scene::Scene;
        pub(super) fn f() -> crate::geometry::PlanePoint {
            let _ = "crate::cli in a string";
            let _ = r#"crate::export in a raw string"#;
            let _ = ['"', '\'', '{', '\u{7b}'];
            let _: &'static str = "";
            /* crate::workspace in a block comment */
            crate::analysis::check_atlas(&[])
        }
        mod tests {
            use super::*;
            use super::super::super::app::Thing;
        }
    "##;
    let found: Vec<String> = top_level_uses(source, 2).into_iter().collect();
    assert_eq!(found, ["analysis", "app", "geometry", "io", "model", "scene"]);

    // One level up, `super::sibling` reaches the crate root.
    assert!(top_level_uses("use super::sibling;", 1).contains("sibling"));
    assert!(top_level_uses("use super::sibling;", 2).is_empty());
}

#[test]
fn the_window_crate_reader_sees_paths_only() {
    assert_eq!(window_crates_named("use egui::Color32; // eframe::App"), BTreeSet::from(["egui".to_owned()]));
    assert!(window_crates_named("let egui_like = \"rfd::FileDialog\";").is_empty());
}

#[test]
fn the_cycle_finder_finds_a_cycle_and_only_a_cycle() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in edges {
            g.entry((*from).to_owned()).or_default().insert((*to).to_owned());
        }
        g
    };
    assert_eq!(find_cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    let cycle = find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])).expect("a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4);
}

#[test]
fn every_shipped_organisation_file_is_built_into_the_binary() {
    let maps = Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut on_disk: Vec<String> = std::fs::read_dir(&maps)
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ron"))
        .collect();
    on_disk.sort();
    let built_in: Vec<&str> = alliance_map::io::shipped::MAPS.iter().map(|(name, _)| *name).collect();
    assert_eq!(built_in, on_disk, "list every maps/*.ron in src/io/shipped.rs");
    for (name, text) in alliance_map::io::shipped::MAPS {
        assert_eq!(std::fs::read_to_string(maps.join(name)).unwrap(), *text, "{name}");
    }
}
