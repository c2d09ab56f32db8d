//! Shell-style patterns: `fnmatch` (one name against one pattern) and `glob` (the file names
//! a pattern names).

mod access;
pub mod fnmatch;
pub mod glob;
mod list;
pub mod results;

