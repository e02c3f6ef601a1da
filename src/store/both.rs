//! The store's unit tests run on both databases: `on_both_backends!` turns each test into a
//! SQLite one and (with the `system-tests` feature) a PostgreSQL one on the private cluster,
//! and [`open`] opens the store of the backend the running test is for. On PostgreSQL the
//! database is named after the path, so a test that reopens "the same file" reopens it.

use super::{Store, StoreError, default_key_file};
use crate::sql::Backend;
use std::cell::Cell;
use std::path::Path;

thread_local! {
    static BACKEND: Cell<Backend> = const { Cell::new(Backend::Sqlite) };
}

/// Which backend this thread's test opens.
pub(crate) fn set(b: Backend) {
    BACKEND.with(|c| c.set(b));
}

/// The test store at `path` (its key `audit.key` beside it).
pub(crate) fn open(path: &Path) -> Result<Store, StoreError> {
    open_with_key(path, &default_key_file(path))
}

/// The test store at `path` with the audit key in `key`.
pub(crate) fn open_with_key(path: &Path, key: &Path) -> Result<Store, StoreError> {
    match BACKEND.with(Cell::get) {
        Backend::Sqlite => Store::open_with_key(path, key),
        Backend::Postgres => postgres(path, key),
    }
}

fn postgres(path: &Path, key: &Path) -> Result<Store, StoreError> {
    use sha2::Digest;
    let name = format!(
        "p{}",
        &super::hex(&sha2::Sha256::digest(path.as_os_str().as_encoded_bytes()))[..24]
    );
    let url = super::testing::Cluster::shared()
        .database(&name)
        .map_err(|e| StoreError::Invalid(format!("private PostgreSQL: {e}")))?;
    Store::open_postgres(&url, key)
}

/// Each `fn name() { … }` becomes the tests `name::sqlite` and `name::postgres`.
macro_rules! on_both_backends {
    ($( $(#[$meta:meta])* fn $name:ident() $body:block )*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            $(#[$meta])*
            fn body() $body
            #[test]
            fn sqlite() {
                $crate::store::both::set($crate::sql::Backend::Sqlite);
                body()
            }
            #[cfg(feature = "system-tests")]
            #[test]
            fn postgres() {
                $crate::store::both::set($crate::sql::Backend::Postgres);
                body()
            }
        }
    )*};
}
pub(crate) use on_both_backends;
