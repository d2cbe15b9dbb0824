/// A problem with one field of a parsed value, named by its path in the file
/// (`countries[3].periods[1].end`). The checks in `analysis` produce these; the
/// loaders in `io` turn the path into a line and column, so neither needs the other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// Path of the field.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl FieldProblem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into() }
    }
}
