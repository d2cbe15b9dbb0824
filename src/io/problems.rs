//! Problems found in a user's file, each with the file, line and column, printed
//! as `FILE:LINE:COL: message` so editors and terminals can jump to them.

use std::fmt;
use std::path::{Path, PathBuf};

use super::ron_spans::LineCol;

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file.
    pub file: PathBuf,
    /// Where in it.
    pub at: LineCol,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem at a position.
    pub fn new(file: &Path, at: LineCol, message: impl Into<String>) -> Self {
        Self { file: file.to_path_buf(), at, message: message.into() }
    }

    /// A problem with the file as a whole (reported at 1:1).
    pub fn whole_file(file: &Path, message: impl Into<String>) -> Self {
        Self::new(file, LineCol { line: 1, col: 1 }, message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file.display(), self.at.line, self.at.col, self.message)
    }
}

/// Every problem found in one or more files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
