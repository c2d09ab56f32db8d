//! A static-PIE program with a relocation type start-up cannot apply must say so on stderr
//! and exit with 127, not crash. No ordinary link makes one, so the test builds a program and
//! changes the type of one of its RELATIVE relocations to R_X86_64_COPY (5).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn u16_at(b: &[u8], at: usize) -> usize {
    u16::from_le_bytes([b[at], b[at + 1]]) as usize
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn u64_at(b: &[u8], at: usize) -> usize {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap()) as usize
}

/// File offset of the first Elf64_Rela in the first SHT_RELA section.
fn first_rela(elf: &[u8]) -> usize {
    let (shoff, shentsize, shnum) = (u64_at(elf, 0x28), u16_at(elf, 0x3a), u16_at(elf, 0x3c));
    (0..shnum)
        .map(|i| shoff + i * shentsize)
        .find(|&sh| u32_at(elf, sh + 4) == 4 && u64_at(elf, sh + 0x20) > 0)
        .map(|sh| u64_at(elf, sh + 0x18))
        .expect("a RELA section")
}

fn build(src: &Path, out: &Path) {
    let status = Command::new("make").arg("-s").arg("-C").arg(root()).arg("lib").status().unwrap();
    assert!(status.success(), "make lib failed");
    let status = Command::new(root().join("bin/rustcrt-cc")).arg(src).arg("-o").arg(out).status().unwrap();
    assert!(status.success(), "rustcrt-cc failed");
}

#[test]
fn unsupported_relocation_exits_127_with_a_message() {
    let dir = root().join("out/tests/unsupported_relocation");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("prog.c");
    // A pointer in initialised data guarantees at least one RELATIVE relocation.
    std::fs::write(&src, "static int x; int *volatile p = &x;\nint main(void) { return *p; }\n").unwrap();
    let exe = dir.join("prog");
    build(&src, &exe);

    let intact = Command::new(&exe).output().unwrap();
    assert_eq!(intact.status.code(), Some(0), "the unpatched program runs");

    let mut elf = std::fs::read(&exe).unwrap();
    let rela = first_rela(&elf);
    assert_eq!(u32_at(&elf, rela + 8), 8, "first relocation is R_X86_64_RELATIVE");
    elf[rela + 8] = 5;
    let patched = dir.join("prog-patched");
    std::fs::write(&patched, &elf).unwrap();
    std::fs::set_permissions(&patched, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();

    let out = Command::new(&patched).output().unwrap();
    assert_eq!(out.status.code(), Some(127));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unsupported relocation type 5"), "stderr: {stderr}");
}
