//! Atomic file writes: the old file stays byte-identical until the new one is
//! complete on disk. Write to a temporary file in the same directory (so the
//! rename cannot cross file systems), flush and sync it, then rename over the
//! target. A failure at any step leaves the original untouched.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A write in progress: dropped without [`Pending::commit`], it removes its
/// temporary file and the target never changes.
pub struct Pending {
    target: PathBuf,
    temp: PathBuf,
    file: Option<File>,
}

impl Pending {
    /// Creates the temporary file next to `target`.
    pub fn begin(target: &Path) -> std::io::Result<Self> {
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target.file_name().map_or_else(|| "layout".into(), |n| n.to_string_lossy().into_owned());
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&temp)?;
        Ok(Self { target: target.to_path_buf(), temp, file: Some(file) })
    }

    /// Writes bytes to the temporary file.
    pub fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match &mut self.file {
            Some(file) => file.write_all(bytes),
            None => Err(std::io::Error::other("write after commit")),
        }
    }

    /// Flushes and syncs the temporary file and renames it over the target.
    pub fn commit(mut self) -> std::io::Result<()> {
        let file = self.file.take().ok_or_else(|| std::io::Error::other("committed twice"))?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&self.temp, &self.target)?;
        // Make the rename itself durable where the platform allows it.
        if let Some(dir) = self.target.parent()
            && let Ok(dir) = File::open(if dir.as_os_str().is_empty() { Path::new(".") } else { dir })
        {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.file.is_some() || self.temp.exists() {
            self.file = None;
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes `bytes` to `target` atomically.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut pending = Pending::begin(target)?;
    pending.write_all(bytes)?;
    pending.commit()
}
