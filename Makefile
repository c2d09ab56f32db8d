# rustcrt: `make` builds the library and leaves bin/rustcrt-cc usable in place;
# `make demo` runs the examples; `make check` runs every test; `make bench` the benchmarks.
# `make preload` builds librustcrt_preload.so (for LD_PRELOAD into glibc programs);
# `make demo-preload` runs an ordinary glibc program under it.

CARGO    ?= cargo
PREFIX   ?= /usr/local
LIB      := target/release/librustcrt.a
CC_WRAP  := bin/rustcrt-cc
HEADER   := include/rustcrt.h
PYTHON   ?= python3
# The preload build has a target directory of its own, so that it never replaces librustcrt.a.
PRELOAD_TARGET := target/preload
PRELOAD  := target/release/librustcrt_preload.so

.PHONY: all lib demo check test-rust test-c test-header test-tables header tables install clean deps preload test-preload demo-preload

all: lib

# What the project needs on a fresh Debian machine (CI included): cbindgen from crates.io, and
# the time-zone database that the time tests read (Debian's tzdata), installed when missing.
deps:
	@command -v cbindgen >/dev/null 2>&1 || $(CARGO) install cbindgen --locked --quiet
	@test -f /usr/share/zoneinfo/Europe/Berlin || bench/tools.sh tzdata || true

lib:
	$(CARGO) build --release --features c-abi --quiet

# The string, malloc and sync shims as a shared object for glibc programs: the feature's
# staticlib, linked by preload/link.py (exports by family, RUSTCRT_STATS entry points).
preload:
	CARGO_TARGET_DIR=$(PRELOAD_TARGET) $(CARGO) build --release --features preload --quiet
	@mkdir -p $(dir $(PRELOAD))
	@$(PYTHON) preload/link.py $(PRELOAD_TARGET)/release/librustcrt.a $(PRELOAD)

demo-preload: preload
	@$(PYTHON) examples/preload.py

# The header, generated from the shims.
header: deps
	cbindgen --quiet --config cbindgen.toml --crate rustcrt --output $(HEADER)

demo: lib
	@$(PYTHON) examples/run.py

check: lib test-rust test-header test-tables test-c test-preload

# The Unicode tables of C.UTF-8 (src/ctype/unicode_tables.rs), generated from the Unicode 14.0.0
# data of Python's unicodedata and Perl's Unicode::UCD (glibc 2.36's version); `make check`
# fails when the committed file differs from what the generator makes now (a few seconds), and
# says it skipped the comparison on a machine whose Python or Perl has other Unicode data.
tables:
	$(PYTHON) tools/gen_wctype.py > src/ctype/unicode_tables.rs.tmp
	mv src/ctype/unicode_tables.rs.tmp src/ctype/unicode_tables.rs

test-tables:
	@if $(PYTHON) tools/gen_wctype.py --data-ok; then \
		$(PYTHON) tools/gen_wctype.py | diff -q src/ctype/unicode_tables.rs - >/dev/null || \
		{ echo "src/ctype/unicode_tables.rs is stale: run 'make tables' and commit it"; exit 1; }; \
	else echo "test-tables: skipped, this machine cannot make the tables (see above)"; fi

test-rust:
	$(CARGO) test --quiet

# The committed header must match what cbindgen makes of the shims now, and must compile
# together with glibc's headers under -Werror (a shim whose signature differs from glibc's
# prototype fails here).
test-header: deps
	@tmp=$$(mktemp -d) && \
	cbindgen --quiet --config cbindgen.toml --crate rustcrt --output $$tmp/rustcrt.h && \
	if ! diff -u $(HEADER) $$tmp/rustcrt.h; then \
		echo "header drift: run 'make header' and commit include/rustcrt.h"; rm -rf $$tmp; exit 1; fi && \
	rm -rf $$tmp
	@$(PYTHON) c-tests/header_check.py

test-c: lib deps
	@$(PYTHON) c-tests/run.py

# The string, malloc and sync C tests, built against glibc and run under LD_PRELOAD.
test-preload: preload
	@$(PYTHON) c-tests/preload.py

install: lib preload
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/librustcrt.a
	install -m 755 $(PRELOAD) $(DESTDIR)$(PREFIX)/lib/librustcrt_preload.so
	install -m 644 $(HEADER) $(DESTDIR)$(PREFIX)/include/rustcrt.h
	install -m 755 $(CC_WRAP) $(DESTDIR)$(PREFIX)/bin/rustcrt-cc
	sed -e 's|@PREFIX@|$(PREFIX)|g' rustcrt.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/rustcrt.pc

clean:
	$(CARGO) clean
	rm -rf out

-include bench/bench.mk
