//! The user and group databases, `<pwd.h>` and `<grp.h>`, read from `/etc/passwd` and
//! `/etc/group` (no NSS: the files are the only source, as for glibc's "files" service).

pub mod file;
pub mod group;
pub mod passwd;
pub mod store;
