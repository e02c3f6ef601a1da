//! The receive buffer of one message: the first bytes in memory, the rest spilled to an unnamed
//! file in the spool directory, so memory stays bounded however many large messages arrive at
//! once. The file has no name (O_TMPFILE where available), so it vanishes when the message ends,
//! even if the process dies.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

/// A spool file could not be created, written or read.
#[derive(Debug, thiserror::Error)]
#[error("spool {dir}: {op}: {source}")]
pub struct BufferError {
    pub dir: PathBuf,
    pub op: &'static str,
    #[source]
    pub source: std::io::Error,
}

/// The bytes of one message being received.
#[derive(Debug)]
pub struct MessageBuffer {
    mem: Vec<u8>,
    file: Option<tokio::fs::File>,
    len: u64,
    threshold: u64,
    spool_dir: PathBuf,
}

impl MessageBuffer {
    pub fn new(threshold: u64, spool_dir: &Path) -> MessageBuffer {
        MessageBuffer {
            mem: Vec::new(),
            file: None,
            len: 0,
            threshold,
            spool_dir: spool_dir.to_path_buf(),
        }
    }

    /// Bytes held so far.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the buffer has spilled to disk.
    pub fn is_spilled(&self) -> bool {
        self.file.is_some()
    }

    fn err(&self, op: &'static str, source: std::io::Error) -> BufferError {
        BufferError {
            dir: self.spool_dir.clone(),
            op,
            source,
        }
    }

    /// Appends bytes, spilling to disk once the threshold is passed.
    pub async fn push(&mut self, data: &[u8]) -> Result<(), BufferError> {
        self.len += data.len() as u64;
        if self.file.is_none() && self.len <= self.threshold {
            self.mem.extend_from_slice(data);
            return Ok(());
        }
        if self.file.is_none() {
            let dir = self.spool_dir.clone();
            // Unnamed, and private: tempfile's O_TMPFILE file is created 0666 less the umask
            // (0644 under the usual 022), so it is brought to 0600 before any byte is written.
            let file = tokio::task::spawn_blocking(move || {
                use std::os::unix::fs::PermissionsExt;
                let f = tempfile::tempfile_in(dir)?;
                f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
                Ok::<_, std::io::Error>(f)
            })
            .await
            .map_err(|e| self.err("create", std::io::Error::other(e)))?
            .map_err(|e| self.err("create", e))?;
            let mut file = tokio::fs::File::from_std(file);
            // tokio buffers up to 2 MiB per file while its write runs on the blocking pool;
            // with hundreds of large messages arriving at once that is what fills memory.
            file.set_max_buf_size(64 * 1024);
            let mem = std::mem::take(&mut self.mem);
            if let Err(e) = file.write_all(&mem).await {
                return Err(self.err("write", e));
            }
            self.file = Some(file);
        }
        if let Some(file) = self.file.as_mut()
            && let Err(e) = file.write_all(data).await
        {
            return Err(self.err("write", e));
        }
        Ok(())
    }

    /// Takes the whole message out of the buffer as one byte vector (a spilled file is read back
    /// on the blocking pool).
    pub async fn into_bytes(self) -> Result<Vec<u8>, BufferError> {
        let MessageBuffer {
            mem,
            file,
            len,
            spool_dir,
            ..
        } = self;
        let Some(mut file) = file else {
            return Ok(mem);
        };
        let err = |op, source| BufferError {
            dir: spool_dir.clone(),
            op,
            source,
        };
        file.flush().await.map_err(|e| err("flush", e))?;
        let mut file = file.into_std().await;
        tokio::task::spawn_blocking(move || {
            let mut out = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
            file.seek(SeekFrom::Start(0))?;
            file.read_to_end(&mut out)?;
            Ok::<_, std::io::Error>(out)
        })
        .await
        .map_err(|e| err("read", std::io::Error::other(e)))?
        .map_err(|e| err("read", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn small_message_stays_in_memory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut b = MessageBuffer::new(100, dir.path());
        b.push(b"Subject: x\r\n\r\n").await.expect("push");
        b.push(b"hello\r\n").await.expect("push");
        assert!(!b.is_spilled());
        assert_eq!(
            b.into_bytes().await.expect("bytes"),
            b"Subject: x\r\n\r\nhello\r\n"
        );
    }

    #[tokio::test]
    async fn large_message_spills_and_reads_back_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut b = MessageBuffer::new(1000, dir.path());
        let mut want = Vec::new();
        for i in 0..100u32 {
            let chunk = format!("line {i} {}\r\n", "x".repeat(50));
            want.extend_from_slice(chunk.as_bytes());
            b.push(chunk.as_bytes()).await.expect("push");
        }
        assert!(b.is_spilled());
        assert_eq!(b.len(), want.len() as u64);
        // The spool file has no name: the directory stays empty. And it is private (issue 15):
        // nobody else may read a message being scanned.
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
        {
            use std::os::unix::fs::PermissionsExt;
            let file = b.file.as_ref().expect("spilled");
            let mode = file.metadata().await.expect("fstat").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "spool file mode {mode:o}");
        }
        assert_eq!(b.into_bytes().await.expect("bytes"), want);
    }

    #[tokio::test]
    async fn unwritable_spool_is_an_error_naming_the_directory() {
        let mut b = MessageBuffer::new(1, Path::new("/nonexistent/canhgac-spool"));
        let e = b.push(b"more than one byte").await.expect_err("must fail");
        assert!(e.to_string().contains("/nonexistent/canhgac-spool"), "{e}");
    }
}
